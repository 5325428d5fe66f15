"""Corpus programs generated at test time from small descriptions.

Large matrices (every operator on every pair of builtin types, every method
of every builtin type with representative arguments...) are not committed
as programs or expectation files: each module of this package describes one
and expands it into ordinary corpus programs, which tests/test_programs.py
runs like the files in tests/programs/ -- under CPython (the oracle, live)
and under uptc on every board.

A module defines

    def programs() -> Iterable[Program]

and nothing here needs registering: every module of the package is read.
Each program prints one line per case, so that a difference names the case.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Program:
    name: str  # a file name stem, unique within its module
    source: str
    # False where the output depends on float precision (the pyboard's
    # floats are single precision): the program then runs on the host only.
    pyboard: bool = True


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def generate(root: Path) -> list[tuple[Path, Program]]:
    """Writes every generated program under root/<module>/<name>.py (only
    when its text changed, atomically: test workers generate in parallel)
    and returns the paths with their descriptions."""
    out: list[tuple[Path, Program]] = []
    for mod_name in _modules():
        mod = importlib.import_module(f"{__name__}.{mod_name}")
        seen: set[str] = set()
        for prog in mod.programs():
            if prog.name in seen:
                raise ValueError(f"tests/generated/{mod_name}.py: two programs named {prog.name}")
            seen.add(prog.name)
            path = root / mod_name / f"{prog.name}.py"
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_text(encoding="utf-8") != prog.source:
                tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                tmp.write_text(prog.source, encoding="utf-8")
                tmp.replace(path)
            out.append((path, prog))
    return out


def modules() -> Iterable[str]:
    return _modules()
