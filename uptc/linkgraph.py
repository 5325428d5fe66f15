"""What a program can reach in the runtime: the reference graph of compiled code.

The runtime is compiled with one section per function and per object
(-ffunction-sections -fdata-sections), so the relocations of a section say
exactly which other functions and objects it uses -- the graph the linker
walks for --gc-sections. This module reads it from the object files (an
archive's members, the program's own object) with pyelftools, so the driver
can ask, before the final link, which runtime functions a program can reach:

  - the slot groups of the core types it needs (uptc/primitives/types.py:
    a group is needed when one of its dispatchers is reachable; enabling it
    makes its slot functions reachable in turn, to a fixed point), and
  - which runtime configuration it needs (no float creator reachable: the
    runtime is built without float support; the same for big ints and
    string formatting).
"""

from __future__ import annotations

import io
import json
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from elftools.elf.elffile import ELFFile
from elftools.elf.relocation import RelocationSection
from elftools.elf.sections import SymbolTableSection


@dataclass
class Graph:
    """Symbols -> the symbols their sections refer to. Static functions are
    named "file.c:name" (the runtime's object names are NNN-file.o)."""

    refs: dict[str, set[str]] = field(default_factory=dict)

    def reachable(self, roots: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            s = stack.pop()
            if s in seen:
                continue
            seen.add(s)
            stack.extend(self.refs.get(s, ()))
        return seen

    def merge(self, other: Graph) -> None:
        for k, v in other.refs.items():
            self.refs.setdefault(k, set()).update(v)


def _source_name(member: str) -> str:
    """'012-ops.o' -> 'ops.c' (uptc.toolchain numbers archive members)."""
    base = member.rsplit("/", 1)[-1]
    if "-" in base and base.split("-", 1)[0].isdigit():
        base = base.split("-", 1)[1]
    return base[:-2] + ".c" if base.endswith(".o") else base


def object_graph(data: bytes, member: str) -> tuple[Graph, set[str]]:
    """The reference graph of one relocatable object, and its undefined symbols."""
    elf = ELFFile(io.BytesIO(data))
    src = _source_name(member)
    symtab = next(s for s in elf.iter_sections() if isinstance(s, SymbolTableSection))
    symbols = list(symtab.iter_symbols())
    # Each defined symbol's name, and which symbols each section defines.
    names: list[str] = []
    defined_in: dict[int, list[str]] = {}
    undefined: set[str] = set()
    for sym in symbols:
        kind = sym["st_info"]["type"]
        bind = sym["st_info"]["bind"]
        shndx = sym["st_shndx"]
        name = sym.name
        if name.startswith("$"):
            name = ""  # ARM mapping symbols ($t, $d): markers, not things
        if kind == "STT_SECTION" and isinstance(shndx, int):
            name = f"{src}:<section {shndx}>"
        elif bind == "STB_LOCAL" and name:
            name = f"{src}:{name}"
        names.append(name)
        if shndx == "SHN_UNDEF":
            if name:
                undefined.add(name)
        elif isinstance(shndx, int) and name and kind in ("STT_FUNC", "STT_OBJECT", "STT_SECTION",
                                                            "STT_NOTYPE"):
            defined_in.setdefault(shndx, []).append(name)
    g = Graph()
    for sec in elf.iter_sections():
        if not isinstance(sec, RelocationSection):
            continue
        target = sec["sh_info"]
        owners = defined_in.get(target, [])
        if not owners:
            continue
        used = set()
        for rel in sec.iter_relocations():
            idx = rel["r_info_sym"]
            if 0 < idx < len(names) and names[idx]:
                used.add(names[idx])
        for o in owners:
            g.refs.setdefault(o, set()).update(used)
    # A section symbol stands for everything defined in that section.
    for shndx, syms in defined_in.items():
        sec_name = f"{src}:<section {shndx}>"
        for s in syms:
            if s != sec_name:
                g.refs.setdefault(sec_name, set()).add(s)
                g.refs.setdefault(s, set())
    return g, undefined


def _ar_members(path: Path) -> Iterable[tuple[str, bytes]]:
    """The members of a System V / GNU ar archive."""
    data = path.read_bytes()
    if not data.startswith(b"!<arch>\n"):
        raise ValueError(f"{path}: not an ar archive")
    pos = 8
    longnames = b""
    while pos + 60 <= len(data):
        header = data[pos:pos + 60]
        name = header[:16].decode().rstrip()
        size = int(header[48:58].decode().strip())
        body = data[pos + 60:pos + 60 + size]
        pos += 60 + size + (size & 1)
        if name == "//":
            longnames = body
            continue
        if name in ("/", "/SYM64/"):
            continue
        if name.startswith("/") and name[1:].isdigit():
            off = int(name[1:])
            name = longnames[off:longnames.index(b"\n", off)].decode().rstrip("/")
        else:
            name = name.rstrip("/")
        yield name, body


def archive_graph(path: Path) -> Graph:
    """The graph of every member of an archive (cached beside it)."""
    cache = path.with_suffix(".graph.json")
    if cache.is_file() and cache.stat().st_mtime >= path.stat().st_mtime:
        try:
            raw = json.loads(cache.read_text())
            return Graph({k: set(v) for k, v in raw.items()})
        except (OSError, ValueError):
            pass  # unreadable: read the archive again
    g = Graph()
    for name, data in _ar_members(path):
        sub, _ = object_graph(data, name)
        g.merge(sub)
    try:
        # Builds in parallel may write the same cache: each through a file of its own.
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}-{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps({k: sorted(v) for k, v in g.refs.items()}))
        tmp.replace(cache)
    except OSError:
        pass  # a read-only cache only costs the re-reading
    return g
