"""`uptc flash --method pyocd`: the orchestration, with pyOCD mocked at the probe boundary.

pyOCD's ConnectHelper (probe listing), Session and FileProgrammer are replaced
by fakes that record what uptc asks of them; the target is a fake flash
memory with the real STM32F405 memory map.
"""

import io
import logging

import pytest
from pyocd.core import exceptions
from tools_fixtures.firmware import FLASH, SRAM, make_elf, vector_table

from uptc.boards import load_board
from uptc.cli import main
from uptc.diagnostics import ToolError
from uptc.tools import flash, flash_pyocd, pyocd_target

BOARD = load_board("pyboard")


class FakeProbe:
    def __init__(self, uid, description="STM32 STLink"):
        self.unique_id = uid
        self.description = description


class World:
    """What the fakes saw and how they behave."""

    def __init__(self):
        self.probes = [FakeProbe("066DFF535254887767012345")]
        self.calls = []
        self.session_kwargs = None
        self.list_kwargs = None
        self.flash = {}
        self.fail = {}  # step name -> exception to raise there
        self.corrupt_at = None  # address whose byte the fake flash stores wrong
        self.progress = []

    def step(self, name):
        self.calls.append(name)
        if name in self.fail:
            raise self.fail[name]


class FakeTarget:
    def __init__(self, world):
        self.world = world
        self.memory_map = pyocd_target.target_class().MEMORY_MAP

    def halt(self):
        self.world.step("halt")

    def reset(self):
        self.world.step("reset")

    def read_memory_block8(self, addr, size):
        self.world.step("read")
        return [self.world.flash.get(addr + i, 0xFF) for i in range(size)]


class FakeSession:
    def __init__(self, world, probe, **kwargs):
        self.world = world
        world.session_kwargs = dict(kwargs, probe=probe)
        self.target = FakeTarget(world)

    def open(self):
        self.world.step("open")

    def close(self):
        self.world.calls.append("close")


class FakeFileProgrammer:
    def __init__(self, world, session, progress=None, chip_erase=None, smart_flash=None):
        self.world = world
        world.programmer_kwargs = {"chip_erase": chip_erase, "smart_flash": smart_flash}
        self.progress = progress
        self.pending = []

    def add_file(self, file_obj, file_format=None, base_address=None):
        self.world.calls.append(f"add {file_format} 0x{base_address:08x}")
        self.pending.append((base_address, file_obj.read()))

    def commit(self):
        self.world.step("commit")
        for f in (0.0, 0.5, 1.0, 0.0, 0.25, 0.75, 1.0):  # erase sweep, then program sweep
            self.progress(f)
        for addr, data in self.pending:
            for i, b in enumerate(data):
                self.world.flash[addr + i] = b ^ (1 if addr + i == self.world.corrupt_at else 0)


@pytest.fixture
def world(monkeypatch):
    w = World()

    def list_probes(**kwargs):
        w.list_kwargs = kwargs
        w.calls.append("list")
        uid = kwargs.get("unique_id")
        return [p for p in w.probes if uid is None or uid.lower() in p.unique_id.lower()]

    monkeypatch.setattr("pyocd.core.helpers.ConnectHelper.get_all_connected_probes",
                        staticmethod(list_probes))
    monkeypatch.setattr("pyocd.core.session.Session",
                        lambda probe, **kw: FakeSession(w, probe, **kw))
    monkeypatch.setattr("pyocd.flash.file_programmer.FileProgrammer",
                        lambda session, **kw: FakeFileProgrammer(w, session, **kw))
    return w


def firmware_elf(tmp_path):
    text = vector_table() + bytes(range(256)) * 80  # 20488 bytes: sectors 0 and 1
    data = b"\x11\x22\x33\x44"
    p = tmp_path / "app.elf"
    p.write_bytes(make_elf([(FLASH, text), (FLASH + len(text), SRAM, data, 8)]))
    return p


def flash_it(tmp_path, probe=None, tty=False):
    image = flash.load_image(firmware_elf(tmp_path), BOARD)
    flash.check_image(image, BOARD)
    out = io.StringIO()
    flash.flash_image(image, BOARD, "pyocd", probe, flash.Progress(out, tty=tty))
    return image, out.getvalue()


def test_order_kwargs_and_written_bytes(world, tmp_path):
    image, _ = flash_it(tmp_path)
    assert world.calls[:3] == ["list", "open", "halt"]
    assert world.calls[3:6] == ["add bin 0x08000000", "add bin 0x08005008", "commit"]
    assert set(world.calls[6:-2]) == {"read"}
    assert world.calls[-2:] == ["reset", "close"]
    assert world.list_kwargs == {"blocking": False, "unique_id": None, "print_wait_message": False}
    kw = world.session_kwargs
    assert kw["probe"] is world.probes[0]
    assert kw["target_override"] == "stm32f405rg"
    assert kw["connect_mode"] == "under-reset"
    assert kw["no_config"] is True and kw["auto_open"] is False
    assert kw["hide_programming_progress"] is True
    assert world.programmer_kwargs == {"chip_erase": "sector", "smart_flash": True}
    for seg in image.segments:
        assert bytes(world.flash[seg.address + i] for i in range(len(seg.data))) == seg.data


def test_plain_progress_one_line_per_phase(world, tmp_path):
    _, out = flash_it(tmp_path)
    lines = out.splitlines()
    assert lines[0].startswith("Connecting to STM32F405RG under reset via STM32 STLink")
    # Sectors 0 and 1 (2 x 16 KB) are erased; 20492 bytes programmed and verified.
    assert lines[1].strip().startswith("Erasing 32.0 KiB in ")
    assert lines[2].strip().startswith("Programming 20.0 KiB in ")
    assert lines[3].strip().startswith("Verifying 20.0 KiB in ")
    assert lines[4] == "Resetting"
    assert lines[5].startswith("Finished in ") and "20.0 KiB @ " in lines[5]
    assert "\r" not in out and len(lines) == 6


def test_tty_progress_draws_bars(world, tmp_path):
    _, out = flash_it(tmp_path, tty=True)
    assert "\r    Erasing [" in out and "\rProgramming [" in out and "\r  Verifying [" in out
    assert "100%" in out and out.rstrip().splitlines()[-1].startswith("Finished in")


def test_probe_id_is_passed_and_selects(world, tmp_path):
    world.probes.append(FakeProbe("0240000034544e45001b00028aa9001e4b", "DAPLink CMSIS-DAP"))
    flash_it(tmp_path, probe="8aa9")
    assert world.list_kwargs["unique_id"] == "8aa9"
    assert world.session_kwargs["probe"] is world.probes[1]


def test_no_probe_fails_at_once(world, tmp_path):
    world.probes = []
    with pytest.raises(ToolError) as e:
        flash_it(tmp_path)
    assert e.value.status == flash.EXIT_NO_DEVICE
    assert "no SWD probe found" in str(e.value) and "--method dfu" in str(e.value)
    assert world.calls == ["list"]


def test_no_probe_with_that_id(world, tmp_path):
    with pytest.raises(ToolError) as e:
        flash_it(tmp_path, probe="nomatch")
    assert e.value.status == flash.EXIT_NO_DEVICE and "'nomatch'" in str(e.value)


def test_several_probes_are_listed_not_prompted(world, tmp_path):
    world.probes.append(FakeProbe("E6614C311B4A5A2F", "J-Link"))
    with pytest.raises(ToolError) as e:
        flash_it(tmp_path)
    msg = str(e.value)
    assert e.value.status == flash.EXIT_USAGE
    assert "066DFF535254887767012345 (STM32 STLink)" in msg and "E6614C311B4A5A2F (J-Link)" in msg
    assert "--probe" in msg
    assert world.calls == ["list"]


def test_permission_problem_becomes_udev_hint(world, tmp_path, monkeypatch):
    def list_probes(**kwargs):
        logging.getLogger("pyocd.probe.stlink.usb").warning(
            "[Errno 13] Access denied (insufficient permissions) while trying to get the STLink "
            "USB device configuration (VID=0483 PID=374b). This can probably be remedied with a "
            "udev rule.")
        return []

    monkeypatch.setattr("pyocd.core.helpers.ConnectHelper.get_all_connected_probes",
                        staticmethod(list_probes))
    with pytest.raises(ToolError) as e:
        flash_it(tmp_path)
    assert e.value.status == flash.EXIT_NO_PERMISSION
    assert "udev" in str(e.value)


def test_wrong_chip(world, tmp_path):
    world.fail["open"] = pyocd_target.WrongChipError(0x10036419)
    with pytest.raises(ToolError) as e:
        flash_it(tmp_path)
    assert e.value.status == flash.EXIT_WRONG_CHIP
    assert "DEV_ID 0x419" in str(e.value)
    assert world.calls[-1] == "close" and "commit" not in world.calls


def test_connect_failure_names_the_wiring(world, tmp_path):
    world.fail["open"] = exceptions.TransferFaultError("No ACK received")
    with pytest.raises(ToolError) as e:
        flash_it(tmp_path)
    assert e.value.status == flash.EXIT_NO_DEVICE
    assert "NRST" in str(e.value) and "No ACK" in str(e.value)
    assert world.calls[-1] == "close"


def test_flash_algorithm_failure(world, tmp_path):
    world.fail["commit"] = exceptions.FlashEraseFailure("sector erase failed", address=0x08000000)
    with pytest.raises(ToolError) as e:
        flash_it(tmp_path)
    assert e.value.status == flash.EXIT_IO
    assert "at 0x08000000" in str(e.value) and "protected" in str(e.value)
    assert "reset" not in world.calls and world.calls[-1] == "close"


def test_verification_mismatch(world, tmp_path):
    world.corrupt_at = FLASH + 0x1234
    with pytest.raises(ToolError) as e:
        flash_it(tmp_path)
    assert e.value.status == flash.EXIT_IO
    assert "verification failed at 0x08001234" in str(e.value)
    assert "reset" not in world.calls and world.calls[-1] == "close"


def test_probe_unplugged_mid_way(world, tmp_path):
    world.fail["reset"] = exceptions.ProbeDisconnected("gone")
    with pytest.raises(ToolError) as e:
        flash_it(tmp_path)
    assert e.value.status == flash.EXIT_IO and "disconnected" in str(e.value)


def test_usb_access_error_while_opening(world, tmp_path):
    import usb.core

    world.fail["open"] = usb.core.USBError("Access denied (insufficient permissions)", errno=13)
    with pytest.raises(ToolError) as e:
        flash_it(tmp_path)
    assert e.value.status == flash.EXIT_NO_PERMISSION


def test_pyocd_logging_is_restored(world, tmp_path):
    logger = logging.getLogger("pyocd")
    before = (logger.level, logger.propagate, list(logger.handlers))
    flash_it(tmp_path)
    assert (logger.level, logger.propagate, list(logger.handlers)) == before


def test_cli_end_to_end(world, tmp_path, capsys):
    elf = firmware_elf(tmp_path)
    assert main(["flash", str(elf), "--board", "pyboard", "--method", "pyocd"]) == 0
    err = capsys.readouterr().err
    assert "Finished in" in err and "Traceback" not in err
    assert world.calls[-2:] == ["reset", "close"]


def test_cli_no_probe_one_line(world, tmp_path, capsys):
    world.probes = []
    assert main(["flash", str(firmware_elf(tmp_path))]) == flash.EXIT_NO_DEVICE
    err = capsys.readouterr().err
    assert err.startswith("uptc: error: no SWD probe found") and err.count("\n") == 1


def test_bad_image_is_refused_before_any_probe_access(world, tmp_path, capsys):
    p = tmp_path / "app.elf"
    p.write_bytes(make_elf([(FLASH, vector_table() + bytes(8)), (SRAM, b"data")]))
    assert main(["flash", str(p)]) == flash.EXIT_BAD_IMAGE
    assert world.calls == []


def test_erase_bytes_counts_whole_sectors():
    image = flash.Image(None, "bin", [flash.Segment(0x0800FF00, bytes(0x200))])
    # Crosses from sector 3 (16 KB) into sector 4 (64 KB).
    assert flash_pyocd._erase_bytes(image, FakeTarget(World())) == 0x4000 + 0x10000


def test_probe_open_refused_by_the_os(world, tmp_path):
    world.fail["open"] = exceptions.ProbeError("LIBUSB_ERROR_ACCESS: Access denied")
    with pytest.raises(ToolError) as e:
        flash_it(tmp_path)
    assert e.value.status == flash.EXIT_NO_PERMISSION and "udev" in str(e.value)
