"""Definite assignment: remove "is this variable bound?" checks that cannot fail.

Every read of a Python variable held in a boxed register is lowered with a
check (Branch IS_NULL -> UnboundLocalError). A forward data-flow analysis
finds the registers that are assigned on every path to each point; checks
of those become plain jumps. Unboxed registers (float, bool) have no unbound
value, so a read of one that is not definitely assigned is reported: the
driver then lowers the function again with that variable boxed.
"""

from __future__ import annotations

from uptc.ir.func import FuncIR
from uptc.ir.ops import Assign, BasicBlock, Branch, Goto, LoadStatic, Register, Value


def _is_null(v: Value) -> bool:
    return isinstance(v, LoadStatic) and v.symbol == "UP_NULL"


def _predecessors(fn: FuncIR) -> dict[int, list[BasicBlock]]:
    preds: dict[int, list[BasicBlock]] = {id(b): [] for b in fn.blocks}
    for b in fn.blocks:
        for t in b.terminator.targets():
            preds.setdefault(id(t), []).append(b)
    return preds


def _analyze(fn: FuncIR) -> tuple[list[Register], dict[int, set[int]]]:
    """Variable registers, and for each block the set of those definitely
    assigned on entry (as register ids)."""
    regs = [r for r in fn.all_registers() if r.var_name]
    everything = {id(r) for r in regs}
    entry = fn.blocks[0]
    preds = _predecessors(fn)
    ins: dict[int, set[int]] = {id(b): set(everything) for b in fn.blocks}
    ins[id(entry)] = {id(r) for r in regs if r.is_arg}  # parameters are bound on entry
    changed = True
    while changed:
        changed = False
        for b in fn.blocks:
            if b is not entry:
                ps = preds.get(id(b), [])
                new = set(everything)
                for p in ps:
                    new &= _transfer(p, ins[id(p)])
                if not ps:
                    new = set(ins[id(entry)])
                if new != ins[id(b)]:
                    ins[id(b)] = new
                    changed = True
    return regs, ins


def _transfer(b: BasicBlock, state: set[int]) -> set[int]:
    out = set(state)
    for op in b.ops:
        if isinstance(op, Assign):
            if _is_null(op.src):
                out.discard(id(op.dest))
            else:
                out.add(id(op.dest))
    return out


def remove_unneeded_checks(fn: FuncIR) -> list[str]:
    """Rewrite provably bound checks; return the names of unboxed variables
    that may be read unassigned."""
    regs, ins = _analyze(fn)
    var_ids = {id(r) for r in regs}
    unsafe: list[str] = []
    for b in fn.blocks:
        state = set(ins[id(b)])
        for i, op in enumerate(b.ops):
            if isinstance(op, Branch) and op.kind == Branch.IS_NULL and isinstance(op.value, Register):
                if id(op.value) in state:
                    b.ops[i] = Goto(op.false, line=op.line)
            else:
                for s in op.sources():
                    if isinstance(s, Register) and id(s) in var_ids and not s.type.is_boxed \
                            and id(s) not in state and s.var_name not in unsafe:
                        unsafe.append(s.var_name)
            if isinstance(op, Assign):
                if _is_null(op.src):
                    state.discard(id(op.dest))
                else:
                    state.add(id(op.dest))
    return unsafe
