"""`make bench`: the benchmark programs under CPython and uptc.

For each program in benchmarks/programs/:
  - host: wall time (best of several runs) of CPython and of the uptc-built
    executable, and the speed-up; the outputs must agree;
  - pyboard: the firmware's flash size and the number of guest instructions it
    executes under QEMU (exact and repeatable, counted by our TCG plugin;
    QEMU has no cycle counter).

Benchmarks are measurements, not tests: nothing here fails on a slow result.
    python3 benchmarks/run.py [--runs N] [--no-qemu] [names...]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from uptc.diagnostics import ToolError  # noqa: E402
from uptc.driver import build  # noqa: E402

PROGRAMS = ROOT / "benchmarks" / "programs"


def best_time(cmd: list[str], runs: int) -> tuple[float, str]:
    best = float("inf")
    out = ""
    for _ in range(runs):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True, check=True)
        best = min(best, time.perf_counter() - t0)
        out = r.stdout
    return best, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-qemu", action="store_true", help="skip the pyboard measurements")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    progs = sorted(PROGRAMS.glob("*.py"))
    if args.names:
        progs = [p for p in progs if p.stem in args.names]
    qemu = not args.no_qemu and shutil.which("qemu-system-arm") is not None
    rows = []
    with tempfile.TemporaryDirectory(prefix="uptc-bench-") as tmp:
        for p in progs:
            cp_t, cp_out = best_time([sys.executable, str(p)], args.runs)
            res = build(p, "host", None, Path(tmp) / p.stem)
            up_t, up_out = best_time([str(res.exe)], args.runs)
            same = "yes" if up_out == cp_out else "NO"
            insns = flash = "-"
            if qemu:
                from uptc.tools.qemu import count_instructions
                from uptc.tools.size import size_report

                fw = build(p, "pyboard", None, Path(tmp) / (p.stem + "-fw"))
                flash = f"{size_report(fw.elf, fw.board).flash.used:,}"
                try:
                    insns = f"{count_instructions(fw.elf, fw.board, timeout=600):,}"
                except ToolError as e:
                    insns = f"({e})"
            rows.append((p.stem, f"{cp_t:.3f}", f"{up_t:.3f}", f"{cp_t / up_t:.1f}x", same, flash, insns))
            print(f"  {p.stem}: done", file=sys.stderr)
    head = ("program", "CPython s", "uptc s", "speed-up", "same output", "pyboard flash B",
            "pyboard instructions")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        print("  ".join(str(c).rjust(w) for c, w in zip(r, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
