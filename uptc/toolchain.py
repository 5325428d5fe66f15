"""The C compile and link layer: gcc (host) or arm-none-eabi-gcc (boards).

    tc = Toolchain.for_board(board)                      # cc, ar, objcopy ... and flags
    lib = build_archive(board, "runtime", sources, [runtime_dir()])   # cached
    hal = hal_archive(board)                             # hal/<board.hal>/*.c, cached
    exe = link_host([app_c], [lib, hal], out_exe)        # host executable
    out = link_firmware([app_c], [lib, hal], board, out_dir, "app")   # .elf .bin .hex .dfu .map

Archives are cached under uptc.paths.cache_dir(), keyed by a hash of the
sources, every header in the include directories, the flags and the
compiler's version: the runtime and the HAL are compiled once per board and
flags. Two processes building the same archive at once (pytest -n) each build
in a private directory and rename it into place; the loser uses the winner's.

Every C compile sees, besides the caller's include directories, hal/ (hal.h)
and the directory of the board's generated board_config.h. With verbose=True
every command line is printed to stderr before it runs.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from uptc.boards import Board, board_config_dir, load_board
from uptc.diagnostics import ToolError
from uptc.paths import cache_dir, hal_dir, linker_dir

# Bump when the layout of cached archives or the way they are built changes.
_CACHE_FORMAT = "uptc-archive-1"

_INSTALL_HINT = {
    "arm-none-eabi-": "install the ARM cross compiler and its C library with "
    "`sudo apt install gcc-arm-none-eabi libnewlib-arm-none-eabi` (or `make setup`)",
    "": "install it with `sudo apt install gcc` (or `make setup`)",
}


class BuildError(ToolError):
    """A compile or link step failed; `output` is what the compiler said."""

    def __init__(self, message: str, output: str = ""):
        super().__init__(message + (f"\n{output.rstrip()}" if output.strip() else ""))
        self.output = output


class LinkOverflowError(BuildError):
    """The program does not fit the board profile's memory.

    overflows: region name -> bytes over ("RAM": 1908), from ld's
    "region `RAM' overflowed by 1908 bytes". elf: the image linked anyway
    (--noinhibit-exec) for a size table, or None.
    """

    def __init__(self, message: str, output: str, overflows: dict[str, int], elf: Path | None):
        super().__init__(message, output)
        self.overflows = overflows
        self.elf = elf
        self.linker_messages = [
            line.split(": ", 1)[-1] for line in output.splitlines() if _is_overflow_line(line)
        ]


@dataclass(frozen=True)
class FirmwareOutputs:
    elf: Path
    bin: Path
    hex: Path
    dfu: Path
    map: Path


# ---- the toolchain of a board ---------------------------------------------

# The sanitizer build (`uptc run --sanitize`, the runtime's sanitize tests):
# ASan and UBSan plus the float-to-int conversion check UBSan leaves out
# (converting an out-of-range double is undefined), none of them
# recoverable: the first report ends the program (with the status the host
# HAL sets, hal/host/main.c). Used for the runtime and HAL archives, the
# program's object and the link alike.
SANITIZE_CFLAGS = ("-fsanitize=address,undefined,float-cast-overflow", "-fno-omit-frame-pointer",
                   "-fno-sanitize-recover=all")


@dataclass(frozen=True)
class Toolchain:
    board: Board
    prefix: str  # "arm-none-eabi-" or ""
    cflags: tuple[str, ...]
    ldflags: tuple[str, ...] = field(default=())

    @classmethod
    def for_board(cls, board: Board) -> Toolchain:
        """The compiler and flags for `board`; ToolError if the compiler is missing."""
        prefix = board.toolchain_prefix
        cc = prefix + "gcc"
        if shutil.which(cc) is None:
            hint = _INSTALL_HINT.get(prefix, f"install {cc}")
            raise ToolError(f"{cc} not found: {hint}")
        if board.is_host:
            # Sections per function and object: the reference graph that
            # uptc/features.py reads from the archives is then exact.
            cflags = ("-std=gnu11", "-O2", "-g", "-Wall", "-Wextra", "-fno-common",
                      "-ffunction-sections", "-fdata-sections")
            ldflags: tuple[str, ...] = ()
        else:
            cflags = (
                "-std=gnu11",
                "-Os",
                "-g",  # debug info only: lets addr2line map a fault to a source line
                "-ffunction-sections",  # with --gc-sections: unused functions cost nothing
                "-fdata-sections",
                "-Wall",
                "-Wextra",
                "-fno-common",
                "-fno-math-errno",  # sqrtf -> one vsqrt.f32
                "--specs=nano.specs",  # newlib-nano's headers and libraries (also links)
                *board.cpu_flags,
            )
            ldflags = (
                "-nostartfiles",  # the HAL's Reset_Handler is the entry
                "-Wl,--gc-sections",
                f"-L{linker_dir()}",
                f"-T{board.linker_script}",
            )
        if board.float32:
            cflags += ("-DUP_FLOAT32=1",)
        return cls(board=board, prefix=prefix, cflags=cflags, ldflags=ldflags)

    def tool(self, name: str) -> str:
        return self.prefix + name

    @property
    def cc(self) -> str:
        return self.tool("gcc")

    @property
    def ar(self) -> str:
        return self.tool("ar")

    @property
    def objcopy(self) -> str:
        return self.tool("objcopy")

    @property
    def size(self) -> str:
        return self.tool("size")

    @property
    def nm(self) -> str:
        return self.tool("nm")

    @property
    def addr2line(self) -> str:
        return self.tool("addr2line")

    def version(self) -> str:
        return _compiler_version(self.cc)

    def include_flags(self, include_dirs: Iterable[Path] = ()) -> list[str]:
        """-I flags: the caller's directories, then hal/ and board_config.h's."""
        dirs = [*include_dirs, hal_dir(), board_include_dir(self.board)]
        return [f"-I{d}" for d in dirs]


@functools.cache
def _compiler_version(cc: str) -> str:
    try:
        out = subprocess.run(
            [cc, "--version"], capture_output=True, text=True, check=True
        ).stdout.splitlines()[0]
        machine = subprocess.run(
            [cc, "-dumpmachine"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError, IndexError) as e:
        raise ToolError(f"cannot run {cc}: {e}") from None
    return f"{shutil.which(cc)} {out} {machine}"


def board_include_dir(board: Board) -> Path:
    """The directory holding this board's generated board_config.h."""
    try:
        return board_config_dir(board, cache_dir() / "config")
    except OSError as e:
        raise _cache_error(e) from None


def _cache_error(e: OSError) -> ToolError:
    return ToolError(
        f"cannot write uptc's build cache ({e.filename or cache_dir()}: {e.strerror}); "
        "set UPTC_CACHE_DIR to a writable directory"
    )


# ---- running the tools ------------------------------------------------------


def _run(cmd: Sequence[str], verbose: bool, what: str) -> str:
    """Runs cmd; returns its stderr (warnings). BuildError when it fails."""
    if verbose:
        print(shlex.join(cmd), file=sys.stderr, flush=True)
    try:
        proc = subprocess.run(list(cmd), check=False, capture_output=True, text=True)
    except OSError as e:
        raise ToolError(f"cannot run {cmd[0]}: {e}") from None
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        _raise_if_newlib_missing(output)
        raise BuildError(f"{what} failed", output)
    return proc.stderr


def _raise_if_newlib_missing(output: str) -> None:
    missing_lib = re.search(r"cannot find -l(c|c_nano|m|nosys)\b", output)
    missing_specs = "nano.specs" in output and "No such file" in output
    if missing_lib or missing_specs:
        raise ToolError(
            "the ARM C library (newlib) is missing: install it with "
            "`sudo apt install libnewlib-arm-none-eabi` (or `make setup`)"
        )


def _compile_all(
    tc: Toolchain,
    sources: Sequence[Path],
    obj_dir: Path,
    flags: Sequence[str],
    verbose: bool,
) -> list[Path]:
    """Compiles every source to obj_dir (in parallel); returns the objects in
    order. A source that is an object already (.o) is taken as it is."""
    objects = [Path(s) if Path(s).suffix == ".o" else obj_dir / f"{i:03d}-{Path(s).stem}.o"
               for i, s in enumerate(sources)]
    todo = [(Path(s), o) for s, o in zip(sources, objects) if Path(s).suffix != ".o"]

    def one(pair: tuple[Path, Path]) -> str:
        src, obj = pair
        cmd = [tc.cc, *flags, "-c", str(src), "-o", str(obj)]
        return _run(cmd, verbose, f"compiling {src}")

    workers = max(1, min(len(todo), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        warnings = list(pool.map(one, todo))
    if verbose:
        for w in warnings:
            if w.strip():
                print(w.rstrip(), file=sys.stderr)
    return objects


# ---- cached archives --------------------------------------------------------


def _archive_key(
    tc: Toolchain,
    name: str,
    sources: Sequence[Path],
    include_dirs: Sequence[Path],
    flags: Sequence[str],
) -> str:
    h = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        h.update(f"{label}:{len(data)}:".encode())
        h.update(data)

    add("format", _CACHE_FORMAT.encode())
    add("name", name.encode())
    add("compiler", tc.version().encode())
    add("flags", "\0".join(flags).encode())
    for src in sources:
        add("source", Path(src).name.encode())
        add("content", Path(src).read_bytes())
    # Every header the sources could include: the include directories' own
    # (recursively), hal/, and board_config.h (its content is in the flags'
    # directory name, and hashed here again through the directory walk).
    for d in [*include_dirs, hal_dir(), board_include_dir(tc.board)]:
        for header in sorted(Path(d).rglob("*.h")):
            add("header", str(header.relative_to(d)).encode())
            add("content", header.read_bytes())
    return h.hexdigest()


def build_archive(
    board: Board,
    name: str,
    sources: Iterable[Path | str],
    include_dirs: Iterable[Path | str],
    defines: Iterable[str] = (),
    extra_cflags: Iterable[str] = (),
    verbose: bool = False,
) -> Path:
    """Compiles `sources` into lib<name>.a for `board`, or returns the cached one.

    defines: "NAME" or "NAME=VALUE" (-D). extra_cflags: appended to the
    board's flags (e.g. "-Werror", "-fsanitize=address,undefined").
    """
    tc = Toolchain.for_board(board)
    srcs = [Path(s) for s in sources]
    if not srcs:
        raise ToolError(f"no C sources for archive '{name}'")
    for s in srcs:
        if not s.is_file():
            raise ToolError(f"C source not found: {s}")
    incs = [Path(d) for d in include_dirs]
    flags = [
        *tc.cflags,
        *extra_cflags,
        *(f"-D{d}" for d in defines),
        *tc.include_flags(incs),
    ]
    key = _archive_key(tc, name, srcs, incs, flags)
    parent = cache_dir() / "archives" / board.qualified_name
    final = parent / f"{name}-{key[:24]}"
    lib = final / f"lib{name}.a"
    if lib.is_file():
        if verbose:
            print(f"# cached: {lib}", file=sys.stderr)
        return lib

    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=parent))
    except OSError as e:
        raise _cache_error(e) from None
    try:
        objects = _compile_all(tc, srcs, tmp, flags, verbose)
        # D: deterministic (no timestamps, uids), so equal inputs give equal archives.
        _run([tc.ar, "rcsD", str(tmp / lib.name), *map(str, objects)], verbose, "ar")
        for obj in objects:
            obj.unlink()
        (tmp / "flags.txt").write_text(shlex.join(flags) + "\n", encoding="utf-8")
        try:
            os.rename(tmp, final)
        except OSError:
            # Another process finished the same archive first: use theirs.
            if not lib.is_file():
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return lib


def compile_object(
    board: Board,
    c_file: Path | str,
    obj: Path | str,
    defines: Iterable[str] = (),
    extra_cflags: Iterable[str] = (),
    include_dirs: Iterable[Path | str] = (),
    verbose: bool = False,
) -> Path:
    """Compiles one C file to an object (the program's, for analysing what it uses)."""
    tc = Toolchain.for_board(board)
    flags = [*tc.cflags, *extra_cflags, *(f"-D{d}" for d in defines),
             *tc.include_flags(Path(d) for d in include_dirs)]
    out = Path(obj)
    out.parent.mkdir(parents=True, exist_ok=True)
    _run([tc.cc, *flags, "-c", str(c_file), "-o", str(out)], verbose, f"compiling {c_file}")
    return out


def object_key(board: Board, c_text: str, defines: Iterable[str] = (),
               extra_cflags: Iterable[str] = ()) -> str:
    """What an object compiled from c_text for board depends on, as a digest
    (the headers it includes are the runtime's, the same for every build)."""
    tc = Toolchain.for_board(board)
    h = hashlib.sha256()
    for part in (tc.cc, *tc.cflags, *extra_cflags, *(f"-D{d}" for d in defines), c_text):
        h.update(part.encode() + b"\0")
    return h.hexdigest()


def cached_object(
    board: Board,
    c_text: str,
    name: str,
    defines: Iterable[str] = (),
    extra_cflags: Iterable[str] = (),
    include_dirs: Iterable[Path | str] = (),
    verbose: bool = False,
) -> Path:
    """The object of generated C text, compiled once per text, compiler,
    flags and headers (the types files of many programs are the same)."""
    tc = Toolchain.for_board(board)
    flags = [*tc.cflags, *extra_cflags, *(f"-D{d}" for d in defines),
             *tc.include_flags(Path(d) for d in include_dirs)]
    h = hashlib.sha256()
    for part in (tc.cc, *flags, c_text):
        h.update(part.encode() + b"\0")
    for d in include_dirs:
        for hdr in sorted(Path(d).glob("*.h")):
            h.update(hdr.name.encode() + b"\0" + hdr.read_bytes())
    obj = cache_dir() / "objects" / board.qualified_name / f"{name}-{h.hexdigest()[:24]}.o"
    if obj.is_file():
        if verbose:
            print(f"# cached: {obj}", file=sys.stderr)
        return obj
    try:
        obj.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".obj-", dir=obj.parent) as tmp:
            src = Path(tmp) / f"{name}.c"
            src.write_text(c_text, encoding="utf-8")
            out = Path(tmp) / f"{name}.o"
            _run([tc.cc, *flags, "-c", str(src), "-o", str(out)], verbose, f"compiling {name}.c")
            out.replace(obj)
    except OSError as e:
        raise _cache_error(e) from None
    return obj


def hal_archive(board: Board, extra_cflags: Iterable[str] = (), verbose: bool = False) -> Path:
    """libhal.a: hal/<board.hal>/*.c compiled for the board (cached)."""
    src_dir = hal_dir() / board.hal
    sources = sorted(src_dir.glob("*.c"))
    if not sources:
        raise ToolError(f"no HAL sources in {src_dir}")
    return build_archive(board, "hal", sources, [src_dir], (), tuple(extra_cflags), verbose)


# ---- linking ---------------------------------------------------------------


def link_host(
    c_files: Iterable[Path | str],
    archives: Iterable[Path | str],
    out_exe: Path | str,
    defines: Iterable[str] = (),
    extra_cflags: Iterable[str] = (),
    verbose: bool = False,
    board: Board | None = None,
    include_dirs: Iterable[Path | str] = (),
) -> Path:
    """Compiles the program's C and links a host executable.

    extra_cflags are used for compiling and linking (so -fsanitize=... works);
    the archives should have been built with the same sanitizer flags.
    """
    board = board or load_board("host")
    if not board.is_host:
        raise ToolError(f"link_host needs a host board, not '{board.name}'")
    tc = Toolchain.for_board(board)
    out = Path(out_exe)
    out.parent.mkdir(parents=True, exist_ok=True)
    extra = list(extra_cflags)
    flags = [
        *tc.cflags,
        *extra,
        *(f"-D{d}" for d in defines),
        *tc.include_flags(Path(d) for d in include_dirs),
    ]
    srcs = [Path(c) for c in c_files]
    with tempfile.TemporaryDirectory(prefix=f".{out.name}-", dir=out.parent) as tmp:
        objects = _compile_all(tc, srcs, Path(tmp), flags, verbose)
        cmd = [
            tc.cc,
            *tc.cflags,
            *extra,
            *tc.ldflags,
            "-o",
            str(out),
            *map(str, objects),
            "-Wl,--start-group",
            *map(str, archives),
            "-Wl,--end-group",
            "-lm",
            "-lpthread",
        ]
        _run(cmd, verbose, "linking")
    return out


_OVERFLOW_RE = re.compile(r"region [`'‘\"]?([\w.]+)[`'’\"]? overflowed by (\d+) bytes?")


def _is_overflow_line(line: str) -> bool:
    return bool(
        _OVERFLOW_RE.search(line)
        or "will not fit in region" in line
        or "uptc: the GC heap is smaller" in line
    )


def parse_overflows(output: str) -> dict[str, int]:
    """{"RAM": 1908} from ld's "region `RAM' overflowed by 1908 bytes" lines."""
    found: dict[str, int] = {}
    for m in _OVERFLOW_RE.finditer(output):
        found[m.group(1)] = max(found.get(m.group(1), 0), int(m.group(2)))
    return found


def link_firmware(
    c_files: Iterable[Path | str],
    archives: Iterable[Path | str],
    board: Board,
    out_dir: Path | str,
    name: str,
    verbose: bool = False,
    defines: Iterable[str] = (),
    extra_cflags: Iterable[str] = (),
    include_dirs: Iterable[Path | str] = (),
) -> FirmwareOutputs:
    """Compiles the program's C, links it for the board profile and writes
    NAME.elf, NAME.bin, NAME.hex, NAME.dfu and NAME.map into out_dir.

    A program too big for the profile raises LinkOverflowError (with the
    overflow per region, and an ELF linked anyway for the size table).
    """
    if board.is_host:
        raise ToolError("link_firmware needs a board, not the host (use link_host)")
    tc = Toolchain.for_board(board)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    elf = out / f"{name}.elf"
    map_file = out / f"{name}.map"
    extra = list(extra_cflags)
    flags = [
        *tc.cflags,
        *extra,
        *(f"-D{d}" for d in defines),
        *tc.include_flags(Path(d) for d in include_dirs),
    ]
    srcs = [Path(c) for c in c_files]
    libs = [str(a) for a in archives]
    with tempfile.TemporaryDirectory(prefix=f".{name}-", dir=out) as tmp:
        objects = _compile_all(tc, srcs, Path(tmp), flags, verbose)

        def link_cmd(target: Path, *more: str) -> list[str]:
            return [
                tc.cc,
                *tc.cflags,
                *extra,
                *tc.ldflags,
                f"-Wl,-Map={map_file}",
                *more,
                "-o",
                str(target),
                *map(str, objects),
                # A group: newlib calls back into the HAL (_write, _sbrk ...).
                "-Wl,--start-group",
                *libs,
                "-lc",
                "-lm",
                "-lgcc",
                "-Wl,--end-group",
            ]

        try:
            _run(link_cmd(elf), verbose, "linking")
        except BuildError as e:
            if not any(_is_overflow_line(line) for line in e.output.splitlines()):
                raise
            overflows = parse_overflows(e.output)
            # Link once more, keeping the output, so the size table can show
            # what is in the image that does not fit.
            big = out / f"{name}.overflow.elf"
            try:
                _run(link_cmd(big, "-Wl,--noinhibit-exec"), verbose, "linking (for sizes)")
            except BuildError:
                big = None
            if big is not None and not big.is_file():
                big = None
            what = ", ".join(f"{r} overflowed by {n:,} bytes" for r, n in overflows.items())
            raise LinkOverflowError(
                f"{name} does not fit board '{board.qualified_name}': {what or 'too big'}",
                e.output,
                overflows,
                big,
            ) from None

    _check_load_addresses(elf, board)
    bin_file = out / f"{name}.bin"
    hex_file = out / f"{name}.hex"
    _run([tc.objcopy, "-O", "binary", str(elf), str(bin_file)], verbose, "objcopy")
    _run([tc.objcopy, "-O", "ihex", str(elf), str(hex_file)], verbose, "objcopy")
    from uptc.tools.dfuse import dfuse_from_elf

    dfu_file = out / f"{name}.dfu"
    dfu = board.dfu
    if dfu is None:
        raise ToolError(f"board '{board.name}' has no [dfu] section")
    dfu_file.write_bytes(dfuse_from_elf(elf, vid=dfu.vid, pid=dfu.pid, alt=dfu.alt))
    stale = out / f"{name}.overflow.elf"
    if stale.exists():
        stale.unlink()
    return FirmwareOutputs(elf=elf, bin=bin_file, hex=hex_file, dfu=dfu_file, map=map_file)


def _check_load_addresses(elf: Path, board: Board) -> None:
    """Every byte the ELF loads must be in the profile's flash; otherwise
    objcopy -O binary would fill the gap up to RAM (a 384 MB .bin)."""
    from elftools.elf.elffile import ELFFile

    flash = board.profile.flash
    assert flash is not None
    with open(elf, "rb") as f:
        for seg in ELFFile(f).iter_segments():
            if seg["p_type"] != "PT_LOAD" or seg["p_filesz"] == 0:
                continue
            start, size = seg["p_paddr"], seg["p_filesz"]
            if not (flash.contains(start) and start + size <= flash.end):
                raise BuildError(
                    f"{elf.name}: {size} bytes are loaded at 0x{start:08x}, outside flash "
                    f"(0x{flash.origin:08x}..0x{flash.end:08x}); check the linker script"
                )
