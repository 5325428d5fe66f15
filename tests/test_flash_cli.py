"""`uptc flash` arguments, building app.py first, --monitor, and flash_and_monitor()."""

import os
import socket
import sys
import threading
import types
from pathlib import Path

import pytest
from tools_fixtures.firmware import FLASH, make_elf, vector_table

import uptc
from uptc.cli import main
from uptc.tools import dfuse, flash


def one_line_error(capsys, *words):
    err = capsys.readouterr().err
    assert err.startswith("uptc: error: ") and err.count("\n") == 1, err
    for w in words:
        assert w in err, err
    assert "Traceback" not in err


def elf_file(tmp_path, name="app.elf"):
    p = tmp_path / name
    p.write_bytes(make_elf([(FLASH, vector_table() + bytes(range(256)) * 4)]))
    return p


@pytest.fixture
def recorded(monkeypatch):
    """flash_image replaced by a recorder: these tests stop at the probe boundary."""

    class Calls(list):
        warnings: list

    calls = Calls()

    def fake_flash_image(image, board, method, probe=None, progress=None, verbose=False,
                         warn=None):
        calls.append((image, board, method, probe))
        warnings.append(warn)
        return 0.0

    warnings: list[str | None] = []
    calls.warnings = warnings  # what would be printed before writing, per call

    monkeypatch.setattr(flash, "flash_image", fake_flash_image)
    return calls


# ---- argument errors ---------------------------------------------------------------------


def test_unknown_method(tmp_path, capsys, recorded):
    assert main(["flash", str(elf_file(tmp_path)), "--method", "jtag"]) == flash.EXIT_USAGE
    one_line_error(capsys, "unknown flash method 'jtag'", "pyocd or dfu")


def test_missing_file(tmp_path, capsys, recorded):
    assert main(["flash", str(tmp_path / "nope.elf")]) == flash.EXIT_NO_INPUT
    one_line_error(capsys, "nope.elf: no such file")


def test_missing_python_file(tmp_path, capsys, recorded):
    assert main(["flash", str(tmp_path / "nope.py")]) == flash.EXIT_NO_INPUT
    one_line_error(capsys, "nope.py: no such file")


def test_wrong_extension(tmp_path, capsys, recorded):
    p = tmp_path / "app.txt"
    p.write_text("x")
    assert main(["flash", str(p)]) == flash.EXIT_USAGE
    one_line_error(capsys, "cannot flash a '.txt' file")


def test_host_board_cannot_be_flashed(tmp_path, capsys, recorded):
    assert main(["flash", str(elf_file(tmp_path)), "--board", "host"]) == flash.EXIT_USAGE
    one_line_error(capsys, "no flash")


def test_unknown_board(tmp_path, capsys, recorded):
    assert main(["flash", str(elf_file(tmp_path)), "--board", "arduino"]) != 0
    one_line_error(capsys, "unknown board 'arduino'")


def test_unknown_profile(tmp_path, capsys, recorded):
    assert main(["flash", str(elf_file(tmp_path)), "--profile", "huge"]) != 0
    one_line_error(capsys, "no profile 'huge'")
    assert recorded == []


def test_elf_truncated_inside_its_code_is_never_written(tmp_path, capsys, recorded):
    # The vector table is there, the rest of the code is not: refused before
    # any device is touched, not handed to the flasher in part.
    data = make_elf([(FLASH, vector_table() + bytes(range(256)) * 16)])
    short = tmp_path / "short.elf"
    short.write_bytes(data[: len(data) - 1000])
    assert main(["flash", str(short)]) == flash.EXIT_BAD_IMAGE
    one_line_error(capsys, "short.elf", "truncated", "0x08000000")
    assert recorded == []


def test_corrupt_elf_is_one_line(tmp_path, capsys, recorded):
    data = bytearray(make_elf([(FLASH, vector_table() + bytes(64))]))
    data[28:32] = (1 << 30).to_bytes(4, "little")  # e_phoff far past the end
    bad = tmp_path / "bad.elf"
    bad.write_bytes(bytes(data))
    assert main(["flash", str(bad), "--method", "dfu"]) == flash.EXIT_BAD_IMAGE
    one_line_error(capsys, "bad.elf", "program header table")
    assert recorded == []


def test_run_and_build_refuse_a_built_image(tmp_path, capsys):
    elf = elf_file(tmp_path)
    for command in ("run", "build", "check"):
        assert main([command, str(elf)]) == 64
        one_line_error(capsys, "app.elf", "not a program", "uptc flash")


def test_profile_is_applied(tmp_path, capsys, recorded):
    big = tmp_path / "big.elf"
    big.write_bytes(make_elf([(FLASH, vector_table() + bytes(200 * 1024))]))
    assert main(["flash", str(big), "--profile", "128k8k"]) == flash.EXIT_BAD_IMAGE
    one_line_error(capsys, "128k8k")
    assert main(["flash", str(big)]) == 0
    assert recorded[0][1].profile.name == "full"


def test_defaults_and_options_reach_the_flasher(tmp_path, recorded):
    assert main(["flash", str(elf_file(tmp_path)), "--probe", "0669"]) == 0
    image, board, method, probe = recorded[0]
    assert (board.name, method, probe) == ("pyboard", "pyocd", "0669")
    assert image.kind == "elf"


# ---- building app.py first -------------------------------------------------------------------


@pytest.fixture
def fake_driver(monkeypatch, tmp_path):
    """uptc.driver.build replaced by one that 'builds' a prepared ELF and DfuSe file."""
    calls = []

    def build(source, board, profile, out_dir, verbose):
        calls.append((Path(source), board, profile, Path(out_dir), verbose))
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        elf = elf_file(out, "app.elf")
        dfu = out / "app.dfu"
        dfu.write_bytes(dfuse.dfuse_from_elf(elf))
        return types.SimpleNamespace(elf=elf, bin=out / "app.bin", hex=out / "app.hex", dfu=dfu,
                                     map=out / "app.map")

    try:
        from uptc import driver

        monkeypatch.setattr(driver, "build", build)
    except ImportError:
        module = types.ModuleType("uptc.driver")
        module.build = build
        monkeypatch.setitem(sys.modules, "uptc.driver", module)
        monkeypatch.setattr(uptc, "driver", module, raising=False)
    return calls


def test_app_py_is_built_then_flashed(tmp_path, fake_driver, recorded, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text("print('hi')\n")
    assert main(["flash", "app.py", "--board", "pyboard", "--profile", "128k8k", "-o", "out",
                 "--method", "dfu", "-v"]) == 0
    assert fake_driver == [(Path("app.py"), "pyboard", "128k8k", Path("out"), True)]
    image, board, method, _ = recorded[0]
    assert image.path == Path("out/app.elf") and image.dfu == Path("out/app.dfu")
    assert image.elf == Path("out/app.elf")
    assert (board.profile.name, method) == ("128k8k", "dfu")


def test_app_py_default_build_dir(tmp_path, fake_driver, recorded, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text("print('hi')\n")
    assert main(["flash", "app.py"]) == 0
    assert fake_driver[0][1:4] == ("pyboard", None, Path("build/pyboard"))
    # Another profile, another folder: the builds do not overwrite each other.
    assert main(["flash", "app.py", "--profile", "128k8k"]) == 0
    assert fake_driver[1][1:4] == ("pyboard", "128k8k", Path("build/pyboard-128k8k"))
    assert recorded[1][0].path == Path("build/pyboard-128k8k/app.elf")


def test_app_py_with_a_file_in_the_way_of_the_build_dir(tmp_path, fake_driver, recorded,
                                                        monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text("print('hi')\n")
    (tmp_path / "out").write_text("")
    assert main(["flash", "app.py", "-o", "out"]) == 73
    one_line_error(capsys, "out is a file, not a folder", "--out-dir")
    assert fake_driver == [] and recorded == []


# ---- --monitor and flash_and_monitor ---------------------------------------------------------


class Board:
    """A TCP peer printing a banner once the monitor has sent a byte."""

    def __init__(self, text):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.sock.settimeout(10)
        self.url = f"socket://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self.serve, args=(text,), daemon=True).start()

    def serve(self, text):
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(10)
            conn.recv(10)
            conn.sendall(text)
        self.sock.close()


def piped_stdin(monkeypatch, data: bytes):
    """sys.stdin as a pipe holding `data` (the monitor forwards piped stdin to the port)."""
    r, w = os.pipe()
    os.write(w, data)
    os.close(w)
    monkeypatch.setattr(sys, "stdin", open(r, "rb"))  # noqa: SIM115 - closed by the test's end


def test_flash_then_monitor(tmp_path, recorded, monkeypatch, capfd):
    board = Board(b"hello after flashing\n")
    piped_stdin(monkeypatch, b"\n")  # one byte starts the fake board's output
    rc = main(["flash", str(elf_file(tmp_path)), "--monitor", "--port", board.url,
               "--until", "after flashing", "--timeout", "10"])
    assert rc == 0
    assert "hello after flashing" in capfd.readouterr().out
    assert recorded[0][2] == "pyocd"


def test_flash_and_monitor_api(tmp_path, recorded, monkeypatch, capfd):
    board = Board(b"booted\n")
    piped_stdin(monkeypatch, b"\n")
    elf = elf_file(tmp_path)
    result = types.SimpleNamespace(elf=elf, bin=None, hex=None, dfu=None, map=None)
    rc = flash.flash_and_monitor(result, "pyboard-128k8k", "dfu", None, board.url, 115200, 5.0)
    assert rc == 0
    image, brd, method, probe = recorded[0]
    assert (brd.profile.name, method, probe) == ("128k8k", "dfu", None)
    assert image.elf == elf
    assert "booted" in capfd.readouterr().out


def test_flash_and_monitor_rejects_a_bad_method(tmp_path, recorded):
    from uptc.diagnostics import ToolError

    result = types.SimpleNamespace(elf=elf_file(tmp_path), dfu=None)
    with pytest.raises(ToolError) as e:
        flash.flash_and_monitor(result, "pyboard", "swd", None, None, 115200, 1.0)
    assert e.value.status == flash.EXIT_USAGE
    assert recorded == []


# ---- the warning: flashing replaces MicroPython ---------------------------------------------


def test_warning_before_writing(tmp_path, recorded):
    assert main(["flash", str(elf_file(tmp_path))]) == 0
    (warn,) = recorded.warnings
    assert "replaces the firmware on the board: MicroPython" in warn
    assert "left as it is" in warn  # a 1 KB image stays in sector 0
    assert "micropython.org/download" in warn and "dfu-util -a 0 -D" in warn
    assert "--yes" in warn


def test_warning_names_the_filesystem_an_image_overwrites(tmp_path, recorded):
    big = tmp_path / "big.elf"
    big.write_bytes(make_elf([(FLASH, vector_table() + bytes(40 * 1024))]))  # into sector 2
    assert main(["flash", str(big)]) == 0
    assert "internal filesystem (/flash" in recorded.warnings[0]
    assert "the files on it are lost" in recorded.warnings[0]


def test_yes_skips_the_warning(tmp_path, recorded):
    assert main(["flash", str(elf_file(tmp_path)), "--yes"]) == 0
    assert main(["flash", str(elf_file(tmp_path)), "-y"]) == 0
    assert recorded.warnings == [None, None]


def test_the_warning_comes_once_just_before_the_first_phase():
    import io

    out = io.StringIO()
    progress = flash.Progress(out, tty=False, preamble="uptc: warning: replaces MicroPython")
    progress.note("Connecting to STM32F405RG")
    progress.phase("Erasing", 1024)
    progress.phase("Programming", 1024)
    progress.finish(1024)
    lines = out.getvalue().splitlines()
    assert lines[:2] == ["Connecting to STM32F405RG", "uptc: warning: replaces MicroPython"]
    assert lines[2].lstrip().startswith("Erasing") and out.getvalue().count("warning") == 1


def _fake_dfu_util(tmp_path, mode=""):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    exe = bin_dir / "dfu-util"
    exe.write_text(f"#!/bin/sh\nexec {sys.executable} "
                   f"{Path(__file__).resolve().parent / 'tools_fixtures' / 'fake_dfu_util.py'} "
                   '"$@"\n')
    exe.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "FAKE_DFU_LOG": str(tmp_path / "dfu.log"), "FAKE_DFU_FLASH": str(tmp_path / "fl.bin"),
            "FAKE_DFU_MODE": mode, "PYTHONPATH": str(Path(uptc.__file__).resolve().parent.parent)}


def test_the_warning_from_the_command_line(tmp_path):
    from uptc_cli import uptc as run_uptc

    elf = elf_file(tmp_path)
    r = run_uptc(["flash", str(elf), "--method", "dfu"], tmp_path,
                 extra_env=_fake_dfu_util(tmp_path))
    assert r.returncode == 0, r.stderr
    err = r.stderr.decode()
    assert err.count("flashing replaces the firmware") == 1
    assert err.index("uptc: warning:") < err.index("Programming")
    r = run_uptc(["flash", str(elf), "--method", "dfu", "--yes"], tmp_path,
                 extra_env=_fake_dfu_util(tmp_path))
    assert r.returncode == 0 and b"warning" not in r.stderr
    # No device: nothing is written, and the error stays one line.
    r = run_uptc(["flash", str(elf), "--method", "dfu"], tmp_path,
                 extra_env=_fake_dfu_util(tmp_path, "nodevice"))
    assert r.returncode == flash.EXIT_NO_DEVICE
    assert r.stderr.decode().count("\n") == 1 and b"warning" not in r.stderr
