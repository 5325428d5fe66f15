"""uptc finds its C sources (runtime, HAL, linker scripts) and data when
installed from a wheel, not only from a checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_the_c_sources_and_finds_them(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path / "dist"), str(ROOT)], check=True, timeout=300)
    wheel = next((tmp_path / "dist").glob("uptc-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("uptc/data/runtime_c/up.h", "uptc/data/runtime_c/gc.c",
                   "uptc/data/hal/hal.h", "uptc/data/hal/stm32f405/startup.c",
                   "uptc/data/hal/host/main.c", "uptc/data/linker/stm32f405-sections.ld",
                   "uptc/backend_c/templates/module.c.j2", "uptc/boards/pyboard.toml"):
        assert needed in names, needed
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("from uptc.paths import runtime_dir, hal_dir, linker_dir; "
            "print(runtime_dir()); print(hal_dir()); print(linker_dir())")
    env = dict(os.environ, PYTHONPATH=str(site))
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    assert all(Path(p).is_relative_to(site) for p in out), out
    assert (Path(out[0]) / "up.h").is_file()


def _imported_top_modules(tree: Path) -> set[str]:
    import ast

    out: set[str] = set()
    for f in tree.rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                out.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                out.add(node.module.split(".")[0])
    return out


def test_every_imported_package_is_declared() -> None:
    """A package uptc imports arrives because pyproject names it, not through another's deps."""
    import importlib.metadata as md
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.split(r"[<>=~!\[ ;]", d, maxsplit=1)[0].lower().replace("_", "-")
                for d in project["dependencies"]}
    owners = md.packages_distributions()
    missing = {}
    for mod in sorted(_imported_top_modules(ROOT / "uptc")):
        if mod in sys.stdlib_module_names or mod == "uptc":
            continue
        dists = {d.lower().replace("_", "-") for d in owners.get(mod, [])}
        assert dists, f"uptc imports {mod}, which no installed distribution provides"
        if not dists & declared:
            missing[mod] = sorted(dists)
    assert not missing, f"imported but not in pyproject's dependencies: {missing}"
