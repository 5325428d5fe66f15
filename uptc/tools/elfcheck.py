"""Opening an ELF file for `uptc size`, `uptc flash` and `uptc monitor --elf`.

    with open_elf(path) as elf:      # a pyelftools ELFFile
        ...

The file may be anything a user passes: cut short by a failed copy, or not
an ELF at all. Before pyelftools reads further than the header, the program
and section header tables, every loadable segment and every section with
contents are checked to lie inside the file, so that a truncated or corrupt
file is one line naming what is missing (ToolError, EXIT_BAD_FILE) rather
than an exception from deep inside the parser -- or, for `uptc flash`, a
partial image written to a board. A parser error raised later inside the
with-block becomes the same one line.
"""

from __future__ import annotations

import contextlib
import os
import struct
from collections.abc import Iterator
from pathlib import Path

from uptc.diagnostics import EXIT_BAD_FILE, EXIT_NO_INPUT, ToolError


def _bad(path: Path, what: str) -> ToolError:
    return ToolError(f"{path}: {what}", EXIT_BAD_FILE)


@contextlib.contextmanager
def open_elf(path: Path | str) -> Iterator:
    """The checked ELFFile of `path`, open while the with-block runs."""
    from elftools.common.exceptions import DWARFError, ELFError
    from elftools.elf.elffile import ELFFile

    path = Path(path)
    try:
        f = path.open("rb")
    except FileNotFoundError:
        raise ToolError(f"{path}: no such file", EXIT_NO_INPUT) from None
    except OSError as e:
        raise ToolError(f"cannot read {path}: {e.strerror}", EXIT_NO_INPUT) from None
    with f:
        size = os.fstat(f.fileno()).st_size
        try:
            elf = ELFFile(f)
        except (ELFError, struct.error, ValueError) as e:
            raise ToolError(f"{path} is not an ELF file (not a valid ELF header: {e})",
                            EXIT_BAD_FILE) from None
        try:
            check_complete(elf, size, path)
        except (ELFError, DWARFError, struct.error, ValueError, KeyError, IndexError) as e:
            raise _bad(path, f"a corrupt ELF file ({e})") from None
        try:
            yield elf
        except (ELFError, DWARFError, struct.error) as e:
            raise _bad(path, f"a corrupt ELF file ({e})") from None


def check_complete(elf, size: int, path: Path) -> None:
    """ToolError unless the header tables, the loadable segments and the
    sections with contents all lie within the file's `size` bytes."""
    h = elf.header
    # The loadable segments first: what a board would get.
    tables = (("program header table", h["e_phoff"], h["e_phnum"] * h["e_phentsize"]),
              ("section header table", h["e_shoff"], h["e_shnum"] * h["e_shentsize"]))
    what, offset, length = tables[0]
    if length and offset + length > size:
        raise _truncated(path, size, what, offset, length)
    for seg in elf.iter_segments():
        if seg["p_type"] == "PT_LOAD" and seg["p_filesz"]:
            what = f"the loadable segment at 0x{seg['p_paddr']:08x}"
            if seg["p_offset"] + seg["p_filesz"] > size:
                raise _truncated(path, size, what, seg["p_offset"], seg["p_filesz"])
    what, offset, length = tables[1]
    if length and offset + length > size:
        raise _truncated(path, size, what, offset, length)
    for i in range(elf.num_sections()):
        sec = elf.get_section(i)
        if sec["sh_type"] in ("SHT_NOBITS", "SHT_NULL") or not sec["sh_size"]:
            continue
        if sec["sh_offset"] + sec["sh_size"] > size:
            try:
                name = sec.name or f"#{i}"
            except Exception:  # noqa: BLE001 - the name table itself may be cut off
                name = f"#{i}"
            raise _truncated(path, size, f"section {name}", sec["sh_offset"], sec["sh_size"])


def _truncated(path: Path, size: int, what: str, offset: int, length: int) -> ToolError:
    return _bad(
        path,
        f"truncated or corrupt ELF file: {what} needs bytes {offset}-{offset + length - 1} "
        f"but the file has {size} (rebuild it, or copy it again)",
    )
