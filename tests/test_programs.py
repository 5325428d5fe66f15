"""Differential tests: every program in tests/programs/ runs under CPython and under uptc.

CPython 3 is the oracle (DESIGN.md, "Testing"): for each program the stdout
and the exit status of `uptc run` must equal CPython's. stderr is not compared
(it holds tracebacks and sys.exit messages, whose wording is the runtime's).

    tests/programs/<topic>/<name>.py         the program
    tests/programs/<topic>/<name>.args       optional: its command-line arguments (shell words)
    tests/programs/<topic>/<name>.exp        optional: expected stdout for every uptc run, where
                                             MicroPython deliberately differs from CPython
    tests/programs/<topic>/<name>.pyboard.exp  optional: expected stdout on the pyboard only
                                             (single-precision floats); see docs/differences.md

Variants, one test function each, so `-k test_host` selects one of them:

    test_host      uptc run PROG [-- ARGS]
    test_sanitize  uptc run --sanitize PROG       (ASan + UBSan host build)
    test_gcstress  uptc run --gc-stress PROG      (a collection at every allocation)
    test_qemu      uptc run --board pyboard PROG  (firmware under QEMU; marker `qemu`)

Every program runs with cwd = its own directory and is named by its bare file
name, as a user would run it.
"""

from __future__ import annotations

import difflib
import os
import resource
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.generated import generate

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS_DIR = Path(__file__).resolve().parent / "programs"
# Programs generated from tests/generated/*.py, written where builds go.
GENERATED_DIR = ROOT / "build" / "generated-programs"
_FILES = sorted(PROGRAMS_DIR.rglob("*.py"))
_GENERATED = generate(GENERATED_DIR)
PROGRAMS = _FILES + [p for p, _ in _GENERATED]
PYBOARD_PROGRAMS = _FILES + [p for p, g in _GENERATED if g.pyboard]


def _id(p: Path) -> str:
    if p.is_relative_to(GENERATED_DIR):
        return "gen/" + p.relative_to(GENERATED_DIR).with_suffix("").as_posix()
    return p.relative_to(PROGRAMS_DIR).with_suffix("").as_posix()


IDS = [_id(p) for p in PROGRAMS]
PYBOARD_IDS = [_id(p) for p in PYBOARD_PROGRAMS]

CPYTHON_TIMEOUT = 60
HOST_TIMEOUT = 120
SANITIZE_TIMEOUT = 180
GCSTRESS_TIMEOUT = 300
QEMU_TIMEOUT = 240  # build + emulated run
QEMU_RUN_TIMEOUT = 180  # passed to `uptc run --timeout` (the emulated run alone)

DIFF_LINES = 120
STDERR_LINES = 40


@dataclass(frozen=True)
class Outcome:
    stdout: str
    stderr: str
    status: int


def program_args(prog: Path) -> list[str]:
    sidecar = prog.with_suffix(".args")
    if not sidecar.exists():
        return []
    return shlex.split(sidecar.read_text(encoding="utf-8"))


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    # `python -m uptc` must find this checkout even when it is not installed.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra or {})
    return env


def _decode(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", errors="backslashreplace")


# A program gone wrong may print forever: its output goes to files capped
# at this size (the process is stopped beyond it), never into memory.
OUTPUT_LIMIT = 32 << 20


def _limit_output() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (OUTPUT_LIMIT, OUTPUT_LIMIT))


def _run(cmd: list[str], cwd: Path, timeout: float, env: dict[str, str]) -> Outcome:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        try:
            proc = subprocess.run(cmd, check=False, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                  stdout=out, stderr=err, timeout=timeout,
                                  preexec_fn=_limit_output)
        except subprocess.TimeoutExpired:
            out.seek(0)
            err.seek(0)
            pytest.fail(
                f"{shlex.join(cmd)} (in {cwd}) still running after {timeout} s\n"
                f"stdout so far:\n{_head(_decode(out.read(1 << 16)), STDERR_LINES)}\n"
                f"stderr so far:\n{_head(_decode(err.read(1 << 16)), STDERR_LINES)}",
                pytrace=False,
            )
        out.seek(0)
        err.seek(0)
        return Outcome(_decode(out.read()), _decode(err.read()), proc.returncode)


def run_cpython(prog: Path, hashseed: str = "0") -> Outcome:
    cmd = [sys.executable, prog.name, *program_args(prog)]
    return _run(cmd, prog.parent, CPYTHON_TIMEOUT, _env({"PYTHONHASHSEED": hashseed}))


def run_uptc(prog: Path, flags: list[str], timeout: float,
             env_extra: dict[str, str] | None = None) -> Outcome:
    cmd = [sys.executable, "-m", "uptc", "run", *flags, prog.name]
    args = program_args(prog)
    if args:
        cmd += ["--", *args]
    return _run(cmd, prog.parent, timeout, _env(env_extra))


@pytest.fixture(scope="session")
def cpython():
    """CPython's outcome per program, computed once per session (per xdist worker)."""
    cache: dict[Path, Outcome] = {}

    def get(prog: Path) -> Outcome:
        if prog not in cache:
            cache[prog] = run_cpython(prog)
        return cache[prog]

    return get


def expected(prog: Path, oracle: Outcome, board: str) -> tuple[str, int, str]:
    """(stdout, exit status, where the stdout comes from) for a run on board."""
    candidates = [prog.with_suffix(".pyboard.exp")] if board == "pyboard" else []
    candidates.append(prog.with_suffix(".exp"))
    for exp in candidates:
        if exp.exists():
            return exp.read_text(encoding="utf-8"), oracle.status, exp.name
    return oracle.stdout, oracle.status, "CPython"


def _head(text: str, n: int) -> str:
    lines = text.splitlines()
    more = f"\n... ({len(lines) - n} more lines)" if len(lines) > n else ""
    return "\n".join(lines[:n]) + more


def check(prog: Path, variant: str, oracle: Outcome, actual: Outcome, board: str = "host") -> None:
    want_out, want_status, source = expected(prog, oracle, board)
    if actual.stdout == want_out and actual.status == want_status:
        return
    name = _id(prog) + ".py"
    parts = [f"{name} under uptc ({variant}) does not match {source}"]
    if actual.stdout != want_out:
        diff = difflib.unified_diff(want_out.splitlines(keepends=True),
                                    actual.stdout.splitlines(keepends=True),
                                    fromfile=f"expected ({source})", tofile=f"actual (uptc, {variant})")
        parts.append("stdout differs:\n" + _head("".join(diff), DIFF_LINES))
    else:
        parts.append("stdout matches")
    if actual.status != want_status:
        parts.append(f"exit status: expected {want_status}, got {actual.status}")
    parts.append(f"uptc stderr (first {STDERR_LINES} lines):\n{_head(actual.stderr, STDERR_LINES)}")
    pytest.fail("\n".join(parts), pytrace=False)


# ---- the variants -------------------------------------------------------------


@pytest.mark.parametrize("prog", PROGRAMS, ids=IDS)
def test_host(prog, cpython):
    check(prog, "host", cpython(prog), run_uptc(prog, [], HOST_TIMEOUT))


@pytest.mark.parametrize("prog", PROGRAMS, ids=IDS)
def test_sanitize(prog, cpython):
    actual = run_uptc(prog, ["--sanitize"], SANITIZE_TIMEOUT, {"ASAN_OPTIONS": "detect_leaks=0"})
    check(prog, "sanitize", cpython(prog), actual)


@pytest.mark.parametrize("prog", PROGRAMS, ids=IDS)
def test_gcstress(prog, cpython):
    check(prog, "gc-stress", cpython(prog), run_uptc(prog, ["--gc-stress"], GCSTRESS_TIMEOUT))


@pytest.mark.qemu
@pytest.mark.parametrize("prog", PYBOARD_PROGRAMS, ids=PYBOARD_IDS)
def test_qemu(prog, cpython):
    flags = ["--board", "pyboard", "--timeout", str(QEMU_RUN_TIMEOUT)]
    check(prog, "pyboard/QEMU", cpython(prog), run_uptc(prog, flags, QEMU_TIMEOUT), board="pyboard")


# ---- the corpus itself --------------------------------------------------------


def test_corpus_size():
    assert len(_FILES) >= 80, f"only {len(_FILES)} programs in {PROGRAMS_DIR}"


def test_sidecars_belong_to_programs():
    """Every .args/.exp file sits beside the program it belongs to (a typo would go unnoticed)."""
    orphans = []
    for f in sorted(PROGRAMS_DIR.rglob("*")):
        rel = f.relative_to(PROGRAMS_DIR)
        if f.is_dir() or f.suffix in (".py", ".pyc") or f.name == "ruff.toml" or any(
                part.startswith((".", "__")) for part in rel.parts):
            continue
        stem = f.name.removesuffix(".pyboard.exp").removesuffix(".exp").removesuffix(".args")
        if stem == f.name or not (f.parent / (stem + ".py")).exists():
            orphans.append(rel.as_posix())
    assert not orphans, f"files in tests/programs/ without a program: {orphans}"


@pytest.mark.parametrize("prog", PROGRAMS, ids=IDS)
def test_corpus_is_deterministic_under_cpython(prog, cpython):
    """Each program prints the same twice, and does not depend on str hash order:
    a run with another PYTHONHASHSEED must match the cached PYTHONHASHSEED=0 run.
    A program that ends with a non-zero status says so in its first line
    ("uncaught ...", "exit ..."), so an accidental crash under CPython shows up here."""
    first = cpython(prog)
    if first.status != 0:
        header = prog.read_text(encoding="utf-8").splitlines()[0].lower()
        assert "uncaught" in header or "exit" in header, (
            f"{prog.name} exits with {first.status} under CPython:\n{_head(first.stderr, STDERR_LINES)}")
    again = run_cpython(prog, hashseed="12345")
    assert again.stdout == first.stdout, (
        f"{prog.name} is not deterministic under CPython:\n"
        + "".join(difflib.unified_diff(first.stdout.splitlines(keepends=True),
                                       again.stdout.splitlines(keepends=True),
                                       "PYTHONHASHSEED=0", "PYTHONHASHSEED=12345")))
    assert again.status == first.status
