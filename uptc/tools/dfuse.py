"""DfuSe files (ST's DFU file format, UM0391) for the STM32 system bootloader.

    data = dfuse_from_elf("app.elf")          # elements from the ELF's PT_LOAD segments
    image = parse_dfuse(data)                 # ValueError if anything is wrong

Layout, all little-endian:

    prefix   11 B   "DfuSe", version 1, image size (file without suffix), target count
    target  274 B   "Target", alternate setting, named (u32), name[255],
                    size of its elements incl. their 8-byte headers, element count
      element 8 B + data   address, size, the bytes
    suffix   16 B   bcdDevice, idProduct, idVendor, bcdDFU 0x011A, "UFD", length 16,
                    CRC32 of everything before the CRC (zlib.crc32 ^ 0xFFFFFFFF)

Elements come from the ELF's loadable segments by load address (LMA), never
from a .bin (objcopy fills gaps); adjacent segments are merged, and every
element is padded with 0xFF to a multiple of 8 bytes.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ST_VID = 0x0483
DFU_PID = 0xDF11
ANY_DEVICE = 0xFFFF
BCD_DFUSE = 0x011A
ELEMENT_ALIGN = 8

_PREFIX = struct.Struct("<5sBIB")
_TARGET = struct.Struct("<6sBI255sII")
_ELEMENT = struct.Struct("<II")
_SUFFIX = struct.Struct("<HHHH3sB")  # + the CRC (u32)
_SUFFIX_LEN = 16


@dataclass(frozen=True)
class DfuElement:
    address: int
    data: bytes

    @property
    def end(self) -> int:
        return self.address + len(self.data)


@dataclass(frozen=True)
class DfuTarget:
    alt: int
    name: str
    named: bool
    elements: tuple[DfuElement, ...]


@dataclass(frozen=True)
class DfuImage:
    targets: tuple[DfuTarget, ...]
    vid: int
    pid: int
    device: int


def dfu_crc(data: bytes) -> int:
    """The DFU suffix CRC: CRC-32 without the final inversion."""
    return zlib.crc32(data) ^ 0xFFFFFFFF


def _pad(data: bytes) -> bytes:
    rest = -len(data) % ELEMENT_ALIGN
    return data + b"\xff" * rest


def build_dfuse(
    elements: Iterable[DfuElement | tuple[int, bytes]],
    vid: int = ST_VID,
    pid: int = DFU_PID,
    device: int = ANY_DEVICE,
    alt: int = 0,
    name: str = "uptc",
) -> bytes:
    """A DfuSe file with one target (alternate setting `alt`) holding `elements`."""
    elems = [e if isinstance(e, DfuElement) else DfuElement(e[0], bytes(e[1])) for e in elements]
    if not elems:
        raise ValueError("a DfuSe image needs at least one element")
    body = b"".join(_ELEMENT.pack(e.address, len(_pad(e.data))) + _pad(e.data) for e in elems)
    name_bytes = name.encode("ascii")
    if len(name_bytes) > 254:
        raise ValueError("target name longer than 254 bytes")
    target = _TARGET.pack(b"Target", alt, 1, name_bytes, len(body), len(elems)) + body
    image = _PREFIX.pack(b"DfuSe", 1, _PREFIX.size + len(target), 1) + target
    image += _SUFFIX.pack(device, pid, vid, BCD_DFUSE, b"UFD", _SUFFIX_LEN)
    return image + struct.pack("<I", dfu_crc(image))


def elf_load_segments(elf_path: Path | str) -> list[DfuElement]:
    """The bytes an ELF loads, by load address (LMA), adjacent pieces merged.

    Segments closer than ELEMENT_ALIGN bytes are merged too, the gap filled
    with 0xFF, so that padding never makes two elements overlap.
    """
    from elftools.elf.elffile import ELFFile

    pieces: list[DfuElement] = []
    with open(elf_path, "rb") as f:
        for seg in ELFFile(f).iter_segments():
            if seg["p_type"] != "PT_LOAD" or seg["p_filesz"] == 0:
                continue
            pieces.append(DfuElement(seg["p_paddr"], seg.data()[: seg["p_filesz"]]))
    pieces.sort(key=lambda e: e.address)
    merged: list[DfuElement] = []
    for p in pieces:
        if merged:
            last = merged[-1]
            gap = p.address - last.end
            if gap < 0:
                raise ValueError(
                    f"{elf_path}: segments overlap at 0x{p.address:08x} (load addresses)"
                )
            if gap < ELEMENT_ALIGN:
                merged[-1] = DfuElement(last.address, last.data + b"\xff" * gap + p.data)
                continue
        merged.append(p)
    if not merged:
        raise ValueError(f"{elf_path}: nothing to load (no PT_LOAD segment with data)")
    return merged


def dfuse_from_elf(
    elf_path: Path | str,
    vid: int = ST_VID,
    pid: int = DFU_PID,
    alt: int = 0,
    name: str = "uptc",
) -> bytes:
    """A DfuSe file for everything the ELF loads into the device."""
    return build_dfuse(elf_load_segments(elf_path), vid=vid, pid=pid, alt=alt, name=name)


def parse_dfuse(data: bytes) -> DfuImage:
    """Parses and checks a DfuSe file; ValueError names the first problem.

    Checked in this order: CRC; suffix (signature, length, DFU version);
    prefix (signature, version, size); each target (signature, its size
    against its elements); no bytes left over before the suffix.
    """
    if len(data) < _PREFIX.size + _SUFFIX_LEN:
        raise ValueError(f"too short for a DfuSe file ({len(data)} bytes)")
    # 1. CRC
    (crc,) = struct.unpack_from("<I", data, len(data) - 4)
    if crc != dfu_crc(data[:-4]):
        raise ValueError(
            f"CRC mismatch: file says 0x{crc:08x}, content is 0x{dfu_crc(data[:-4]):08x}"
        )
    # 2. suffix
    device, pid, vid, bcd, sig, length = _SUFFIX.unpack_from(data, len(data) - _SUFFIX_LEN)
    if sig != b"UFD":
        raise ValueError(f"bad suffix signature {sig!r} (expected b'UFD')")
    if length != _SUFFIX_LEN:
        raise ValueError(f"bad suffix length {length} (expected 16)")
    if bcd != BCD_DFUSE:
        raise ValueError(f"bad bcdDFU 0x{bcd:04x} (expected 0x011a, DfuSe)")
    # 3. prefix
    psig, version, size, ntargets = _PREFIX.unpack_from(data, 0)
    if psig != b"DfuSe":
        raise ValueError(f"bad prefix signature {psig!r} (expected b'DfuSe')")
    if version != 1:
        raise ValueError(f"unsupported DfuSe version {version}")
    end = len(data) - _SUFFIX_LEN
    if size != end:
        raise ValueError(f"prefix says {size} bytes, file has {end} before the suffix")
    # 4. targets
    pos = _PREFIX.size
    targets = []
    for t in range(ntargets):
        if pos + _TARGET.size > end:
            raise ValueError(f"target {t}: truncated prefix")
        tsig, alt, named, raw_name, tsize, nelements = _TARGET.unpack_from(data, pos)
        if tsig != b"Target":
            raise ValueError(f"target {t}: bad signature {tsig!r} (expected b'Target')")
        pos += _TARGET.size
        elements = []
        total = 0
        for i in range(nelements):
            if pos + _ELEMENT.size > end:
                raise ValueError(f"target {t} element {i}: truncated header")
            address, esize = _ELEMENT.unpack_from(data, pos)
            pos += _ELEMENT.size
            if pos + esize > end:
                raise ValueError(f"target {t} element {i}: {esize} bytes run past the end")
            elements.append(DfuElement(address, bytes(data[pos : pos + esize])))
            pos += esize
            total += _ELEMENT.size + esize
        if total != tsize:
            raise ValueError(f"target {t}: size field {tsize} but its elements take {total}")
        name = raw_name.split(b"\0", 1)[0].decode("ascii", errors="replace")
        targets.append(DfuTarget(alt, name, bool(named), tuple(elements)))
    # 5. leftovers
    if pos != end:
        raise ValueError(f"{end - pos} bytes left over between the last target and the suffix")
    return DfuImage(tuple(targets), vid=vid, pid=pid, device=device)
