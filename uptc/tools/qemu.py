"""Running firmware under QEMU's netduinoplus2 (an STM32F405), as a stand-in board.

    status = run_firmware(Path("app.elf"), board)              # console -> stdout
    status = run_firmware(elf, board, trace_gpio=True)          # + "LED1 on" events on stderr
    n = count_instructions(elf, board)                          # exact executed instructions

The command line (docs/hal.md, "QEMU"):

    qemu-system-arm -M netduinoplus2 -display none -monitor none
        -semihosting-config enable=on,target=native,arg=app.elf[,arg=A1...]
        -serial stdio -icount shift=0,sleep=off -kernel app.elf [-D LOG -d unimp]

USART1 is the console (stdout; stdin when it is a terminal); the firmware
ends QEMU through semihosting SYS_EXIT_EXTENDED, so QEMU's exit status is the
program's. QEMU runs in a directory of its own. When our stdin is a pipe or
a file, the firmware reads it instead of the UART, through semihosting, from
HOST_INPUT in that directory (a named pipe uptc copies our stdin into once the
firmware opens it): the input then has an end, and input() raises EOFError
there as on the host.
-icount shift=0,sleep=off makes runs deterministic: one instruction is 1 ns
of virtual time, and WFI skips ahead to the next timer event instead of
waiting in real time.

QEMU does not model GPIO; with -d unimp it logs every access to the GPIO
blocks. --trace-gpio turns the writes to ODR/BSRR into pin-level changes,
named from the board data ("LED1 on", "PA0 high"), and drops the rest of
that log. The log comes through a pipe of its own (-D), not QEMU's stderr,
which carries the program's: the events join the program's stderr only
between its lines. When the HAL's fault report shows a PC, it is decoded to
a source line with addr2line (the generated C has #line directives:
app.py:LINE).
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from uptc.boards import Board, Pin
from uptc.diagnostics import ToolError
from uptc.paths import PACKAGE_DIR, cache_dir

QEMU = "qemu-system-arm"
QEMU_INSTALL_HINT = "install it with `sudo apt install qemu-system-arm` (or `make setup`)"


def _qemu_binary() -> str:
    path = shutil.which(QEMU)
    if path is None:
        raise ToolError(f"{QEMU} not found: {QEMU_INSTALL_HINT}")
    return path


def _semihosting_arg(text: str) -> str:
    """One `arg=` value of -semihosting-config (commas are doubled in QEMU options)."""
    return text.replace(",", ",,")


def qemu_command(
    elf: Path,
    board: Board,
    trace_gpio: bool = False,
    args: Sequence[str] = (),
    extra: Sequence[str] = (),
) -> list[str]:
    """The qemu-system-arm command line that runs `elf` on the board's machine."""
    if board.qemu_machine is None:
        raise ToolError(f"board '{board.name}' cannot run under QEMU (no [qemu] machine)")
    semihosting = ",".join(
        ["enable=on", "target=native"] + [f"arg={_semihosting_arg(a)}" for a in [elf.name, *args]]
    )
    cmd = [
        _qemu_binary(),
        "-M",
        board.qemu_machine,
        "-display",
        "none",
        "-monitor",
        "none",
        "-semihosting-config",
        semihosting,
        "-serial",
        "stdio",
        "-icount",
        "shift=0,sleep=off",
        "-kernel",
        os.path.abspath(elf),  # QEMU runs in a directory of its own
        *extra,
    ]
    if trace_gpio:
        cmd += ["-d", "unimp"]
    return cmd


# ---- GPIO events from QEMU's unimplemented-device log -----------------------

_UNIMP = re.compile(
    r"^(?P<dev>[\w ]+): unimplemented device (?P<op>write|read) +\(size (?P<size>\d+), "
    r"offset 0x(?P<offset>[0-9a-fA-F]+)(?:, value 0x(?P<value>[0-9a-fA-F]+))?\)"
)

_ODR = 0x14
_BSRR = 0x18


@dataclass
class GpioTracer:
    """Turns `GPIOx: unimplemented device write` lines into level changes.

    Levels start low (ODR's reset value) and only changes are reported, as
    the host HAL's trace does: "LED1 on", "LED1 off", "PA0 high".
    """

    board: Board
    odr: dict[str, int] = field(default_factory=dict)  # port letter -> 16-bit level

    def feed(self, line: str) -> list[str] | None:
        """Events for one log line; None when the line is not an unimp log line."""
        m = _UNIMP.match(line)
        if m is None:
            return None
        dev = m.group("dev")
        if m.group("op") != "write" or not re.fullmatch(r"GPIO[A-I]", dev):
            return []
        port = dev[-1]
        size = int(m.group("size"))
        offset = int(m.group("offset"), 16)
        value = int(m.group("value"), 16)
        old = self.odr.get(port, 0)
        if _ODR <= offset < _ODR + 4:
            shift = 8 * (offset - _ODR)
            mask = ((1 << (8 * size)) - 1) << shift
            new = ((old & ~mask) | ((value << shift) & mask)) & 0xFFFF
        elif _BSRR <= offset < _BSRR + 4:
            word = value << (8 * (offset - _BSRR))
            set_bits = word & 0xFFFF
            reset_bits = (word >> 16) & 0xFFFF
            new = (old & ~reset_bits) | set_bits  # set wins (RM0090 8.4.7)
        else:
            return []
        self.odr[port] = new
        events = []
        for line_no in range(16):
            bit = 1 << line_no
            if (old ^ new) & bit:
                events.append(self.describe(Pin(port, line_no), bool(new & bit)))
        return events

    def describe(self, pin: Pin, high: bool) -> str:
        led = self.board.led_for_pin(pin)
        if led is not None:
            return f"{led.name} {'on' if high == led.active_high else 'off'}"
        return f"{pin.name} {'high' if high else 'low'}"


# ---- fault decoding --------------------------------------------------------

_FAULT_HEADER = re.compile(r"^\*\*\* (.+)$")
_FAULT_REGS = re.compile(r"\bPC=0x([0-9a-fA-F]{8}) LR=0x([0-9a-fA-F]{8})")


def _display_path(path: str) -> str:
    try:
        p = Path(path)
        if p.is_absolute():
            return str(p.relative_to(Path.cwd()))
    except ValueError:
        pass
    return path


def decode_address(elf: Path, address: int, board: Board) -> str | None:
    """'app.py:12 (in up_main)' for a code address, via addr2line; None if unknown."""
    addr2line = board.toolchain_prefix + "addr2line"
    if shutil.which(addr2line) is None:
        return None
    try:
        out = subprocess.run(
            [addr2line, "-e", str(elf), "-f", "-p", f"0x{address:x}"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    first = out.splitlines()[0] if out else ""
    m = re.match(r"^(\S+) at (.+):(\d+)", first)
    if m is None or m.group(2) == "??" or m.group(3) == "0":
        return None
    function, path, line = m.groups()
    return f"{_display_path(path)}:{line} (in {function})"


def describe_fault(elf: Path, board: Board, pc: int, lr: int) -> list[str]:
    """Lines naming where a fault happened, for stderr."""
    if pc == 0xFFFFFFFF:
        return ["fault: no exception frame (stack overflow?): PC unknown"]
    lines = []
    where = decode_address(elf, pc & ~1, board)
    lines.append(f"fault at {where}" if where else f"fault at 0x{pc:08x} (no source line known)")
    if lr != 0xFFFFFFFF and lr & 1:
        caller = decode_address(elf, (lr & ~1) - 2, board)  # the call instruction
        if caller:
            lines.append(f"  called from {caller}")
    return lines


# ---- running -----------------------------------------------------------------


def _sink(stream: IO | None, default: IO) -> Callable[[bytes], None]:
    """A function writing bytes to a text or binary stream (None: `default`,
    through its binary buffer when it has one)."""
    target = default if stream is None else stream
    if stream is None and isinstance(target, io.TextIOBase) and hasattr(target, "buffer"):
        target.flush()
        target = target.buffer
    if isinstance(target, io.TextIOBase):
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

        def write_text(data: bytes) -> None:
            target.write(decoder.decode(data))
            target.flush()

        return write_text

    def write_bytes(data: bytes) -> None:
        target.write(data)
        target.flush()

    return write_bytes


class _Output:
    """Where the run's output goes; remembers a reader that went away.

    A closed pipe (`uptc run ... | head -1`) ends the run: `broken` is set,
    `on_broken` (which stops QEMU) is called once, and everything written
    after that is dropped.
    """

    def __init__(self, on_broken: Callable[[], None]):
        self.on_broken = on_broken
        self.broken = False
        self._lock = threading.Lock()

    def guard(self, write: Callable[[bytes], None]) -> Callable[[bytes], None]:
        def guarded(data: bytes) -> None:
            if self.broken:
                return
            try:
                write(data)
            except (BrokenPipeError, ValueError):  # ValueError: the stream was closed
                with self._lock:
                    first = not self.broken
                    self.broken = True
                if first:
                    self.on_broken()

        return guarded


class _Stderr:
    """The program's stderr and the GPIO events, merged at line boundaries.

    They come through two channels (QEMU's stderr, and its log on a pipe of
    its own), so that a log line never lands inside a line of a traceback.
    An event that arrives while the program is in the middle of a line waits
    for the end of that line.
    """

    def __init__(self, err: Callable[[bytes], None]):
        self.err = err
        self.at_line_start = True
        self.pending: list[bytes] = []
        self._lock = threading.Lock()

    def program(self, data: bytes) -> None:
        if not data:
            return
        with self._lock:
            self.err(data)
            self.at_line_start = data.endswith(b"\n")
            if self.at_line_start and self.pending:
                self.err(b"".join(self.pending))
                self.pending.clear()

    def line(self, text: str) -> None:
        """A whole line of uptc's own (an event, a fault's source line)."""
        data = text.encode() + b"\n"
        with self._lock:
            if self.at_line_start:
                self.err(data)
            else:
                self.pending.append(data)

    def finish(self) -> None:
        with self._lock:
            if self.pending:
                self.err(b"\n" + b"".join(self.pending))
                self.pending.clear()
                self.at_line_start = True


class _Console:
    """Reads QEMU's stdout (the console): streams it, watches for the fault
    report and the marker after which input is sent."""

    def __init__(self, out: Callable[[bytes], None], marker: bytes | None):
        self.out = out
        self.marker = marker
        self.marker_seen = threading.Event()
        self.tail = b""
        self.fault_pc: int | None = None
        self.fault_lr: int | None = None
        self.in_fault = False

    def run(self, pipe: IO[bytes]) -> None:
        fd = pipe.fileno()
        while True:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            self.out(chunk)
            self._scan(chunk)
        self.marker_seen.set()  # nobody waits for a marker that will never come

    def _scan(self, chunk: bytes) -> None:
        self.tail = (self.tail + chunk)[-4096:]
        if self.marker is not None and self.marker in self.tail:
            self.marker_seen.set()
        text = self.tail.decode("latin-1")
        for line in text.splitlines():
            if _FAULT_HEADER.match(line):
                self.in_fault = True
            elif self.in_fault:
                m = _FAULT_REGS.search(line)
                if m:
                    self.fault_pc = int(m.group(1), 16)
                    self.fault_lr = int(m.group(2), 16)


def _read_stderr(pipe: IO[bytes], stderr: _Stderr) -> None:
    fd = pipe.fileno()
    while True:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        stderr.program(chunk)


def _read_log(fd: int, stderr: _Stderr, tracer: GpioTracer) -> None:
    """QEMU's log (-d unimp): the GPIO writes become events; the rest is dropped."""
    with open(fd, "rb") as log:
        for raw in log:
            events = tracer.feed(raw.decode("utf-8", errors="replace").rstrip("\n"))
            for e in events or ():
                stderr.line(e)


# The file the firmware reads its stdin from, in QEMU's working directory
# (hal/stm32f405/console_rx.c): a named pipe (_HostInput).
HOST_INPUT = "uptc-stdin"


class _HostInput:
    """The program's stdin for the firmware, through semihosting, with its end.

    HOST_INPUT in QEMU's working directory is a named pipe. A thread opens
    its write end, which waits until the firmware opens the other end at its
    first console read, and only then copies `source` (bytes, or a binary
    file such as our stdin) into it: a program that never reads leaves our
    stdin untouched, as on the host (`while read f; do uptc run ...; done`).
    At the end of `source` the pipe is closed and the firmware's next read
    returns -1: input() raises EOFError.
    """

    def __init__(self, workdir: Path, source: bytes | IO[bytes]):
        self.source = source
        self.fifo = workdir / HOST_INPUT
        os.mkfifo(self.fifo, 0o600)
        self.done = False
        self.thread = threading.Thread(target=self._copy, daemon=True)
        self.thread.start()

    def close(self) -> None:
        """After QEMU: a thread still waiting for the firmware to open the pipe
        is let go (by opening it ourselves), and copies nothing."""
        self.done = True
        if self.thread.is_alive():
            try:
                os.close(os.open(self.fifo, os.O_RDONLY | os.O_NONBLOCK))
            except OSError:
                pass
            self.thread.join(timeout=1)

    def _copy(self) -> None:
        try:
            fd = os.open(self.fifo, os.O_WRONLY)  # until the firmware opens it
        except OSError:
            return
        try:
            with open(fd, "wb", buffering=0) as pipe:
                if self.done:
                    return
                if isinstance(self.source, bytes | bytearray):
                    pipe.write(self.source)
                    return
                for chunk in _chunks(self.source):
                    pipe.write(chunk)
        except OSError:
            pass  # the firmware ended (broken pipe) or stdin failed: the input ends


def _chunks(source: IO[bytes]) -> Iterable[bytes]:
    try:
        fd = source.fileno()
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        fd = None
    while True:
        data = os.read(fd, 65536) if fd is not None else source.read(65536)
        if not data:
            return
        yield data


def _is_terminal(stream: IO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False


def run_firmware(
    elf: Path,
    board: Board,
    timeout: float = 60,
    trace_gpio: bool = False,
    args: Iterable[str] = (),
    stdout: IO | None = None,
    stderr: IO | None = None,
    input: bytes | None = None,
    input_after: bytes | None = None,
    stdin: bytes | IO[bytes] | None = None,
) -> int:
    """Runs firmware under QEMU; returns its exit status.

    The console goes to `stdout` (default sys.stdout), GPIO events and QEMU's
    own messages to `stderr`.

    Input, one of:
    * `stdin`: the program's standard input (bytes or a binary file), read by
      the firmware through semihosting up to its end, where input() raises
      EOFError as on the host;
    * `input`: bytes sent to the console UART once `input_after` has appeared
      in its output (at once if None) -- QEMU drops bytes that arrive before
      the firmware enables the USART receiver, so wait for a prompt.
      input=b"": no console input at all (tests);
    * neither: our stdin -- a terminal is the console UART (interactive use),
      a pipe or a file is read as `stdin` is.

    A run longer than `timeout` seconds is killed: ToolError. When `stdout`
    or `stderr` is a pipe closed early, QEMU is stopped and BrokenPipeError
    raised (the CLI exits with 141, as a program killed by SIGPIPE).
    """
    elf = Path(elf)
    if not elf.is_file():
        raise ToolError(f"no such firmware: {elf}")
    if stdin is not None and input is not None:
        raise ValueError("run_firmware: stdin and input exclude each other")
    if stdin is None and input is None and not _is_terminal(sys.stdin):
        stdin = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
    with tempfile.TemporaryDirectory(prefix="uptc-qemu-") as workdir:
        return _run(elf, board, timeout, trace_gpio, list(args), stdout, stderr, input,
                    input_after, stdin, Path(workdir))


def _run(elf, board, timeout, trace_gpio, args, stdout, stderr, input, input_after, stdin,
         workdir: Path) -> int:
    log_r = log_w = None
    extra: list[str] = []
    if trace_gpio:
        log_r, log_w = os.pipe()
        extra = ["-D", f"/dev/fd/{log_w}"]
    try:
        cmd = qemu_command(elf, board, trace_gpio=trace_gpio, args=args, extra=extra)
    except ToolError:
        for fd in (log_r, log_w):
            if fd is not None:
                os.close(fd)
        raise
    # QEMU runs in a directory of its own: the only file the firmware can
    # open there is HOST_INPUT, and only when uptc put it there.
    host_input = _HostInput(workdir, stdin) if stdin is not None else None
    proc: subprocess.Popen | None = None

    def stop() -> None:
        if proc is not None:
            _stop(proc, on_terminal)

    output = _Output(stop)
    out = output.guard(_sink(stdout, sys.stdout))
    err = _Stderr(output.guard(_sink(stderr, sys.stderr)))
    console = _Console(out, input_after if input is not None else None)
    if input is not None:
        qemu_stdin = subprocess.PIPE
    elif host_input is not None:
        qemu_stdin = subprocess.DEVNULL  # the console UART reads nothing
    else:
        qemu_stdin = None  # the terminal
    on_terminal = qemu_stdin is None and _is_terminal(sys.stdin)
    pass_fds = [] if log_w is None else [log_w]
    try:
        proc = subprocess.Popen(cmd, stdin=qemu_stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, pass_fds=pass_fds, cwd=workdir)
    except OSError as e:
        if host_input is not None:
            host_input.close()
        for fd in (log_r, log_w):
            if fd is not None:
                os.close(fd)
        raise ToolError(f"cannot run {QEMU}: {e}") from None
    threads = [
        threading.Thread(target=console.run, args=(proc.stdout,), daemon=True),
        threading.Thread(target=_read_stderr, args=(proc.stderr, err), daemon=True),
    ]
    if log_r is not None and log_w is not None:
        os.close(log_w)  # QEMU holds the write end: the log ends when QEMU does
        threads.append(threading.Thread(target=_read_log, args=(log_r, err, GpioTracer(board)),
                                        daemon=True))
    for t in threads:
        t.start()
    try:
        if input is not None:
            assert proc.stdin is not None
            if input_after is None or console.marker_seen.wait(timeout):
                try:
                    proc.stdin.write(input)
                    proc.stdin.flush()
                except BrokenPipeError:
                    pass
        status = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(proc, on_terminal)
        for t in threads:
            t.join(timeout=5)
        raise ToolError(
            f"the firmware did not finish within {timeout:g} s; QEMU was stopped"
        ) from None
    except BaseException:
        _stop(proc, on_terminal)
        raise
    finally:
        if proc.stdin is not None:
            try:
                proc.stdin.close()
            except OSError:
                pass
        if host_input is not None:
            host_input.close()
    for t in threads:
        t.join(timeout=5)
    if output.broken:
        raise BrokenPipeError("the output was closed before the program ended")
    if status < 0:
        raise ToolError(f"{QEMU} was killed by signal {-status}")
    if console.fault_pc is not None:
        for line in describe_fault(elf, board, console.fault_pc, console.fault_lr or 0xFFFFFFFF):
            err.line(line)
    err.finish()
    return status


def _stop(proc: subprocess.Popen, on_terminal: bool) -> None:
    """Stop QEMU. on_terminal (QEMU reads our terminal, in raw mode): terminate,
    so that QEMU restores the terminal, then kill if it lingers. Otherwise
    kill at once: nothing to restore, and no "terminating on signal" line
    among the program's stderr."""
    if proc.poll() is not None:
        return
    if on_terminal:
        proc.terminate()
    else:
        proc.kill()
    try:
        proc.wait(timeout=3)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# ---- counting instructions -----------------------------------------------------


def insncount_source() -> Path:
    """benchmarks/insncount/insncount.c (in a checkout)."""
    src = PACKAGE_DIR.parent / "benchmarks" / "insncount" / "insncount.c"
    if not src.is_file():
        raise ToolError(f"the instruction-count plugin source is missing: {src}")
    return src


def build_insncount_plugin(verbose: bool = False) -> Path:
    """Builds the QEMU plugin with the host gcc into the cache (once per source)."""
    src = insncount_source()
    if shutil.which("gcc") is None:
        raise ToolError("gcc not found: install it with `sudo apt install gcc` (or `make setup`)")
    digest = hashlib.sha256(src.read_bytes()).hexdigest()[:16]
    final = cache_dir() / "plugins" / f"insncount-{digest}"
    lib = final / "libinsncount.so"
    if lib.is_file():
        return lib
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".insncount-", dir=final.parent))
    try:
        cmd = ["gcc", "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-o", str(tmp / lib.name)]
        cmd.append(str(src))
        if verbose:
            print(" ".join(cmd), file=sys.stderr)
        p = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if p.returncode != 0:
            raise ToolError(f"building the instruction-count plugin failed:\n{p.stderr}")
        try:
            os.rename(tmp, final)
        except OSError:
            if not lib.is_file():
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return lib


def count_instructions(
    elf: Path,
    board: Board | None = None,
    args: Iterable[str] = (),
    timeout: float = 60,
    stdout: IO | None = None,
    verbose: bool = False,
) -> int:
    """Exact number of guest instructions the firmware executes until it exits.

    board None: the one the ELF was linked for (uptc.tools.size.guess_board).
    The console goes to `stdout` (default: discarded). A non-zero exit status
    is a ToolError: a benchmark that fails has no meaningful count.
    """
    if board is None:
        from uptc.tools.size import guess_board

        board = guess_board(elf)
    plugin = build_insncount_plugin(verbose)
    with tempfile.TemporaryDirectory(prefix="uptc-insns-") as tmp:
        log = Path(tmp) / "count.log"
        extra = ["-plugin", str(plugin), "-d", "plugin", "-D", str(log)]
        cmd = qemu_command(Path(elf), board, args=list(args), extra=extra)
        # The program's stdin is empty: input() raises EOFError at once.
        os.symlink(os.devnull, Path(tmp) / HOST_INPUT)
        if verbose:
            print(" ".join(cmd), file=sys.stderr)
        try:
            p = subprocess.run(
                cmd,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=timeout,
                check=False,
                cwd=tmp,
            )
        except subprocess.TimeoutExpired:
            raise ToolError(f"the firmware did not finish within {timeout:g} s") from None
        if stdout is not None:
            _sink(stdout, sys.stdout)(p.stdout)
        if p.returncode != 0:
            raise ToolError(
                f"{Path(elf).name} exited with status {p.returncode} under QEMU"
                + (f": {p.stderr.decode(errors='replace').strip()}" if p.stderr.strip() else "")
            )
        m = re.search(r"insns: (\d+)", log.read_text(errors="replace") if log.exists() else "")
        if m is None:
            raise ToolError("the instruction-count plugin reported nothing")
        return int(m.group(1))
