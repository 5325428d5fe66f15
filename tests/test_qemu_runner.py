"""Firmware under QEMU (uptc.tools.qemu): console, exit status, GPIO trace,
faults, arguments, input, time, timeouts, instruction counts."""

from __future__ import annotations

import io
import re
import time

import pytest
from firmware import build_firmware, needs_qemu

from uptc.boards import load_board
from uptc.diagnostics import ToolError
from uptc.tools import qemu
from uptc.tools.qemu import GpioTracer, count_instructions, qemu_command, run_firmware

PYBOARD = load_board("pyboard")


@pytest.fixture(scope="module")
def fw(tmp_path_factory):
    """Builds tests/firmware/<name>.c once per module and board."""
    out = tmp_path_factory.mktemp("qemu")
    built: dict[tuple[str, str], object] = {}

    def get(name: str, board: str = "pyboard"):
        if (name, board) not in built:
            built[(name, board)] = build_firmware(name, out / board, board)
        return built[(name, board)]

    return get


def _run(elf, board=PYBOARD, **kw):
    kw.setdefault("input", b"")  # never QEMU on the terminal's stdin
    out, err = io.BytesIO(), io.BytesIO()
    status = run_firmware(elf, board, stdout=out, stderr=err, **kw)
    return status, out.getvalue().decode(), err.getvalue().decode()


# ---- no QEMU needed ----------------------------------------------------------


def test_gpio_tracer_decodes_odr_and_bsrr():
    t = GpioTracer(PYBOARD)
    w = "GPIO{}: unimplemented device write (size {}, offset 0x{:03x}, value 0x{})"
    assert t.feed(w.format("A", 4, 0x18, "00002000")) == ["LED1 on"]  # BSRR set PA13
    assert t.feed(w.format("A", 4, 0x18, "00002000")) == []  # no change
    assert t.feed(w.format("A", 4, 0x18, "20000000")) == ["LED1 off"]  # BSRR reset PA13
    assert t.feed(w.format("B", 4, 0x18, "00000010")) == ["LED4 on"]  # PB4
    assert t.feed(w.format("A", 4, 0x14, "00004001")) == ["PA0 high", "LED2 on"]  # ODR
    assert t.feed(w.format("A", 2, 0x1A, "4000")) == ["LED2 off"]  # BSRR high half, 16-bit
    assert t.feed(w.format("C", 1, 0x15, "01")) == ["PC8 high"]  # ODR byte 1
    assert t.feed(w.format("A", 4, 0x00, "04000000")) == []  # MODER: not a level
    assert t.feed("GPIOA: unimplemented device read  (size 4, offset 0x010)") == []
    assert t.feed("RCC: unimplemented device write (size 4, offset 0x030, value 0x1)") == []
    assert t.feed("qemu-system-arm: some other message") is None


def test_command_line(tmp_path):
    elf = tmp_path / "app.elf"
    cmd = qemu_command(elf, PYBOARD, trace_gpio=True, args=["x", "a,b"])
    joined = " ".join(cmd[1:])
    assert "-M netduinoplus2 -display none -monitor none" in joined
    assert "-semihosting-config enable=on,target=native,arg=app.elf,arg=x,arg=a,,b" in joined
    assert "-serial stdio -icount shift=0,sleep=off -kernel" in joined
    assert cmd[-2:] == ["-d", "unimp"]


def test_missing_qemu_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(qemu.shutil, "which", lambda name: None)
    elf = tmp_path / "app.elf"
    elf.write_bytes(b"")
    with pytest.raises(ToolError, match=r"sudo apt install qemu-system-arm"):
        run_firmware(elf, PYBOARD)


# ---- under QEMU ----------------------------------------------------------------


@pytest.mark.qemu
@needs_qemu
def test_hello_prints_and_exits_0(fw):
    assert _run(fw("hello").elf) == (0, "hello\n", "")


@pytest.mark.qemu
@needs_qemu
def test_exit_status_propagates(fw):
    status, out, _ = _run(fw("exit3").elf)
    assert (status, out) == (3, "bye\n")


@pytest.mark.qemu
@needs_qemu
def test_led_toggles_traced_in_order(fw):
    status, out, err = _run(fw("blink3").elf, trace_gpio=True)
    assert status == 0 and out == "done\n"
    assert err.splitlines() == [
        "LED1 on",
        "LED1 off",
        "LED1 on",
        "LED1 off",
        "LED1 on",
        "LED1 off",
        "LED4 on",
        "PA0 high",
    ]
    # Deterministic: the same again.
    assert _run(fw("blink3").elf, trace_gpio=True) == (status, out, err)


@pytest.mark.qemu
@needs_qemu
def test_no_trace_without_the_option(fw):
    assert _run(fw("blink3").elf) == (0, "done\n", "")


@pytest.mark.qemu
@needs_qemu
def test_stack_overflow_faults_cleanly(fw):
    start = time.monotonic()
    status, out, err = _run(fw("recurse").elf, timeout=20)
    assert time.monotonic() - start < 20
    assert status == 103  # 100 + IPSR 3 (HardFault)
    assert out.startswith("diving\n")
    assert "*** HardFault" in out
    cfsr = int(re.search(r"CFSR=0x([0-9a-f]{8})", out).group(1), 16)
    bfar = int(re.search(r"BFAR=0x([0-9a-f]{8})", out).group(1), 16)
    assert cfsr & (1 << 12)  # STKERR: the exception frame could not be stacked
    assert 0x1FFF_F000 <= bfar < 0x2000_0000  # just below RAM: the stack ran off its bottom
    assert "PC=0xffffffff" in out  # no frame to read
    assert "no exception frame" in err


@pytest.mark.qemu
@needs_qemu
def test_fault_report_decodes_pc_to_source_line(fw):
    status, out, err = _run(fw("fault").elf)
    assert status == 103
    assert out.startswith("poking\n") and "not reached" not in out
    assert "*** HardFault" in out and "BFAR=0x30000000" in out
    assert re.search(r"PC=0x080[0-9a-f]{5} LR=0x080[0-9a-f]{5}", out)
    assert "fault at app.py:42 (in poke)" in err.splitlines()


@pytest.mark.qemu
@needs_qemu
def test_arguments_reach_the_program(fw):
    status, out, _ = _run(fw("args").elf, args=["a", "b,c"])
    assert status == 0
    assert out == "3\nargs.elf\na\nb,c\n"


@pytest.mark.qemu
@needs_qemu
def test_console_input_after_prompt(fw):
    start = time.monotonic()
    status, out, _ = _run(fw("echo").elf, input=b"xyzq", input_after=b"ready\n", timeout=20)
    assert status == 0
    assert out == "timeout ok\nready\n[x][y][z]\n"
    assert time.monotonic() - start < 5  # input is delivered at once, not after seconds


@pytest.mark.qemu
@needs_qemu
def test_time_is_exact_under_icount(fw):
    status, out, _ = _run(fw("ticks").elf)
    assert (status, out) == (0, "ms 100\nus 100000\nus2 1\n")


@pytest.mark.qemu
@needs_qemu
def test_timeout_stops_qemu(fw):
    start = time.monotonic()
    with pytest.raises(ToolError, match=r"did not finish within 1 s"):
        _run(fw("led_min").elf, timeout=1)
    assert time.monotonic() - start < 10


@pytest.mark.qemu
@needs_qemu
def test_128k8k_profile_runs(fw):
    board = load_board("pyboard-128k8k")
    assert _run(fw("hello", "pyboard-128k8k").elf, board) == (0, "hello\n", "")
    status, out, _ = _run(fw("recurse", "pyboard-128k8k").elf, board, timeout=20)
    assert status == 103 and "*** HardFault" in out


@pytest.mark.qemu
@needs_qemu
def test_count_instructions_is_deterministic(fw):
    elf = fw("ticks").elf  # takes SysTick interrupts and sleeps
    n1 = count_instructions(elf, PYBOARD)
    n2 = count_instructions(elf, PYBOARD)
    assert n1 == n2 and n1 > 100
    hello = count_instructions(fw("hello").elf)  # board from the ELF
    assert 50 < hello < n1
    with pytest.raises(ToolError, match="exited with status 3"):
        count_instructions(fw("exit3").elf, PYBOARD)


# ---- stdin from the host, the GPIO log's own channel, closed output ------------


@pytest.mark.qemu
@needs_qemu
def test_host_stdin_is_read_to_its_end(fw):
    status, out, _ = _run(fw("readall").elf, input=None, stdin=b"ab\ncd")
    assert (status, out) == (0, "[a][b][\n][c][d]end\n")
    # Empty input: the first read is already the end.
    assert _run(fw("readall").elf, input=None, stdin=b"")[:2] == (0, "end\n")


@pytest.mark.qemu
@needs_qemu
def test_host_stdin_from_a_file_and_a_pipe(fw, tmp_path):
    import os

    data = bytes(range(32, 127)) * 20  # more than the firmware's buffer and the UART's ring
    f = tmp_path / "in.txt"
    f.write_bytes(data)
    expected = "".join(f"[{chr(b)}]" for b in data) + "end\n"
    with open(f, "rb") as src:
        assert _run(fw("readall").elf, input=None, stdin=src)[:2] == (0, expected)
    r, w = os.pipe()
    os.write(w, b"xy")
    os.close(w)
    with open(r, "rb") as src:
        assert _run(fw("readall").elf, input=None, stdin=src)[:2] == (0, "[x][y]end\n")


@pytest.mark.qemu
@needs_qemu
def test_gpio_log_never_splits_a_stderr_line(fw):
    status, _, err = _run(fw("errpieces").elf, trace_gpio=True)
    assert status == 2
    lines = err.splitlines()
    assert "unimplemented" not in err
    assert [x for x in lines if x.startswith("LED")] == ["LED1 on", "LED1 off", "LED1 on",
                                                         "LED1 off"]
    assert [x for x in lines if not x.startswith("LED")] == ["Traceback line"] * 3 + [
        "no newline at the end"
    ]
    # The program's partial last line stays its own: the events after it start a line.
    assert "no newline at the end" in lines


def test_stderr_merge_waits_for_the_end_of_a_line():
    chunks: list[bytes] = []
    merged = qemu._Stderr(chunks.append)
    merged.program(b"Trace")
    merged.line("LED1 on")  # mid-line: held back
    merged.program(b"back\n")
    merged.line("LED1 off")  # at a line start: at once
    merged.program(b"partial")
    merged.line("LED2 on")
    merged.finish()
    assert b"".join(chunks) == b"Traceback\nLED1 on\nLED1 off\npartial\nLED2 on\n"


@pytest.mark.qemu
@needs_qemu
def test_a_closed_reader_stops_qemu(fw):
    class Closed(io.RawIOBase):
        def writable(self):
            return True

        def write(self, b):
            raise BrokenPipeError

    start = time.monotonic()
    with pytest.raises(BrokenPipeError):
        run_firmware(fw("blink3").elf, PYBOARD, stdout=Closed(), stderr=io.BytesIO(), input=b"")
    assert time.monotonic() - start < 10
