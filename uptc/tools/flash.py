"""`uptc flash`: check a firmware image, write it to a pyboard, verify, reset.

    uptc flash app.py --board pyboard                         # build, then flash via SWD (pyOCD)
    uptc flash build/pyboard/app.elf --method dfu --monitor   # USB DFU, then the console

The steps, each its own function so tests can drive them one by one:

    load_image()       FILE (.elf .bin .hex .dfu) -> Image: (address, bytes) segments
    check_image()      pre-flight against the board: every segment inside the
                       flash, the whole within the profile's budget, a vector
                       table at the flash start -- before anything is written
    warning()          what writing does to the firmware on the board (MicroPython
                       and its filesystem), printed once before the first write
                       phase unless --yes
    flash_image()      flash_pyocd.flash() or flash_dfu.flash(): erase, program,
                       verify, reset, with a Progress display on stderr

Every failure is a ToolError with one line and one of the exit statuses
below (docs/flashing.md lists them); nothing waits without a bound.
"""

from __future__ import annotations

import argparse
import struct
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from uptc.diagnostics import ToolError

# ---- exit statuses (sysexits.h values where one fits; docs/flashing.md) ----

EXIT_FAILED = 1  # the build failed, or the monitor's stream ended before --until
EXIT_USAGE = 64  # bad arguments: unknown method/board, wrong extension, several devices
EXIT_BAD_IMAGE = 65  # the image does not fit the board or is corrupt
EXIT_NO_INPUT = 66  # FILE (or --elf) does not exist
EXIT_NO_DEVICE = 69  # no probe / no DFU device / no serial port
EXIT_IO = 74  # erase/program/verify failed, the connection broke, a tool timed out
EXIT_WRONG_CHIP = 76  # the probe sees another MCU than the board's
EXIT_NO_PERMISSION = 77  # the OS denies access to the USB device / port (udev)
EXIT_NO_TOOL = 78  # neither dfu-util nor a libusb back end; pyOCD too old or new
EXIT_TIMEOUT = 124  # monitor: --until did not match within --timeout

METHODS = ("pyocd", "dfu")
IMAGE_SUFFIXES = (".elf", ".bin", ".hex", ".dfu")

# A vector table's first words: initial SP (in RAM) and reset handler (Thumb, in flash).
RAM_WINDOWS = ((0x20000000, 0x20030000), (0x10000000, 0x10010000))


# ---- images -------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    address: int
    data: bytes

    @property
    def end(self) -> int:
        return self.address + len(self.data)


@dataclass
class Image:
    """What will be written: segments sorted by address, from one file."""

    path: Path
    kind: str  # "elf", "bin", "hex" or "dfu"
    segments: list[Segment] = field(default_factory=list)
    # The ELF to decode addresses with (the image itself, or one built with it).
    elf: Path | None = None
    # The DfuSe file for dfu-util (the image itself, or one built with it).
    dfu: Path | None = None

    @property
    def size(self) -> int:
        return sum(len(s.data) for s in self.segments)

    @property
    def start(self) -> int:
        return self.segments[0].address

    @property
    def end(self) -> int:
        return max(s.end for s in self.segments)

    def read(self, address: int, n: int) -> bytes | None:
        for s in self.segments:
            if s.address <= address and address + n <= s.end:
                off = address - s.address
                return s.data[off : off + n]
        return None


def _bad(path: Path, what: str) -> ToolError:
    return ToolError(f"{path}: {what}", EXIT_BAD_IMAGE)


def load_image(path: Path, board) -> Image:
    """Read FILE into segments; the format comes from the extension."""
    path = Path(path)
    if not path.is_file():
        raise ToolError(f"{path}: no such file", EXIT_NO_INPUT)
    kind = path.suffix.lower().lstrip(".")
    loaders = {"elf": _load_elf, "bin": _load_bin, "hex": _load_hex, "dfu": _load_dfu}
    if kind not in loaders:
        raise ToolError(
            f"{path}: cannot flash a '{path.suffix}' file (use .py, .elf, .bin, .hex or .dfu)",
            EXIT_USAGE,
        )
    image = Image(path, kind)
    image.segments = sorted(loaders[kind](path, board), key=lambda s: s.address)
    if kind == "elf":
        image.elf = path
    elif path.with_suffix(".elf").is_file():
        image.elf = path.with_suffix(".elf")
    if kind == "dfu":
        image.dfu = path
    if not image.segments:
        raise _bad(path, "contains no data to flash")
    return image


def _load_elf(path: Path, board) -> list[Segment]:
    from uptc.tools.elfcheck import open_elf

    # open_elf checks that every loadable segment is in the file: a
    # truncated ELF is refused here, never written to the board in part.
    with open_elf(path) as elf:
        if elf["e_machine"] != "EM_ARM" or elf.elfclass != 32:
            raise _bad(
                path,
                f"is a {elf.elfclass}-bit {elf['e_machine']} ELF, not ARM firmware "
                "(was it built for the host?)",
            )
        segments = []
        for seg in elf.iter_segments():
            if seg["p_type"] == "PT_LOAD" and seg["p_filesz"] > 0:
                data = seg.data()[: seg["p_filesz"]]
                if len(data) != seg["p_filesz"]:  # open_elf checked; the file changed since
                    raise _bad(path, f"the segment at 0x{seg['p_paddr']:08x} is cut short")
                # By load address: .data is stored in flash (LMA) and copied to RAM.
                segments.append(Segment(seg["p_paddr"], data))
        return segments


def _load_bin(path: Path, board) -> list[Segment]:
    limit = board.flash_memory.length
    size = path.stat().st_size
    if size > limit:
        raise _bad(
            path,
            f"is {size} bytes, more than the {_kib(limit)} flash of {board.name}: an "
            "objcopy -O binary of an ELF with a section loaded in RAM (.data without "
            "AT> FLASH) gap-fills up to it",
        )
    return [Segment(_flash_base(board), path.read_bytes())]


def _load_hex(path: Path, board) -> list[Segment]:
    from intelhex import IntelHex, IntelHexError

    try:
        ih = IntelHex(str(path))
        return [Segment(s, ih.tobinstr(start=s, end=e - 1)) for s, e in ih.segments()]
    except (IntelHexError, ValueError, OSError) as e:
        raise _bad(path, f"not a valid Intel HEX file ({e})") from None


def _load_dfu(path: Path, board) -> list[Segment]:
    from uptc.tools import dfuse

    try:
        parsed = dfuse.parse_dfuse(path.read_bytes())
    except ValueError as e:
        raise _bad(path, f"not a valid DfuSe file: {e}") from None
    dfu = board.dfu
    if dfu is not None:
        if parsed.vid not in (dfu.vid, 0xFFFF) or parsed.pid not in (dfu.pid, 0xFFFF):
            raise _bad(
                path,
                f"is for USB device {parsed.vid:04x}:{parsed.pid:04x}, but the "
                f"{board.name}'s bootloader is {dfu.vid:04x}:{dfu.pid:04x}",
            )
        alts = {t.alt for t in parsed.targets} - {dfu.alt}
        if alts:
            raise _bad(path, f"has images for alternate setting(s) {sorted(alts)}, "
                       f"not only {dfu.alt} (internal flash)")
    return [Segment(e.address, e.data) for t in parsed.targets for e in t.elements]


def _flash_base(board) -> int:
    return board.dfu.address if board.dfu is not None else board.flash_memory.origin


def _kib(n: int) -> str:
    return f"{n // 1024} KB" if n % 1024 == 0 else f"{n} bytes"


def check_image(image: Image, board) -> None:
    """Pre-flight: raise ToolError(EXIT_BAD_IMAGE) unless the image fits the board."""
    path = image.path
    device = board.flash_memory
    budget = board.profile.flash or device
    profile = board.profile.name
    for seg in image.segments:
        span = f"{len(seg.data)} bytes at 0x{seg.address:08x}"
        if not (device.origin <= seg.address and seg.end <= device.end):
            hint = ""
            if any(lo <= seg.address < hi for lo, hi in RAM_WINDOWS):
                hint = " -- a section loaded in RAM: link .data with AT> FLASH"
            raise _bad(
                path,
                f"{span} lie outside the flash of {board.name} "
                f"(0x{device.origin:08x}-0x{device.end - 1:08x}){hint}",
            )
        if seg.end > budget.end:
            raise _bad(
                path,
                f"{span} end beyond the {_kib(budget.length)} flash of profile "
                f"'{profile}' (0x{budget.origin:08x}-0x{budget.end - 1:08x})",
            )
    for a, b in zip(image.segments, image.segments[1:]):
        if b.address < a.end:
            raise _bad(path, f"segments at 0x{a.address:08x} and 0x{b.address:08x} overlap")
    if image.size > budget.length:
        raise _bad(
            path,
            f"is {image.size} bytes, more than the {_kib(budget.length)} flash of "
            f"profile '{profile}'",
        )
    base = _flash_base(board)
    head = image.read(base, 8)
    if head is None:
        raise _bad(
            path,
            f"has no vector table at 0x{base:08x}, where the {board.name} boots "
            f"(the image starts at 0x{image.start:08x})",
        )
    sp, reset = struct.unpack("<II", head)
    if not any(lo < sp <= hi for lo, hi in RAM_WINDOWS) or not (
        reset & 1 and device.contains(reset & ~1)
    ):
        raise _bad(
            path,
            f"the words at 0x{base:08x} (SP=0x{sp:08x}, reset=0x{reset:08x}) are not a "
            "Cortex-M vector table: this image would not boot",
        )


# ---- what writing replaces ----------------------------------------------------------

# MicroPython's firmware for the pyboard (its port's stm32f405.ld) keeps the
# internal filesystem -- /flash, the drive the board shows over USB, with
# boot.py, main.py and the user's files -- in flash sectors 1-4; its own code
# is in sector 0 and from sector 5 on. Writing erases every sector an image
# touches.
MICROPYTHON_FS = (0x08004000, 0x08020000)


def warning(image: Image, board) -> str:
    """The lines printed before writing: what is replaced, what may be lost,
    and how to go back to MicroPython."""
    lo, hi = MICROPYTHON_FS
    lines = [
        "uptc: warning: flashing replaces the firmware on the board: MicroPython, if it is "
        "there, no longer starts",
    ]
    if board.name == "pyboard":
        if any(s.address < hi and s.end > lo for s in image.segments):
            lines.append(
                f"uptc: warning: this image overwrites flash 0x{lo:08x}-0x{hi - 1:08x} (sectors "
                "1-4), where MicroPython keeps its internal filesystem (/flash, the board's USB "
                "drive): the files on it are lost; copy them off first"
            )
        else:
            lines.append(
                f"uptc: warning: this image ends at 0x{image.end:08x}: MicroPython's internal "
                f"filesystem (/flash, 0x{lo:08x}-0x{hi - 1:08x}) is left as it is"
            )
        lines.append(
            "uptc: warning: to go back, write MicroPython's firmware (a .dfu file from "
            "micropython.org/download) in DFU mode: dfu-util -a 0 -D FIRMWARE.dfu "
            "(docs/flash-a-pyboard.md); --yes skips this warning"
        )
    return "\n".join(lines)


# ---- progress -------------------------------------------------------------------


class Progress:
    """Erasing / Programming / Verifying on stderr.

    On a terminal: a bar per phase, redrawn in place. Otherwise (CI, logs): one
    line when each phase ends. Then "Finished in X.XXs (N KiB @ R KiB/s)".
    `preamble` (the warning()) is written once, just before the first phase:
    when the device answered, and not before a failure to find it.
    """

    WIDTH = 30

    def __init__(self, stream: TextIO | None = None, tty: bool | None = None, quiet=False,
                 preamble: str | None = None):
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.quiet = quiet
        self.preamble = preamble
        self.t0 = time.monotonic()
        self.name = ""
        self.total = 0
        self.done = 0
        self.phase_t0 = 0.0
        self._drawn = -1

    def phase(self, name: str, total: int) -> None:
        self.end_phase()
        if self.preamble:
            self._write(self.preamble + "\n")
            self.preamble = None
        self.name, self.total, self.done = name, max(0, total), 0
        self.phase_t0 = time.monotonic()
        self._drawn = -1
        self._draw()

    def update(self, done: int) -> None:
        if not self.name:
            return
        self.done = min(max(done, self.done), self.total)
        self._draw()

    def end_phase(self) -> None:
        if not self.name:
            return
        self.done = self.total
        elapsed = time.monotonic() - self.phase_t0
        line = f"{self.name:>11} {_kib_f(self.total)} in {elapsed:.2f}s ({_rate(self.total, elapsed)})"
        if self.tty:
            self._draw(force=True)
            self._write("\n")
        else:
            self._write(line + "\n")
        self.name = ""

    def finish(self, nbytes: int) -> float:
        self.end_phase()
        elapsed = time.monotonic() - self.t0
        self._write(f"Finished in {elapsed:.2f}s ({_kib_f(nbytes)} @ {_rate(nbytes, elapsed)})\n")
        return elapsed

    def note(self, text: str) -> None:
        """A line of its own (connect, reset...), between phases."""
        self.end_phase()
        self._write(text + "\n")

    def _draw(self, force=False) -> None:
        if not self.tty:
            return
        frac = self.done / self.total if self.total else 1.0
        cells = int(frac * self.WIDTH)
        if cells == self._drawn and not force:
            return
        self._drawn = cells
        elapsed = time.monotonic() - self.phase_t0
        bar = "=" * cells + " " * (self.WIDTH - cells)
        self._write(
            f"\r{self.name:>11} [{bar}] {frac * 100:3.0f}% "
            f"{_kib_f(self.done)}/{_kib_f(self.total)} {_rate(self.done, elapsed)}\x1b[K"
        )

    def _write(self, text: str) -> None:
        if not self.quiet:
            self.stream.write(text)
            self.stream.flush()


def _kib_f(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def _rate(n: int, seconds: float) -> str:
    return f"{n / 1024 / seconds:.1f} KiB/s" if seconds > 0 else "-- KiB/s"


# ---- the command ------------------------------------------------------------------


def configure(p: argparse.ArgumentParser, name: str) -> None:
    from uptc.tools.monitor import add_port_arguments

    p.add_argument("file", help="app.py (built first), or a built .elf, .bin, .hex or .dfu")
    p.add_argument("--board", default="pyboard", help="default: pyboard")
    p.add_argument("--profile", help="memory profile of the board (e.g. full, 128k8k)")
    p.add_argument(
        "--method",
        default="pyocd",
        help="pyocd (SWD probe: ST-Link, CMSIS-DAP, J-Link; the default) or dfu (USB, BOOT0)",
    )
    p.add_argument("--probe", metavar="ID", help="unique ID (or part of it) of the SWD probe")
    p.add_argument("--monitor", action="store_true", help="open the serial console afterwards")
    add_port_arguments(p)
    p.add_argument("--until", metavar="REGEX", help="with --monitor: stop when output matches")
    from uptc.commands import seconds

    p.add_argument("--timeout", type=seconds, metavar="S",
                   help="with --monitor: stop after S s")
    p.add_argument("-o", "--out-dir", type=Path,
                   help="build directory for app.py (default build/BOARD, as uptc build)")
    add_yes_argument(p)


def add_yes_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("-y", "--yes", action="store_true",
                   help="no warning that flashing replaces MicroPython and may erase its "
                   "filesystem (for scripts)")


def run(args: argparse.Namespace) -> int:
    from uptc.tools import monitor

    method = _check_method(args.method)
    board = _load_board(args.board, args.profile)
    path = Path(args.file)
    until = monitor.compile_until(args.until)
    if path.suffix == ".py":
        if not path.is_file():
            raise ToolError(f"{path}: no such file", EXIT_NO_INPUT)
        from uptc import driver
        from uptc.commands import default_output_dir, output_dir

        out_dir = output_dir(args.out_dir or default_output_dir(args.board, args.profile),
                             "-o/--out-dir DIR")
        result = driver.build(path, args.board, args.profile, out_dir, args.verbose)
        image = image_from_build(result, board)
    else:
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            raise ToolError(
                f"{path}: cannot flash a '{path.suffix}' file "
                "(use .py, .elf, .bin, .hex or .dfu)",
                EXIT_USAGE,
            )
        image = load_image(path, board)
    check_image(image, board)
    flash_image(image, board, method, args.probe, verbose=args.verbose,
                warn=None if args.yes else warning(image, board))
    if not args.monitor:
        return 0
    return monitor.monitor(
        port=args.port,
        baud=args.baud,
        elf=image.elf,
        timeout=args.timeout,
        until=until,
        open_wait=2.0,
    )


def _check_method(method: str) -> str:
    if method not in METHODS:
        raise ToolError(f"unknown flash method '{method}' (use pyocd or dfu)", EXIT_USAGE)
    return method


def _load_board(name, profile):
    """A firmware board from uptc/boards (a Board object is passed through)."""
    from uptc.boards import load_board

    board = load_board(name, profile) if isinstance(name, str) else name
    if board.is_host or board.flash_memory is None:
        raise ToolError(f"board '{board.name}' has no flash to write (try --board pyboard)",
                        EXIT_USAGE)
    return board


def image_from_build(result, board) -> Image:
    """The image of a BuildResult: segments from its ELF, its .dfu for dfu-util."""
    image = load_image(Path(result.elf), board)
    dfu = getattr(result, "dfu", None)
    if dfu is not None and Path(dfu).is_file():
        image.dfu = Path(dfu)
    return image


def flash_image(image: Image, board, method: str, probe: str | None = None,
                progress: Progress | None = None, verbose: bool = False,
                warn: str | None = None) -> float:
    """Write a checked image with `method`; returns the seconds it took.

    warn: lines printed once before the first phase (see Progress)."""
    if progress is None:
        progress = Progress(preamble=warn)
    elif warn:
        progress.preamble = warn
    if method == "pyocd":
        from uptc.tools import flash_pyocd

        flash_pyocd.flash(image, board, probe, progress, verbose)
    else:
        from uptc.tools import flash_dfu

        if probe:
            raise ToolError("--probe selects an SWD probe; it does not apply to --method dfu",
                            EXIT_USAGE)
        flash_dfu.flash(image, board, progress, verbose)
    return progress.finish(image.size)


def flash_and_monitor(
    build_result,
    board,
    method: str = "pyocd",
    probe: str | None = None,
    port: str | None = None,
    baud: int = 115200,
    timeout: float | None = None,
    yes: bool = False,
) -> int:
    """Flash a BuildResult and stream the console; returns the exit status.

    For `uptc run app.py --board pyboard --device`. board: a name such as
    "pyboard" / "pyboard-128k8k", or a Board. timeout: seconds to monitor
    (None: until Ctrl-C or the end of the stream). yes: no warning() before
    writing.
    """
    from uptc.tools import monitor

    method = _check_method(method)
    board = _load_board(board, None)
    image = image_from_build(build_result, board)
    check_image(image, board)
    flash_image(image, board, method, probe, warn=None if yes else warning(image, board))
    return monitor.monitor(port=port, baud=baud, elf=image.elf, timeout=timeout, open_wait=2.0)
