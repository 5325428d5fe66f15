"""Running uptc as a user does: a subprocess of `python -m uptc` from this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def env(extra: dict[str, str] | None = None) -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), e.get("PYTHONPATH")]))
    e.pop("UPTC_TRACE", None)
    e.update(extra or {})
    return e


def command(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "uptc", *args]


def uptc(args: list[str], cwd: Path, extra_env: dict[str, str] | None = None,
         **kw) -> subprocess.CompletedProcess:
    """`uptc ARGS` in `cwd`; stdout and stderr captured (bytes) unless told otherwise."""
    kw.setdefault("capture_output", True)
    kw.setdefault("timeout", 300)
    if "input" not in kw:
        kw.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run(command(args), cwd=cwd, env=env(extra_env), check=False, **kw)


def program(folder: Path, text: str, name: str = "app.py") -> Path:
    p = folder / name
    p.write_text(text)
    return p


def one_line_error(stderr: bytes, *words: str) -> str:
    """stderr is exactly one `uptc: error:` line containing `words`; returns it."""
    err = stderr.decode()
    assert err.startswith("uptc: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    for w in words:
        assert w in err, err
    return err
