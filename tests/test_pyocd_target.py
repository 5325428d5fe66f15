"""uptc's pyOCD target type: pyOCD accepts it, and its memory map is RM0090's."""

import pytest

from uptc.tools import pyocd_target


@pytest.fixture
def target(tmp_path, monkeypatch):
    from pyocd.core.session import Session
    from pyocd.tools.lists import StubProbe

    monkeypatch.chdir(tmp_path)  # Session() chdirs to project_dir
    pyocd_target.register()
    session = Session(
        StubProbe(), no_config=True, target_override="stm32f405rg", project_dir=str(tmp_path)
    )
    return session.board.target


def test_pyocd_knows_the_name_after_register():
    from pyocd.target import TARGET

    assert pyocd_target.register() == "stm32f405rg"
    assert TARGET["stm32f405rg"] is pyocd_target.target_class()
    # Registering twice is harmless and keeps the same class.
    pyocd_target.register()
    assert TARGET["stm32f405rg"] is pyocd_target.target_class()


def test_flash_sectors_match_rm0090(target):
    mm = target.memory_map
    flash = list(mm.iter_matching_regions(is_flash=True))
    sectors = [r.sector_size for r in flash for _ in range(r.length // r.sector_size)]
    assert sectors == [0x4000] * 4 + [0x10000] + [0x20000] * 7
    assert sectors == pyocd_target.flash_sector_sizes()
    assert flash[0].start == 0x08000000
    assert sum(r.length for r in flash) == 1024 * 1024
    # Contiguous, sector starts at the RM0090 addresses of sectors 4 and 5.
    assert [r.start for r in flash] == [0x08000000, 0x08010000, 0x08020000]
    assert all(r.algo is not None for r in flash)


def test_boot_memory_and_ram(target):
    mm = target.memory_map
    assert mm.get_boot_memory().start == 0x08000000
    sram = mm.get_region_for_address(0x20000000)
    assert (sram.start, sram.length, sram.is_ram, sram.is_default) == (0x20000000, 0x20000, True, True)
    assert mm.get_region_for_address(0x2001FFFF) is sram
    assert mm.get_region_for_address(0x20020000) is None  # 128 KB, not the F412's 256 KB
    ccm = mm.get_region_for_address(0x10000000)
    assert (ccm.length, ccm.is_ram, ccm.is_default) == (0x10000, True, False)
    assert target.vendor == "STMicroelectronics"


def test_flash_algo_ram_fits_in_f405_sram(target):
    algo = next(target.memory_map.iter_matching_regions(is_flash=True)).algo
    top = max(algo["page_buffers"]) + 0x1000
    assert 0x20000000 <= algo["load_address"] and top <= 0x20000000 + 0x20000
    assert algo["analyzer_address"] < 0x20020000


class FakeTarget:
    """Records the post-connect hook's register writes; IDCODE is configurable."""

    def __init__(self, idcode):
        self.idcode = idcode
        self.writes = []

    def read32(self, addr):
        assert addr == 0xE0042000
        return self.idcode

    def write32(self, addr, value):
        self.writes.append((addr, value))


def test_post_connect_hook_freezes_f405_peripherals():
    fake = FakeTarget(0x10076413)  # rev Z (0x1007), DEV_ID 0x413
    pyocd_target.target_class().post_connect_hook(fake)
    assert fake.writes == [
        (0xE0042004, 0x00000007),
        (0xE0042008, 0x06E01DFF),
        (0xE004200C, 0x00070003),
    ]


@pytest.mark.parametrize(
    "idcode, words",
    [
        (0x10036419, "DEV_ID 0x419 (STM32F42x/43x)"),
        (0x00000000, "not an STM32"),
        (0x10006999, "DEV_ID 0x999 (an unknown part)"),
    ],
)
def test_post_connect_hook_rejects_other_chips(idcode, words):
    fake = FakeTarget(idcode)
    with pytest.raises(pyocd_target.WrongChipError) as e:
        pyocd_target.target_class().post_connect_hook(fake)
    assert words in str(e.value)
    assert "STM32F405" in str(e.value)
    assert fake.writes == []
