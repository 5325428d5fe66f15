"""uptc.tools.size: size report, table, overflow table, `uptc size --json`."""

from __future__ import annotations

import json

import pytest
from elftools.elf.elffile import ELFFile
from firmware import HERE, build_firmware, needs_arm

from uptc.boards import load_board
from uptc.cli import main
from uptc.diagnostics import EXIT_BAD_FILE, EXIT_NO_INPUT
from uptc.toolchain import LinkOverflowError, hal_archive, link_firmware
from uptc.tools.size import _bar, format_overflow, format_size_table, guess_board, size_report

pytestmark = needs_arm


@pytest.fixture(scope="module")
def small_elf(tmp_path_factory):
    return build_firmware("led_min", tmp_path_factory.mktemp("size"), "pyboard-128k8k").elf


def _loaded_into_flash(elf) -> int:
    with open(elf, "rb") as f:
        return sum(
            s["p_filesz"]
            for s in ELFFile(f).iter_segments()
            if s["p_type"] == "PT_LOAD" and 0x0800_0000 <= s["p_paddr"] < 0x0810_0000
        )


def test_bar():
    assert _bar(0, 100) == "[..........]"
    assert _bar(3, 100) == "[#.........]"
    assert _bar(50, 100) == "[#####.....]"
    assert _bar(100, 100) == "[##########]"
    assert _bar(250, 100) == "[##########]"


def test_report_of_128k8k_firmware(small_elf):
    board = load_board("pyboard-128k8k")
    r = size_report(small_elf, board)
    assert r.board == "pyboard-128k8k"
    assert r.flash.total == 128 * 1024 and r.ram.total == 8 * 1024
    assert r.flash.used == _loaded_into_flash(small_elf)
    assert r.flash.parts["vectors"] == 392
    assert r.ram.parts["stack"] == 2048
    assert r.ram.used == sum(r.ram.parts.values())
    assert r.heap_min == 2048
    assert r.heap_available is not None
    assert r.ram.used + r.heap_available <= 8192
    assert r.heap_available >= 8192 - r.ram.used - 8  # only alignment lost
    assert r.symbols[0].name == "vector_table" and r.symbols[0].size == 392
    assert len(r.symbols) == 10
    assert [s.size for s in r.symbols] == sorted((s.size for s in r.symbols), reverse=True)
    assert guess_board(small_elf) == board


def test_table(small_elf):
    r = size_report(small_elf)
    text = format_size_table(r)
    lines = text.splitlines()
    assert lines[0] == "led_min.elf for pyboard-128k8k"
    assert lines[1].startswith("flash ") and "/   131,072 B" in lines[1] and "[#." in lines[1]
    assert lines[2].startswith("RAM ") and "/     8,192 B" in lines[2]
    assert "stack 2,048" in lines[2]
    assert lines[3].startswith("heap ") and "profile minimum 2,048 B" in lines[3]
    assert "largest symbols:" in text and "vector_table" in text
    print("\n" + text)


def test_cli_json(small_elf, capsys):
    assert main(["size", str(small_elf), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["board"] == "pyboard-128k8k"
    assert data["flash"]["total"] == 131072 and data["flash"]["used"] > 0
    assert data["ram"]["parts"]["stack"] == 2048
    assert 0 < data["ram"]["percent"] < 100
    assert data["heap_min"] == 2048 and data["heap_available"] > 0
    assert data["symbols"][0] == {
        "name": "vector_table",
        "size": 392,
        "kind": "vectors",
        "address": 0x0800_0000,
    }


def test_cli_board_option_and_errors(small_elf, capsys, tmp_path):
    assert main(["size", str(small_elf), "--board", "pyboard", "--profile", "full"]) == 0
    assert "for pyboard\n" in capsys.readouterr().out
    assert main(["size", str(tmp_path / "missing.elf")]) == EXIT_NO_INPUT
    assert "uptc: error: no such file" in capsys.readouterr().err
    not_elf = tmp_path / "x.elf"
    not_elf.write_text("hello")
    assert main(["size", str(not_elf)]) == EXIT_BAD_FILE
    assert "is not an ELF file" in capsys.readouterr().err


def one_line_error(capsys, *words):
    captured = capsys.readouterr()
    err = captured.err
    assert err.startswith("uptc: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    for w in words:
        assert w in err, err
    return captured.out


@pytest.mark.parametrize("cut", [40, 2000, 0.5, -1])
def test_truncated_elf_is_one_line(small_elf, capsys, tmp_path, cut):
    data = small_elf.read_bytes()
    n = int(len(data) * cut) if isinstance(cut, float) else cut % len(data)
    short = tmp_path / "short.elf"
    short.write_bytes(data[:n])
    assert main(["size", str(short)]) == EXIT_BAD_FILE
    assert one_line_error(capsys, "short.elf") == ""


def test_corrupt_elf_is_one_line(small_elf, capsys, tmp_path):
    data = bytearray(small_elf.read_bytes())
    corrupt = tmp_path / "corrupt.elf"
    data[0x20:0x24] = b"\xff\xff\xff\xff"  # e_shoff: the section headers past the end
    corrupt.write_bytes(bytes(data))
    assert main(["size", str(corrupt)]) == EXIT_BAD_FILE
    one_line_error(capsys, "corrupt.elf", "section header table")
    data = bytearray(small_elf.read_bytes())
    data[0x1C:0x20] = b"\x00\x00\x00\x7f"  # e_phoff: the program headers past the end
    corrupt.write_bytes(bytes(data))
    assert main(["size", str(corrupt)]) == EXIT_BAD_FILE
    one_line_error(capsys, "corrupt.elf", "program header table")


def test_overflow_table(tmp_path):
    board = load_board("pyboard-128k8k")
    with pytest.raises(LinkOverflowError) as e:
        link_firmware([HERE / "bigarray.c"], [hal_archive(board)], board, tmp_path, "big")
    err = e.value
    report = size_report(err.elf, board)
    text = format_overflow(report, err)
    over = err.overflows["RAM"]
    # The stack, the 8 KB array and the heap minimum do not fit in 8 KB.
    assert 0 <= over - (report.ram.used + report.heap_min - 8192) < 8  # + heap alignment
    assert report.ram.used > 8192
    assert f"OVERFLOW by {over:,} B" in text
    assert f"does not fit: region RAM overflowed by {over:,} bytes" in text
    assert "big" in text and "8,192" in text  # the culprit is among the largest symbols
    assert "heap   none left" in text
    print("\n" + text)
    # Without an image, the linker's verdict is still printed.
    assert "overflowed by" in format_overflow(None, err)
    # The report of the image linked anyway measures the overflow as ld does.
    assert report.overflow == err.overflows and not report.fits


def test_cli_exits_1_on_an_image_that_does_not_fit(tmp_path, capsys):
    board = load_board("pyboard-128k8k")
    with pytest.raises(LinkOverflowError) as e:
        link_firmware([HERE / "bigarray.c"], [hal_archive(board)], board, tmp_path, "big")
    over = e.value.overflows["RAM"]
    assert main(["size", str(e.value.elf)]) == 1
    out = capsys.readouterr().out
    assert f"OVERFLOW by {over:,} B" in out
    assert f"does not fit: region RAM overflowed by {over:,} bytes" in out
    assert main(["size", str(e.value.elf), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["fits"] is False
    assert data["overflow"] == {"RAM": over}
    assert (data["ram"]["overflow"], data["flash"]["overflow"]) == (over, 0)


def test_cli_measures_against_a_smaller_profile(tmp_path, capsys):
    # 160 KB of constants: fits the full pyboard, not the 128 KB profile.
    src = tmp_path / "bigrom.c"
    src.write_text(
        '#include "hal.h"\n'
        "const unsigned char table[160 * 1024] = {1};\n"
        "volatile unsigned which;\n"
        "int up_main(void) { return table[which]; }\n"
    )
    full = load_board("pyboard")
    elf = link_firmware([src], [hal_archive(full)], full, tmp_path, "bigrom").elf
    assert main(["size", str(elf), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["fits"] is True
    assert main(["size", str(elf), "--profile", "128k8k", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    # The flash by the table; the RAM too: the full profile's stack alone is 16 KB.
    assert data["fits"] is False and set(data["overflow"]) == {"FLASH", "RAM"}
    assert data["overflow"]["FLASH"] == data["flash"]["overflow"]
    assert 32 * 1024 <= data["overflow"]["FLASH"] < 40 * 1024
    assert data["flash"]["used"] - data["flash"]["total"] <= data["overflow"]["FLASH"]


def test_cli_json_of_an_image_that_fits(small_elf, capsys):
    assert main(["size", str(small_elf), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fits"] is True and data["overflow"] == {}
    assert data["flash"]["overflow"] == data["ram"]["overflow"] == 0
