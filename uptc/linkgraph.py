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

import json
import os
import struct
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path



@dataclass
class Graph:
    """Symbols -> the symbols their sections refer to. Static functions are
    named "file.c:name" (the runtime's object names are NNN-file.o)."""

    refs: dict[str, set[str]] = field(default_factory=dict)

    def reachable(self, roots: Iterable[str], also: Iterable[Graph] = ()) -> set[str]:
        """What roots refer to, directly or not, in this graph and `also`
        (graphs read as one, without merging them)."""
        layers = [self.refs, *(g.refs for g in also)]
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            s = stack.pop()
            if s in seen:
                continue
            seen.add(s)
            for refs in layers:
                stack.extend(refs.get(s, ()))
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


# ---- reading relocatable ELF objects ------------------------------------------------
#
# Only what the graph needs: section headers, the symbol table and the
# relocation sections, for 32-bit (ARM, REL) and 64-bit (x86-64, RELA)
# little-endian objects. (A general ELF library reads the same much more
# slowly; this runs for every build.)

_SHT_SYMTAB, _SHT_RELA, _SHT_REL = 2, 4, 9
_STT_SECTION = 3
_DEFINED_KINDS = (0, 1, 2, 3)  # NOTYPE, OBJECT, FUNC, SECTION
_SHN_LORESERVE = 0xFF00


class ObjectFormatError(ValueError):
    pass


def _elf_layout(data: bytes) -> tuple[bool, list[tuple[int, int, int, int, int, int]]]:
    """(is 64-bit, section headers as (type, offset, size, link, info, entsize))."""
    if data[:4] != b"\x7fELF" or len(data) < 52:
        raise ObjectFormatError("not an ELF object")
    is64 = data[4] == 2
    if data[5] != 1:
        raise ObjectFormatError("not a little-endian ELF object")
    if is64:
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
        fmt, picks = "<IIQQQQIIQQ", (1, 4, 5, 6, 7, 9)
    else:
        shoff, = struct.unpack_from("<I", data, 0x20)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x2E)
        fmt, picks = "<IIIIIIIIII", (1, 4, 5, 6, 7, 9)
    headers = []
    for i in range(shnum):
        h = struct.unpack_from(fmt, data, shoff + i * shentsize)
        headers.append(tuple(h[k] for k in picks))
    return is64, headers  # type: ignore[return-value]


def object_graph(data: bytes, member: str) -> tuple[Graph, set[str]]:
    """The reference graph of one relocatable object, and its undefined symbols."""
    try:
        is64, sections = _elf_layout(data)
    except struct.error:
        raise ObjectFormatError(f"{member}: truncated ELF object") from None
    src = _source_name(member)
    symtab = next(((i, s) for i, s in enumerate(sections) if s[0] == _SHT_SYMTAB), None)
    g = Graph()
    if symtab is None:
        return g, set()
    _, off, size, strndx, _, entsize = symtab[1]
    str_off = sections[strndx][1]

    def cstr(at: int) -> str:
        end = data.index(b"\0", str_off + at)
        return data[str_off + at:end].decode("utf-8", "replace")

    # Each symbol's name, and which symbols each section defines.
    names: list[str] = []
    defined_in: dict[int, list[str]] = {}
    undefined: set[str] = set()
    for at in range(off, off + size, entsize):
        if is64:
            st_name, info, _, shndx = struct.unpack_from("<IBBH", data, at)
        else:
            st_name, _, _, info, _, shndx = struct.unpack_from("<IIIBBH", data, at)
        kind, bind = info & 0xF, info >> 4
        name = cstr(st_name) if st_name else ""
        if name.startswith("$"):
            name = ""  # ARM mapping symbols ($t, $d): markers, not things
        if kind == _STT_SECTION and 0 < shndx < _SHN_LORESERVE:
            name = f"{src}:<section {shndx}>"
        elif bind == 0 and name:  # STB_LOCAL
            name = f"{src}:{name}"
        names.append(name)
        if shndx == 0:
            if name:
                undefined.add(name)
        elif shndx < _SHN_LORESERVE and name and kind in _DEFINED_KINDS:
            defined_in.setdefault(shndx, []).append(name)
    for stype, roff, rsize, _, target, rent in sections:
        if stype not in (_SHT_REL, _SHT_RELA):
            continue
        owners = defined_in.get(target, [])
        if not owners or not rent:
            continue
        used = set()
        for at in range(roff, roff + rsize, rent):
            if is64:
                info, = struct.unpack_from("<Q", data, at + 8)
                idx = info >> 32
            else:
                info, = struct.unpack_from("<I", data, at + 4)
                idx = info >> 8
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


_loaded: dict[Path, tuple[int, Graph]] = {}


def archive_graph(path: Path) -> Graph:
    """The graph of every member of an archive (cached beside it, and in
    memory for the builds of one process). The graph is shared: read it,
    never change it."""
    key = Path(path).resolve()
    stamp = key.stat().st_mtime_ns
    hit = _loaded.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    g = _read_archive_graph(key)
    _loaded[key] = (stamp, g)
    return g


def _read_archive_graph(path: Path) -> Graph:
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
