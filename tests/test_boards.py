"""Board data (uptc/boards/*.toml), profiles, board_config.h and the linker stubs."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess

import pytest

from uptc.boards import (
    Pin,
    board_config_header,
    board_names,
    load_board,
    valid_names,
    write_board_config,
)
from uptc.diagnostics import ToolError
from uptc.paths import hal_dir, linker_dir


def test_board_names():
    assert board_names() == ["host", "pyboard"]
    assert "pyboard-128k8k" in valid_names()


def test_pyboard_default_profile_is_full():
    b = load_board("pyboard")
    assert b.profile.name == "full"
    assert b.qualified_name == "pyboard"
    assert b.mcu == "STM32F405RG"
    assert b.profile.flash.origin == 0x0800_0000 and b.profile.flash.length == 1024 * 1024
    assert b.profile.ram.origin == 0x2000_0000 and b.profile.ram.length == 128 * 1024
    assert b.profile.stack_size == 16 * 1024
    assert b.ccm_memory.origin == 0x1000_0000 and b.ccm_memory.length == 64 * 1024
    assert b.linker_script == "pyboard-full.ld"
    assert b.float32 and b.float_type == "float32"
    assert b.cpu_flags == ("-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16")


def test_pyboard_clock_tree():
    c = load_board("pyboard").clock
    assert (c.hse_hz, c.pll_m, c.pll_n, c.pll_p, c.pll_q) == (8_000_000, 8, 336, 2, 7)
    assert c.sysclk_hz == 168_000_000
    assert c.vco_hz == 336_000_000 and c.usb_hz == 48_000_000
    assert (c.hclk_hz, c.apb1_hz, c.apb2_hz) == (168_000_000, 42_000_000, 84_000_000)
    assert c.flash_wait_states == 5


def test_pyboard_leds_switch_console():
    b = load_board("pyboard")
    assert [(led.name, led.colour, led.pin.name) for led in b.leds] == [
        ("LED1", "red", "PA13"),
        ("LED2", "green", "PA14"),
        ("LED3", "yellow", "PA15"),
        ("LED4", "blue", "PB4"),
    ]
    assert all(led.active_high for led in b.leds)
    assert b.switch.pin.name == "PB3" and b.switch.pull == "up" and b.switch.active_low
    con = b.console
    assert (con.uart, con.tx.name, con.rx.name, con.af, con.baud) == (1, "PB6", "PB7", 7, 115200)
    assert b.qemu_machine == "netduinoplus2"
    assert (b.dfu.vid, b.dfu.pid, b.dfu.alt, b.dfu.address) == (0x0483, 0xDF11, 0, 0x0800_0000)
    assert b.pyocd_target == "stm32f405rg"


def test_pyboard_pin_names():
    b = load_board("pyboard")
    expected = {
        "X1": "PA0", "X2": "PA1", "X3": "PA2", "X4": "PA3", "X5": "PA4", "X6": "PA5",
        "X7": "PA6", "X8": "PA7", "X9": "PB6", "X10": "PB7", "X11": "PC4", "X12": "PC5",
        "Y1": "PC6", "Y2": "PC7", "Y3": "PB8", "Y4": "PB9", "Y5": "PB12", "Y6": "PB13",
        "Y7": "PB14", "Y8": "PB15", "Y9": "PB10", "Y10": "PB11", "Y11": "PB0", "Y12": "PB1",
    }  # fmt: skip
    for name, cpu in expected.items():
        assert b.pin(name).name == cpu, name
    assert all(p.role for p in b.pins)
    assert b.pin("PC13") == Pin("C", 13)
    with pytest.raises(ToolError, match="no pin 'Z9'"):
        b.pin("Z9")


def test_pin_numbers_match_hal_pin():
    assert Pin.parse("PA0").number == 0
    assert Pin.parse("pa15").number == 15
    assert Pin.parse("PB4").number == 20
    assert Pin.parse("PC6").number == 38
    for bad in ("PA16", "PZ1", "A1", "P"):
        with pytest.raises(ValueError):
            Pin.parse(bad)


def test_profile_128k8k_both_spellings():
    a = load_board("pyboard", "128k8k")
    b = load_board("pyboard-128k8k")
    assert a == b
    assert a.qualified_name == "pyboard-128k8k"
    assert a.profile.flash.length == 128 * 1024
    assert a.profile.ram.length == 8 * 1024
    assert a.profile.stack_size == 2048
    assert a.profile.heap_min >= 2048
    assert a.linker_script == "pyboard-128k8k.ld"
    assert load_board("pyboard-full") == load_board("pyboard")


def test_unknown_names_list_the_valid_ones():
    with pytest.raises(ToolError) as e:
        load_board("pyboard2")
    assert "unknown board 'pyboard2'" in str(e.value)
    assert "pyboard-128k8k" in str(e.value) and "host" in str(e.value)
    with pytest.raises(ToolError, match=r"no profile 'tiny' \(profiles: full, 128k8k\)"):
        load_board("pyboard", "tiny")
    with pytest.raises(ToolError, match="already names profile"):
        load_board("pyboard-128k8k", "full")


def test_host_board():
    h = load_board("host")
    assert h.is_host and h.toolchain_prefix == "" and h.float_type == "double"
    assert not h.float32
    assert h.profile.heap_size == 64 * 1024 * 1024
    assert h.profile.flash is None and h.profile.ram is None
    assert h.linker_script is None
    # The host simulates the pyboard's LEDs and pins.
    assert [led.pin.name for led in h.leds] == ["PA13", "PA14", "PA15", "PB4"]
    assert h.pin("X1").name == "PA0"
    small = h.with_heap_size(1 << 20)
    assert small.profile.heap_size == 1 << 20 and h.profile.heap_size == 64 << 20
    with pytest.raises(ToolError):
        h.with_heap_size(100)


def test_boards_are_frozen():
    b = load_board("pyboard")
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.name = "x"  # type: ignore[misc]
    hash(b)


def test_board_config_deterministic(tmp_path):
    b = load_board("pyboard-128k8k")
    text = board_config_header(b)
    assert text == board_config_header(load_board("pyboard", "128k8k"))
    path = write_board_config(b, tmp_path)
    mtime = path.stat().st_mtime_ns
    assert write_board_config(b, tmp_path) == path
    assert path.stat().st_mtime_ns == mtime  # unchanged content: file untouched
    assert path.read_text() == text
    assert text != board_config_header(load_board("pyboard"))
    for line in (
        "#define UP_BOARD_LED1_PIN HAL_PIN('A', 13)",
        "#define UP_BOARD_CONSOLE_UART 1",
        "#define UP_BOARD_CONSOLE_TX_PIN HAL_PIN('B', 6)",
        "#define UP_BOARD_SYSCLK_HZ 168000000u",
        "#define UP_BOARD_RAM_SIZE 8192u",
        "#define UP_BOARD_FLOAT32 1",
    ):
        assert line in text


@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")
@pytest.mark.parametrize("name", ["pyboard", "pyboard-128k8k", "host"])
def test_board_config_compiles_with_right_values(tmp_path, name):
    b = load_board(name)
    write_board_config(b, tmp_path)
    src = tmp_path / "check.c"
    src.write_text(
        '#include "board_config.h"\n'
        '_Static_assert(UP_BOARD_LED1_PIN == 13, "LED1 = PA13");\n'
        '_Static_assert(UP_BOARD_LED4_PIN == 20, "LED4 = PB4");\n'
        '_Static_assert(UP_BOARD_SWITCH_PIN == 19, "USR = PB3");\n'
        "static const unsigned leds[UP_BOARD_LED_COUNT] = UP_BOARD_LED_PINS;\n"
        "#define ENTRY(name, pin, role) {name, pin},\n"
        "static const struct { const char *n; unsigned p; } pins[] = { UP_BOARD_PINS(ENTRY) };\n"
        "int main(void) { return (int)(leds[0] + pins[0].p); }\n"
    )
    subprocess.run(
        ["gcc", "-std=gnu11", "-Wall", "-Wextra", "-Werror", f"-I{tmp_path}", f"-I{hal_dir()}",
         "-fsyntax-only", str(src)],
        check=True,
    )  # fmt: skip


def _ld_number(text: str, pattern: str) -> int:
    m = re.search(pattern, text)
    assert m, pattern
    value, unit = m.group(1), m.group(2) or ""
    n = int(value, 0)
    return n * {"": 1, "K": 1024, "M": 1024 * 1024}[unit]


@pytest.mark.parametrize("profile", ["full", "128k8k"])
def test_linker_stub_matches_board(profile):
    b = load_board("pyboard", profile)
    text = (linker_dir() / b.linker_script).read_text()
    p = b.profile
    assert _ld_number(text, r"FLASH \(rx\)\s*:\s*ORIGIN = (0x[0-9A-Fa-f]+)()") == p.flash.origin
    assert _ld_number(text, r"FLASH \(rx\).*LENGTH = (\d+)([KM]?)") == p.flash.length
    assert _ld_number(text, r"RAM\s+\(rwx\)\s*:\s*ORIGIN = (0x[0-9A-Fa-f]+)()") == p.ram.origin
    assert _ld_number(text, r"RAM\s+\(rwx\).*LENGTH = (\d+)([KM]?)") == p.ram.length
    assert _ld_number(text, r"__stack_size = (\d+)([KM]?);") == p.stack_size
    assert _ld_number(text, r"__heap_min = (\d+)([KM]?);") == p.heap_min
    assert "INCLUDE stm32f405-sections.ld" in text
