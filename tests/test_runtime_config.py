"""The runtime's configuration macros (runtime_c/config.h), passed through
uptc.driver.build(config=...).

Programs in tests/config_programs/ run with the reduced runtime and must give
CPython's output where they stay inside what the configuration promises; the
cut features raise the documented errors; and firmware built without floats,
big ints and formatting links none of that code, whatever slot groups the
program's types have.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from uptc.driver import build

HERE = Path(__file__).resolve().parent / "config_programs"
NONE = {"UP_CFG_FLOAT": 0, "UP_CFG_BIGINT": 0, "UP_CFG_FORMAT": 0}
NO_BIGINT = {"UP_CFG_BIGINT": 0}


def _cpython(prog: Path) -> str:
    env = dict(os.environ, PYTHONHASHSEED="0")
    r = subprocess.run([sys.executable, str(prog)], capture_output=True, text=True, env=env,
                       timeout=60, check=True)
    return r.stdout


def _host(prog: Path, config: dict[str, int], out: Path) -> subprocess.CompletedProcess[str]:
    res = build(prog, "host", out_dir=out, config=config)
    assert res.exe is not None
    return subprocess.run([str(res.exe)], check=False, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("name,config", [("ints_small", NONE), ("ints_small", NO_BIGINT),
                                         ("ints_host", NO_BIGINT), ("floats_small_ints", NO_BIGINT)])
def test_like_cpython_within_the_promise(name: str, config: dict[str, int], tmp_path: Path) -> None:
    prog = HERE / f"{name}.py"
    r = _host(prog, config, tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == _cpython(prog)


def test_ints_leave_the_small_range(tmp_path: Path) -> None:
    r = _host(HERE / "overflow.py", NONE, tmp_path)
    # 3**39 is the last power of 3 below 2**62, the host's small-int limit
    assert r.stdout.splitlines() == ["overflow at 39 int too large", "int too large", "int too large",
                                     "int too large", "ok"]
    assert r.returncode == 0, r.stderr


def test_what_is_cut_raises(tmp_path: Path) -> None:
    r = _host(HERE / "disabled.py", NONE, tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "TypeError float support disabled",
        "TypeError float support disabled",
        "TypeError float support disabled",
        "2",
        "TypeError unsupported operand type(s) for %: 'str' and 'int'",
        "ValueError format specs disabled",
        "7 x",
    ]


def test_unknown_configuration_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="UP_CFG_FLAOT"):
        build(HERE / "ints_small.py", "host", out_dir=tmp_path, config={"UP_CFG_FLAOT": 0})


needs_arm = pytest.mark.skipif(shutil.which("arm-none-eabi-gcc") is None, reason="needs arm-none-eabi-gcc")


@needs_arm
def test_firmware_links_no_float_bigint_or_format_code(tmp_path: Path) -> None:
    res = build(HERE / "ints_small.py", "pyboard", out_dir=tmp_path, config=NONE)
    nm = subprocess.run(["arm-none-eabi-nm", str(res.elf)], capture_output=True, text=True, check=True)
    names = {line.split()[-1] for line in nm.stdout.splitlines()}
    cut = sorted(n for n in names
                 if n.startswith(("up_bigint_", "up_float_", "__ieee754_", "up_str_mod", "up_int_format"))
                 or n in ("powf", "fmodf", "floorf", "parse_spec", "__aeabi_uldivmod", "up_str_format_spec"))
    assert cut == []


@pytest.mark.qemu
@needs_arm
def test_small_ints_on_the_board(tmp_path: Path) -> None:
    import io

    from uptc.tools.qemu import run_firmware

    prog = HERE / "ints_small.py"
    res = build(prog, "pyboard", out_dir=tmp_path, config=NONE)
    out = io.BytesIO()
    status = run_firmware(res.elf, res.board, timeout=120, stdout=out, stderr=io.BytesIO(), input=b"")
    assert status == 0
    assert out.getvalue().decode().replace("\r\n", "\n") == _cpython(prog)
