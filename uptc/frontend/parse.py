"""Reading and parsing a source file (ast, with positions)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from uptc.diagnostics import CompileError, Diagnostic


@dataclass
class SourceFile:
    path: str  # as the user gave it: used in diagnostics and tracebacks
    text: str
    tree: ast.Module
    lines: list[str] = field(default_factory=list)
    module_name: str = "__main__"

    def line(self, lineno: int) -> str:
        return self.lines[lineno - 1] if 0 < lineno <= len(self.lines) else ""

    def diagnostic(self, node: ast.AST, message: str, hint: str = "") -> Diagnostic:
        lineno = getattr(node, "lineno", 1)
        col = getattr(node, "col_offset", 0) + 1
        end_col = 0
        if getattr(node, "end_lineno", None) == lineno and getattr(node, "end_col_offset", None):
            end_col = node.end_col_offset + 1  # type: ignore[attr-defined]
        return Diagnostic(self.path, lineno, col, message, hint, "error", self.line(lineno), end_col)

    def error(self, node: ast.AST, message: str, hint: str = "") -> CompileError:
        return CompileError([self.diagnostic(node, message, hint)])


def read_source(path: str | Path, display_path: str | None = None) -> SourceFile:
    shown = display_path or str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise CompileError([Diagnostic(shown, 1, 1, f"cannot read file: {e.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise CompileError([Diagnostic(shown, 1, 1, f"file is not UTF-8 text ({e.reason})")]) from None
    return parse_source(text, shown)


def parse_source(text: str, path: str) -> SourceFile:
    lines = text.splitlines()
    try:
        tree = ast.parse(text, filename=path, type_comments=False)
    except SyntaxError as e:
        lineno = e.lineno or 1
        col = e.offset or 1
        src = lines[lineno - 1] if 0 < lineno <= len(lines) else (e.text or "").rstrip("\n")
        msg = e.msg
        raise CompileError([Diagnostic(path, lineno, col, f"syntax error: {msg}", "", "error", src)]) from None
    except ValueError as e:  # e.g. source code with null bytes
        raise CompileError([Diagnostic(path, 1, 1, f"cannot parse: {e}")]) from None
    return SourceFile(path, text, tree, lines)
