"""`uptc run` as a user runs it (a subprocess of `python -m uptc`): stdin
from a pipe or /dev/null, stdout closed or closed early, and the GPIO trace
beside a traceback -- on the host and under QEMU."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from firmware import needs_arm, needs_qemu
from uptc_cli import command, env, one_line_error, program, uptc

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


@pytest.mark.parametrize("board", BOARDS)
def test_a_program_that_reads_nothing_leaves_stdin_alone(tmp_path, board):
    # As on the host: `(uptc run app.py; cat) < input` leaves the input to cat.
    program(tmp_path, "print('hi')\n")
    r = subprocess.run(["sh", "-c", '"$@"; cat', "sh", *command(["run", "app.py", *board])],
                       cwd=tmp_path, env=env(), input=b"for cat\n", capture_output=True,
                       timeout=300, check=False)
    assert (r.returncode, r.stdout, r.stderr) == (0, b"hi\nfor cat\n", b"")


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


# ---- --device ------------------------------------------------------------------


def test_device_options_need_device(tmp_path):
    program(tmp_path, "print('hi')\n")
    for extra in (["--method", "dfu"], ["--probe", "0669"], ["--port", "loop://"]):
        r = uptc(["run", "app.py", *extra], tmp_path)
        assert r.returncode == 64 and r.stdout == b""  # not run on the host
        one_line_error(r.stderr, extra[0], "only with --device")
    r = uptc(["run", "app.py", "--device", "--board", "host"], tmp_path)
    assert r.returncode == 64
    one_line_error(r.stderr, "--device", "--board pyboard")


@needs_arm
def test_device_implies_the_pyboard(tmp_path):
    # `uptc run app.py --device`: built for the pyboard and flashed (through a
    # stand-in dfu-util keeping the flash in a file), not run on the host.
    fixtures = Path(__file__).resolve().parent / "tools_fixtures"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "dfu-util"
    exe.write_text(f"#!/bin/sh\nexec {sys.executable} {fixtures / 'fake_dfu_util.py'} \"$@\"\n")
    exe.chmod(0o755)
    flash_file = tmp_path / "flash.bin"
    fake = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "FAKE_DFU_LOG": str(tmp_path / "dfu.log"), "FAKE_DFU_FLASH": str(flash_file),
            "FAKE_DFU_MODE": "", "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    program(tmp_path, "print('hi')\n")
    r = uptc(["run", "app.py", "--device", "--method", "dfu", "--port", "loop://",
              "--timeout", "1", "--yes"], tmp_path, extra_env=fake)
    assert r.returncode == 0, r.stderr
    assert b"hi" not in r.stdout  # the host did not run it
    assert b"Programming" in r.stderr and b"Verifying" in r.stderr
    assert b"warning" not in r.stderr  # --yes
    assert "-D" in (tmp_path / "dfu.log").read_text()
    sp, reset = struct.unpack("<II", flash_file.read_bytes()[:8])
    assert 0x20000000 < sp <= 0x20020000 and reset & 1 and 0x08000000 <= reset < 0x08100000
    # Without --yes, the warning that MicroPython is replaced, once.
    r = uptc(["run", "app.py", "--device", "--method", "dfu", "--port", "loop://",
              "--timeout", "1"], tmp_path, extra_env=fake)
    assert r.returncode == 0 and r.stderr.count(b"flashing replaces the firmware") == 1


# ---- time limits -----------------------------------------------------------------


@pytest.mark.parametrize("board", BOARDS)
def test_a_run_over_its_time_limit_is_one_line(tmp_path, board):
    prog = program(tmp_path, "import time\nwhile True:\n    time.sleep(1)\n")
    r = uptc(["run", prog.name, *board, "--timeout", "2"], tmp_path)
    assert r.returncode == 1 and r.stdout == b""
    one_line_error(r.stderr, "2 s")  # QEMU's "terminating on signal" does not show either


def test_a_time_limit_is_a_positive_number(tmp_path):
    program(tmp_path, "print('hi')\n")
    for bad in ("-1", "0", "nan", "soon"):
        r = uptc(["run", "app.py", "--timeout", bad], tmp_path)
        assert r.returncode == 2 and r.stdout == b""
        assert b"--timeout" in r.stderr and b"Traceback" not in r.stderr
