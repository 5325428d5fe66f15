"""hal/stm32f405: builds warning-free, vector table, memory layout, size budget.

The register structs carry _Static_assert offset checks (RM0090), so building
the HAL archive is also the test of the register definitions.
"""

from __future__ import annotations

import struct

import pytest
from elftools.elf.elffile import ELFFile
from firmware import build_firmware, needs_arm

from uptc.boards import load_board
from uptc.toolchain import hal_archive

pytestmark = needs_arm


def _symbols(elf) -> dict[str, tuple[int, int]]:
    with open(elf, "rb") as f:
        symtab = ELFFile(f).get_section_by_name(".symtab")
        return {s.name: (s["st_value"], s["st_size"]) for s in symtab.iter_symbols() if s.name}


def _read(elf, address: int, size: int) -> bytes:
    with open(elf, "rb") as f:
        for seg in ELFFile(f).iter_segments():
            start = seg["p_paddr"]
            if seg["p_type"] == "PT_LOAD" and start <= address < start + seg["p_filesz"]:
                off = address - start
                return seg.data()[off : off + size]
    raise AssertionError(f"0x{address:08x} is not loaded")


def _flash_used(elf, board) -> int:
    flash = board.profile.flash
    with open(elf, "rb") as f:
        return sum(
            s["p_filesz"]
            for s in ELFFile(f).iter_segments()
            if s["p_type"] == "PT_LOAD" and flash.contains(s["p_paddr"])
        )


@pytest.mark.parametrize("board", ["pyboard", "pyboard-128k8k"])
def test_hal_builds_without_warnings(board):
    lib = hal_archive(load_board(board), extra_cflags=("-Werror",))
    assert lib.is_file()


def test_vector_table(tmp_path):
    board = load_board("pyboard")
    elf = build_firmware("hello", tmp_path).elf
    syms = _symbols(elf)
    address, size = syms["vector_table"]
    assert address == 0x0800_0000
    assert size == (16 + 82) * 4  # 16 system slots + every F405 interrupt
    words = struct.unpack("<98I", _read(elf, address, size))
    assert words[0] == syms["_estack"][0] == 0x2000_0000 + board.profile.stack_size
    assert words[1] == syms["Reset_Handler"][0] | 1  # Thumb bit
    assert words[3] == syms["HardFault_Handler"][0] | 1
    assert words[15] == syms["SysTick_Handler"][0] | 1
    assert words[16 + 37] == syms["USART1_IRQHandler"][0] | 1
    assert words[16 + 81] == syms["FPU_IRQHandler"][0] | 1
    for reserved in (7, 8, 9, 10, 13):
        assert words[reserved] == 0
    # Unhandled interrupts share the default handler (the fault report).
    assert syms["TIM2_IRQHandler"][0] == syms["Default_Handler"][0]


@pytest.mark.parametrize("name", ["pyboard", "pyboard-128k8k"])
def test_memory_layout(tmp_path, name):
    board = load_board(name)
    elf = build_firmware("hello", tmp_path, name).elf
    syms = _symbols(elf)
    ram = board.profile.ram
    # Stack first, at the bottom of RAM, so that an overflow faults.
    assert syms["_sstack"][0] == ram.origin
    assert syms["_estack"][0] - syms["_sstack"][0] == board.profile.stack_size
    assert syms["_sdata"][0] >= syms["_estack"][0]
    assert syms["_sbss"][0] >= syms["_edata"][0]
    assert syms["_sheap"][0] >= syms["_ebss"][0] and syms["_sheap"][0] % 8 == 0
    assert syms["_eheap"][0] == ram.end
    assert syms["_eheap"][0] - syms["_sheap"][0] >= board.profile.heap_min
    with open(elf, "rb") as f:
        for seg in ELFFile(f).iter_segments():
            if seg["p_type"] != "PT_LOAD":
                continue
            # Nothing zero-filled at a flash address (.bss is AT> RAM).
            if board.profile.flash.contains(seg["p_paddr"]):
                assert seg["p_memsz"] == seg["p_filesz"]


@pytest.mark.parametrize("name", ["pyboard", "pyboard-128k8k"])
def test_flash_budget_minimal_led_program(tmp_path, name):
    board = load_board(name)
    elf = build_firmware("led_min", tmp_path, name).elf
    used = _flash_used(elf, board)
    syms = _symbols(elf)
    static_ram = syms["_ebss"][0] - syms["_sdata"][0]
    print(f"\n{name}: minimal LED program: flash {used} B, static RAM {static_ram} B")
    # The HAL's share of a blink program that must stay under 4 KB with the runtime.
    assert used < 2000
    assert static_ram <= 64
