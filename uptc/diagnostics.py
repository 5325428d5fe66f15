"""Diagnostics: errors in the user's program (with position) and tool errors.

A CompileError carries one or more Diagnostic records; the CLI prints them as

    app.py:12:5: error: 'eval' is not supported
        x = eval(s)
            ^
    hint: uptc compiles ahead of time; ...

and exits with status 1. A ToolError is a failure that is not the program's
fault (missing compiler, no probe, bad arguments): one line, non-zero status.
Nothing in uptc lets a Python traceback reach the user.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int  # 1-based
    col: int  # 1-based
    message: str
    hint: str = ""
    severity: str = "error"
    source_line: str = ""
    end_col: int = 0  # 1-based, exclusive; 0 = single caret

    def format(self) -> str:
        out = [f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"]
        if self.source_line:
            text = self.source_line.rstrip("\n").expandtabs(4)
            out.append("    " + text)
            width = max(1, self.end_col - self.col) if self.end_col > self.col else 1
            out.append("    " + " " * (self.col - 1) + "^" + "~" * (width - 1))
        if self.hint:
            out.append(f"hint: {self.hint}")
        return "\n".join(out)


@dataclass
class CompileError(Exception):
    """The program is outside what uptc accepts; carries the diagnostics."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


# Exit statuses of uptc itself (values from sysexits.h where one fits); the
# README lists them, docs/flashing.md the ones of `uptc flash` and `uptc monitor`.
EXIT_FAILED = 1  # the program does not compile, or a tool failed
EXIT_USAGE = 64  # arguments that do not go together
EXIT_BAD_FILE = 65  # an input file is corrupt or truncated (an ELF, an image)
EXIT_NO_INPUT = 66  # an input file does not exist
EXIT_CANT_CREATE = 73  # an output folder or file cannot be created or written
EXIT_IO = 74  # reading or writing failed (disk full, I/O error)
EXIT_BROKEN_PIPE = 141  # stdout was closed before all was written: 128 + SIGPIPE, as the shell


class ToolError(Exception):
    """A failure outside the user's program: one line for the user, and an exit status."""

    def __init__(self, message: str, status: int = 1):
        super().__init__(message)
        self.status = status


def print_error(message: str) -> None:
    print(f"uptc: error: {message}", file=sys.stderr)
