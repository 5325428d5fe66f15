"""Differential tests: every corpus program runs under CPython and under uptc.

CPython 3 is the oracle (DESIGN.md, "Testing"): for each program the stdout
and the exit status of the uptc build must equal CPython's. stderr is not
compared (it holds tracebacks and sys.exit messages, whose wording is the
runtime's).

    tests/programs/<topic>/<name>.py         the program
    tests/programs/<topic>/<name>.args       optional: its command-line arguments (shell words)
    tests/programs/<topic>/<name>.exp        optional: expected stdout for every uptc run, where
                                             MicroPython deliberately differs from CPython
    tests/programs/<topic>/<name>.pyboard.exp  optional: expected stdout on the pyboard only
                                             (single-precision floats); see docs/differences.md
    tests/generated/<module>.py              programs generated from descriptions at test time
                                             (ids gen/<module>/<name>)

Variants, one test function each, so `-k test_host` selects one of them:

    test_host        the host build, as `uptc run PROG [-- ARGS]` makes it
    test_reductions  the host build with every size reduction off (the whole
                     runtime configuration, every slot group and builtin
                     method): its output must equal test_host's, whatever
                     CPython says -- a reduction that changes what a program
                     does fails here
    test_sanitize    ASan + UBSan host build (`--sanitize`)        [slow]
    test_gcstress    a collection at every allocation (`--gc-stress`) [slow]
    test_qemu        the firmware under QEMU (`--board pyboard`)   [slow, qemu]

The builds are made in process (uptc.driver.build, as `uptc run` makes
them); the front end runs once per program and target and is shared by the
host variants. All variants of a program run on one test worker
(xdist_group), so they share it. Every program runs with cwd = its own
directory and is named by its bare file name, as a user would run it.
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
from uptc import driver
from uptc.backend_c.emit import HOST, PYBOARD
from uptc.diagnostics import CompileError, ToolError
from uptc.frontend.parse import read_source

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


def _params(progs: list[Path], *marks: pytest.MarkDecorator) -> list:
    return [pytest.param(p, id=_id(p), marks=[pytest.mark.xdist_group(_id(p)), *marks])
            for p in progs]


CPYTHON_TIMEOUT = 60
RUN_TIMEOUT = {"host": 60, "reductions": 60, "sanitize": 120, "gcstress": 240, "qemu": 180}

DIFF_LINES = 120
STDERR_LINES = 40


@dataclass(frozen=True)
class Outcome:
    stdout: str
    stderr: str
    status: int


@dataclass(frozen=True)
class Variant:
    board: str  # "host" or "pyboard"
    sanitize: bool = False
    gc_stress: bool = False
    reductions: bool = True


VARIANTS = {
    "host": Variant("host"),
    "reductions": Variant("host", reductions=False),
    "sanitize": Variant("host", sanitize=True),
    "gcstress": Variant("host", gc_stress=True),
    "qemu": Variant("pyboard"),
}


def program_args(prog: Path) -> list[str]:
    sidecar = prog.with_suffix(".args")
    if not sidecar.exists():
        return []
    return shlex.split(sidecar.read_text(encoding="utf-8"))


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
        # A program killed by a signal: its status as the shell (and `uptc run`) reports it.
        status = 128 - proc.returncode if proc.returncode < 0 else proc.returncode
        return Outcome(_decode(out.read()), _decode(err.read()), status)


def run_cpython(prog: Path, hashseed: str = "0") -> Outcome:
    env = dict(os.environ, PYTHONHASHSEED=hashseed, PYTHONIOENCODING="utf-8")
    return _run([sys.executable, prog.name, *program_args(prog)], prog.parent, CPYTHON_TIMEOUT, env)


class Runner:
    """Builds and runs corpus programs, remembering what it did: the front
    end's output per (program, target, reductions) and each variant's outcome."""

    def __init__(self, work: Path):
        self.work = work
        self.fronts: dict[tuple[Path, str, bool], driver.Compiled] = {}
        self.outcomes: dict[tuple[Path, str], Outcome] = {}
        self.oracle: dict[Path, Outcome] = {}
        self.objects: dict[str, Path] = {}  # the program objects built so far (driver.build)

    def cpython(self, prog: Path) -> Outcome:
        if prog not in self.oracle:
            self.oracle[prog] = run_cpython(prog)
        return self.oracle[prog]

    def front(self, prog: Path, board: str, reductions: bool) -> driver.Compiled:
        key = (prog, board, reductions)
        if key not in self.fronts:
            src = read_source(prog, prog.name)
            target = HOST if board == "host" else PYBOARD
            self.fronts[key] = driver.compile_to_c(src, target, c_name=f"{prog.stem}.c",
                                                   reductions=reductions)
        return self.fronts[key]

    def outcome(self, prog: Path, variant: str) -> Outcome:
        key = (prog, variant)
        if key not in self.outcomes:
            self.outcomes[key] = self._build_and_run(prog, variant)
        return self.outcomes[key]

    def _build_and_run(self, prog: Path, variant: str) -> Outcome:
        v = VARIANTS[variant]
        out = Path(tempfile.mkdtemp(prefix=f"{prog.stem}-{variant}-", dir=self.work))
        cwd = os.getcwd()
        os.chdir(prog.parent)  # the build names the program by its bare file name
        try:
            built = driver.build(Path(prog.name), v.board, out_dir=out, sanitize=v.sanitize,
                                 gc_stress=v.gc_stress, reductions=v.reductions,
                                 compiled=self.front(prog, v.board, v.reductions),
                                 objects=self.objects)
        except (CompileError, ToolError) as e:
            pytest.fail(f"{_id(prog)}.py does not build ({variant}):\n{e}", pytrace=False)
        finally:
            os.chdir(cwd)
        args = program_args(prog)
        if built.exe is not None:
            env = dict(os.environ)
            if v.sanitize:
                env.setdefault("ASAN_OPTIONS", "detect_leaks=0")
            return _run([str(built.exe), *args], prog.parent, RUN_TIMEOUT[variant], env)
        from uptc.tools.qemu import run_firmware

        with tempfile.TemporaryFile() as fout, tempfile.TemporaryFile() as ferr:
            try:
                status = run_firmware(built.elf, built.board, timeout=RUN_TIMEOUT[variant],
                                      args=args, stdout=fout, stderr=ferr, input=b"")
            except ToolError as e:
                pytest.fail(f"{_id(prog)}.py under QEMU: {e}", pytrace=False)
            fout.seek(0)
            ferr.seek(0)
            return Outcome(_decode(fout.read()), _decode(ferr.read()), status)


@pytest.fixture(scope="session")
def runner(tmp_path_factory) -> Runner:
    return Runner(tmp_path_factory.mktemp("corpus"))


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


def compare(prog: Path, variant: str, want_out: str, want_status: int, source: str,
            actual: Outcome) -> None:
    if actual.stdout == want_out and actual.status == want_status:
        return
    parts = [f"{_id(prog)}.py under uptc ({variant}) does not match {source}"]
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


def check(runner: Runner, prog: Path, variant: str) -> None:
    board = VARIANTS[variant].board
    want_out, want_status, source = expected(prog, runner.cpython(prog), board)
    compare(prog, variant, want_out, want_status, source, runner.outcome(prog, variant))


# ---- the variants -------------------------------------------------------------

slow = pytest.mark.slow


@pytest.mark.parametrize("prog", _params(PROGRAMS))
def test_host(prog, runner):
    check(runner, prog, "host")


@pytest.mark.parametrize("prog", _params(PROGRAMS, slow))
def test_reductions(prog, runner):
    reduced = runner.outcome(prog, "host")
    compare(prog, "no reductions", reduced.stdout, reduced.status, "the reduced host build",
            runner.outcome(prog, "reductions"))


@pytest.mark.parametrize("prog", _params(PROGRAMS, slow))
def test_sanitize(prog, runner):
    check(runner, prog, "sanitize")


@pytest.mark.parametrize("prog", _params(PROGRAMS, slow))
def test_gcstress(prog, runner):
    check(runner, prog, "gcstress")


@pytest.mark.parametrize("prog", _params(PYBOARD_PROGRAMS, slow, pytest.mark.qemu))
def test_qemu(prog, runner):
    check(runner, prog, "qemu")


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


@pytest.mark.parametrize("prog", _params(PROGRAMS))
def test_corpus_is_deterministic_under_cpython(prog, runner):
    """Each program prints the same twice, and does not depend on str hash order:
    a run with another PYTHONHASHSEED must match the cached PYTHONHASHSEED=0 run.
    A program that ends with a non-zero status says so in its first line
    ("uncaught ...", "exit ..."), so an accidental crash under CPython shows up here."""
    first = runner.cpython(prog)
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
