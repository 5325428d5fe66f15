"""Helpers for the flash/monitor tests: ELF files, the test firmware, QEMU.

* make_elf(): an ELF32 ARM executable written byte by byte, with exactly the
  PT_LOAD segments a test wants (pre-flight cases need no toolchain).
* vector_table(): the 8 bytes a bootable image starts with.
* build_firmware(): fw.c + fw.ld compiled with arm-none-eabi-gcc -g (DWARF for
  the address decoder, a real program for QEMU).
* Qemu: netduinoplus2 (an STM32F405) with USART1 on a TCP server, started
  paused (-S) so that no byte is sent before the monitor is connected.
"""

from __future__ import annotations

import shutil
import socket
import struct
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLASH = 0x08000000
SRAM = 0x20000000

EM_ARM = 40


def vector_table(sp: int = SRAM + 0x2000, reset: int = FLASH + 0x41) -> bytes:
    return struct.pack("<II", sp, reset)


def make_elf(segments, machine: int = EM_ARM, entry: int = FLASH + 0x41) -> bytes:
    """An ELF32 LE executable. segments: (paddr, data) or (paddr, vaddr, data, memsz)."""
    segs = []
    for s in segments:
        if len(s) == 2:
            paddr, data = s
            segs.append((paddr, paddr, data, len(data)))
        else:
            segs.append(tuple(s))
    phoff = 52
    offset = phoff + 32 * len(segs)
    header = struct.pack(
        "<16sHHIIIIIHHHHHH",
        b"\x7fELF\x01\x01\x01" + bytes(9),  # ELFCLASS32, little endian, version 1
        2,  # ET_EXEC
        machine,
        1,
        entry,
        phoff,
        0,  # no section headers
        0x05000400,  # EABI5, hard float
        52,
        32,
        len(segs),
        40,
        0,
        0,
    )
    phdrs = b""
    body = b""
    for paddr, vaddr, data, memsz in segs:
        phdrs += struct.pack("<IIIIIIII", 1, offset + len(body), vaddr, paddr, len(data), memsz,
                             5, 4)
        body += data
    return header + phdrs + body


def toolchain_available() -> bool:
    return shutil.which("arm-none-eabi-gcc") is not None


def build_firmware(out_dir: Path, name: str = "fw.elf") -> Path:
    """Compile tests/tools_fixtures/fw.c for the STM32F405 with debug info."""
    out_dir.mkdir(parents=True, exist_ok=True)
    elf = out_dir / name
    subprocess.run(
        [
            "arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "-O1", "-g", "-nostdlib",
            "-ffreestanding", "-T", str(HERE / "fw.ld"), "-o", str(elf), str(HERE / "fw.c"),
        ],
        check=True,
        cwd=out_dir,  # #line "app.py" resolves against the compile directory
        capture_output=True,
        timeout=60,
    )
    return elf


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Qemu:
    """qemu-system-arm -M netduinoplus2 -S with USART1 on tcp:127.0.0.1:PORT (server)."""

    def __init__(self, elf: Path, semihosting: bool = False):
        self.port = free_port()
        extra = ["-semihosting-config", "enable=on,target=native"] if semihosting else []
        self.proc = subprocess.Popen(
            [
                "qemu-system-arm", "-M", "netduinoplus2", "-display", "none",
                "-S", "-monitor", "stdio",
                "-serial", f"tcp:127.0.0.1:{self.port},server=on,wait=on",
                *extra,
                "-kernel", str(elf),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    @property
    def url(self) -> str:
        return f"socket://127.0.0.1:{self.port}"

    def wait_listening(self, timeout: float = 10.0) -> None:
        """Wait until QEMU's serial server accepts (checked without connecting:
        a probe connection would become QEMU's one client)."""
        self._wait_state(b"0A", timeout, "did not open its serial port")  # TCP_LISTEN

    def wait_client(self, timeout: float = 10.0) -> None:
        """Wait until a client (the monitor) is connected to the serial port."""
        self._wait_state(b"01", timeout, "saw no client on its serial port")  # ESTABLISHED

    def _wait_state(self, state: bytes, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        needle = f":{self.port:04X}".encode()
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"qemu exited: {self.proc.stderr.read().decode()}")
            try:
                table = Path("/proc/net/tcp").read_bytes()
            except OSError:  # not Linux: give QEMU a moment instead
                time.sleep(0.5)
                return
            for line in table.splitlines()[1:]:
                fields = line.split()
                if fields[1].endswith(needle) and fields[3] == state:
                    return
            time.sleep(0.02)
        raise RuntimeError(f"qemu {what}")

    def cont(self) -> None:
        self.proc.stdin.write(b"cont\n")
        self.proc.stdin.flush()

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write(b"quit\n")
                self.proc.stdin.flush()
                self.proc.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(5)
        for f in (self.proc.stdin, self.proc.stderr):
            if f:
                f.close()
