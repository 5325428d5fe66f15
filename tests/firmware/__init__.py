"""Hand-written C test programs for the HAL (they define up_main themselves),
and a helper that builds them as firmware or host executables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from uptc.boards import load_board
from uptc.toolchain import FirmwareOutputs, hal_archive, link_firmware, link_host

HERE = Path(__file__).resolve().parent

needs_arm = pytest.mark.skipif(
    shutil.which("arm-none-eabi-gcc") is None, reason="needs arm-none-eabi-gcc"
)
needs_gcc = pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")
needs_qemu = pytest.mark.skipif(
    shutil.which("qemu-system-arm") is None or shutil.which("arm-none-eabi-gcc") is None,
    reason="needs qemu-system-arm and arm-none-eabi-gcc",
)


def build_firmware(name: str, out_dir: Path, board: str = "pyboard") -> FirmwareOutputs:
    """tests/firmware/<name>.c linked with the HAL for `board`, into out_dir."""
    b = load_board(board)
    return link_firmware([HERE / f"{name}.c"], [hal_archive(b)], b, out_dir, name)


def build_host(
    name: str, out_dir: Path, extra_cflags: tuple[str, ...] = (), heap_size: int | None = None
) -> Path:
    """tests/firmware/<name>.c linked with the host HAL, into out_dir/name."""
    b = load_board("host")
    if heap_size is not None:
        b = b.with_heap_size(heap_size)
    hal = hal_archive(b, extra_cflags=extra_cflags)
    return link_host(
        [HERE / f"{name}.c"], [hal], out_dir / name, extra_cflags=extra_cflags, board=b
    )
