"""Board definitions: uptc/boards/<name>.toml read into frozen dataclasses.

A board file is data (docs/hal.md describes the format): the MCU and its
compiler flags, clocks, memory, budgets per profile, console, LEDs, switch and
named pins. Code asks the Board; nothing else in uptc knows a pin number.

    board = load_board("pyboard")                   # default profile ("full")
    board = load_board("pyboard", "128k8k")         # --board pyboard --profile 128k8k
    board = load_board("pyboard-128k8k")            # the same, as one name

The HAL gets the same facts as C macros through board_config.h
(board_config_header / write_board_config).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from uptc.diagnostics import ToolError

BOARDS_DIR = Path(__file__).resolve().parent

PORTS = "ABCDEFGHI"  # GPIO ports of the STM32F405 (and of the simulated board)


@dataclass(frozen=True)
class Pin:
    """A GPIO pin, e.g. PA13 = port "A", line 13. number matches HAL_PIN()."""

    port: str
    line: int

    @property
    def name(self) -> str:
        return f"P{self.port}{self.line}"

    @property
    def number(self) -> int:
        return PORTS.index(self.port) * 16 + self.line

    @property
    def c_expr(self) -> str:
        return f"HAL_PIN('{self.port}', {self.line})"

    @staticmethod
    def parse(text: str) -> Pin:
        """'PA13' -> Pin('A', 13); ValueError when it is not a pin name."""
        t = text.strip().upper()
        if len(t) < 3 or t[0] != "P" or t[1] not in PORTS or not t[2:].isdigit():
            raise ValueError(f"not a pin name: {text!r} (expected e.g. 'PA13')")
        line = int(t[2:])
        if line > 15:
            raise ValueError(f"not a pin name: {text!r} (lines are 0..15)")
        return Pin(t[1], line)


@dataclass(frozen=True)
class NamedPin:
    """A board pin name (X1, Y12, ...), its CPU pin and what it is used for."""

    name: str
    pin: Pin
    role: str


@dataclass(frozen=True)
class Led:
    number: int  # from 1, as pyb.LED
    colour: str
    pin: Pin
    active_high: bool

    @property
    def name(self) -> str:
        return f"LED{self.number}"


@dataclass(frozen=True)
class Switch:
    pin: Pin
    pull: str  # "up", "down" or "none"
    active_low: bool


@dataclass(frozen=True)
class Clock:
    """The clock tree: SYSCLK = hse_hz / pll_m * pll_n / pll_p."""

    hse_hz: int
    hsi_hz: int
    pll_m: int
    pll_n: int
    pll_p: int
    pll_q: int
    sysclk_hz: int
    ahb_div: int
    apb1_div: int
    apb2_div: int
    flash_wait_states: int

    @property
    def vco_hz(self) -> int:
        return self.hse_hz // self.pll_m * self.pll_n

    @property
    def usb_hz(self) -> int:
        return self.vco_hz // self.pll_q

    @property
    def hclk_hz(self) -> int:
        return self.sysclk_hz // self.ahb_div

    @property
    def apb1_hz(self) -> int:
        return self.hclk_hz // self.apb1_div

    @property
    def apb2_hz(self) -> int:
        return self.hclk_hz // self.apb2_div


@dataclass(frozen=True)
class Region:
    name: str
    origin: int
    length: int

    @property
    def end(self) -> int:
        return self.origin + self.length

    def contains(self, address: int) -> bool:
        return self.origin <= address < self.end


@dataclass(frozen=True)
class Profile:
    """How much of the board a program may use.

    flash/ram: the regions the linker may fill (None on the host: no limit).
    stack_size: bytes reserved for the stack (None: the OS decides).
    heap_min: the link fails when less is left for the GC heap.
    heap_size: a fixed GC heap (host); None = all RAM left over (board).
    """

    name: str
    description: str
    flash: Region | None
    ram: Region | None
    stack_size: int | None
    heap_min: int
    heap_size: int | None


@dataclass(frozen=True)
class Console:
    uart: int | None  # USARTn / UARTn number; None = stdio (host)
    tx: Pin | None
    rx: Pin | None
    af: int
    baud: int


@dataclass(frozen=True)
class Dfu:
    vid: int
    pid: int
    alt: int
    address: int


@dataclass(frozen=True)
class Board:
    name: str
    description: str
    mcu: str
    hal: str  # hal/<hal>/ implements hal/hal.h
    toolchain_prefix: str  # "arm-none-eabi-" or "" (host gcc)
    cpu_flags: tuple[str, ...]
    float_type: str  # "float32" or "double"
    profile: Profile
    profiles: tuple[str, ...]  # every profile name of this board, default first
    default_profile: str
    clock: Clock | None
    flash_memory: Region | None  # the whole device (profiles may use less)
    ram_memory: Region | None
    ccm_memory: Region | None
    console: Console
    leds: tuple[Led, ...]
    switch: Switch | None
    pins: tuple[NamedPin, ...]
    qemu_machine: str | None
    dfu: Dfu | None
    pyocd_target: str | None
    source: Path

    # ---- derived facts --------------------------------------------------

    @property
    def is_host(self) -> bool:
        return self.hal == "host"

    @property
    def float32(self) -> bool:
        return self.float_type == "float32"

    @property
    def qualified_name(self) -> str:
        """'pyboard' for the default profile, else 'pyboard-128k8k'."""
        if self.profile.name == self.default_profile:
            return self.name
        return f"{self.name}-{self.profile.name}"

    @property
    def linker_script(self) -> str | None:
        """File name of the profile's memory stub in linker/ (firmware boards)."""
        if self.is_host:
            return None
        return f"{self.name}-{self.profile.name}.ld"

    def pin(self, name: str) -> Pin:
        """A board pin name ('X1') or a CPU pin name ('PA0') -> Pin."""
        for p in self.pins:
            if p.name == name:
                return p.pin
        try:
            return Pin.parse(name)
        except ValueError:
            names = ", ".join(p.name for p in self.pins)
            raise ToolError(f"board '{self.name}' has no pin '{name}' (pins: {names})") from None

    def led_for_pin(self, pin: Pin) -> Led | None:
        for led in self.leds:
            if led.pin == pin:
                return led
        return None

    def with_heap_size(self, nbytes: int) -> Board:
        """The same board with another fixed GC heap size (host builds)."""
        if nbytes <= 0 or nbytes % 8:
            raise ToolError(f"heap size must be a positive multiple of 8 bytes, not {nbytes}")
        profile = dataclasses.replace(self.profile, heap_size=nbytes)
        return dataclasses.replace(self, profile=profile)


# ---- loading ------------------------------------------------------------


def board_names() -> list[str]:
    """Board names (one per .toml file), sorted."""
    return sorted(p.stem for p in BOARDS_DIR.glob("*.toml"))


def valid_names() -> list[str]:
    """Every name --board accepts: each board and each board-profile pair."""
    names = []
    for b in board_names():
        names.append(b)
        for prof in _read(b).get("profiles", {}):
            names.append(f"{b}-{prof}")
    return names


def load_board(name: str, profile: str | None = None) -> Board:
    """The board `name` ('pyboard', 'pyboard-128k8k', 'host') with a profile.

    profile None: the profile named in `name`, else the board's default.
    Unknown names raise ToolError listing the valid ones.
    """
    base, named_profile = _split_name(name)
    if profile is not None and named_profile is not None and profile != named_profile:
        raise ToolError(
            f"board '{name}' already names profile '{named_profile}', "
            f"but --profile {profile} was given"
        )
    data = _read(base)
    return _build(base, data, profile or named_profile)


def _split_name(name: str) -> tuple[str, str | None]:
    boards = board_names()
    if name in boards:
        return name, None
    for b in boards:
        if name.startswith(b + "-"):
            prof = name[len(b) + 1 :]
            if prof in _read(b).get("profiles", {}):
                return b, prof
    raise ToolError(f"unknown board '{name}' (valid: {', '.join(valid_names())})")


_cache: dict[str, dict[str, Any]] = {}


def _read(base: str) -> dict[str, Any]:
    if base not in _cache:
        path = BOARDS_DIR / f"{base}.toml"
        try:
            _cache[base] = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ToolError(f"cannot read board file {path}: {e}") from None
    return _cache[base]


def _build(base: str, d: dict[str, Any], profile_name: str | None) -> Board:
    path = BOARDS_DIR / f"{base}.toml"
    try:
        return _build_unchecked(base, d, profile_name, path)
    except (KeyError, TypeError, ValueError) as e:
        raise ToolError(f"board file {path}: bad or missing entry: {e}") from None


def _build_unchecked(base: str, d: dict[str, Any], profile_name: str | None, path: Path) -> Board:
    profiles_data: dict[str, Any] = d["profiles"]
    default_profile = d["default_profile"]
    names = (default_profile,) + tuple(p for p in profiles_data if p != default_profile)
    chosen = profile_name or default_profile
    if chosen not in profiles_data:
        raise ToolError(f"board '{base}' has no profile '{chosen}' (profiles: {', '.join(names)})")

    memory = d.get("memory", {})
    flash_mem = _region("FLASH", memory["flash"]) if "flash" in memory else None
    ram_mem = _region("RAM", memory["ram"]) if "ram" in memory else None
    ccm_mem = _region("CCMRAM", memory["ccm"]) if "ccm" in memory else None

    pd = profiles_data[chosen]
    flash = ram = None
    if "flash" in pd:
        if flash_mem is None or pd["flash"] > flash_mem.length:
            raise ValueError(f"profile {chosen}: flash larger than the device")
        flash = Region("FLASH", flash_mem.origin, pd["flash"])
    if "ram" in pd:
        if ram_mem is None or pd["ram"] > ram_mem.length:
            raise ValueError(f"profile {chosen}: ram larger than the device")
        ram = Region("RAM", ram_mem.origin, pd["ram"])
    profile = Profile(
        name=chosen,
        description=pd.get("description", ""),
        flash=flash,
        ram=ram,
        stack_size=pd.get("stack"),
        heap_min=pd.get("heap_min", 0),
        heap_size=pd.get("heap"),
    )

    # Pins, LEDs and switch: the board's own, or those of the board it simulates.
    hw = _read(d["simulates"]) if "simulates" in d else d
    leds = tuple(
        Led(i + 1, e["name"], Pin.parse(e["pin"]), bool(e.get("active_high", True)))
        for i, e in enumerate(hw.get("leds", []))
    )
    sw = hw.get("switch")
    switch = (
        Switch(Pin.parse(sw["pin"]), sw.get("pull", "none"), bool(sw.get("active_low", False)))
        if sw
        else None
    )
    if switch and switch.pull not in ("up", "down", "none"):
        raise ValueError(f"switch pull must be up, down or none, not {switch.pull!r}")
    pins = tuple(
        NamedPin(n, Pin.parse(e["pin"]), e.get("role", "")) for n, e in hw.get("pins", {}).items()
    )

    c = d.get("clock")
    clock = None
    if c:
        clock = Clock(
            hse_hz=c["hse_hz"],
            hsi_hz=c["hsi_hz"],
            pll_m=c["pll_m"],
            pll_n=c["pll_n"],
            pll_p=c["pll_p"],
            pll_q=c["pll_q"],
            sysclk_hz=c["sysclk_hz"],
            ahb_div=c["ahb_div"],
            apb1_div=c["apb1_div"],
            apb2_div=c["apb2_div"],
            flash_wait_states=c["flash_wait_states"],
        )
        if clock.vco_hz // clock.pll_p != clock.sysclk_hz:
            raise ValueError("clock: hse_hz / pll_m * pll_n / pll_p != sysclk_hz")

    cd = d.get("console", {})
    console = Console(
        uart=cd.get("uart"),
        tx=Pin.parse(cd["tx"]) if "tx" in cd else None,
        rx=Pin.parse(cd["rx"]) if "rx" in cd else None,
        af=cd.get("af", 0),
        baud=cd.get("baud", 0),
    )
    dd = d.get("dfu")
    dfu = Dfu(dd["vid"], dd["pid"], dd.get("alt", 0), dd["address"]) if dd else None

    float_type = d["float"]
    if float_type not in ("float32", "double"):
        raise ValueError(f"float must be float32 or double, not {float_type!r}")
    return Board(
        name=d["name"],
        description=d.get("description", ""),
        mcu=d["mcu"],
        hal=d["hal"],
        toolchain_prefix=d["toolchain"],
        cpu_flags=tuple(d.get("cpu_flags", ())),
        float_type=float_type,
        profile=profile,
        profiles=names,
        default_profile=default_profile,
        clock=clock,
        flash_memory=flash_mem,
        ram_memory=ram_mem,
        ccm_memory=ccm_mem,
        console=console,
        leds=leds,
        switch=switch,
        pins=pins,
        qemu_machine=d.get("qemu", {}).get("machine"),
        dfu=dfu,
        pyocd_target=d.get("pyocd", {}).get("target"),
        source=path,
    )


def _region(name: str, d: dict[str, int]) -> Region:
    return Region(name, d["origin"], d["length"])


# ---- board_config.h -----------------------------------------------------


def board_config_header(board: Board) -> str:
    """The text of board_config.h for this board and profile (deterministic)."""
    p = board.profile
    out = [
        f"// board_config.h: board '{board.name}', profile '{p.name}'.",
        f"// Generated by uptc from uptc/boards/{board.source.name} -- DO NOT EDIT.",
        "// The HAL and the runtime take every pin, clock and budget from here.",
        "#ifndef UP_BOARD_CONFIG_H",
        "#define UP_BOARD_CONFIG_H",
        "",
        '#include "hal.h"',
        "",
        f'#define UP_BOARD_NAME "{board.name}"',
        f'#define UP_BOARD_PROFILE "{p.name}"',
        f'#define UP_BOARD_MCU "{board.mcu}"',
        f"#define UP_BOARD_HOST {1 if board.is_host else 0}",
        f"#define UP_BOARD_FLOAT32 {1 if board.float32 else 0}",
    ]
    if board.clock:
        c = board.clock
        out += [
            "",
            "// Clock tree: SYSCLK = HSE / PLL_M * PLL_N / PLL_P; USB = VCO / PLL_Q.",
            f"#define UP_BOARD_HSE_HZ {c.hse_hz}u",
            f"#define UP_BOARD_HSI_HZ {c.hsi_hz}u",
            f"#define UP_BOARD_PLL_M {c.pll_m}u",
            f"#define UP_BOARD_PLL_N {c.pll_n}u",
            f"#define UP_BOARD_PLL_P {c.pll_p}u",
            f"#define UP_BOARD_PLL_Q {c.pll_q}u",
            f"#define UP_BOARD_SYSCLK_HZ {c.sysclk_hz}u",
            f"#define UP_BOARD_AHB_DIV {c.ahb_div}u",
            f"#define UP_BOARD_APB1_DIV {c.apb1_div}u",
            f"#define UP_BOARD_APB2_DIV {c.apb2_div}u",
            f"#define UP_BOARD_HCLK_HZ {c.hclk_hz}u",
            f"#define UP_BOARD_APB1_HZ {c.apb1_hz}u",
            f"#define UP_BOARD_APB2_HZ {c.apb2_hz}u",
            f"#define UP_BOARD_FLASH_WAIT_STATES {c.flash_wait_states}u",
        ]
    out += ["", "// Memory budget of the profile (0 = no limit)."]
    out.append(f"#define UP_BOARD_FLASH_SIZE {p.flash.length if p.flash else 0}u")
    out.append(f"#define UP_BOARD_RAM_SIZE {p.ram.length if p.ram else 0}u")
    out.append(f"#define UP_BOARD_STACK_SIZE {p.stack_size or 0}u")
    out.append(f"#define UP_BOARD_HEAP_MIN {p.heap_min}u")
    if p.heap_size is not None:
        out.append(f"#define UP_BOARD_HEAP_SIZE {p.heap_size}u")
    con = board.console
    out += ["", "// Console."]
    if con.uart is not None and con.tx and con.rx:
        out += [
            f"#define UP_BOARD_CONSOLE_UART {con.uart}",
            f"#define UP_BOARD_CONSOLE_TX_PIN {con.tx.c_expr}",
            f"#define UP_BOARD_CONSOLE_RX_PIN {con.rx.c_expr}",
            f"#define UP_BOARD_CONSOLE_AF {con.af}u",
            f"#define UP_BOARD_CONSOLE_BAUD {con.baud}u",
        ]
    else:
        out.append("#define UP_BOARD_CONSOLE_UART 0  // stdio")
    out += ["", "// LEDs, numbered from 1 as pyb.LED."]
    out.append(f"#define UP_BOARD_LED_COUNT {len(board.leds)}u")
    if board.leds:
        out.append(
            "#define UP_BOARD_LED_PINS { " + ", ".join(led.pin.c_expr for led in board.leds) + " }"
        )
        mask = sum(1 << i for i, led in enumerate(board.leds) if led.active_high)
        out.append(
            f"#define UP_BOARD_LED_ACTIVE_HIGH_MASK 0x{mask:x}u  // bit n-1: LEDn on when high"
        )
        out.append(
            "#define UP_BOARD_LED_COLOURS { "
            + ", ".join(f'"{led.colour}"' for led in board.leds)
            + " }"
        )
        for led in board.leds:
            out.append(f"#define UP_BOARD_LED{led.number}_PIN {led.pin.c_expr}  // {led.colour}")
    if board.switch:
        sw = board.switch
        pull = {"up": "HAL_PULL_UP", "down": "HAL_PULL_DOWN", "none": "HAL_PULL_NONE"}[sw.pull]
        out += [
            "",
            "// The user switch.",
            f"#define UP_BOARD_SWITCH_PIN {sw.pin.c_expr}",
            f"#define UP_BOARD_SWITCH_PULL {pull}",
            f"#define UP_BOARD_SWITCH_ACTIVE_LOW {1 if sw.active_low else 0}",
        ]
    out += [
        "",
        "// Named pins: X(name, pin, role) for each; e.g. for pyb.Pin('X1').",
        "#define UP_BOARD_PINS(X) \\",
    ]
    for np in board.pins:
        role = np.role.replace("\\", "/").replace('"', "'")
        out.append(f'    X("{np.name}", {np.pin.c_expr}, "{role}") \\')
    out += ["", "#endif", ""]
    return "\n".join(out)


def write_board_config(board: Board, directory: Path) -> Path:
    """Write board_config.h into `directory` (unchanged files are not touched)."""
    text = board_config_header(board)
    path = directory / "board_config.h"
    try:
        if path.read_text(encoding="utf-8") == text:
            return path
    except OSError:
        pass
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / f".board_config.h.{os.getpid()}"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path


def board_config_dir(board: Board, root: Path) -> Path:
    """A directory under `root` holding this board's board_config.h, named by
    its content hash so that different boards and profiles never collide."""
    digest = hashlib.sha256(board_config_header(board).encode()).hexdigest()[:16]
    directory = root / f"{board.qualified_name}-{digest}"
    write_board_config(board, directory)
    return directory
