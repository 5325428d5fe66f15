"""`uptc flash` pre-flight: what is about to be written must fit the board."""

import os

import pytest
from intelhex import IntelHex
from tools_fixtures import firmware
from tools_fixtures.firmware import FLASH, SRAM, make_elf, vector_table

from uptc.boards import load_board
from uptc.diagnostics import ToolError
from uptc.tools import dfuse, flash

FULL = load_board("pyboard")
SMALL = load_board("pyboard", "128k8k")


def write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def load_checked(path, board=FULL):
    image = flash.load_image(path, board)
    flash.check_image(image, board)
    return image


def bad(path, board=FULL):
    with pytest.raises(ToolError) as e:
        load_checked(path, board)
    assert e.value.status == flash.EXIT_BAD_IMAGE
    assert "\n" not in str(e.value)
    return str(e.value)


def code(n=0x100):
    """n bytes of firmware: a vector table, then a pattern."""
    return (vector_table() + bytes(range(256)) * (n // 256 + 1))[:n]


def test_elf_segments_are_taken_by_load_address(tmp_path):
    text = code(0x200)
    data = b"\x01\x02\x03\x04"
    # .data: runs at 0x20000000 (VMA), stored after .text in flash (LMA).
    elf = make_elf([(FLASH, text), (FLASH + 0x200, SRAM, data, 0x10)])
    image = load_checked(write(tmp_path, "app.elf", elf))
    assert [(s.address, s.data) for s in image.segments] == [(FLASH, text), (FLASH + 0x200, data)]
    assert image.size == 0x204 and image.elf == image.path


def test_data_linked_without_at_flash_is_rejected(tmp_path):
    elf = make_elf([(FLASH, code()), (SRAM, b"\x07\x00\x00\x00")])
    msg = bad(write(tmp_path, "app.elf", elf))
    assert "4 bytes at 0x20000000 lie outside the flash of pyboard" in msg
    assert "AT> FLASH" in msg


def test_segment_past_the_end_of_flash(tmp_path):
    elf = make_elf([(FLASH, code()), (FLASH + 0xFFFF0, bytes(0x20))])
    assert "outside the flash" in bad(write(tmp_path, "app.elf", elf))


def test_profile_budget_is_enforced(tmp_path):
    # 160 KB: fine for the whole chip, too big for the 128k8k profile.
    elf = write(tmp_path, "app.elf", make_elf([(FLASH, code(160 * 1024))]))
    load_checked(elf, FULL)
    msg = bad(elf, SMALL)
    assert "profile '128k8k'" in msg and "128 KB" in msg


def test_second_segment_past_the_profile_window(tmp_path):
    segs = [(FLASH, code(64 * 1024)), (FLASH + 64 * 1024, bytes(64 * 1024 + 8))]
    msg = bad(write(tmp_path, "app.elf", make_elf(segs)), SMALL)
    assert "128k8k" in msg


def test_overlapping_segments(tmp_path):
    elf = make_elf([(FLASH, code(0x200)), (FLASH + 0x100, bytes(0x10))])
    assert "overlap" in bad(write(tmp_path, "app.elf", elf))


def test_host_elf_is_not_firmware(tmp_path):
    elf = make_elf([(FLASH, code())], machine=3)  # EM_386
    assert "EM_386" in bad(write(tmp_path, "app.elf", elf))


def test_garbage_elf(tmp_path):
    assert "not a valid ELF" in bad(write(tmp_path, "app.elf", b"\x7fELF" + bytes(10)))


def test_no_vector_table_at_flash_start(tmp_path):
    elf = make_elf([(FLASH + 0x4000, code())])
    assert "no vector table at 0x08000000" in bad(write(tmp_path, "app.elf", elf))


def test_vector_table_must_look_like_one(tmp_path):
    elf = make_elf([(FLASH, bytes(0x100))])  # erased-looking zeros: SP=0, reset=0
    assert "not a Cortex-M vector table" in bad(write(tmp_path, "app.elf", elf))


def test_bin_goes_to_the_flash_start(tmp_path):
    image = load_checked(write(tmp_path, "app.bin", code(0x300)))
    assert [(s.address, len(s.data)) for s in image.segments] == [(FLASH, 0x300)]
    assert image.elf is None


def test_bin_next_to_its_elf_finds_the_elf(tmp_path):
    write(tmp_path, "app.elf", make_elf([(FLASH, code())]))
    image = load_checked(write(tmp_path, "app.bin", code()))
    assert image.elf == tmp_path / "app.elf"


def test_gap_filled_bin_is_refused_without_reading_it(tmp_path):
    # What objcopy -O binary makes of an ELF with .data loaded at 0x20000000.
    p = tmp_path / "app.bin"
    with open(p, "wb") as f:
        f.truncate(0x18000004)
    msg = bad(p)
    assert "402653188 bytes" in msg and "AT> FLASH" in msg


def test_bin_over_profile_budget(tmp_path):
    assert "128k8k" in bad(write(tmp_path, "app.bin", code(200 * 1024)), SMALL)


def test_intel_hex(tmp_path):
    ih = IntelHex()
    ih.frombytes(code(0x180), offset=FLASH)
    ih.frombytes(b"\xaa" * 16, offset=FLASH + 0x8000)
    p = tmp_path / "app.hex"
    ih.write_hex_file(str(p))
    image = load_checked(p)
    assert [(s.address, len(s.data)) for s in image.segments] == [(FLASH, 0x180),
                                                                  (FLASH + 0x8000, 16)]


def test_broken_intel_hex(tmp_path):
    assert "Intel HEX" in bad(write(tmp_path, "app.hex", b":10000000ZZ\n"))


def test_dfuse_file(tmp_path):
    data = dfuse.build_dfuse([(FLASH, code(0x100)), (FLASH + 0x4000, b"\x55" * 8)])
    image = load_checked(write(tmp_path, "app.dfu", data))
    assert [(s.address, len(s.data)) for s in image.segments] == [(FLASH, 0x100),
                                                                  (FLASH + 0x4000, 8)]
    assert image.dfu == image.path


def test_dfuse_crc_error(tmp_path):
    data = bytearray(dfuse.build_dfuse([(FLASH, code(0x100))]))
    data[300] ^= 0x01
    assert "not a valid DfuSe file: CRC mismatch" in bad(write(tmp_path, "app.dfu", bytes(data)))


def test_dfuse_for_another_device(tmp_path):
    data = dfuse.build_dfuse([(FLASH, code(0x100))], vid=0x1209, pid=0x0001)
    assert "1209:0001" in bad(write(tmp_path, "app.dfu", data))


def test_dfuse_with_ram_element(tmp_path):
    data = dfuse.build_dfuse([(FLASH, code(0x100)), (SRAM, bytes(8))])
    assert "outside the flash" in bad(write(tmp_path, "app.dfu", data))


def test_missing_file_and_unknown_extension(tmp_path):
    with pytest.raises(ToolError) as e:
        flash.load_image(tmp_path / "nope.elf", FULL)
    assert e.value.status == flash.EXIT_NO_INPUT
    with pytest.raises(ToolError) as e:
        flash.load_image(write(tmp_path, "app.txt", b"x"), FULL)
    assert e.value.status == flash.EXIT_USAGE


@pytest.mark.skipif(not firmware.toolchain_available(), reason="no arm-none-eabi-gcc")
def test_real_toolchain_elf_passes(tmp_path):
    elf = firmware.build_firmware(tmp_path)
    image = load_checked(elf)
    assert image.start == FLASH and image.size < 4096
    assert os.path.samefile(image.elf, elf)


@pytest.mark.skipif(not firmware.toolchain_available(), reason="no arm-none-eabi-gcc")
@pytest.mark.parametrize("name", ["pyboard", "pyboard-128k8k"])
def test_uptc_linked_outputs_pass(tmp_path, name):
    """What uptc's own toolchain layer links (HAL + a test program), in every format."""
    from firmware import build_firmware as build_hal_program  # tests/firmware (the HAL's)

    board = load_board(name)
    out = build_hal_program("hello", tmp_path, name)
    images = [load_checked(p, board) for p in (out.elf, out.bin, out.hex, out.dfu)]
    elf_bytes = {s.address: s.data for s in images[0].segments}
    assert images[0].start == FLASH
    for image in images[1:]:
        assert image.start == FLASH and image.elf == out.elf
        for addr, data in elf_bytes.items():
            assert image.read(addr, len(data)) == data
