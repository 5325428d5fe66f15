"""uptc's pyOCD target type for the STM32F405RG (the pyboard's MCU).

pyOCD 0.46 ships no F405/F407 target and offline machines cannot download the
CMSIS pack, so uptc registers its own type in pyOCD's target table (a plain
dict consulted before the pack cache). `register()` is all a caller needs;
afterwards `target_override="stm32f405rg"` works for any pyOCD Session.

Facts (RM0090, STM32F405xx/407xx reference manual):

    flash    0x08000000  1 MB  sectors 0-3: 4 x 16 KB   (0x08000000-0x0800FFFF)
                               sector 4:    1 x 64 KB   (0x08010000-0x0801FFFF)
                               sectors 5-11: 7 x 128 KB (0x08020000-0x080FFFFF)
    SRAM     0x20000000  128 KB (SRAM1 112 KB + SRAM2 16 KB, contiguous)
    CCM RAM  0x10000000  64 KB  (core-coupled: no DMA, not a flash-algo RAM)
    DBGMCU_IDCODE 0xE0042000: DEV_ID = bits [11:0] = 0x413 for F405/407/415/417

The flash algorithm is pyOCD's STM32F412 blob: it drives the same F4 flash
controller (0x40023C00, KEYR, SR error bits, CR SER/SNB/STRT) and maps
addresses to sectors 0-3 (16K), 4 (64K), 5-11 (128K) exactly as the F405 lays
them out; its code and buffers stay below 0x20005000, inside the F405's SRAM.
It programs with PSIZE = x32, valid at 2.7-3.6 V (the pyboard runs at 3.3 V).
"""

from __future__ import annotations

from uptc.diagnostics import ToolError

TARGET_NAME = "stm32f405rg"

FLASH_START = 0x08000000
FLASH_SIZE = 0x100000
SRAM_START = 0x20000000
SRAM_SIZE = 0x20000
CCM_START = 0x10000000
CCM_SIZE = 0x10000
# (start, length, sector size) per uniform run of sectors.
FLASH_SECTOR_RUNS = (
    (0x08000000, 0x10000, 0x4000),  # sectors 0-3
    (0x08010000, 0x10000, 0x10000),  # sector 4
    (0x08020000, 0xE0000, 0x20000),  # sectors 5-11
)

# Debug MCU registers (RM0090 §38.16).
DBGMCU_IDCODE = 0xE0042000
DBGMCU_CR = 0xE0042004
DBGMCU_APB1_FZ = 0xE0042008
DBGMCU_APB2_FZ = 0xE004200C
# DBG_SLEEP | DBG_STOP | DBG_STANDBY: keep the debug port alive in low power.
DBGMCU_CR_VALUE = 0x00000007
# Freeze in debug halt: TIM2-7, TIM12-14, RTC, WWDG, IWDG, I2C1-3 SMBus
# timeouts, CAN1-2 -- the bits RM0090 defines for the F405 (bit 24 is
# reserved here, unlike on the F412).
DBGMCU_APB1_FZ_VALUE = 0x06E01DFF
# Freeze TIM1, TIM8, TIM9-11.
DBGMCU_APB2_FZ_VALUE = 0x00070003

DEV_ID_F405 = 0x413
# DEV_IDs of neighbouring STM32 parts, to name what was found instead.
KNOWN_DEV_IDS = {
    0x410: "STM32F10x medium-density",
    0x411: "STM32F2xx",
    0x413: "STM32F405/407/415/417",
    0x419: "STM32F42x/43x",
    0x421: "STM32F446",
    0x423: "STM32F401xB/C",
    0x431: "STM32F411",
    0x433: "STM32F401xD/E",
    0x441: "STM32F412",
}

# Exit status for "the probe found a different chip" (see docs/flashing.md).
WRONG_CHIP_STATUS = 76


class WrongChipError(Exception):
    """The connected MCU is not an STM32F405/407 (DBGMCU_IDCODE DEV_ID != 0x413)."""

    def __init__(self, idcode: int):
        self.idcode = idcode
        dev_id = idcode & 0xFFF
        if idcode in (0, 0xFFFFFFFF):
            found = f"DBGMCU_IDCODE reads 0x{idcode:08x}: not an STM32"
        else:
            name = KNOWN_DEV_IDS.get(dev_id, "an unknown part")
            found = f"DEV_ID 0x{dev_id:03x} ({name})"
        super().__init__(
            f"wrong chip: the probe sees {found}, the pyboard has an STM32F405 "
            f"(DEV_ID 0x{DEV_ID_F405:03x}); check --probe and the wiring"
        )


def check_dev_id(idcode: int) -> None:
    """Raise WrongChipError unless DBGMCU_IDCODE names an F405/407/415/417."""
    if idcode & 0xFFF != DEV_ID_F405:
        raise WrongChipError(idcode)


def flash_sector_sizes() -> list[int]:
    """The sector sizes in address order, as RM0090 table 5 lists them."""
    return [size for start, length, size in FLASH_SECTOR_RUNS for _ in range(length // size)]


def _import_pyocd():
    """pyOCD's classes and the F4 flash algorithm, or a ToolError naming the fix."""
    try:
        from pyocd.core.memory_map import FlashRegion, MemoryMap, RamRegion
        from pyocd.coresight.coresight_target import CoreSightTarget
        from pyocd.debug.svd.loader import SVDFile
        from pyocd.target import TARGET
    except ImportError as e:
        raise ToolError(f"pyocd is not installed ({e}); pip install 'pyocd~=0.46'", 78) from None
    try:
        # An internal module of pyOCD (present in 0.46): pyproject pins pyocd~=0.46.
        from pyocd.target.builtin.target_STM32F412xx import FLASH_ALGO
    except ImportError:
        raise ToolError(
            "this pyocd no longer has the STM32F412 flash algorithm uptc reuses "
            "(pyocd.target.builtin.target_STM32F412xx.FLASH_ALGO); install pyocd~=0.46",
            78,
        ) from None
    return CoreSightTarget, FlashRegion, MemoryMap, RamRegion, SVDFile, TARGET, FLASH_ALGO


_target_class = None


def target_class():
    """The pyOCD target class for the STM32F405RG (built once, on first use)."""
    global _target_class
    if _target_class is not None:
        return _target_class
    CoreSightTarget, FlashRegion, MemoryMap, RamRegion, SVDFile, _, algo = _import_pyocd()

    regions = []
    for i, (start, length, sector) in enumerate(FLASH_SECTOR_RUNS):
        regions.append(
            FlashRegion(
                start=start,
                length=length,
                sector_size=sector,
                page_size=0x1000,  # the algorithm's program unit
                is_boot_memory=(i == 0),
                algo=algo,
                name=f"flash{i}",
            )
        )
    regions.append(RamRegion(start=SRAM_START, length=SRAM_SIZE, name="sram"))
    regions.append(RamRegion(start=CCM_START, length=CCM_SIZE, name="ccmram", is_default=False))

    class STM32F405RG(CoreSightTarget):
        VENDOR = "STMicroelectronics"
        MEMORY_MAP = MemoryMap(*regions)

        def __init__(self, session):
            super().__init__(session, self.MEMORY_MAP)
            # STM32F41x = F415/417, the F405/407 plus the crypto block.
            self._svd_location = SVDFile.from_builtin("STM32F41x.svd")

        def post_connect_hook(self):
            check_dev_id(self.read32(DBGMCU_IDCODE))
            self.write32(DBGMCU_CR, DBGMCU_CR_VALUE)
            self.write32(DBGMCU_APB1_FZ, DBGMCU_APB1_FZ_VALUE)
            self.write32(DBGMCU_APB2_FZ, DBGMCU_APB2_FZ_VALUE)

    _target_class = STM32F405RG
    return STM32F405RG


def register() -> str:
    """Make `stm32f405rg` a pyOCD target name in this process; returns the name."""
    table = _import_pyocd()[5]
    table[TARGET_NAME] = target_class()
    return TARGET_NAME
