"""Turn code addresses that firmware prints into file:line, using the app's ELF.

Firmware cannot afford a line table for every address, so it may print raw
addresses; `uptc monitor --elf app.elf` decodes them as they stream past. The
generated C carries `#line` directives to the Python source, so the DWARF line
table of app.elf answers with `app.py:LINE`.

What is decoded (docs/flashing.md, "Decoding faults and tracebacks"):

  * register values `PC=0x...` / `LR=0x...` (also `PC: 0x...`) anywhere in a
    line, e.g. the last line of the HAL's fault report (hal/stm32f405/fault.c)
        *** HardFault
        IPSR=0x00000003 CFSR=0x00008200 HFSR=0x40000000 MMFAR=0x... BFAR=0x...
        PC=0x080000b6 LR=0x08000131 SP=0x2001ffe0
    (0xffffffff means the HAL could not read the stacked frame)
  * return addresses written `@0x...` anywhere in a line (compact traceback
    frames, one or several per line)
  * inside a traceback block -- from a line containing "Traceback" up to the
    next line that does not start with whitespace -- every 8-digit 0x word
    that lies in the ELF's code.

PC is looked up as is; LR and frames are return addresses, so the lookup uses
address - 1 (the call instruction) with the Thumb bit cleared. Addresses
outside the ELF's code are left alone, except that a PC outside it is named as
such: that is itself the diagnosis (a jump into data or erased flash).

Lookups use `arm-none-eabi-addr2line` when it is on PATH, else pyelftools'
DWARF line table (slower to load, same answers for line and function).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

from uptc.diagnostics import ToolError

ADDR2LINE = "arm-none-eabi-addr2line"
UNREADABLE = 0xFFFFFFFF  # the HAL's PC/LR when the stacked frame lies outside RAM

_REGISTER = re.compile(r"\b(PC|LR)\s*[=:]\s*(0x[0-9a-fA-F]{1,8})\b")
_FRAME = re.compile(r"@\s*(0x[0-9a-fA-F]{1,8})\b")
_WORD = re.compile(r"\b0x([0-9a-fA-F]{8})\b")
_TRACEBACK = re.compile(r"Traceback")


@dataclass(frozen=True)
class Location:
    function: str  # "" when unknown
    file: str
    line: int

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where} ({self.function})" if self.function else where


@dataclass(frozen=True)
class Address:
    kind: str  # "PC", "LR" or "frame"
    value: int

    @property
    def lookup(self) -> int:
        """The address whose line is wanted: the call site for return addresses."""
        a = self.value & ~1
        return a if self.kind == "PC" else a - 1


def _display_path(path: str) -> str:
    """Paths under the working directory are shown relative to it."""
    try:
        p = Path(path)
        if p.is_absolute():
            rel = p.relative_to(Path.cwd())
            return str(rel)
    except ValueError:
        pass
    return path


class Decoder:
    """Decodes addresses against one ELF; construct once per monitor session."""

    def __init__(self, elf: Path, use_addr2line: bool | None = None):
        from uptc.tools.elfcheck import open_elf

        self.elf = Path(elf)
        if not self.elf.is_file():
            raise ToolError(f"{self.elf}: no such file (--elf)", 66)
        with open_elf(self.elf) as ef:  # a truncated or corrupt file: one line, 65
            self._code = [
                (s["sh_addr"], s["sh_addr"] + s["sh_size"])
                for s in ef.iter_sections()
                if s["sh_flags"] & 0x4 and s["sh_size"]  # SHF_EXECINSTR
            ]
            self._has_dwarf = ef.has_dwarf_info()
        if use_addr2line is None:
            use_addr2line = shutil.which(ADDR2LINE) is not None
        self.use_addr2line = use_addr2line
        self._cache: dict[int, Location | None] = {}
        self._dwarf: _DwarfLines | None = None
        self._in_traceback = False

    # ---- what to decode ---------------------------------------------------

    def in_code(self, addr: int) -> bool:
        a = addr & ~1
        return any(lo <= a < hi for lo, hi in self._code)

    def addresses(self, line: str) -> list[Address]:
        """The addresses in one console line worth decoding, in order."""
        found: list[tuple[int, Address]] = []
        for m in _REGISTER.finditer(line):
            found.append((m.start(), Address(m.group(1).upper(), int(m.group(2), 16))))
        for m in _FRAME.finditer(line):
            found.append((m.start(), Address("frame", int(m.group(1), 16))))
        if _TRACEBACK.search(line):
            self._in_traceback = True
        elif self._in_traceback and not line[:1].isspace():
            self._in_traceback = False
        if self._in_traceback:
            taken = {a.value for _, a in found}
            for m in _WORD.finditer(line):
                v = int(m.group(1), 16)
                if v not in taken and self.in_code(v):
                    found.append((m.start(), Address("frame", v)))
        found.sort(key=lambda t: t[0])
        return [
            a for _, a in found if a.kind == "PC" or a.value == UNREADABLE or self.in_code(a.value)
        ]

    def annotate(self, line: str) -> list[str]:
        """Lines to print after `line`: one per decoded address."""
        out = []
        addrs = self.addresses(line)
        locs = self.lookup([a.lookup for a in addrs])
        for a in addrs:
            if a.value == UNREADABLE:
                out.append(f"    [uptc] {a.kind} unknown: the fault frame was not readable "
                           "(a stack overflow?)")
                continue
            if not self.in_code(a.value):
                out.append(f"    [uptc] {a.kind} 0x{a.value:08x}: not in the code of {self.elf.name}")
                continue
            loc = locs.get(a.lookup)
            what = str(loc) if loc else "no line information"
            out.append(f"    [uptc] {a.kind} 0x{a.value:08x}: {what}")
        return out

    # ---- address -> location ----------------------------------------------

    def lookup(self, addrs: list[int]) -> dict[int, Location | None]:
        todo = [a for a in dict.fromkeys(addrs) if a not in self._cache]
        if todo:
            if self.use_addr2line:
                self._cache.update(self._addr2line(todo))
            else:
                self._cache.update(self._pyelftools(todo))
        return {a: self._cache[a] for a in addrs}

    def _addr2line(self, addrs: list[int]) -> dict[int, Location | None]:
        cmd = [ADDR2LINE, "-e", str(self.elf), "-a", "-f", "-C"] + [f"0x{a:x}" for a in addrs]
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=10, check=True).stdout
        except (OSError, subprocess.SubprocessError):
            # A broken or vanished addr2line: the DWARF reader gives the same answers.
            self.use_addr2line = False
            return self._pyelftools(addrs)
        result: dict[int, Location | None] = {}
        lines = out.splitlines()
        # With -a -f: "0xADDR", "function", "file:line[ (discriminator N)]" per address.
        for i in range(0, len(lines) - 2, 3):
            addr = int(lines[i], 16)
            func = "" if lines[i + 1] == "??" else lines[i + 1]
            where = lines[i + 2].split(" (discriminator")[0]
            file, _, num = where.rpartition(":")
            if file in ("", "??") or not num.isdigit() or num == "0":
                result[addr] = None
            else:
                result[addr] = Location(func, _display_path(file), int(num))
        for a in addrs:
            result.setdefault(a, None)
        return result

    def _pyelftools(self, addrs: list[int]) -> dict[int, Location | None]:
        if not self._has_dwarf:
            return {a: None for a in addrs}
        if self._dwarf is None:
            from elftools.common.exceptions import DWARFError, ELFError

            try:
                self._dwarf = _DwarfLines(self.elf)
            except (ELFError, DWARFError, struct.error, ValueError, KeyError, IndexError):
                # Debug information that cannot be read: no source lines,
                # the session goes on.
                self._has_dwarf = False
                return {a: None for a in addrs}
        return {a: self._dwarf.find(a) for a in addrs}


class _DwarfLines:
    """Address -> (file, line, function) from the DWARF line and info sections."""

    def __init__(self, elf: Path):
        from elftools.elf.elffile import ELFFile

        # (low, high, file, line) per line-table row range; (low, high, name) per function.
        self.rows: list[tuple[int, int, str, int]] = []
        self.functions: list[tuple[int, int, str]] = []
        with open(elf, "rb") as f:
            dwarf = ELFFile(f).get_dwarf_info()
            for cu in dwarf.iter_CUs():
                self._read_lines(dwarf, cu)
                self._read_functions(cu)

    def _read_lines(self, dwarf, cu) -> None:
        prog = dwarf.line_program_for_CU(cu)
        if prog is None:
            return
        header = prog.header
        version = header["version"]
        dirs = [d.decode(errors="replace") for d in header["include_directory"]]
        comp_dir = cu.get_top_DIE().attributes.get("DW_AT_comp_dir")
        comp_dir = comp_dir.value.decode(errors="replace") if comp_dir else ""

        def file_name(index: int) -> str:
            entries = header["file_entry"]
            i = index if version >= 5 else index - 1
            if not 0 <= i < len(entries):
                return "??"
            entry = entries[i]
            name = entry.name.decode(errors="replace")
            if os.path.isabs(name):
                return name
            d = entry.dir_index
            if version >= 5:
                base = dirs[d] if 0 <= d < len(dirs) else comp_dir
            else:
                base = dirs[d - 1] if 1 <= d <= len(dirs) else comp_dir
            return os.path.join(base, name) if base else name

        prev = None
        for entry in prog.get_entries():
            state = entry.state
            if state is None:
                continue
            if prev is not None and state.address > prev.address:
                self.rows.append((prev.address, state.address, file_name(prev.file), prev.line))
            prev = None if state.end_sequence else state

    def _read_functions(self, cu) -> None:
        for die in cu.iter_DIEs():
            if die.tag != "DW_TAG_subprogram":
                continue
            attrs = die.attributes
            if "DW_AT_low_pc" not in attrs or "DW_AT_high_pc" not in attrs:
                continue
            low = attrs["DW_AT_low_pc"].value
            high = attrs["DW_AT_high_pc"]
            # DWARF 4+: a constant-class high_pc is an offset from low_pc.
            end = high.value if high.form == "DW_FORM_addr" else low + high.value
            name = attrs.get("DW_AT_name")
            if name is not None:
                self.functions.append((low, end, name.value.decode(errors="replace")))

    def find(self, addr: int) -> Location | None:
        # The row whose range holds addr; the latest such row wins (as addr2line).
        hit = None
        for low, high, file, line in self.rows:
            if low <= addr < high:
                hit = (file, line)
        if hit is None or hit[1] == 0:
            return None
        func = next((n for lo, hi, n in self.functions if lo <= addr < hi), "")
        return Location(func, _display_path(hit[0]), hit[1])
