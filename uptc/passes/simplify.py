"""Control-flow clean-up: drop unreachable blocks, send jumps through empty
blocks straight to their target, and merge a block into its only
predecessor when that predecessor just jumps to it. Runs last, so the C
has few labels and reads as straight-line code where the Python does."""

from __future__ import annotations

from uptc.ir.func import FuncIR
from uptc.ir.ops import BasicBlock, Goto
from uptc.passes.exceptions import drop_unreachable


def _final_target(b: BasicBlock) -> BasicBlock:
    seen = set()
    while len(b.ops) == 1 and isinstance(b.ops[0], Goto) and id(b) not in seen:
        seen.add(id(b))
        b = b.ops[0].target
    return b


def simplify_cfg(fn: FuncIR) -> None:
    drop_unreachable(fn)
    entry = fn.blocks[0]
    # Thread jumps through blocks that only jump.
    for b in fn.blocks:
        term = b.ops[-1]
        for i, t in enumerate(term.targets()):
            ft = _final_target(t)
            if ft is not t:
                term.set_target(i, ft)
    drop_unreachable(fn)
    # Merge A -> B when A ends in goto B and B has no other predecessor.
    changed = True
    while changed:
        changed = False
        preds: dict[int, int] = {}
        for b in fn.blocks:
            for t in b.ops[-1].targets():
                preds[id(t)] = preds.get(id(t), 0) + 1
        for a in fn.blocks:
            term = a.ops[-1]
            if isinstance(term, Goto):
                b = term.target
                if b is not a and b is not entry and preds.get(id(b)) == 1:
                    a.ops = a.ops[:-1] + b.ops
                    b.ops = [Goto(b)]  # now unreachable
                    changed = True
                    break
        if changed:
            drop_unreachable(fn)
