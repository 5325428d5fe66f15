"""`uptc size app.elf [--json] [--board B --profile P]`: flash and RAM use.

    report = size_report(elf, board)
    print(format_size_table(report))

    flash    1,988 / 131,072 B   1.5% [#.........]  vectors 392, code 1,440, rodata 156
    RAM      2,072 /   8,192 B  25.3% [###.......]  stack 2,048, bss 24
    heap     6,120 B left for the GC heap (profile minimum 2,048 B)

Flash used is every byte loaded into flash: vectors, code, constants and the
initial values of .data (stored in flash, copied to RAM at reset). RAM used
is the stack reservation, .data and .bss; the rest of RAM is the GC heap,
reported on its own line with the profile's minimum.

When a program does not fit, the link fails; format_overflow() still prints
the table, from the image linked anyway, with what overflowed and by how much.
The report of such an image (or of one measured against a smaller profile
than it was built for) says the same in `overflow`, {"RAM": 4120}: the
highest address used in the region, the GC heap's minimum included, past the
region's end -- ld's own measure. `uptc size` then exits with status 1.
"""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path

from uptc.boards import Board, load_board
from uptc.diagnostics import EXIT_NO_INPUT, ToolError
from uptc.tools.elfcheck import open_elf

TOP_SYMBOLS = 10
BAR_WIDTH = 10

# Output sections -> the part of the report they count in.
_FLASH_PARTS = {".isr_vector": "vectors", ".text": "code", ".rodata": "rodata", ".data": "data"}
_RAM_PARTS = {".stack": "stack", ".data": "data", ".bss": "bss"}


@dataclass(frozen=True)
class SymbolSize:
    name: str
    size: int
    kind: str  # code, rodata, data, bss, vectors, other
    address: int


@dataclass(frozen=True)
class RegionUse:
    name: str  # "flash" or "RAM"
    used: int
    total: int | None  # None: no limit (host)
    parts: dict[str, int] = field(default_factory=dict)

    @property
    def percent(self) -> float | None:
        return 100.0 * self.used / self.total if self.total else None


@dataclass(frozen=True)
class SizeReport:
    elf: str
    board: str  # qualified board name, e.g. "pyboard-128k8k"
    flash: RegionUse
    ram: RegionUse
    heap_min: int
    heap_available: int | None  # bytes the GC heap gets; None when unknown (host)
    symbols: tuple[SymbolSize, ...]
    # Regions that do not fit, as ld names them ("FLASH", "RAM") -> bytes over.
    overflow: dict[str, int] = field(default_factory=dict)

    @property
    def fits(self) -> bool:
        return not self.overflow

    def to_json(self) -> dict:
        d = asdict(self)
        d["flash"]["percent"] = _round(self.flash.percent)
        d["ram"]["percent"] = _round(self.ram.percent)
        d["flash"]["overflow"] = self.overflow.get("FLASH", 0)
        d["ram"]["overflow"] = self.overflow.get("RAM", 0)
        d["fits"] = self.fits
        return d


def _round(p: float | None) -> float | None:
    return None if p is None else round(p, 1)


# ---- reading the ELF --------------------------------------------------------


def guess_board(elf: Path | str) -> Board:
    """The board an ELF was linked for: host for a native ELF; for ARM, the
    pyboard profile whose flash/RAM sizes the image records (__flash_size,
    __ram_size from the linker script), else the default profile."""
    with open_elf(Path(elf)) as e:
        if e["e_machine"] != "EM_ARM":
            return load_board("host")
        syms = _symbol_values(e)
    board = load_board("pyboard")
    for prof in board.profiles:
        b = load_board("pyboard", prof)
        if (
            b.profile.flash
            and b.profile.ram
            and syms.get("__flash_size") == b.profile.flash.length
            and syms.get("__ram_size") == b.profile.ram.length
        ):
            return b
    return board


def _symbol_values(e) -> dict[str, int]:
    symtab = e.get_section_by_name(".symtab")
    if symtab is None:
        return {}
    return {s.name: s["st_value"] for s in symtab.iter_symbols() if s.name}


def _section_lma(e, sec) -> int:
    for seg in e.iter_segments():
        if seg["p_type"] == "PT_LOAD" and seg.section_in_segment(sec):
            return sec["sh_addr"] - seg["p_vaddr"] + seg["p_paddr"]
    return sec["sh_addr"]


def size_report(elf: Path | str, board: Board | None = None) -> SizeReport:
    """Flash/RAM use of a linked image (board None: guessed from the ELF)."""
    path = Path(elf)
    board = board or guess_board(path)
    with open_elf(path) as e:
        alloc = [s for s in e.iter_sections() if s["sh_flags"] & 0x2 and s["sh_size"] > 0]  # ALLOC
        syms = _symbol_values(e)
        symbols = _largest_symbols(e)
        if board.is_host:
            return _host_report(path, board, alloc, symbols)
        flash = board.profile.flash
        ram = board.profile.ram
        assert flash is not None and ram is not None
        # Sections are placed by the device's memories, and measured against
        # the profile's: an image too big for the profile still counts whole.
        in_flash = board.flash_memory or flash
        in_ram = board.ram_memory or ram
        flash_parts: dict[str, int] = {}
        ram_parts: dict[str, int] = {}
        flash_top = flash.origin
        ram_top = ram.origin
        heap_min = 0
        for s in alloc:
            size = s["sh_size"]
            if s.name == ".heap":
                heap_min = size
                if in_ram.contains(s["sh_addr"]):
                    ram_top = max(ram_top, s["sh_addr"] + size)
                continue
            lma = _section_lma(e, s)
            if s["sh_type"] != "SHT_NOBITS" and in_flash.contains(lma):
                part = _FLASH_PARTS.get(s.name, "other")
                flash_parts[part] = flash_parts.get(part, 0) + size
                flash_top = max(flash_top, lma + size)
            if in_ram.contains(s["sh_addr"]):
                part = _RAM_PARTS.get(s.name, "other")
                ram_parts[part] = ram_parts.get(part, 0) + size
                ram_top = max(ram_top, s["sh_addr"] + size)
    heap_min = syms.get("__heap_min", heap_min)
    available = None
    if "_sheap" in syms and "_eheap" in syms:
        available = syms["_eheap"] - syms["_sheap"]
    ram_used = sum(ram_parts.values())
    if available is None:
        available = ram.length - ram_used
    if not any(s.name == ".heap" for s in alloc):  # no heap section: its minimum after the rest
        ram_top += heap_min
    overflow = {name: top - region.end
                for name, top, region in (("FLASH", flash_top, flash), ("RAM", ram_top, ram))
                if top > region.end}
    return SizeReport(
        elf=str(path),
        board=board.qualified_name,
        flash=RegionUse("flash", sum(flash_parts.values()), flash.length, flash_parts),
        ram=RegionUse("RAM", ram_used, ram.length, ram_parts),
        heap_min=heap_min,
        heap_available=available,
        symbols=symbols,
        overflow=overflow,
    )


def _host_report(path: Path, board: Board, alloc, symbols) -> SizeReport:
    ro: dict[str, int] = {}
    rw: dict[str, int] = {}
    for s in alloc:
        size = s["sh_size"]
        if s["sh_type"] == "SHT_NOBITS":
            rw["bss"] = rw.get("bss", 0) + size
        elif s["sh_flags"] & 0x1:  # WRITE
            rw["data"] = rw.get("data", 0) + size
        elif s["sh_flags"] & 0x4:  # EXECINSTR
            ro["code"] = ro.get("code", 0) + size
        else:
            ro["rodata"] = ro.get("rodata", 0) + size
    return SizeReport(
        elf=str(path),
        board=board.qualified_name,
        flash=RegionUse("code", sum(ro.values()), None, ro),
        ram=RegionUse("data", sum(rw.values()), None, rw),
        heap_min=0,
        heap_available=board.profile.heap_size,
        symbols=symbols,
    )


def _largest_symbols(e) -> tuple[SymbolSize, ...]:
    symtab = e.get_section_by_name(".symtab")
    if symtab is None:
        return ()
    names = {i: s.name for i, s in enumerate(e.iter_sections())}
    seen: dict[tuple[int, int], SymbolSize] = {}
    for s in symtab.iter_symbols():
        if s["st_info"]["type"] not in ("STT_FUNC", "STT_OBJECT") or s["st_size"] == 0:
            continue
        shndx = s["st_shndx"]
        section = names.get(shndx, "") if isinstance(shndx, int) else ""
        kind = {
            ".text": "code",
            ".rodata": "rodata",
            ".isr_vector": "vectors",
            ".data": "data",
            ".bss": "bss",
        }.get(section, "other")
        address = s["st_value"] & ~1 if kind == "code" else s["st_value"]
        key = (address, s["st_size"])
        # Aliases (weak interrupt handlers) share an address: keep one name,
        # the global one if there is one.
        if key in seen and s["st_info"]["bind"] != "STB_GLOBAL":
            continue
        seen[key] = SymbolSize(s.name, s["st_size"], kind, address)
    ordered = sorted(seen.values(), key=lambda x: (-x.size, x.name))
    return tuple(ordered[:TOP_SYMBOLS])


# ---- formatting -------------------------------------------------------------


def _bar(used: int, total: int) -> str:
    filled = min(BAR_WIDTH, math.ceil(BAR_WIDTH * used / total)) if used else 0
    return "[" + "#" * filled + "." * (BAR_WIDTH - filled) + "]"


def _region_line(r: RegionUse, overflow: int | None = None) -> str:
    parts = ", ".join(f"{k} {v:,}" for k, v in r.parts.items() if v)
    if r.total is None:
        line = f"{r.name:<6} {r.used:>9,} B"
    else:
        pct = r.percent or 0.0
        line = f"{r.name:<6} {r.used:>9,} / {r.total:>9,} B {pct:5.1f}% {_bar(r.used, r.total)}"
    if parts:
        line += f"  {parts}"
    if overflow:
        line += f"  OVERFLOW by {overflow:,} B"
    return line


def format_size_table(report: SizeReport, overflows: dict[str, int] | None = None) -> str:
    """The size table: one line per region, the heap, the largest symbols."""
    overflows = {**report.overflow, **(overflows or {})}
    out = [f"{Path(report.elf).name} for {report.board}"]
    out.append(_region_line(report.flash, overflows.get("FLASH")))
    out.append(_region_line(report.ram, overflows.get("RAM")))
    if report.ram.total is not None:
        avail = report.heap_available or 0
        if overflows.get("RAM"):
            out.append(f"heap   none left (profile minimum {report.heap_min:,} B)")
        else:
            out.append(
                f"heap   {avail:>9,} B left for the GC heap (profile minimum {report.heap_min:,} B)"
            )
    elif report.heap_available:
        out.append(f"heap   {report.heap_available:>9,} B static GC heap")
    if report.symbols:
        out.append("largest symbols:")
        for s in report.symbols:
            out.append(f"  {s.size:>8,}  {s.kind:<7} {s.name}")
    return "\n".join(out)


def format_overflow(report: SizeReport | None, error=None) -> str:
    """The table of an image that does not fit, with what overflowed and by how
    much: from a LinkOverflowError (report from error.elf when there is one,
    size_report(error.elf, board)), or from the report alone (error None)."""
    if error is not None:
        overflows: dict[str, int] = dict(getattr(error, "overflows", {}) or {})
    else:
        overflows = dict(report.overflow) if report is not None else {}
    lines = []
    if report is not None:
        lines.append(format_size_table(report, overflows))
    if overflows:
        for region, n in overflows.items():
            lines.append(f"does not fit: region {region} overflowed by {n:,} bytes")
        if "RAM" in overflows and report is not None and report.heap_min:
            lines.append(
                f"  (RAM must also hold the profile's minimum GC heap of {report.heap_min:,} B)"
            )
    for msg in getattr(error, "linker_messages", []) or []:
        if "overflowed by" not in msg:
            lines.append(f"ld: {msg}")
    if not overflows and not lines:
        lines.append(str(error))
    return "\n".join(lines)


# ---- the command ------------------------------------------------------------


def configure(p: argparse.ArgumentParser, name: str) -> None:
    p.description = (f"{p.description}; exits with status 1 when the image does not fit "
                     "the board's profile (--json: \"fits\", and \"overflow\" per region)")
    p.add_argument("elf", help="a firmware or host ELF built by uptc")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--board", help="board the ELF was built for (default: from the ELF)")
    p.add_argument("--profile", help="board profile, e.g. 128k8k")


def run(args: argparse.Namespace) -> int:
    elf = Path(args.elf)
    if not elf.is_file():
        raise ToolError(f"no such file: {elf}", EXIT_NO_INPUT)
    if args.board:
        board = load_board(args.board, args.profile)
    elif args.profile:
        board = load_board(guess_board(elf).name, args.profile)
    else:
        board = None
    report = size_report(elf, board)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    elif report.fits:
        print(format_size_table(report))
    else:
        print(format_overflow(report))
    return 0 if report.fits else 1
