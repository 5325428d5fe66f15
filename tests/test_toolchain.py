"""uptc.toolchain: flags, cached archives, host and firmware links."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from uptc import toolchain
from uptc.boards import load_board
from uptc.diagnostics import ToolError
from uptc.toolchain import (
    BuildError,
    LinkOverflowError,
    Toolchain,
    build_archive,
    hal_archive,
    link_firmware,
    link_host,
    parse_overflows,
)

needs_gcc = pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")
needs_arm = pytest.mark.skipif(
    shutil.which("arm-none-eabi-gcc") is None, reason="needs arm-none-eabi-gcc"
)
FIRMWARE = Path(__file__).parent / "firmware"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A private, empty archive cache."""
    d = tmp_path / "cache"
    monkeypatch.setenv("UPTC_CACHE_DIR", str(d))
    return d


def _lib_sources(d: Path) -> list[Path]:
    (d / "inc").mkdir(parents=True)
    (d / "inc" / "twice.h").write_text("#define FACTOR 2\nint twice(int x);\n")
    (d / "twice.c").write_text('#include "twice.h"\nint twice(int x) { return FACTOR * x; }\n')
    (d / "name.c").write_text(
        '#include "board_config.h"\nconst char *board_name(void) { return UP_BOARD_NAME; }\n'
    )
    return [d / "twice.c", d / "name.c"]


@needs_arm
def test_flags_for_pyboard():
    tc = Toolchain.for_board(load_board("pyboard"))
    assert tc.cc == "arm-none-eabi-gcc" and tc.objcopy == "arm-none-eabi-objcopy"
    assert tc.addr2line == "arm-none-eabi-addr2line"
    for flag in ("-std=gnu11", "-Os", "-ffunction-sections", "-fdata-sections", "-Wall"):
        assert flag in tc.cflags
    assert "-mfpu=fpv4-sp-d16" in tc.cflags and "-DUP_FLOAT32=1" in tc.cflags
    assert "-Wl,--gc-sections" in tc.ldflags and "-Tpyboard-full.ld" in tc.ldflags
    small = Toolchain.for_board(load_board("pyboard-128k8k"))
    assert "-Tpyboard-128k8k.ld" in small.ldflags


@needs_gcc
def test_flags_for_host():
    tc = Toolchain.for_board(load_board("host"))
    assert tc.cc == "gcc"
    assert not any(f.startswith("-DUP_FLOAT32") for f in tc.cflags)
    assert not any(f.startswith("-mcpu") for f in tc.cflags)


def test_missing_cross_compiler_says_how_to_install(monkeypatch):
    monkeypatch.setattr(toolchain.shutil, "which", lambda name: None)
    with pytest.raises(ToolError) as e:
        Toolchain.for_board(load_board("pyboard"))
    msg = str(e.value)
    assert "arm-none-eabi-gcc not found" in msg
    assert "sudo apt install gcc-arm-none-eabi libnewlib-arm-none-eabi" in msg
    assert "make setup" in msg


def test_overflow_parsing():
    out = (
        "ld: app.elf section `.bss' will not fit in region `RAM'\n"
        "ld: region `RAM' overflowed by 1908 bytes\n"
        "ld: region 'FLASH' overflowed by 12 bytes\n"
    )
    assert parse_overflows(out) == {"RAM": 1908, "FLASH": 12}


@needs_gcc
def test_archive_is_cached_and_keyed_by_content(cache, tmp_path, capsys):
    board = load_board("host")
    srcs = _lib_sources(tmp_path / "src")
    inc = tmp_path / "src" / "inc"
    lib = build_archive(board, "demo", srcs, [inc], verbose=True)
    err = capsys.readouterr().err
    assert lib.is_file() and lib.name == "libdemo.a"
    assert cache in lib.parents
    assert err.count("gcc ") == 2 and " -c " in err and "ar rcsD" in err

    again = build_archive(board, "demo", srcs, [inc], verbose=True)
    assert again == lib
    assert "# cached:" in capsys.readouterr().err  # nothing compiled

    # A header, a define or a flag changes the key.
    (inc / "twice.h").write_text("#define FACTOR 3\nint twice(int x);\n")
    lib2 = build_archive(board, "demo", srcs, [inc])
    assert lib2 != lib
    assert build_archive(board, "demo", srcs, [inc], defines=["X=1"]) not in (lib, lib2)
    assert build_archive(board, "demo", srcs, [inc], extra_cflags=["-O0"]) not in (lib, lib2)
    # No temporary directories are left behind.
    assert not [p for p in lib.parent.parent.iterdir() if p.name.startswith(".")]


@needs_gcc
def test_archive_concurrent_builders_agree(cache, tmp_path):
    srcs = _lib_sources(tmp_path / "src")
    script = textwrap.dedent(
        f"""
        from uptc.boards import load_board
        from uptc.toolchain import build_archive
        print(build_archive(load_board("host"), "race", {[str(s) for s in srcs]!r},
                            [{str(tmp_path / "src" / "inc")!r}]))
        """
    )
    env = dict(os.environ, UPTC_CACHE_DIR=str(cache))
    procs = [
        subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=env, text=True)
        for _ in range(4)
    ]
    outs = [p.communicate()[0].strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert len(set(outs)) == 1 and Path(outs[0]).is_file()
    parent = Path(outs[0]).parent.parent
    assert [p.name for p in parent.iterdir() if p.name.startswith(".")] == []


@needs_gcc
def test_compile_error_is_a_tool_error(cache, tmp_path):
    bad = tmp_path / "bad.c"
    bad.write_text("int f(void) { return undefined_name; }\n")
    with pytest.raises(BuildError) as e:
        build_archive(load_board("host"), "bad", [bad], [])
    assert isinstance(e.value, ToolError)
    assert "undefined_name" in str(e.value)


@needs_gcc
def test_link_host_runs(cache, tmp_path):
    board = load_board("host")
    srcs = _lib_sources(tmp_path / "src")
    lib = build_archive(board, "demo", srcs, [tmp_path / "src" / "inc"])
    main = tmp_path / "main.c"
    main.write_text(
        "#include <stdio.h>\n"
        "int twice(int); const char *board_name(void);\n"
        'int main(void) { printf("%d %s %d\\n", twice(21), board_name(), VALUE); return 0; }\n'
    )
    exe = link_host([main], [lib], tmp_path / "out" / "prog", defines=["VALUE=7"])
    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout
    assert out == "42 host 7\n"


@needs_arm
def test_link_firmware_outputs(tmp_path):
    board = load_board("pyboard")
    out = link_firmware([FIRMWARE / "hello.c"], [hal_archive(board)], board, tmp_path, "hello")
    for p in (out.elf, out.bin, out.hex, out.dfu, out.map):
        assert p.is_file() and p.stat().st_size > 0, p
    assert out.hex.read_text().startswith(":020000040800F2")  # extended address 0x0800....
    assert out.bin.stat().st_size < 4096  # loaded bytes only: no gap to RAM
    assert "Memory Configuration" in out.map.read_text()
    from uptc.tools.dfuse import parse_dfuse

    image = parse_dfuse(out.dfu.read_bytes())
    assert image.targets[0].elements[0].address == 0x0800_0000


@needs_arm
def test_link_firmware_overflow_is_reported(tmp_path):
    board = load_board("pyboard-128k8k")
    with pytest.raises(LinkOverflowError) as e:
        link_firmware([FIRMWARE / "bigarray.c"], [hal_archive(board)], board, tmp_path, "big")
    err = e.value
    assert set(err.overflows) == {"RAM"}
    assert err.overflows["RAM"] > 0
    assert "does not fit board 'pyboard-128k8k'" in str(err)
    assert any("overflowed by" in m for m in err.linker_messages)
    assert err.elf is not None and err.elf.is_file()
