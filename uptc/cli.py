"""The `uptc` command line: parses arguments and hands off to the driver or a tool.

Exit status: 0 success; 1 when uptc rejects the program or a tool fails; for
`run`, the program's own status. No Python traceback reaches the user: an
unexpected failure inside uptc prints one line (set UPTC_DEBUG=1 for the
traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from uptc import __version__
from uptc.diagnostics import CompileError, ToolError, print_error

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


def main(argv: list[str] | None = None) -> int:
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
        return int(args._module.run(args) or 0)
    except CompileError as e:
        print(str(e), file=sys.stderr)
        return 1
    except ToolError as e:
        print_error(str(e))
        return e.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
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
