"""`uptc monitor`: ports, URLs, the read loop, stop conditions, the terminal."""

import io
import os
import re
import socket
import subprocess
import sys
import threading
import time

import pytest
import serial
from serial.tools import list_ports_common

from uptc.cli import main
from uptc.diagnostics import ToolError
from uptc.tools import flash, monitor

UPTC = [sys.executable, "-m", "uptc"]


def run_uptc(args, **kw):
    kw.setdefault("timeout", 30)
    return subprocess.run(UPTC + args, capture_output=True, check=False, **kw)


class Server:
    """A TCP peer standing in for a board: waits for a first byte from the
    monitor (pyserial's open() discards input already pending), then sends
    `script` and closes (or keeps the connection until stop())."""

    def __init__(self, script=b"", close=True, handshake=True):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.sock.settimeout(10)
        self.port = self.sock.getsockname()[1]
        self.script = script
        self.close = close
        self.handshake = handshake
        self.received = b""
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"socket://127.0.0.1:{self.port}"

    def _serve(self):
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(10)
            if self.handshake:
                self.received += conn.recv(100)
            conn.sendall(self.script)
            if not self.close:
                self.done.wait(20)
        self.sock.close()

    def stop(self):
        self.done.set()
        self.thread.join(5)


def fake_port(device, vid, pid, serial_number=None):
    p = list_ports_common.ListPortInfo(device, skip_link_detection=True)
    p.vid, p.pid, p.serial_number = vid, pid, serial_number
    p.apply_usb_info()
    return p


# ---- port autodetection -----------------------------------------------------------


def test_autodetect_one_known_device(monkeypatch):
    ports = [fake_port("/dev/ttyS0", None, None), fake_port("/dev/ttyUSB0", 0x10C4, 0xEA60)]
    monkeypatch.setattr("serial.tools.list_ports.comports", lambda: ports)
    assert monitor.find_port(None) == "/dev/ttyUSB0"


def test_autodetect_several_devices_are_listed(monkeypatch):
    ports = [
        fake_port("/dev/ttyACM0", 0x0483, 0x374B, "066DFF"),
        fake_port("/dev/ttyUSB0", 0x1A86, 0x7523),
        fake_port("/dev/ttyACM1", 0xF055, 0x9802),
    ]
    monkeypatch.setattr("serial.tools.list_ports.comports", lambda: ports)
    with pytest.raises(ToolError) as e:
        monitor.find_port(None)
    assert e.value.status == flash.EXIT_USAGE
    msg = str(e.value)
    assert "/dev/ttyACM0 (ST-Link/V2-1 VCP 066DFF)" in msg
    assert "/dev/ttyUSB0 (WCH CH340)" in msg
    assert "/dev/ttyACM1 (pyboard USB VCP)" in msg
    assert "--port" in msg and "\n" not in msg


def test_autodetect_nothing_known(monkeypatch):
    ports = [fake_port("/dev/ttyS0", None, None), fake_port("/dev/ttyACM0", 0x1234, 0x5678)]
    monkeypatch.setattr("serial.tools.list_ports.comports", lambda: ports)
    with pytest.raises(ToolError) as e:
        monitor.find_port(None)
    assert e.value.status == flash.EXIT_NO_DEVICE
    assert "--port" in str(e.value)


def test_explicit_port_is_not_searched(monkeypatch):
    def boom():
        raise AssertionError("comports() called")

    monkeypatch.setattr("serial.tools.list_ports.comports", boom)
    assert monitor.find_port("rfc2217://localhost:7000") == "rfc2217://localhost:7000"


def test_cli_no_port_found(monkeypatch, capsys):
    monkeypatch.setattr("serial.tools.list_ports.comports", list)
    assert main(["monitor"]) == flash.EXIT_NO_DEVICE
    err = capsys.readouterr().err
    assert err.startswith("uptc: error: no serial port found") and err.count("\n") == 1


# ---- opening ----------------------------------------------------------------------


def test_missing_tty_is_no_device(tmp_path):
    with pytest.raises(ToolError) as e:
        monitor.open_port(str(tmp_path / "ttyNOPE"), 115200)
    assert e.value.status == flash.EXIT_NO_DEVICE


def test_refused_socket_is_no_device():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, not listening: connections are refused
        with pytest.raises(ToolError) as e:
            monitor.open_port(f"socket://127.0.0.1:{port}", 115200)
    assert e.value.status == flash.EXIT_NO_DEVICE
    assert "refused" in str(e.value)


def test_permission_error_text_maps_to_77():
    err = monitor._open_error("/dev/ttyUSB0", "[Errno 13] could not open port /dev/ttyUSB0: "
                              "[Errno 13] Permission denied: '/dev/ttyUSB0'")
    assert err.status == flash.EXIT_NO_PERMISSION


def test_unknown_url_scheme_is_usage():
    with pytest.raises(ToolError) as e:
        monitor.open_port("bogus://x", 115200)
    assert e.value.status == flash.EXIT_USAGE


# ---- the read loop ------------------------------------------------------------------


def test_loop_url_echoes_forwarded_input():
    ser = serial.serial_for_url("loop://", timeout=0.05)
    out = io.BytesIO()
    rc = monitor.capture(ser, out, until=re.compile("world"), timeout=5,
                         stdin=iter([b"hello ", b"world\n"]))
    assert rc == 0
    assert out.getvalue().startswith(b"hello world")


def test_loop_url_from_the_command_line():
    r = run_uptc(["monitor", "--port", "loop://", "--until", r"ping \d+", "--timeout", "10"],
                 input=b"ping 42\n")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(b"ping 42")


def test_until_not_matched_times_out():
    ser = serial.serial_for_url("loop://", timeout=0.05)
    out = io.BytesIO()
    t0 = time.monotonic()
    with pytest.raises(ToolError) as e:
        monitor.capture(ser, out, until=re.compile("never"), timeout=0.3, stdin=iter([b"x\n"]))
    assert e.value.status == flash.EXIT_TIMEOUT
    assert time.monotonic() - t0 < 3
    assert out.getvalue() == b"x\n"


def test_timeout_without_until_is_success():
    ser = serial.serial_for_url("loop://", timeout=0.05)
    assert monitor.capture(ser, io.BytesIO(), timeout=0.2) == 0


def test_socket_peer_closing_ends_the_stream():
    srv = Server(b"boot\r\nhello from the board\r\n")
    ser = monitor.open_port(srv.url, 115200)
    out = io.BytesIO()
    rc = monitor.capture(ser, out, timeout=10, stdin=iter([b"\n"]))
    assert rc == 0
    assert out.getvalue() == b"boot\r\nhello from the board\r\n"
    assert srv.received == b"\n"


def test_stream_end_before_until_fails():
    srv = Server(b"partial output\n")
    ser = monitor.open_port(srv.url, 115200)
    with pytest.raises(ToolError) as e:
        monitor.capture(ser, io.BytesIO(), until=re.compile("done"), timeout=10,
                        stdin=iter([b"\n"]))
    assert e.value.status == flash.EXIT_FAILED


def test_socket_from_the_command_line():
    srv = Server(b"line 1\nline 2\nresult: 7\nafter\n", close=False)
    try:
        r = run_uptc(["monitor", "--port", srv.url, "--until", r"result: \d", "--timeout", "10"],
                     input=b"go\n")
    finally:
        srv.stop()
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(b"line 1\nline 2\nresult: 7")
    assert r.stderr == b""


def test_cli_until_timeout_status_and_one_line():
    srv = Server(b"nothing useful\n", close=False)
    try:
        r = run_uptc(["monitor", "--port", srv.url, "--until", "OK", "--timeout", "0.5"],
                     input=b"go\n")
    finally:
        srv.stop()
    assert r.returncode == flash.EXIT_TIMEOUT
    assert r.stderr.decode().count("\n") == 1
    assert "did not match within 0.5 s" in r.stderr.decode()


def test_bad_until_regex_is_usage(capsys):
    assert main(["monitor", "--port", "loop://", "--until", "(unclosed"]) == flash.EXIT_USAGE
    assert "--until" in capsys.readouterr().err


def test_missing_elf_is_no_input(tmp_path, capsys):
    rc = main(["monitor", "--port", "loop://", "--elf", str(tmp_path / "app.elf"), "--timeout", "1"])
    assert rc == flash.EXIT_NO_INPUT


def test_ctrl_c_in_the_read_loop_is_a_clean_exit():
    class Interrupting:
        in_waiting = 0

        def read(self, n):
            raise KeyboardInterrupt

    assert monitor.capture(Interrupting(), io.BytesIO()) == 0


def test_port_vanishing_is_an_io_error():
    class Gone:
        in_waiting = 0

        def read(self, n):
            raise serial.SerialException("device reports readiness to read but returned no data")

    with pytest.raises(ToolError) as e:
        monitor.capture(Gone(), io.BytesIO())
    assert e.value.status == flash.EXIT_IO


# ---- the interactive terminal (Miniterm) on a pseudo-terminal ----------------------------


def _spawn_on_pty(args):
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(UPTC + args, stdin=slave, stdout=slave, stderr=slave,
                            start_new_session=True)
    os.close(slave)
    return proc, master


def _read_until(fd, needle: bytes, timeout=10.0) -> bytes:
    import select

    buf = b""
    deadline = time.monotonic() + timeout
    while needle not in buf and time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                buf += os.read(fd, 4096)
            except OSError:
                break
    return buf


@pytest.mark.parametrize("quit_key", [b"\x1d", b"\x03"], ids=["ctrl-]", "ctrl-c"])
def test_terminal_sends_keys_and_quits(quit_key):
    srv = Server(b"hello from the board\r\n", close=False)
    proc, master = _spawn_on_pty(["monitor", "--port", srv.url])
    try:
        banner = _read_until(master, b"quit: Ctrl-]")
        assert b"uptc monitor on socket://" in banner
        os.write(master, b"k")
        seen = _read_until(master, b"hello from the board")
        assert b"hello from the board" in seen
        os.write(master, quit_key)
        assert proc.wait(10) == 0
        assert srv.received == b"k"
        assert b"Traceback" not in seen + _read_until(master, b"exit", 2)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
        srv.stop()


def test_terminal_ends_when_the_peer_closes():
    srv = Server(b"bye\r\n", close=True)
    proc, master = _spawn_on_pty(["monitor", "--port", srv.url])
    try:
        _read_until(master, b"quit: Ctrl-]")
        os.write(master, b"x")
        out = _read_until(master, b"--- exit ---")
        assert proc.wait(10) == 0
        assert b"bye" in out and b"Traceback" not in out
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
        srv.stop()
