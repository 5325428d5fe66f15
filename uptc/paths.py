"""Where uptc's C sources live, installed editable or as a wheel.

In a checkout, runtime_c/, hal/ and linker/ sit beside the uptc package. In a
wheel they are shipped inside the package as uptc/data/<name> (uptc/data holds
symlinks to the top-level directories, which setuptools copies as files).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    for candidate in (PACKAGE_DIR.parent / name, PACKAGE_DIR / "data" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"uptc installation is incomplete: no '{name}' directory")


def runtime_dir() -> Path:
    return _data_dir("runtime_c")


def hal_dir() -> Path:
    return _data_dir("hal")


def linker_dir() -> Path:
    return _data_dir("linker")


def cache_dir() -> Path:
    """Compiled runtime/HAL archives, keyed by content hash (safe to delete)."""
    base = os.environ.get("UPTC_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "uptc" if xdg else Path.home() / ".cache" / "uptc"
