"""`uptc monitor --elf`: fault and traceback addresses -> file:line, also under QEMU."""

import io
import queue
import re
import shutil
import subprocess
import sys
import threading
import time

import pytest
import serial
from tools_fixtures import firmware

from uptc.tools import monitor
from uptc.tools.traceback_decode import Decoder

needs_gcc = pytest.mark.skipif(not firmware.toolchain_available(), reason="no arm-none-eabi-gcc")


@pytest.fixture(scope="module")
def fw(tmp_path_factory):
    if not firmware.toolchain_available():
        pytest.skip("no arm-none-eabi-gcc")
    return firmware.build_firmware(tmp_path_factory.mktemp("fw"))


def symbol(elf, name):
    from elftools.elf.elffile import ELFFile

    with open(elf, "rb") as f:
        sym = ELFFile(f).get_section_by_name(".symtab").get_symbol_by_name(name)[0]
        return sym["st_value"] & ~1


def fault_line(pc, lr):
    """The register line of the HAL's fault report (hal/stm32f405/fault.c)."""
    return f"PC=0x{pc:08x} LR=0x{lr:08x} SP=0x2001ffc0"


@pytest.fixture(params=["addr2line", "pyelftools"])
def decoder(request, fw):
    use = request.param == "addr2line"
    if use and shutil.which("arm-none-eabi-addr2line") is None:
        pytest.skip("no arm-none-eabi-addr2line")
    return Decoder(fw, use_addr2line=use)


@needs_gcc
def test_pc_maps_through_line_directive_to_app_py(decoder, fw):
    crash = symbol(fw, "crash")
    notes = decoder.annotate(fault_line(crash, symbol(fw, "Reset_Handler") + 0x21))
    assert len(notes) == 2
    assert notes[0].startswith(f"    [uptc] PC 0x{crash:08x}: ")
    assert notes[0].endswith("app.py:7 (crash)")
    assert "fw.c:" in notes[1] and "(Reset_Handler)" in notes[1]


@needs_gcc
def test_both_back_ends_agree(fw):
    crash = symbol(fw, "crash")
    line = fault_line(crash, symbol(fw, "put") + 3)
    if shutil.which("arm-none-eabi-addr2line") is None:
        pytest.skip("no arm-none-eabi-addr2line")
    assert Decoder(fw, use_addr2line=True).annotate(line) == Decoder(
        fw, use_addr2line=False
    ).annotate(line)


@needs_gcc
def test_pc_outside_the_code_is_named(decoder):
    assert decoder.annotate("PC=0x20000100 LR=0xfffffff9 SP=0x20001000") == [
        "    [uptc] PC 0x20000100: not in the code of fw.elf"
    ]


@needs_gcc
def test_unreadable_frame(decoder):
    notes = decoder.annotate("PC=0xffffffff LR=0xffffffff SP=0x1fffffe0")
    assert notes == ["    [uptc] PC unknown: the fault frame was not readable (a stack overflow?)",
                     "    [uptc] LR unknown: the fault frame was not readable (a stack overflow?)"]


@needs_gcc
def test_compact_traceback_frames(decoder, fw):
    crash = symbol(fw, "crash")
    reset = symbol(fw, "Reset_Handler")
    lines = [
        "Traceback (addresses; uptc monitor --elf decodes them):",
        f"  0x{crash + 3:08x} 0x{reset + 0x21:08x} 0x20001000",
        "ValueError: bad value",
        f"unrelated 0x{crash:08x}",
        f"frame @0x{crash + 3:08x}",
    ]
    notes = [decoder.annotate(ln) for ln in lines]
    assert notes[0] == []
    assert len(notes[1]) == 2  # the RAM word is not a code address
    assert notes[1][0].endswith("app.py:7 (crash)")
    assert notes[2] == [] and notes[3] == []  # outside the traceback block
    assert notes[4][0].startswith("    [uptc] frame 0x")


@needs_gcc
def test_lr_lookup_uses_the_call_site(fw):
    d = Decoder(fw, use_addr2line=False)
    reset = symbol(fw, "Reset_Handler")
    found = d.addresses(f"LR=0x{reset + 0x21:08x} PC: 0x{reset:08x}")
    assert [(x.kind, x.lookup) for x in found] == [("LR", reset + 0x1F), ("PC", reset)]


@needs_gcc
def test_decoded_lines_follow_the_fault_line_in_capture(fw):
    crash = symbol(fw, "crash")
    ser = serial.serial_for_url("loop://", timeout=0.05)
    out = io.BytesIO()
    text = f"booted\r\n*** HardFault\r\n{fault_line(crash, crash + 1)}\r\nafter\r\n".encode()
    # Split mid-line: annotations must wait for the end of the line.
    rc = monitor.capture(ser, out, until=monitor.compile_until("after"), timeout=5,
                         decoder=Decoder(fw), stdin=iter([text[:30], text[30:]]))
    assert rc == 0
    lines = out.getvalue().decode().split("\n")
    assert lines[0] == "booted\r"
    assert lines[1] == "*** HardFault\r"
    assert lines[2].startswith("PC=")
    assert lines[3].endswith("app.py:7 (crash)")
    assert lines[4].startswith("    [uptc] LR")
    assert lines[5].startswith("after")


def test_not_an_elf_is_bad_image(tmp_path):
    bad = tmp_path / "app.elf"
    bad.write_bytes(b"not an elf at all")
    from uptc.diagnostics import ToolError

    with pytest.raises(ToolError) as e:
        Decoder(bad)
    assert e.value.status == 65


@needs_gcc
def test_truncated_elf_is_one_line_from_the_cli(fw, tmp_path, capsys):
    from uptc.cli import main

    short = tmp_path / "short.elf"
    short.write_bytes(fw.read_bytes()[: fw.stat().st_size // 2])
    assert main(["monitor", "--elf", str(short), "--port", "loop://", "--timeout", "1"]) == 65
    err = capsys.readouterr().err
    assert err.startswith("uptc: error: ") and err.count("\n") == 1, err
    assert "short.elf" in err and "truncated" in err


@needs_gcc
def test_unreadable_debug_information_gives_no_source_lines(fw, tmp_path):
    from elftools.elf.elffile import ELFFile

    # .debug_line overwritten with garbage: inside the file, so the ELF opens;
    # the lookup finds no line instead of failing the session.
    data = bytearray(fw.read_bytes())
    with open(fw, "rb") as f:
        sec = ELFFile(f).get_section_by_name(".debug_line")
        start, size = sec["sh_offset"], sec["sh_size"]
    data[start : start + size] = b"\xff" * size
    broken = tmp_path / "broken.elf"
    broken.write_bytes(bytes(data))
    pc = symbol(fw, "crash")
    assert Decoder(broken, use_addr2line=False).lookup([pc]) == {pc: None}


# ---- against firmware running in QEMU ---------------------------------------------------


@pytest.mark.qemu
@needs_gcc
@pytest.mark.skipif(shutil.which("qemu-system-arm") is None, reason="no qemu-system-arm")
def test_monitor_decodes_a_real_fault_under_qemu(fw):
    """The firmware prints a banner, echoes input until '!', then faults; `uptc monitor`
    forwards our input, shows the fault report and decodes PC to app.py:7."""
    qemu = firmware.Qemu(fw)
    proc = None
    try:
        qemu.wait_listening()
        proc = subprocess.Popen(
            [sys.executable, "-m", "uptc", "monitor", "--port", qemu.url, "--elf", str(fw),
             "--until", r"PC=0x[0-9a-f]{8} LR=0x[0-9a-f]{8} SP=0x[0-9a-f]{8}\r?\n",
             "--timeout", "30"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        lines: queue.Queue[bytes] = queue.Queue()
        reader = threading.Thread(target=lambda: [lines.put(ln) for ln in proc.stdout], daemon=True)
        reader.start()
        qemu.wait_client()  # the monitor is connected: nothing printed so far is lost
        qemu.cont()
        seen = []
        deadline = time.monotonic() + 20
        while not any(b"ready" in ln for ln in seen):
            seen.append(lines.get(timeout=max(0.1, deadline - time.monotonic())))
        # RX is enabled now (the banner follows CR1 = UE|TE|RE): type "hi!".
        proc.stdin.write(b"hi!")
        proc.stdin.flush()
        assert proc.wait(40) == 0, proc.stderr.read()
        reader.join(10)
        while not lines.empty():
            seen.append(lines.get())
        text = b"".join(seen).decode()
        assert "uptc test firmware ready" in text
        assert "hi\r\ncrashing" in text
        report = text[text.index("*** HardFault") :].splitlines()
        assert "CFSR=0x00008200" in report[1]  # precise bus error on the CCM address
        assert "BFAR=0x10000000" in report[1]
        crash = symbol(fw, "crash")
        assert report[2].startswith(f"PC=0x{crash:08x} LR=0x")
        assert re.search(rf"\[uptc\] PC 0x{crash:08x}: \S*app\.py:7 \(crash\)\n", text)
        assert "(Reset_Handler)" in text
    finally:
        if proc and proc.poll() is None:
            proc.kill()
        qemu.stop()


@pytest.mark.qemu
@needs_gcc
@pytest.mark.skipif(shutil.which("qemu-system-arm") is None, reason="no qemu-system-arm")
def test_monitor_decodes_the_hal_fault_report_under_qemu(tmp_path):
    """uptc's own HAL (hal/stm32f405) and its fault report: tests/firmware/fault.c
    stores to an unmapped address on a line marked `#line 42 "app.py"`."""
    from firmware import build_firmware as build_hal_program  # tests/firmware (the HAL's)

    elf = build_hal_program("fault", tmp_path).elf
    qemu = firmware.Qemu(elf, semihosting=True)  # the HAL exits through semihosting
    proc = None
    try:
        qemu.wait_listening()
        proc = subprocess.Popen(
            [sys.executable, "-m", "uptc", "monitor", "--port", qemu.url, "--elf", str(elf),
             "--until", r"PC=0x[0-9a-f]{8} LR=0x[0-9a-f]{8} SP=0x[0-9a-f]{8}\r?\n",
             "--timeout", "30"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        qemu.wait_client()
        qemu.cont()
        out, err = proc.communicate(timeout=40)
        assert proc.returncode == 0, err
        text = out.decode()
        assert "poking" in text and "*** HardFault" in text and "not reached" not in text
        assert re.search(r"\[uptc\] PC 0x0800[0-9a-f]{4}: \S*app\.py:42 \(poke\)\n", text), text
        assert "[uptc] LR 0x0800" in text and "(up_main)" in text
    finally:
        if proc and proc.poll() is None:
            proc.kill()
        qemu.stop()
