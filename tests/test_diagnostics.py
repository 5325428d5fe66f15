"""Diagnostics: programs uptc must reject at compile time, with the exact first line.

    tests/diagnostics/<name>.py    a small program with one rejected construct
    tests/diagnostics/<name>.err   the first line of the expected diagnostic:
                                   `<name>.py:LINE:COL: error: MESSAGE`

`uptc check <name>.py` runs with cwd = tests/diagnostics, so the path in the
diagnostic is the bare file name. It must exit with status 1, print the .err
line first on stderr, show the offending source line with a caret under
column COL, and never a Python traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIAG_DIR = Path(__file__).resolve().parent / "diagnostics"
CASES = sorted(DIAG_DIR.glob("*.py"))
IDS = [p.stem for p in CASES]
TIMEOUT = 60

FIRST_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.+)$")


def uptc_check(case: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("UPTC_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "uptc", "check", case.name], check=False,
                          cwd=DIAG_DIR, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, encoding="utf-8", errors="backslashreplace", timeout=TIMEOUT)


def expected_line(case: Path) -> str:
    return case.with_suffix(".err").read_text(encoding="utf-8").strip("\n")


def test_every_case_has_an_err_file():
    py = {p.stem for p in DIAG_DIR.glob("*.py")}
    err = {p.stem for p in DIAG_DIR.glob("*.err")}
    assert py == err, f"without .err: {sorted(py - err)}; without .py: {sorted(err - py)}"
    assert len(py) >= 24


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_err_file_is_well_formed(case):
    m = FIRST_LINE.match(expected_line(case))
    assert m, f"{case.stem}.err must be `{case.name}:LINE:COL: error: MESSAGE`"
    assert m["file"] == case.name
    lines = case.read_text(encoding="utf-8").splitlines()
    assert 1 <= int(m["line"]) <= len(lines), "LINE is not a line of the program"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_diagnostic(case):
    want = expected_line(case)
    r = uptc_check(case)
    err = r.stderr
    context = f"uptc check {case.name}: exit status {r.returncode}\nstderr:\n{err}"
    assert "Traceback (most recent call last)" not in err, context
    assert "internal error" not in err, context
    assert r.returncode == 1, context
    got = err.splitlines()[0] if err else ""
    assert got == want, f"first line of stderr differs\nexpected: {want}\nactual:   {got}\n\n{context}"

    # The source line is shown, with a caret under the column.
    m = FIRST_LINE.match(want)
    assert m is not None
    line_no, col = int(m["line"]), int(m["col"])
    source = case.read_text(encoding="utf-8").splitlines()[line_no - 1].rstrip().expandtabs(4)
    shown = [i for i, ln in enumerate(err.splitlines()) if source.strip() and ln.rstrip().endswith(source)]
    assert shown, f"the source line {source!r} is not shown\n\n{context}"
    out_lines = err.splitlines()
    i = shown[0]
    indent = len(out_lines[i].rstrip()) - len(source)
    assert i + 1 < len(out_lines) and re.match(r"^\s*\^~*\s*$", out_lines[i + 1]), \
        f"no caret line under the source line\n\n{context}"
    assert out_lines[i + 1].index("^") == indent + col - 1, f"the caret is not under column {col}\n\n{context}"
