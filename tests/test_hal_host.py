"""hal/host: the HAL interface on Linux, run through tests/firmware/host_hal.c."""

from __future__ import annotations

import os
import subprocess

import pytest
from firmware import build_host, needs_gcc

from uptc.boards import load_board
from uptc.toolchain import hal_archive

pytestmark = needs_gcc

EXPECTED_STDOUT = """\
hello from the host
elapsed 513 ms, led1 0 led4 1
switch 1 pulldown 0 leds 4
argv[0] (name)
argv[1] a
argv[2] b
heap {heap} bytes, aligned 1, in roots 0
statics in roots 1 1
stack ok 1
read {read}
"""

TRACE = ["LED1 on @0ms", "LED1 off @12ms", "PA0 high @512ms", "LED4 on @512ms"]


@pytest.fixture(scope="module")
def exe(tmp_path_factory):
    return build_host("host_hal", tmp_path_factory.mktemp("host"), extra_cflags=("-Werror",))


def _run(exe, env_extra, stdin=b"", stderr=subprocess.PIPE):
    env = {k: v for k, v in os.environ.items() if not k.startswith("UPTC_")}
    env.update(env_extra)
    return subprocess.run(
        [str(exe), "a", "b"], check=False, input=stdin, stdout=subprocess.PIPE, stderr=stderr, env=env,
        timeout=30,
    )  # fmt: skip


def test_host_hal_builds_without_warnings():
    assert hal_archive(load_board("host"), extra_cflags=("-Werror",)).is_file()


def test_console_virtual_clock_and_trace_on_stderr(exe):
    p = _run(exe, {"UPTC_CLOCK": "virtual", "UPTC_TRACE": "stderr"})
    assert p.returncode == 5
    assert p.stdout.decode() == EXPECTED_STDOUT.format(heap=64 * 1024 * 1024, read=-1)
    assert p.stderr.decode().splitlines() == ["to stderr", *TRACE]


def test_trace_to_a_file_and_off_by_default(exe, tmp_path):
    trace = tmp_path / "events.txt"
    p = _run(exe, {"UPTC_CLOCK": "virtual", "UPTC_TRACE": str(trace)})
    assert p.returncode == 5
    assert p.stderr.decode() == "to stderr\n"
    assert trace.read_text().splitlines() == TRACE
    p = _run(exe, {"UPTC_CLOCK": "virtual"})
    assert p.stderr.decode() == "to stderr\n"
    assert b"LED" not in p.stdout


def test_stdout_is_flushed_before_stderr(exe):
    p = _run(exe, {"UPTC_CLOCK": "virtual", "UPTC_TRACE": "stderr"}, stderr=subprocess.STDOUT)
    lines = p.stdout.decode().splitlines()
    assert lines[:3] == ["hello from the host", "to stderr", "LED1 on @0ms"]
    assert lines.index("LED4 on @512ms") < lines.index("elapsed 513 ms, led1 0 led4 1")


def test_console_read_gets_input(exe):
    p = _run(exe, {"UPTC_CLOCK": "virtual"}, stdin=b"q")
    assert p.stdout.decode().endswith("read 113\n")


def test_real_clock_waits(exe):
    p = _run(exe, {})
    assert p.returncode == 5
    elapsed = int(p.stdout.decode().splitlines()[1].split()[1])
    assert 513 <= elapsed < 5000


def test_clean_under_address_and_undefined_sanitizers(tmp_path):
    flags = ("-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-Werror")
    exe = build_host("host_hal", tmp_path, extra_cflags=flags, heap_size=1 << 20)
    env = {"UPTC_CLOCK": "virtual", "UPTC_TRACE": "stderr", "UBSAN_OPTIONS": "halt_on_error=1"}
    p = _run(exe, env)
    err = p.stderr.decode()
    assert "Sanitizer" not in err and "runtime error" not in err, err
    assert p.returncode == 5
    assert p.stdout.decode() == EXPECTED_STDOUT.format(heap=1 << 20, read=-1)
