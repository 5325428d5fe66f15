"""`uptc flash --method dfu`: the DfuSe protocol against a fake USB device, the pyusb
path without dfu-util, and dfu-util itself (the real one without a device, and a
fake one on PATH for the complete flow)."""

import io
import os
import shutil
import struct
import sys
from pathlib import Path

import pytest
from tools_fixtures.firmware import FLASH, make_elf, vector_table

from uptc.boards import load_board
from uptc.cli import main
from uptc.diagnostics import ToolError
from uptc.tools import dfuse, flash, flash_dfu

BOARD = load_board("pyboard")
F405_NAME = "@Internal Flash  /0x08000000/04*016Kg,01*064Kg,07*128Kg"
FIXTURES = Path(__file__).resolve().parent / "tools_fixtures"


class Gone(Exception):
    """The fake device has left DFU mode (what pyusb reports as 'No such device')."""

    errno = 19


class FakeDfuDevice:
    """The STM32F405 system bootloader's DfuSe behaviour, as AN3156 describes it."""

    def __init__(self, transfer_size=2048, protected=()):
        self.xfer = transfer_size
        self.flash = bytearray(b"\xff" * 0x100000)
        self.state, self.status = 2, 0  # dfuIDLE, OK
        self.pointer = FLASH
        self.pending = None
        self.busy_polls = 0
        self.protected = set(protected)  # sector starts that fail to erase
        self.log = []
        self.gone = False

    def ctrl_transfer(self, bm, req, value, index, data, timeout):
        assert index == 0 and timeout > 0
        if self.gone:
            raise Gone("No such device (it may have been disconnected)")
        if bm == 0x21 and req == 1:  # DNLOAD
            assert self.state in (2, 5), f"DNLOAD in state {self.state}"
            data = bytes(data or b"")
            if value == 0:
                cmd = data[0]
                addr = struct.unpack_from("<I", data, 1)[0]
                self.pending = ({0x21: "set", 0x41: "erase"}[cmd], addr)
            elif not data:
                self.pending = ("leave", self.pointer)
            else:
                assert len(data) <= self.xfer
                self.pending = ("write", self.pointer + (value - 2) * self.xfer, data, value)
            self.state = 3  # dfuDNLOAD-SYNC
            return len(data)
        if bm == 0xA1 and req == 3:  # GETSTATUS
            if self.pending:
                self._execute(self.pending)
                self.pending = None
                if self.state != 10 and not self.gone:
                    self.state = 4  # dfuDNBUSY, then idle after one more poll
                    self.busy_polls = 1
            elif self.state == 4:
                self.busy_polls -= 1
                if self.busy_polls <= 0:
                    self.state = 5
            return bytes([self.status, 25, 0, 0, self.state, 0])
        if bm == 0x21 and req == 4:  # CLRSTATUS
            self.log.append(("clrstatus",))
            self.state, self.status = 2, 0
            return 0
        if bm == 0x21 and req == 6:  # ABORT
            self.log.append(("abort",))
            self.state = 2
            return 0
        if bm == 0xA1 and req == 2:  # UPLOAD
            assert self.state in (2, 9), f"UPLOAD in state {self.state}"
            assert value >= 2
            addr = self.pointer + (value - 2) * data
            self.log.append(("upload", value, addr, data))
            self.state = 9
            off = addr - FLASH
            return bytes(self.flash[off : off + data])
        raise AssertionError(f"unexpected request {bm:#x} {req}")

    def _execute(self, pending):
        kind, addr = pending[0], pending[1]
        if kind == "set":
            self.pointer = addr
            self.log.append(("set", addr))
        elif kind == "erase":
            self.log.append(("erase", addr))
            if addr in self.protected:
                self.state, self.status = 10, 1  # dfuERROR, errTARGET
                return
            size = dict(flash_dfu_sector_sizes())[addr]
            off = addr - FLASH
            self.flash[off : off + size] = b"\xff" * size
        elif kind == "write":
            _, where, data, block = pending
            self.log.append(("write", block, where, len(data)))
            off = where - FLASH
            assert self.flash[off : off + len(data)] == b"\xff" * len(data), "not erased"
            self.flash[off : off + len(data)] = data
        elif kind == "leave":
            self.log.append(("leave", addr))
            self.gone = True


def flash_dfu_sector_sizes():
    return [(s.start, s.size) for s in flash_dfu.parse_layout(F405_NAME)]


def make_image(segments):
    return flash.Image(Path("app.elf"), "elf", [flash.Segment(a, d) for a, d in segments])


def pattern(n, seed=0):
    return bytes((i * 7 + seed) & 0xFF for i in range(n))


# ---- memory layout -------------------------------------------------------------------


def test_layout_of_the_f405_bootloader():
    sectors = flash_dfu.parse_layout(F405_NAME)
    assert [s.size for s in sectors] == [0x4000] * 4 + [0x10000] + [0x20000] * 7
    assert sectors[0].start == FLASH and sectors[-1].end == FLASH + 0x100000
    assert all(s.attrs == 7 for s in sectors)  # 'g': readable, erasable, writable


def test_layout_with_several_regions_and_read_only_parts():
    name = "@Option Bytes  /0x1FFFC000/01*016 e/0x1FFEC000/01*016 a"
    sectors = flash_dfu.parse_layout(name)
    assert [(hex(s.start), s.size, s.attrs) for s in sectors] == [
        ("0x1fffc000", 16, 5), ("0x1ffec000", 16, 1)]
    assert flash_dfu.parse_layout("not a dfuse name") == []


def test_sectors_to_erase():
    sectors = flash_dfu.parse_layout(F405_NAME)
    segs = [flash.Segment(FLASH + 0x3F00, bytes(0x200)), flash.Segment(FLASH + 0x20010, bytes(4))]
    todo = flash_dfu.sectors_to_erase(segs, sectors)
    assert [hex(s.start) for s in todo] == ["0x8000000", "0x8004000", "0x8020000"]
    with pytest.raises(ToolError) as e:
        flash_dfu.sectors_to_erase([flash.Segment(0x20000000, bytes(4))], sectors)
    assert e.value.status == flash.EXIT_BAD_IMAGE


# ---- the DfuSe protocol against a fake device -------------------------------------------


def test_dfuse_program_sequence_and_result():
    dev = FakeDfuDevice()
    sleeps = []
    dfu = flash_dfu.DfuSe(dev, 0, 2048, sleep=sleeps.append)
    first = vector_table() + pattern(0x4100 - 8)  # crosses into sector 1
    second = pattern(16, seed=3)  # sector 5
    image = make_image([(FLASH, first), (FLASH + 0x20000, second)])
    out = io.StringIO()
    flash_dfu.program(dfu, image, flash_dfu.parse_layout(F405_NAME), flash.Progress(out, tty=False),
                      FLASH)

    assert bytes(dev.flash[: len(first)]) == first
    assert bytes(dev.flash[0x20000:0x20010]) == second
    log = dev.log
    erases = [e for e in log if e[0] == "erase"]
    assert erases == [("erase", FLASH), ("erase", FLASH + 0x4000), ("erase", FLASH + 0x20000)]
    # Writes: the address pointer, then block 2, per 2048-byte block.
    writes = [e for e in log if e[0] in ("set", "write")][:6]
    assert writes == [("set", FLASH), ("write", 2, FLASH, 2048),
                      ("set", FLASH + 2048), ("write", 2, FLASH + 2048, 2048),
                      ("set", FLASH + 4096), ("write", 2, FLASH + 4096, 2048)]
    assert ("write", 2, FLASH + 0x4000, 0x100) in log  # the short last block of segment 1
    i = log.index(("set", FLASH + 0x20000))
    assert log[i + 1] == ("write", 2, FLASH + 0x20000, 16)
    # Verification reads every byte back, each block from dfuIDLE (abort after set address).
    uploads = [e for e in log if e[0] == "upload"]
    assert sum(e[3] for e in uploads) == len(first) + len(second)
    assert {e[1] for e in uploads} == {2}
    j = log.index(("upload", 2, FLASH + 0x4000, 0x100))
    assert log[j - 2 : j] == [("set", FLASH + 0x4000), ("abort",)]
    # Leave: pointer to the flash start, then a zero-length DNLOAD.
    assert log[-2:] == [("set", FLASH), ("leave", FLASH)]
    assert dev.gone
    # Poll timeouts come from GETSTATUS (25 ms).
    assert sleeps and set(sleeps) == {0.025}
    phases = [ln.split()[0] for ln in out.getvalue().splitlines()]
    assert phases == ["Erasing", "Programming", "Verifying", "Leaving"]


def test_dfuse_error_status_is_reported_and_cleared():
    dev = FakeDfuDevice(protected={FLASH})
    dfu = flash_dfu.DfuSe(dev, 0, 2048, sleep=lambda s: None)
    with pytest.raises(flash_dfu.DfuError) as e:
        dfu.erase(FLASH)
    assert "erase 0x08000000: the device reports errTARGET" in str(e.value)
    assert dev.log[-1] == ("clrstatus",) and dev.state == 2


def test_dfuse_recovers_from_a_left_over_state():
    dev = FakeDfuDevice()
    dev.state, dev.status = 10, 3  # dfuERROR, errWRITE from an earlier session
    dfu = flash_dfu.DfuSe(dev, 0, 2048, sleep=lambda s: None)
    dfu.to_idle()
    assert dev.state == 2 and dev.log == [("clrstatus",)]
    dev.state = 5  # dfuDNLOAD-IDLE
    dfu.to_idle()
    assert dev.log[-1] == ("abort",)


def test_dfuse_busy_forever_times_out():
    class Stuck(FakeDfuDevice):
        def ctrl_transfer(self, bm, req, value, index, data, timeout):
            if req == 3:
                return bytes([0, 10, 0, 0, 4, 0])  # dfuDNBUSY, always
            return super().ctrl_transfer(bm, req, value, index, data, timeout)

    now = [0.0]

    def sleep(s):
        now[0] += s

    dfu = flash_dfu.DfuSe(Stuck(), 0, 2048, sleep=sleep, clock=lambda: now[0])
    with pytest.raises(flash_dfu.DfuError) as e:
        dfu.set_address(FLASH)
    assert "no answer within" in str(e.value)


# ---- the pyusb back end (no dfu-util on PATH) -----------------------------------------------


@pytest.fixture
def no_dfu_util(tmp_path, monkeypatch):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert shutil.which("dfu-util") is None


def dfu_file(tmp_path):
    p = tmp_path / "app.dfu"
    p.write_bytes(dfuse.build_dfuse([(FLASH, vector_table() + pattern(0x1000))]))
    return p


def test_pyusb_no_device_explains_dfu_mode(no_dfu_util, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("usb.core.find", lambda **kw: iter([]))
    rc = main(["flash", str(dfu_file(tmp_path)), "--method", "dfu"])
    assert rc == flash.EXIT_NO_DEVICE
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no DFU device 0483:df11 found" in err
    assert "DFU pin to 3V3" in err and "press RST" in err


def test_pyusb_no_backend_and_no_dfu_util(no_dfu_util, tmp_path, monkeypatch, capsys):
    import usb.core

    def no_backend(**kw):
        raise usb.core.NoBackendError("No backend available")

    monkeypatch.setattr("usb.core.find", no_backend)
    monkeypatch.setitem(sys.modules, "libusb_package", None)  # import fails
    rc = main(["flash", str(dfu_file(tmp_path)), "--method", "dfu"])
    assert rc == flash.EXIT_NO_TOOL
    assert "install dfu-util" in capsys.readouterr().err


class FakeInterface:
    bInterfaceClass, bInterfaceSubClass = 0xFE, 1

    def __init__(self, alt, iface_string):
        self.bAlternateSetting = alt
        self.bInterfaceNumber = 0
        self.iInterface = iface_string
        # DFU functional descriptor: attributes, detach timeout, wTransferSize 1024, DfuSe 1.1a
        self.extra_descriptors = [9, 0x21, 0x0B, 0xFF, 0x00, 0x00, 0x04, 0x1A, 0x01]


class FakeUsbDevice(FakeDfuDevice):
    bus, address = 1, 7

    def __init__(self):
        super().__init__(transfer_size=1024)
        self.alt_set = None
        self.config = [FakeInterface(0, 4), FakeInterface(1, 5)]

    def get_active_configuration(self):
        return self.config

    def set_interface_altsetting(self, interface, alternate_setting):
        self.alt_set = (interface, alternate_setting)


def test_pyusb_flow_with_a_fake_usb_device(no_dfu_util, tmp_path, monkeypatch, capsys):
    dev = FakeUsbDevice()
    strings = {4: F405_NAME, 5: "@Option Bytes  /0x1FFFC000/01*016 e"}
    monkeypatch.setattr("usb.core.find", lambda **kw: iter([dev]))
    monkeypatch.setattr("usb.util.claim_interface", lambda d, n: None)
    monkeypatch.setattr("usb.util.get_string", lambda d, i: strings[i])
    monkeypatch.setattr("usb.util.dispose_resources", lambda d: None)
    monkeypatch.setattr(flash_dfu.time, "sleep", lambda s: None)
    p = dfu_file(tmp_path)
    assert main(["flash", str(p), "--method", "dfu"]) == 0
    assert dev.alt_set == (0, 0)
    data = vector_table() + pattern(0x1000)
    assert bytes(dev.flash[: len(data)]) == data
    assert ("write", 2, FLASH + 1024, 1024) in dev.log  # wTransferSize from the descriptor
    assert dev.gone
    err = capsys.readouterr().err
    assert "Finished in" in err


def test_several_dfu_devices(no_dfu_util, tmp_path, monkeypatch):
    monkeypatch.setattr("usb.core.find", lambda **kw: iter([FakeUsbDevice(), FakeUsbDevice()]))
    with pytest.raises(ToolError) as e:
        flash_dfu._find_device(0x0483, 0xDF11)
    assert e.value.status == flash.EXIT_USAGE


def test_usb_permission_error(no_dfu_util, tmp_path, monkeypatch, capsys):
    import usb.core

    class Locked(FakeUsbDevice):
        def get_active_configuration(self):
            raise usb.core.USBError("Access denied (insufficient permissions)", errno=13)

        def set_configuration(self):
            raise usb.core.USBError("Access denied (insufficient permissions)", errno=13)

    monkeypatch.setattr("usb.core.find", lambda **kw: iter([Locked()]))
    monkeypatch.setattr("usb.util.dispose_resources", lambda d: None)
    assert main(["flash", str(dfu_file(tmp_path)), "--method", "dfu"]) == flash.EXIT_NO_PERMISSION
    assert "udev" in capsys.readouterr().err


# ---- dfu-util --------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("dfu-util") is None, reason="dfu-util is not installed")
def test_real_dfu_util_without_a_device(tmp_path, capsys):
    """dfu-util 0.11 prints 'No DFU capable USB device available' and exits 74."""
    rc = main(["flash", str(dfu_file(tmp_path)), "--method", "dfu"])
    assert rc == flash.EXIT_NO_DEVICE
    err = capsys.readouterr().err
    assert err.startswith("uptc: error: no DFU device found (dfu-util exit 74)")
    assert "DFU pin to 3V3" in err and err.count("\n") == 1


@pytest.fixture
def fake_dfu_util(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "dfu-util"
    exe.write_text(f"#!/bin/sh\nexec {sys.executable} {FIXTURES / 'fake_dfu_util.py'} \"$@\"\n")
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_DFU_LOG", str(tmp_path / "dfu.log"))
    monkeypatch.setenv("FAKE_DFU_FLASH", str(tmp_path / "flash.bin"))
    monkeypatch.setenv("FAKE_DFU_MODE", "")
    assert shutil.which("dfu-util") == str(exe)
    return tmp_path


def app_elf(tmp_path):
    text = vector_table() + pattern(0x3000)
    p = tmp_path / "app.elf"
    p.write_bytes(make_elf([(FLASH, text), (FLASH + len(text) + 4, b"\x01\x02\x03\x04")]))
    return p, text


def test_dfu_util_flow_from_an_elf(fake_dfu_util, capsys):
    tmp = fake_dfu_util
    elf, text = app_elf(tmp)
    assert main(["flash", str(elf), "--method", "dfu", "--yes"]) == 0  # progress lines only
    runs = (tmp / "dfu.log").read_text().splitlines()
    assert len(runs) == 3
    assert runs[0].startswith("-a 0 -d 0483:df11 -D ") and runs[0].endswith("app.dfu")
    # The two ELF segments are 4 bytes apart: one DfuSe element, read back in one upload.
    assert runs[1].startswith(f"-a 0 -d 0483:df11 -s 0x08000000:{len(text) + 8} -U ")
    assert len(text) + 8 == 0x3010
    assert runs[2] == "-a 0 -d 0483:df11 -s 0x08000000:leave"
    flashed = (tmp / "flash.bin").read_bytes()
    assert flashed[: len(text)] == text
    assert flashed[len(text) : len(text) + 8] == b"\xff" * 4 + b"\x01\x02\x03\x04"
    err = capsys.readouterr().err
    lines = [ln.strip().split()[0] for ln in err.splitlines()]
    assert lines == ["Erasing", "Programming", "Verifying", "Leaving", "Finished"]


def test_dfu_util_uses_the_given_dfu_file(fake_dfu_util, capsys):
    tmp = fake_dfu_util
    p = dfu_file(tmp)
    assert main(["flash", str(p), "--method", "dfu"]) == 0
    runs = (tmp / "dfu.log").read_text().splitlines()
    assert runs[0] == f"-a 0 -d 0483:df11 -D {p}"


@pytest.mark.parametrize(
    "mode, status, words",
    [
        ("nodevice", flash.EXIT_NO_DEVICE, "DFU pin to 3V3"),
        ("access", flash.EXIT_NO_PERMISSION, "udev"),
        ("badverify", flash.EXIT_IO, "verification failed at 0x0800000a"),
        ("ioerror", flash.EXIT_NO_DEVICE, "no DFU device found (dfu-util exit 74)"),
        ("midway", flash.EXIT_IO, "dfu-util failed with exit status 74: Error during download"),
    ],
)
def test_dfu_util_failures(fake_dfu_util, monkeypatch, capsys, mode, status, words):
    monkeypatch.setenv("FAKE_DFU_MODE", mode)
    elf, _ = app_elf(fake_dfu_util)
    assert main(["flash", str(elf), "--method", "dfu"]) == status
    err = capsys.readouterr().err.splitlines()
    assert words in err[-1] and err[-1].startswith("uptc: error: ")


def test_dfu_util_hang_is_bounded(fake_dfu_util, monkeypatch, capsys):
    monkeypatch.setenv("FAKE_DFU_MODE", "hang")
    monkeypatch.setattr(flash_dfu, "_timeout", lambda n: 1.0)
    elf, _ = app_elf(fake_dfu_util)
    assert main(["flash", str(elf), "--method", "dfu"]) == flash.EXIT_IO
    assert "did not finish within 1 s" in capsys.readouterr().err


def test_probe_option_does_not_apply_to_dfu(tmp_path, capsys):
    assert main(["flash", str(dfu_file(tmp_path)), "--method", "dfu", "--probe", "x"]) == 64
