"""`uptc run` as a user runs it (a subprocess of `python -m uptc`): stdout
closed or closed early -- on the host and under QEMU."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from firmware import needs_qemu

ROOT = Path(__file__).resolve().parent.parent

BOARDS = [
    pytest.param([], id="host"),
    pytest.param(["--board", "pyboard"], id="pyboard", marks=[pytest.mark.qemu, needs_qemu]),
]

CHATTY = """\
for i in range(200000):
    print("line", i)
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("UPTC_TRACE", None)
    return env


def uptc(args: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    kw.setdefault("capture_output", True)
    kw.setdefault("timeout", 300)
    return subprocess.run([sys.executable, "-m", "uptc", *args], cwd=cwd, env=_env(),
                          check=False, **kw)


def program(tmp_path: Path, text: str, name: str = "app.py") -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


# ---- stdout closed, or closed early ---------------------------------------------


@pytest.mark.parametrize("board", BOARDS)
def test_closed_stdout_discards_the_output(tmp_path, board):
    # `uptc run app.py >&-`: as CPython, the output goes nowhere and the
    # status is the program's.
    prog = program(tmp_path, "import sys\nprint('hi')\nsys.exit(3)\n")
    r = uptc(["run", prog.name, *board], tmp_path, stdout=None, stderr=subprocess.PIPE,
             capture_output=False, preexec_fn=lambda: os.close(1))
    assert (r.returncode, r.stderr) == (3, b"")


@pytest.mark.parametrize("board", BOARDS)
def test_a_pipe_closed_early_ends_quietly_with_141(tmp_path, board):
    # `uptc run app.py | head -1`: no traceback, and the status of a program
    # killed by SIGPIPE.
    prog = program(tmp_path, CHATTY)
    built = uptc(["build", prog.name, *board], tmp_path)  # the build is not the part timed
    assert built.returncode == 0, built.stderr
    proc = subprocess.Popen([sys.executable, "-m", "uptc", "run", prog.name, *board],
                            cwd=tmp_path, env=_env(), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline() == b"line 0\n"
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert err == b""


def test_uptc_output_into_a_closed_pipe(tmp_path):
    # uptc's own output (here a size table) into a pipe that is gone.
    r_fd, w_fd = os.pipe()
    os.close(r_fd)
    prog = program(tmp_path, "print('hi')\n")
    r = uptc(["build", prog.name, "--emit-c"], tmp_path, stdout=w_fd, stderr=subprocess.PIPE,
             capture_output=False)
    os.close(w_fd)
    assert (r.returncode, r.stderr) == (141, b"")
