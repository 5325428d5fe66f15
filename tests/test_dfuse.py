"""uptc.tools.dfuse: DfuSe writer and parser."""

from __future__ import annotations

import shutil
import struct
import subprocess

import pytest

from uptc.tools.dfuse import (
    DfuElement,
    build_dfuse,
    dfu_crc,
    dfuse_from_elf,
    elf_load_segments,
    parse_dfuse,
)

ELEMENTS = [(0x0800_0000, bytes(range(256)) * 3), (0x0800_4000, b"\x01\x02\x03")]


def test_round_trip():
    data = build_dfuse(ELEMENTS, vid=0x0483, pid=0xDF11)
    image = parse_dfuse(data)
    assert (image.vid, image.pid, image.device) == (0x0483, 0xDF11, 0xFFFF)
    assert len(image.targets) == 1
    t = image.targets[0]
    assert (t.alt, t.name, t.named) == (0, "uptc", True)
    assert [e.address for e in t.elements] == [0x0800_0000, 0x0800_4000]
    assert t.elements[0].data == ELEMENTS[0][1]  # 768 bytes: already a multiple of 8
    assert t.elements[1].data == b"\x01\x02\x03" + b"\xff" * 5  # padded to 8 with 0xff


def test_layout_fields():
    data = build_dfuse([DfuElement(0x0800_0000, b"abcdefgh")])
    assert data[:5] == b"DfuSe" and data[5] == 1
    assert struct.unpack_from("<I", data, 6)[0] == len(data) - 16
    assert data[11:17] == b"Target"
    assert data[-16:-4] == struct.pack("<HHHH3sB", 0xFFFF, 0xDF11, 0x0483, 0x011A, b"UFD", 16)
    assert struct.unpack("<I", data[-4:])[0] == dfu_crc(data[:-4])
    assert len(data) == 11 + 274 + 8 + 8 + 16


@pytest.mark.parametrize("bit", [0, 7, 100 * 8 + 3, -5 * 8 - 1])
def test_one_bit_corruption_is_detected(bit):
    data = bytearray(build_dfuse(ELEMENTS))
    byte = bit // 8 if bit >= 0 else len(data) + bit // 8
    data[byte] ^= 1 << (bit % 8)
    with pytest.raises(ValueError, match="CRC"):
        parse_dfuse(bytes(data))


def _resealed(data: bytes) -> bytes:
    """data with a fresh CRC, so that the structural checks are reached."""
    return data[:-4] + struct.pack("<I", dfu_crc(data[:-4]))


def test_parser_checks_in_order():
    good = build_dfuse(ELEMENTS)
    with pytest.raises(ValueError, match="too short"):
        parse_dfuse(b"DfuSe")
    bad_suffix = good[:-8] + b"XYZ" + good[-5:]
    with pytest.raises(ValueError, match="suffix signature"):
        parse_dfuse(_resealed(bad_suffix))
    bad_prefix = b"DfuSx" + good[5:]
    with pytest.raises(ValueError, match="prefix signature"):
        parse_dfuse(_resealed(bad_prefix))
    bad_size = good[:6] + struct.pack("<I", 5) + good[10:]
    with pytest.raises(ValueError, match="prefix says 5 bytes"):
        parse_dfuse(_resealed(bad_size))
    bad_target = good[:11] + b"Tarxet" + good[17:]
    with pytest.raises(ValueError, match="target 0: bad signature"):
        parse_dfuse(_resealed(bad_target))
    # A target size that disagrees with its elements.
    off = 11 + 6 + 1 + 4 + 255
    tsize = struct.unpack_from("<I", good, off)[0]
    bad_tsize = good[:off] + struct.pack("<I", tsize + 8) + good[off + 4 :]
    with pytest.raises(ValueError, match="size field"):
        parse_dfuse(_resealed(bad_tsize))
    # Bytes between the last target and the suffix.
    extra = good[:-16] + b"\0" * 8 + good[-16:]
    extra = extra[:6] + struct.pack("<I", len(extra) - 16) + extra[10:]
    with pytest.raises(ValueError, match="left over"):
        parse_dfuse(_resealed(extra))


@pytest.mark.skipif(shutil.which("dfu-suffix") is None, reason="needs dfu-suffix (dfu-util)")
def test_dfu_suffix_accepts_it(tmp_path):
    path = tmp_path / "fw.dfu"
    path.write_bytes(build_dfuse(ELEMENTS))
    p = subprocess.run(
        ["dfu-suffix", "--check", str(path)], check=False, capture_output=True, text=True
    )
    assert p.returncode == 0, p.stdout + p.stderr
    assert "0483" in p.stdout and "df11" in p.stdout.lower()


@pytest.mark.skipif(shutil.which("arm-none-eabi-gcc") is None, reason="needs arm-none-eabi-gcc")
def test_from_elf_uses_load_addresses(tmp_path):
    # Firmware with initialised data: .data's bytes are stored in flash (LMA)
    # right after .text, and must appear there, not at their RAM address.
    src = tmp_path / "data.c"
    src.write_text(
        '#include "hal.h"\n'
        "static volatile unsigned magic[4] = {0xc0ffee01, 2, 3, 4};\n"
        "int up_main(void) { return (int)magic[0]; }\n"
    )
    from uptc.boards import load_board
    from uptc.toolchain import hal_archive, link_firmware

    board = load_board("pyboard")
    out = link_firmware([src], [hal_archive(board)], board, tmp_path, "data")
    segments = elf_load_segments(out.elf)
    assert all(0x0800_0000 <= e.address < 0x0810_0000 for e in segments)
    assert len(segments) == 1  # .isr_vector, .text and .data's image are adjacent
    blob = segments[0].data
    assert struct.pack("<4I", 0xC0FFEE01, 2, 3, 4) in blob
    image = parse_dfuse(dfuse_from_elf(out.elf))
    (elem,) = image.targets[0].elements
    assert elem.address == 0x0800_0000
    assert elem.data[: len(blob)] == blob and len(elem.data) % 8 == 0
    assert out.bin.read_bytes() == blob  # same bytes as objcopy's .bin, no gap
