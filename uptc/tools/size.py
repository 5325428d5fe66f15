"""uptc size (being written)."""

import argparse

from uptc.diagnostics import ToolError


def configure(p: argparse.ArgumentParser, name: str) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    raise ToolError("'size' is being written")
