"""`uptc monitor`: the board's serial console, through pyserial.

    uptc monitor                          # find the port by USB ID, 115200 baud
    uptc monitor --port /dev/ttyUSB0 --elf build/pyboard/app.elf
    uptc monitor --port socket://127.0.0.1:4444 --until 'done' --timeout 10

Two modes. On a terminal (stdin and stdout are TTYs, and neither --until nor
--timeout is given) it is an interactive terminal built on pyserial's Miniterm:
keys go to the board, Ctrl-] or Ctrl-C quits. Otherwise it is a plain read
loop for scripts and CI: board output goes to stdout byte for byte, piped stdin
is forwarded to the board, and it stops when --until matches, --timeout
expires, the stream ends (a socket peer closing is a normal end) or on Ctrl-C.

With --elf, addresses in fault reports and compact tracebacks are decoded to
file:line (uptc/tools/traceback_decode.py) and printed below the line that
carried them, prefixed "[uptc]".

Exit statuses are those of docs/flashing.md (uptc.tools.flash.EXIT_*).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import re
import sys
import threading
import time
from pathlib import Path
from typing import BinaryIO

from uptc.diagnostics import ToolError
from uptc.tools.flash import (
    EXIT_FAILED,
    EXIT_IO,
    EXIT_NO_DEVICE,
    EXIT_NO_PERMISSION,
    EXIT_TIMEOUT,
    EXIT_USAGE,
)

DEFAULT_BAUD = 115200

# USB serial devices a pyboard console can be behind, by (VID, PID).
KNOWN_PORTS = {
    # USB-serial adapters on a UART (pyboard UART1 = X9/X10, UART4 = X1/X2).
    (0x0403, 0x6001): "FTDI FT232R",
    (0x0403, 0x6010): "FTDI FT2232",
    (0x0403, 0x6011): "FTDI FT4232",
    (0x0403, 0x6014): "FTDI FT232H",
    (0x0403, 0x6015): "FTDI FT-X",
    (0x10C4, 0xEA60): "Silicon Labs CP210x",
    (0x10C4, 0xEA70): "Silicon Labs CP2105",
    (0x10C4, 0xEA71): "Silicon Labs CP2108",
    (0x1A86, 0x7523): "WCH CH340",
    (0x1A86, 0x5523): "WCH CH341",
    (0x1A86, 0x55D4): "WCH CH9102",
    (0x067B, 0x2303): "Prolific PL2303",
    (0x067B, 0x23A3): "Prolific PL2303GC",
    # ST-Link virtual COM ports (V2-1 and V3; a plain V2, 0483:3748, has none).
    (0x0483, 0x374A): "ST-Link/V2-1 VCP",
    (0x0483, 0x374B): "ST-Link/V2-1 VCP",
    (0x0483, 0x3752): "ST-Link/V2-1 VCP",
    (0x0483, 0x374E): "ST-Link/V3 VCP",
    (0x0483, 0x374F): "ST-Link/V3 VCP",
    (0x0483, 0x3753): "ST-Link/V3 VCP",
    (0x0483, 0x3754): "ST-Link/V3 VCP",
    (0x0483, 0x3755): "ST-Link/V3 VCP",
    (0x0483, 0x3757): "ST-Link/V3 VCP",
    # A pyboard's own USB VCP, with MicroPython's IDs (CDC+MSC, CDC+HID, CDC).
    (0xF055, 0x9800): "pyboard USB VCP",
    (0xF055, 0x9801): "pyboard USB VCP",
    (0xF055, 0x9802): "pyboard USB VCP",
}

READ_TIMEOUT = 0.05  # seconds per read call: how quickly the loops notice a stop
UNTIL_WINDOW = 64 * 1024  # --until searches the last this many characters


def configure(p: argparse.ArgumentParser, name: str) -> None:
    add_port_arguments(p)
    p.add_argument("--elf", type=Path, help="decode fault/traceback addresses with this ELF")
    p.add_argument(
        "--timeout",
        type=float,
        metavar="S",
        help="stop after S seconds (with --until: fail if it has not matched)",
    )
    p.add_argument("--until", metavar="REGEX", help="stop when the output matches REGEX")


def add_port_arguments(p: argparse.ArgumentParser) -> None:
    """--port and --baud, shared with `uptc flash --monitor`."""
    p.add_argument(
        "--port",
        help="serial port or pyserial URL (socket://HOST:PORT, rfc2217://..., loop://); "
        "default: the one known USB serial device",
    )
    p.add_argument("--baud", type=int, default=DEFAULT_BAUD, help=f"default {DEFAULT_BAUD}")


def run(args: argparse.Namespace) -> int:
    until = compile_until(args.until)
    if args.timeout is not None and args.timeout <= 0:
        raise ToolError(f"--timeout must be positive, not {args.timeout:g}", EXIT_USAGE)
    return monitor(
        port=args.port,
        baud=args.baud,
        elf=args.elf,
        timeout=args.timeout,
        until=until,
    )


def compile_until(pattern: str | None) -> re.Pattern[str] | None:
    if pattern is None:
        return None
    try:
        return re.compile(pattern)
    except re.error as e:
        raise ToolError(f"--until: not a regular expression: {e}", EXIT_USAGE) from None


def monitor(
    port: str | None = None,
    baud: int = DEFAULT_BAUD,
    elf: Path | None = None,
    timeout: float | None = None,
    until: re.Pattern[str] | None = None,
    interactive: bool | None = None,
    open_wait: float = 0.0,
) -> int:
    """Open the console and stream it (interactive or plain); returns the exit status.

    interactive=None picks the mode from the terminal and the stop conditions.
    open_wait: keep retrying a port that is not there yet for that many seconds
    (after flashing, a USB VCP re-enumerates).
    """
    from uptc.tools.traceback_decode import Decoder

    decoder = Decoder(elf) if elf is not None else None
    name = find_port(port)
    ser = open_port(name, baud, wait=open_wait)
    if interactive is None:
        interactive = (
            until is None and timeout is None and sys.stdin.isatty() and sys.stdout.isatty()
        )
    try:
        if interactive:
            return run_terminal(ser, name, decoder)
        forward = None if sys.stdin is None or sys.stdin.isatty() else _stdin_bytes()
        return capture(ser, sys.stdout.buffer, until=until, timeout=timeout,
                       decoder=decoder, stdin=forward)
    finally:
        ser.close()


# ---- finding and opening the port -------------------------------------------


def find_port(explicit: str | None) -> str:
    """The port to open: --port as given, else the single known USB serial device."""
    if explicit:
        return explicit
    from serial.tools import list_ports

    found = [p for p in list_ports.comports() if (p.vid, p.pid) in KNOWN_PORTS]
    if len(found) == 1:
        return found[0].device
    if not found:
        raise ToolError(
            "no serial port found (no USB-serial adapter, ST-Link VCP or pyboard VCP "
            "is connected); connect one or name it with --port",
            EXIT_NO_DEVICE,
        )
    names = ", ".join(
        f"{p.device} ({KNOWN_PORTS[(p.vid, p.pid)]}"
        + (f" {p.serial_number}" if p.serial_number else "")
        + ")"
        for p in sorted(found, key=lambda p: p.device)
    )
    raise ToolError(f"several serial ports found: {names}; choose one with --port", EXIT_USAGE)


def open_port(name: str, baud: int, wait: float = 0.0):
    """Open a port or pyserial URL; failures become one-line ToolErrors."""
    import serial

    deadline = time.monotonic() + wait
    while True:
        try:
            return serial.serial_for_url(name, baudrate=baud, timeout=READ_TIMEOUT)
        except (serial.SerialException, OSError, ValueError) as e:
            text = str(e)
            missing = "No such file" in text or "Errno 2]" in text
            if missing and time.monotonic() < deadline:
                time.sleep(0.1)
                continue
            raise _open_error(name, text) from None


def _open_error(name: str, text: str) -> ToolError:
    if "Permission denied" in text or "Errno 13]" in text:
        return ToolError(
            f"permission denied opening {name}: add yourself to the 'dialout' group "
            "(sudo usermod -aG dialout $USER, then log in again) or install the udev "
            "rules in docs/flash-a-pyboard.md",
            EXIT_NO_PERMISSION,
        )
    if "No such file" in text or "Errno 2]" in text:
        return ToolError(f"no serial port {name}: is the board/adapter plugged in?", EXIT_NO_DEVICE)
    if "refused" in text or "Errno 111]" in text:
        return ToolError(f"{name}: connection refused (nothing listens there)", EXIT_NO_DEVICE)
    if "busy" in text.lower() or "Errno 16]" in text:
        return ToolError(f"{name} is busy: another program has it open", EXIT_NO_DEVICE)
    if "invalid URL" in text or "expected" in text or "URL" in text:
        return ToolError(f"--port {name}: {text}", EXIT_USAGE)
    return ToolError(f"cannot open {name}: {text}", EXIT_NO_DEVICE)


# ---- the plain read loop ----------------------------------------------------


class LineAnnotator:
    """Splits a byte stream into lines and asks the decoder about each one."""

    def __init__(self, decoder):
        self.decoder = decoder
        self.partial = b""

    def feed(self, data: bytes) -> list[tuple[bytes, list[str]]]:
        """Pieces of `data` to write in order, each with annotation lines to write after it."""
        pieces = []
        start = 0
        while True:
            nl = data.find(b"\n", start)
            if nl < 0:
                break
            line = self.partial + data[start:nl]
            self.partial = b""
            text = line.decode("utf-8", "replace").rstrip("\r")
            notes = self.decoder.annotate(text) if self.decoder else []
            pieces.append((data[start : nl + 1], notes))
            start = nl + 1
        if start < len(data):
            self.partial += data[start:]
            pieces.append((data[start:], []))
        return pieces


def capture(
    ser,
    out: BinaryIO,
    until: re.Pattern[str] | None = None,
    timeout: float | None = None,
    decoder=None,
    stdin=None,
) -> int:
    """Copy the port to `out` until a stop condition; returns the exit status.

    stdin: an iterator of byte chunks to forward to the port (from a thread),
    or None. Raises ToolError when --until is not met.
    """
    import serial

    if stdin is not None:
        threading.Thread(target=_forward, args=(stdin, ser), daemon=True).start()
    deadline = None if timeout is None else time.monotonic() + timeout
    lines = LineAnnotator(decoder)
    text = ""
    utf8 = codecs.getincrementaldecoder("utf-8")("replace")
    try:
        while deadline is None or time.monotonic() < deadline:
            try:
                data = ser.read(ser.in_waiting or 1)
            except serial.SerialException as e:
                if "socket disconnected" in str(e):
                    break  # the peer closed: the end of the stream
                raise ToolError(f"the serial port went away: {e}", EXIT_IO) from None
            if not data:
                continue
            for piece, notes in lines.feed(data):
                out.write(piece)
                out.writelines(note.encode() + b"\n" for note in notes)
            out.flush()
            if until is not None:
                text = (text + utf8.decode(data))[-UNTIL_WINDOW:]
                if until.search(text):
                    return 0
        else:
            if until is not None:
                raise ToolError(
                    f"--until {until.pattern!r} did not match within {timeout:g} s", EXIT_TIMEOUT
                )
            return 0
    except KeyboardInterrupt:
        return 0  # Ctrl-C is how a user ends a plain monitor session
    if until is not None:
        raise ToolError(f"the stream ended before --until {until.pattern!r} matched", EXIT_FAILED)
    return 0


def _stdin_bytes():
    """Chunks of piped stdin (a pipe or a file), as they become available."""
    try:
        fd = sys.stdin.fileno()
    except (OSError, ValueError, AttributeError):
        return iter(())
    import os

    def chunks():
        while True:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return
            if not data:
                return
            yield data

    return chunks()


def _forward(chunks, ser) -> None:
    with contextlib.suppress(Exception):  # a closed port or stdin ends forwarding, silently
        for data in chunks:
            ser.write(data)


# ---- the interactive terminal -----------------------------------------------


def run_terminal(ser, name: str, decoder) -> int:
    """Miniterm on the console: keys to the board; Ctrl-] or Ctrl-C quits."""
    term = _make_terminal(ser, decoder)
    sys.stderr.write(f"--- uptc monitor on {name} --- quit: Ctrl-] or Ctrl-C ---\n")
    sys.stderr.flush()
    term.start()
    try:
        while term.alive:
            time.sleep(0.05)
    except KeyboardInterrupt:
        pass
    finally:
        term.alive = False
        term.console.cleanup()
        term.receiver_thread.join(1.0)
    sys.stderr.write("\n--- exit ---\n")
    if term.error:
        raise ToolError(f"the serial port went away: {term.error}", EXIT_IO)
    return 0


def _make_terminal(ser, decoder):
    import serial
    from serial.tools import miniterm

    class Terminal(miniterm.Miniterm):
        """Miniterm whose reader decodes addresses and treats a closed peer as the end,
        and whose writer quits on Ctrl-] and Ctrl-C (there is no menu key)."""

        error = ""

        def reader(self):
            lines = LineAnnotator(decoder)
            try:
                while self.alive and self._reader_alive:
                    data = self.serial.read(self.serial.in_waiting or 1)
                    for piece, notes in lines.feed(data):
                        text = self.rx_decoder.decode(piece)
                        for t in self.rx_transformations:
                            text = t.rx(text)
                        self.console.write(text)
                        for note in notes:
                            self.console.write(note + "\n")
            except serial.SerialException as e:
                if "socket disconnected" not in str(e):
                    self.error = str(e)
            finally:
                self.alive = False

        def writer(self):
            try:
                while self.alive:
                    try:
                        c = self.console.getkey()
                    except KeyboardInterrupt:
                        c = "\x03"
                    if not self.alive or c in (self.exit_character, "\x03"):
                        break
                    for t in self.tx_transformations:
                        c = t.tx(c)
                    self.serial.write(self.tx_encoder.encode(c))
            except (serial.SerialException, OSError, ValueError):
                pass
            finally:
                self.alive = False

    term = Terminal(ser, echo=False, eol="crlf", filters=())
    term.set_rx_encoding("utf-8")
    term.set_tx_encoding("utf-8")
    return term
