"""The `uptc` command line: parses arguments and hands off to the driver or a tool.

Exit status: 0 success; 1 when uptc rejects the program or a tool fails; for
`run`, the program's own status; the others are in uptc/diagnostics.py (and
the README). No Python traceback reaches the user: an unexpected failure
inside uptc prints one line (set UPTC_DEBUG=1 for the traceback).

A closed stdin, stdout or stderr (`uptc run app.py >&-`) is opened on
/dev/null, so that output to it is discarded as CPython does and no file uptc
opens takes its place. A pipe closed early (`uptc run app.py | head -1`) ends
uptc quietly with status 141, as a program killed by SIGPIPE.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from uptc import __version__
from uptc.diagnostics import (
    EXIT_BROKEN_PIPE,
    EXIT_CANT_CREATE,
    EXIT_IO,
    CompileError,
    ToolError,
    print_error,
)

# Subcommands implemented by a tool module: name -> module. Each module has
# configure(parser) and run(args) -> int.
TOOL_COMMANDS = {
    "build": "uptc.commands",
    "run": "uptc.commands",
    "check": "uptc.commands",
    "flash": "uptc.tools.flash",
    "monitor": "uptc.tools.monitor",
    "size": "uptc.tools.size",
}

HELP = {
    "build": "compile a program to an executable (host) or firmware (pyboard)",
    "run": "build and run a program (host, or firmware under QEMU)",
    "check": "check a program for errors without generating code",
    "flash": "write firmware to a pyboard (SWD probe via pyocd, or USB DFU)",
    "monitor": "serial console of a board",
    "size": "flash/RAM size table of a firmware ELF",
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="uptc",
        description="Ahead-of-time compiler for MicroPython-style Python: host executables "
        "and pyboard (STM32F405) firmware.",
    )
    parser.add_argument("--version", action="version", version=f"uptc {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, modname in TOOL_COMMANDS.items():
        p = sub.add_parser(name, help=HELP[name], description=HELP[name])
        p.add_argument("-v", "--verbose", action="store_true", help="show the commands uptc runs")
        module = importlib.import_module(modname)
        module.configure(p, name)
        p.set_defaults(_module=module)
    return parser


def _open_standard_streams() -> None:
    """Open /dev/null on a closed fd 0, 1 or 2, and give Python a stream for it."""
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, mode, closefd=False))  # noqa: SIM115 - for the process


def _discard_stdout() -> None:
    """After a broken pipe: later writes (and the flush at exit) go to /dev/null."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def _os_error_message(e: OSError) -> tuple[str, int]:
    """One line and a status for an OSError that reached the top."""
    import errno

    what = e.strerror or str(e)
    if e.filename is None:
        return what, EXIT_IO
    target = f"{e.filename}" + (f" -> {e.filename2}" if e.filename2 else "")
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EISDIR,
                   errno.EEXIST):
        return f"cannot write {target}: {what}", EXIT_CANT_CREATE
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot write {target}: {what}", EXIT_IO
    return f"{target}: {what}", EXIT_IO


def main(argv: list[str] | None = None) -> int:
    _open_standard_streams()
    if argv is None:
        argv = sys.argv[1:]
    # `uptc run app.py -- a b`: everything after `--` belongs to the program.
    program_args: list[str] = []
    if "--" in argv:
        i = argv.index("--")
        argv, program_args = argv[:i], argv[i + 1 :]
    try:
        parser = make_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 1
        args.program_args = program_args
        status = int(args._module.run(args) or 0)
        sys.stdout.flush()  # a broken pipe shows here, not in the flush at exit
        return status
    except CompileError as e:
        print(str(e), file=sys.stderr)
        return 1
    except ToolError as e:
        print_error(str(e))
        return e.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as e:
        # The file system said no (a read-only or full disk, a file in the
        # way): the environment's doing, not a bug. The commands check the
        # usual cases first, with a more precise message.
        if os.environ.get("UPTC_DEBUG"):
            traceback.print_exc()
        message, status = _os_error_message(e)
        print_error(message)
        return status
    except Exception as e:  # noqa: BLE001 - the last line of defence
        if os.environ.get("UPTC_DEBUG"):
            traceback.print_exc()
        print_error(
            f"internal error: {type(e).__name__}: {e} "
            "(this is a bug in uptc; run with UPTC_DEBUG=1 for details)"
        )
        return 70


if __name__ == "__main__":
    sys.exit(main())
