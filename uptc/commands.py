"""`uptc build`, `uptc run`, `uptc check`: arguments around uptc.driver."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from uptc import driver
from uptc.diagnostics import EXIT_CANT_CREATE, EXIT_USAGE, ToolError


def seconds(text: str) -> float:
    """An argparse type: a time limit, a positive number of seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text}")
    return value


def configure(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("file", help="the program's main .py file")
    if name == "check":
        return
    p.add_argument("--board", default=None,
                   help="host (default), pyboard, or pyboard-128k8k"
                   + ("; --device implies pyboard" if name == "run" else ""))
    p.add_argument("--profile", help="board profile, e.g. 128k8k (pyboard: full, 128k8k)")
    p.add_argument("--heap-size", type=int, metavar="BYTES",
                   help="GC heap size for host builds (default: the board's)")
    p.add_argument("--sanitize", action="store_true",
                   help="host build with -fsanitize=address,undefined (testing)")
    p.add_argument("--gc-stress", action="store_true",
                   help="collect garbage at every allocation (testing)")
    if name == "build":
        p.add_argument("-o", "--output", metavar="DIR",
                       help="output directory (default: build/BOARD, e.g. build/host, "
                       "build/pyboard, build/pyboard-128k8k)")
        emit = p.add_mutually_exclusive_group()
        emit.add_argument("--emit-c", action="store_true",
                          help="print the generated C on stdout (the size table goes to stderr)")
        emit.add_argument("--emit-ir", action="store_true",
                          help="print the IR after the passes on stdout (the size table goes "
                          "to stderr)")
    else:
        p.add_argument("--timeout", type=seconds, default=None,
                       help="seconds before an emulated run is stopped (default 60)")
        p.add_argument("--trace-gpio", action="store_true",
                       help="show LED/pin changes (QEMU; host: UPTC_TRACE=stderr)")
        p.add_argument("--device", action="store_true",
                       help="flash a real board and stream its console "
                       "(implies --board pyboard)")
        p.add_argument("--method", choices=["pyocd", "dfu"], default=None,
                       help="with --device: how to flash (default pyocd)")
        p.add_argument("--probe", help="with --device: SWD probe ID")
        p.add_argument("--port", help="with --device: serial port or URL of the console")
        from uptc.tools.flash import add_yes_argument

        add_yes_argument(p)


# Files uptc writes, which the commands taking a program refuse by name.
BUILT_SUFFIXES = (".elf", ".bin", ".hex", ".dfu", ".map", ".o", ".a")


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.exists():
        raise ToolError(f"{args.file}: no such file")
    if path.suffix.lower() in BUILT_SUFFIXES:
        raise ToolError(
            f"{args.file} is a built file, not a program: `uptc {args.command}` takes the "
            "program's .py file (`uptc flash` writes a built image, `uptc size` measures it)",
            EXIT_USAGE,
        )
    if args.command == "check":
        driver.check(path)
        return 0
    args.board = board_name(args)
    if args.command == "build":
        return cmd_build(args, path)
    return cmd_run(args, path)


def output_dir(out: Path, option: str = "-o DIR") -> Path:
    """Create the folder a build writes to, or say in one line why it cannot be.

    A file in the way (of the folder or of one of its parents), a folder that
    cannot be created or written (permissions, a read-only file system):
    ToolError with EXIT_CANT_CREATE, before anything is compiled.
    """
    out = Path(out)
    for p in [out, *out.parents]:
        if p.exists() or p.is_symlink():
            if not p.is_dir():
                raise ToolError(f"cannot write the build to {out}: {p} is a file, not a folder "
                                f"(remove it, or choose another folder with {option})",
                                EXIT_CANT_CREATE)
            break
    fix = f"choose another folder with {option}"
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ToolError(f"cannot create the output folder {out}: {e.strerror} ({fix})",
                        EXIT_CANT_CREATE) from None
    # Writable? Try it: permissions alone miss a read-only file system (and root).
    try:
        fd, probe = tempfile.mkstemp(prefix=".uptc-", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise ToolError(f"cannot write to the output folder {out}: {e.strerror} ({fix})",
                        EXIT_CANT_CREATE) from None
    return out


def board_name(args: argparse.Namespace) -> str:
    """--board, or its default: pyboard with --device (the board flashed), else host.

    The options of --device without it, and --device with the host, are
    usage errors rather than silently ignored.
    """
    device = getattr(args, "device", False)
    if not device:
        given = [f"--{o}" for o in ("method", "probe", "port", "yes") if getattr(args, o, None)]
        if given:
            raise ToolError(f"{', '.join(given)} appl{'ies' if len(given) == 1 else 'y'} only "
                            "with --device (flashing a board)", EXIT_USAGE)
    if args.board is None:
        return "pyboard" if device else "host"
    if device:
        from uptc.boards import load_board

        if load_board(args.board, args.profile).is_host:
            raise ToolError(f"--device flashes a board, and '{args.board}' is the host: "
                            "use --board pyboard (the default with --device)", EXIT_USAGE)
    return args.board


def default_output_dir(board: str, profile: str | None) -> Path:
    """build/<board>, the profile in the name when it is not the board's default
    (build/host, build/pyboard, build/pyboard-128k8k): builds of one program for
    different boards or profiles do not overwrite each other."""
    from uptc.boards import load_board

    return Path("build") / load_board(board, profile).qualified_name


def cmd_build(args: argparse.Namespace, path: Path) -> int:
    from uptc.toolchain import LinkOverflowError

    out = output_dir(Path(args.output) if args.output
                     else default_output_dir(args.board, args.profile))
    # With --emit-c / --emit-ir stdout carries the C or the IR alone, so that
    # it can be redirected to a file; everything else goes to stderr.
    emitted = out / f"{path.stem}.c" if args.emit_c else out / f"{path.stem}.ir"
    report_to = sys.stderr if args.emit_c or args.emit_ir else sys.stdout
    try:
        result = driver.build(path, args.board, args.profile, out, args.verbose, args.sanitize,
                              args.gc_stress, args.heap_size, emit_ir=args.emit_ir)
    except LinkOverflowError as e:
        from uptc.tools.size import format_overflow, size_report

        if args.emit_c or args.emit_ir:
            sys.stdout.write(emitted.read_text(encoding="utf-8"))  # generated before the link
        report = size_report(e.elf, None) if e.elf is not None else None
        print(format_overflow(report, e), file=report_to)
        return 1
    if args.emit_c or args.emit_ir:
        sys.stdout.write(emitted.read_text(encoding="utf-8"))
    if result.elf is not None:
        from uptc.tools.size import format_size_table, size_report

        print(format_size_table(size_report(result.elf, result.board)), file=report_to)
        files = (result.elf, result.bin, result.hex, result.dfu, result.map)
        print(f"wrote {', '.join(str(p) for p in files)}", file=report_to)
    elif args.verbose:
        print(f"wrote {result.exe}", file=sys.stderr)
    return 0


def cmd_run(args: argparse.Namespace, path: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="uptc-run-") as tmp:
        result = driver.build(path, args.board, args.profile, Path(tmp), args.verbose,
                              args.sanitize, args.gc_stress, args.heap_size)
        prog_args = [str(path)] + list(args.program_args)
        if result.exe is not None:
            env = dict(os.environ)
            if args.trace_gpio:
                env.setdefault("UPTC_TRACE", "stderr")
            if args.sanitize:
                env.setdefault("ASAN_OPTIONS", "detect_leaks=0")
            sys.stdout.flush()
            try:
                proc = subprocess.run([str(result.exe), *prog_args[1:]], env=env,
                                      executable=str(result.exe), timeout=args.timeout)
            except subprocess.TimeoutExpired:
                raise ToolError(f"{path}: still running after {args.timeout:g} s; stopped") from None
            return _status(proc.returncode)
        assert result.elf is not None
        if args.device:
            from uptc.tools.flash import flash_and_monitor

            return flash_and_monitor(result, result.board, method=args.method or "pyocd",
                                     probe=args.probe, port=args.port, timeout=args.timeout,
                                     yes=args.yes)
        from uptc.tools.qemu import run_firmware

        # argv[0] is the firmware's name; the program's arguments follow.
        return run_firmware(result.elf, result.board,
                            timeout=args.timeout if args.timeout is not None else 60,
                            trace_gpio=args.trace_gpio, args=prog_args[1:])


def _status(rc: int) -> int:
    # A program killed by a signal: report it as the shell does.
    return 128 - rc if rc < 0 else rc
