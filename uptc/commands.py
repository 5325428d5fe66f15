"""`uptc build`, `uptc run`, `uptc check`: argument handling around uptc.driver."""

from __future__ import annotations

import argparse

from uptc.diagnostics import ToolError


def configure(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("file", help="the program's main .py file")


def run(args: argparse.Namespace) -> int:
    raise ToolError(f"'{args.command}' is being written")
