"""Flash over SWD with pyOCD used as a library (ST-Link, CMSIS-DAP, J-Link).

The sequence, in this order (tests/test_flash_pyocd.py checks it):

    1. list probes without waiting (blocking=False): none -> EXIT_NO_DEVICE at
       once; several and no --probe -> list them, EXIT_USAGE (never pyOCD's
       interactive chooser)
    2. Session(probe, target_override="stm32f405rg", connect_mode="under-reset")
       and open it: the pyboard's red/green LEDs sit on SWDIO/SWCLK, so running
       firmware may have disabled SWD; holding NRST while connecting gets past
       that. The target's post-connect hook checks DBGMCU DEV_ID (0x413).
    3. halt
    4. program: one FileProgrammer over the image's segments (sector erase,
       smart flash: unchanged sectors are skipped)
    5. verify: read every segment back and compare (pyOCD itself does not)
    6. reset (the firmware starts), close the session

pyOCD reports erase and program progress as two 0-to-1 sweeps through one
callback; a drop of the fraction marks the start of programming.
"""

from __future__ import annotations

import contextlib
import errno
import io
import logging
import os

from uptc.diagnostics import ToolError
from uptc.tools.flash import (
    EXIT_IO,
    EXIT_NO_DEVICE,
    EXIT_NO_PERMISSION,
    EXIT_NO_TOOL,
    EXIT_USAGE,
    EXIT_WRONG_CHIP,
    Image,
    Progress,
)

SWD_FREQUENCY = 4_000_000  # Hz; ST-Link V2 and CMSIS-DAP probes manage this on short wires
VERIFY_CHUNK = 4096

UDEV_HINT = (
    "install the udev rules from docs/flash-a-pyboard.md "
    "(/etc/udev/rules.d/49-uptc.rules), then unplug and replug the probe"
)
WIRING_HINT = (
    "check SWDIO, SWCLK, GND and NRST (uptc connects under reset, so NRST must be "
    "wired) and that the board is powered"
)


class _LogCapture(logging.Handler):
    """Keeps pyOCD's log records: shown with --verbose, read for udev/libusb hints."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def messages(self, level=logging.WARNING) -> list[str]:
        out = []
        for r in self.records:
            if r.levelno >= level:
                try:
                    out.append(r.getMessage())
                except Exception:  # noqa: BLE001 - a malformed record is not worth a traceback
                    out.append(str(r.msg))
        return out

    def mentions(self, *words: str) -> bool:
        return any(w in m for m in self.messages() for w in words)


def flash(image: Image, board, probe_id: str | None, progress: Progress,
          verbose: bool = False) -> None:
    """Erase, program, verify and reset over SWD; raises ToolError on any failure."""
    logger = logging.getLogger("pyocd")
    capture = _LogCapture()
    saved = (logger.level, logger.propagate)
    logger.addHandler(capture)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
    try:
        _flash(image, board, probe_id, progress, capture)
    finally:
        logger.removeHandler(capture)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        if verbose:
            for m in capture.messages(logging.INFO):
                progress.note(f"pyocd: {m}")


def _flash(image, board, probe_id, progress, capture) -> None:
    from uptc.tools import pyocd_target

    target_name = pyocd_target.register()
    if board.pyocd_target and board.pyocd_target != target_name:
        raise ToolError(
            f"board '{board.name}' wants pyOCD target '{board.pyocd_target}'; "
            f"uptc provides only '{target_name}'",
            EXIT_USAGE,
        )
    try:
        from pyocd.core import exceptions
        from pyocd.core.helpers import ConnectHelper
        from pyocd.core.session import Session
        from pyocd.flash.file_programmer import FileProgrammer
    except ImportError as e:
        raise ToolError(f"pyocd is not usable ({e}); pip install 'pyocd~=0.46'", EXIT_NO_TOOL) \
            from None

    probe = _choose_probe(ConnectHelper, probe_id, capture)
    session = None
    stage = "connect"
    try:
        session = Session(
            probe,
            auto_open=False,
            no_config=True,  # a stray pyocd.yaml must not change what uptc does
            project_dir=os.getcwd(),  # Session chdirs here: keep the caller's directory
            target_override=target_name,
            connect_mode="under-reset",
            frequency=SWD_FREQUENCY,
            hide_programming_progress=True,
        )
        progress.note(f"Connecting to {board.mcu} under reset via {_describe(probe)}")
        session.open()
        target = session.target
        stage = "halt"
        target.halt()
        stage = "program"
        sweeps = _Sweeps(progress, _erase_bytes(image, target), image.size)
        programmer = FileProgrammer(session, progress=sweeps, chip_erase="sector",
                                    smart_flash=True)
        for seg in image.segments:
            programmer.add_file(io.BytesIO(seg.data), file_format="bin", base_address=seg.address)
        programmer.commit()
        stage = "verify"
        _verify(target, image, progress)
        stage = "reset"
        progress.note("Resetting")
        target.reset()
    except pyocd_target.WrongChipError as e:
        raise ToolError(str(e), EXIT_WRONG_CHIP) from None
    except ToolError:
        raise
    except exceptions.Error as e:
        raise _pyocd_error(stage, e, exceptions) from None
    except OSError as e:
        raise _os_error(stage, e) from None
    except Exception as e:  # libusb/pyusb errors are not all OSErrors
        if _is_usb_error(e):
            raise _os_error(stage, e) from None
        raise
    finally:
        if session is not None:
            _close(session)


def _choose_probe(helper, probe_id, capture):
    """The one probe to use; never waits, never asks on the console."""
    try:
        probes = helper.get_all_connected_probes(
            blocking=False, unique_id=probe_id, print_wait_message=False
        )
    except Exception as e:  # noqa: BLE001 - enumeration errors come from several USB stacks
        if _is_usb_error(e) or isinstance(e, OSError):
            raise _os_error("list probes", e) from None
        raise ToolError(f"cannot list SWD probes: {e}", EXIT_IO) from None
    if len(probes) == 1:
        return probes[0]
    if len(probes) > 1:
        listing = ", ".join(f"{p.unique_id} ({_describe(p)})" for p in probes)
        which = f"matching '{probe_id}' " if probe_id else ""
        raise ToolError(
            f"several SWD probes {which}are connected: {listing}; choose one with --probe ID",
            EXIT_USAGE,
        )
    if capture.mentions("udev"):
        raise ToolError(f"permission denied on the SWD probe's USB device: {UDEV_HINT}",
                        EXIT_NO_PERMISSION)
    if capture.mentions("no libusb"):
        raise ToolError(
            "pyOCD found no libusb library, so ST-Link and CMSIS-DAPv2 probes are invisible: "
            "pip install libusb-package (or install libusb-1.0)",
            EXIT_NO_TOOL,
        )
    if probe_id:
        raise ToolError(f"no SWD probe with ID '{probe_id}' is connected "
                        "(list probes: pyocd list --probes)", EXIT_NO_DEVICE)
    raise ToolError(
        "no SWD probe found (ST-Link, CMSIS-DAP or J-Link): plug one in and wire it to the "
        "pyboard (docs/flash-a-pyboard.md), or use --method dfu",
        EXIT_NO_DEVICE,
    )


def _describe(probe) -> str:
    for attr in ("description", "product_name"):
        text = None
        with contextlib.suppress(Exception):  # probe properties may touch USB
            text = getattr(probe, attr)
        if text:
            return str(text)
    return "probe"


class _Sweeps:
    """pyOCD's progress callback -> Erasing then Programming phases."""

    def __init__(self, progress: Progress, erase_bytes: int, program_bytes: int):
        self.progress = progress
        self.sizes = {"Erasing": erase_bytes, "Programming": program_bytes}
        self.phase = ""
        self.last = 0.0

    def __call__(self, fraction: float) -> None:
        if not self.phase:
            self._start("Erasing")
        elif self.phase == "Erasing" and fraction < self.last:
            self._start("Programming")
        self.last = fraction
        self.progress.update(int(fraction * self.sizes[self.phase]))

    def _start(self, phase: str) -> None:
        self.phase = phase
        self.progress.phase(phase, self.sizes[phase])


def _erase_bytes(image: Image, target) -> int:
    """Bytes in the flash sectors the image touches (what a sector erase clears)."""
    sectors = set()
    for region in target.memory_map.iter_matching_regions(is_flash=True):
        size = region.sector_size
        for seg in image.segments:
            lo, hi = max(seg.address, region.start), min(seg.end, region.end + 1)
            if lo < hi:
                first = (lo - region.start) // size
                last = (hi - 1 - region.start) // size
                sectors.update((region.start + i * size, size) for i in range(first, last + 1))
    return sum(size for _, size in sectors)


def _verify(target, image: Image, progress: Progress) -> None:
    progress.phase("Verifying", image.size)
    done = 0
    for seg in image.segments:
        for off in range(0, len(seg.data), VERIFY_CHUNK):
            want = seg.data[off : off + VERIFY_CHUNK]
            got = bytes(target.read_memory_block8(seg.address + off, len(want)))
            if got != want:
                i = next(k for k in range(len(want)) if k >= len(got) or got[k] != want[k])
                addr = seg.address + off + i
                read = f"0x{got[i]:02x}" if i < len(got) else "nothing"
                raise ToolError(
                    f"verification failed at 0x{addr:08x}: wrote 0x{want[i]:02x}, read {read} "
                    "(is the flash write-protected? see docs/flashing.md)",
                    EXIT_IO,
                )
            done += len(want)
            progress.update(done)
    progress.end_phase()


def _close(session) -> None:
    with contextlib.suppress(Exception):  # the result is decided; closing is best effort
        session.close()


def _is_usb_error(e: BaseException) -> bool:
    return type(e).__module__.startswith("usb.")


def _os_error(stage: str, e: BaseException) -> ToolError:
    code = getattr(e, "errno", None)
    text = str(e)
    if code == errno.EACCES or "Access denied" in text or "ACCESS" in text:
        return ToolError(f"permission denied on the SWD probe: {UDEV_HINT}", EXIT_NO_PERMISSION)
    if type(e).__name__ == "NoBackendError":
        return ToolError("no libusb back end for pyusb: pip install libusb-package", EXIT_NO_TOOL)
    if code in (errno.ENODEV, errno.ENOENT, errno.EPIPE, errno.EIO) or "No such device" in text:
        return ToolError(f"the SWD probe went away during {stage}: {text}", EXIT_IO)
    return ToolError(f"USB error during {stage}: {text}", EXIT_IO)


def _pyocd_error(stage: str, e: BaseException, exceptions) -> ToolError:
    text = str(e) or type(e).__name__
    if any(w in text for w in ("Access denied", "insufficient permissions", "ERROR_ACCESS")):
        return ToolError(f"permission denied on the SWD probe: {UDEV_HINT}", EXIT_NO_PERMISSION)
    if isinstance(e, exceptions.FlashFailure):
        where = getattr(e, "address", None)
        at = f" at 0x{where:08x}" if isinstance(where, int) else ""
        return ToolError(
            f"flash {stage} failed{at}: {text} (the flash may be read- or write-protected: "
            "see docs/flashing.md)",
            EXIT_IO,
        )
    if stage == "connect":
        return ToolError(f"cannot connect to the target: {text}; {WIRING_HINT}", EXIT_NO_DEVICE)
    if isinstance(e, exceptions.ProbeDisconnected):
        return ToolError(f"the SWD probe disconnected during {stage}: {text}", EXIT_IO)
    return ToolError(f"{stage} failed: {text}", EXIT_IO)
