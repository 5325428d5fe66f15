"""Golden IR tests: a few readable snapshots of what lowering and the passes
produce. Each case in tests/irbuild/*.test is

    [case name]
    <python source>
    [out]
    <expected IR of the functions other than the module body>

Run with UPTC_UPDATE_GOLDEN=1 to rewrite the expected IR after a deliberate
change (then read the diff!).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from uptc.driver import HOST, compile_to_c
from uptc.frontend.parse import parse_source
from uptc.ir.pprint import format_function

DATA = Path(__file__).parent / "irbuild"
CASE = re.compile(r"^\[case (\w+)\]\n(.*?)^\[out\]\n(.*?)(?=^\[case |\Z)", re.S | re.M)


def load_cases() -> list[tuple[Path, str, str, str]]:
    out = []
    for f in sorted(DATA.glob("*.test")):
        for m in CASE.finditer(f.read_text()):
            out.append((f, m.group(1), m.group(2), m.group(3).rstrip("\n")))
    return out


CASES = load_cases()


def actual_ir(source: str) -> str:
    compiled = compile_to_c(parse_source(source, "t.py"), HOST, check_ir=True)
    fns = [fn for fn in compiled.module.functions if not fn.is_module_body]
    return "\n\n".join(format_function(fn) for fn in fns)


@pytest.mark.parametrize("path,name,source,expected", CASES, ids=[c[1] for c in CASES])
def test_irbuild(path: Path, name: str, source: str, expected: str) -> None:
    got = actual_ir(source)
    if os.environ.get("UPTC_UPDATE_GOLDEN"):
        text = path.read_text()
        block = f"[case {name}]\n{source}[out]\n"
        start = text.index(block) + len(block)
        end = text.find("\n[case ", start)
        end = len(text) if end < 0 else end + 1
        path.write_text(text[:start] + got + "\n" + ("\n" if end < len(text) else "") + text[end:])
        return
    assert got == expected, f"IR of case {name} changed:\n{got}"


def test_there_are_golden_cases() -> None:
    assert len(CASES) >= 5
