"""`uptc run` as a user runs it (a subprocess of `python -m uptc`): stdin
from a pipe or /dev/null, stdout closed or closed early, and the GPIO trace
beside a traceback -- on the host and under QEMU."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from firmware import needs_qemu
from uptc_cli import command, env, program, uptc

BOARDS = [
    pytest.param([], id="host"),
    pytest.param(["--board", "pyboard"], id="pyboard", marks=[pytest.mark.qemu, needs_qemu]),
]

READER = """\
n = 0
try:
    while True:
        line = input()
        n += 1
        print("got", repr(line))
except EOFError:
    print("EOFError after", n)
"""

CHATTY = """\
for i in range(200000):
    print("line", i)
"""


def cpython(prog: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, prog.name], cwd=prog.parent, capture_output=True,
                          check=False, timeout=60, **kw)


# ---- stdin ---------------------------------------------------------------------


@pytest.mark.parametrize("board", BOARDS)
def test_input_at_the_end_of_dev_null_is_eoferror(tmp_path, board):
    prog = program(tmp_path, READER)
    r = uptc(["run", prog.name, *board, "--timeout", "60"], tmp_path, stdin=subprocess.DEVNULL)
    expected = cpython(prog, stdin=subprocess.DEVNULL)
    assert (r.returncode, r.stdout, r.stderr) == (0, expected.stdout, b"")
    assert r.stdout == b"EOFError after 0\n"


@pytest.mark.parametrize("board", BOARDS)
def test_piped_lines_are_read_as_lines(tmp_path, board):
    prog = program(tmp_path, READER)
    data = b"first\nsecond line\n\nno newline at the end"
    r = uptc(["run", prog.name, *board, "--timeout", "60"], tmp_path, input=data)
    expected = cpython(prog, input=data)
    assert (r.returncode, r.stdout, r.stderr) == (0, expected.stdout, b"")
    assert r.stdout.splitlines()[-1] == b"EOFError after 4"


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
    proc = subprocess.Popen(command(["run", prog.name, *board]),
                            cwd=tmp_path, env=env(), stdin=subprocess.DEVNULL,
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


# ---- --trace-gpio beside a traceback --------------------------------------------


@pytest.mark.qemu
@needs_qemu
def test_trace_gpio_keeps_the_traceback_whole(tmp_path):
    prog = program(tmp_path, """\
import pyb

def inner(n):
    pyb.LED(1).toggle()
    if n == 0:
        raise ValueError("bottom reached")
    inner(n - 1)

print("start")
inner(3)
""")
    host = uptc(["run", prog.name], tmp_path)
    r = uptc(["run", prog.name, "--board", "pyboard", "--trace-gpio"], tmp_path)
    assert (r.returncode, r.stdout) == (host.returncode, host.stdout) == (1, b"start\n")
    lines = r.stderr.decode().splitlines()
    events = [x for x in lines if x.startswith("LED")]
    assert events == ["LED1 on", "LED1 off", "LED1 on", "LED1 off"]
    rest = [x for x in lines if not x.startswith("LED")]
    assert rest == host.stderr.decode().splitlines()
    assert rest[0] == "Traceback (most recent call last):"
    assert rest[-1] == "ValueError: bottom reached"
