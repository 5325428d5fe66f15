"""Constant folding: int arithmetic and comparisons on constants, C scalar
ops on constants, and branches on constant conditions (which makes the
untaken side unreachable; the exception pass's cleanup drops it)."""

from __future__ import annotations

import operator

from uptc.backend_c.literals import fits_small_int
from uptc.ir.func import FuncIR
from uptc.ir.ops import Branch, CallC, CBinary, CCompare, CUnary, Goto, LoadInt, Op, Value
from uptc.ir.rtypes import bool_rt, cint_rt, int_rt
from uptc.passes.exceptions import drop_unreachable


def _floordiv(a: int, b: int) -> int | None:
    return a // b if b else None


def _mod(a: int, b: int) -> int | None:
    return a % b if b else None


def _lshift(a: int, b: int) -> int | None:
    return a << b if 0 <= b < 64 else None


def _rshift(a: int, b: int) -> int | None:
    return a >> b if b >= 0 else None


INT_FOLD = {
    "up_int_add": operator.add, "up_int_sub": operator.sub, "up_int_mul": operator.mul,
    "up_int_floordiv": _floordiv, "up_int_mod": _mod, "up_int_lshift": _lshift,
    "up_int_rshift": _rshift, "up_int_and": operator.and_, "up_int_or": operator.or_,
    "up_int_xor": operator.xor,
}
INT_CMP_FOLD = {
    "up_int_lt": operator.lt, "up_int_le": operator.le, "up_int_gt": operator.gt,
    "up_int_ge": operator.ge, "up_int_eq": operator.eq, "up_int_ne": operator.ne,
}
C_CMP = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
         ">": operator.gt, ">=": operator.ge}


def _const(v: Value) -> int | None:
    if isinstance(v, LoadInt):
        return v.value
    return None


def fold_constants(fn: FuncIR) -> int:
    """Fold in place; returns the number of ops folded."""
    replaced: dict[int, Op] = {}
    count = 0
    for b in fn.blocks:
        for i, op in enumerate(b.ops):
            # sources may refer to ops replaced earlier
            srcs = op.sources()
            if any(id(s) in replaced for s in srcs):
                op.set_sources([replaced.get(id(s), s) for s in srcs])  # type: ignore[misc]
            new = _fold(op)
            if new is not None:
                new.line = op.line
                replaced[id(op)] = new
                b.ops[i] = new
                count += 1
            elif isinstance(op, Branch) and op.kind == Branch.BOOL:
                c = _const(op.value)
                if c is not None:
                    b.ops[i] = Goto(op.true if c else op.false, line=op.line)
                    count += 1
    if count:
        drop_unreachable(fn)
    return count


def _fold(op: Op) -> Op | None:
    if isinstance(op, CallC) and len(op.args) == 2:
        a, b = _const(op.args[0]), _const(op.args[1])
        if a is None or b is None:
            return None
        if op.args[0].type is not int_rt or op.args[1].type is not int_rt:
            return None
        f = INT_FOLD.get(op.desc.c_name)
        if f is not None:
            r = f(a, b)
            if r is not None and fits_small_int(r):
                return LoadInt(r, int_rt)
            return None
        g = INT_CMP_FOLD.get(op.desc.c_name)
        if g is not None:
            return LoadInt(int(g(a, b)), bool_rt)
    if isinstance(op, CCompare):
        a, b = _const(op.lhs), _const(op.rhs)
        if a is not None and b is not None and op.lhs.type in (cint_rt, bool_rt) and \
                op.rhs.type in (cint_rt, bool_rt):
            return LoadInt(int(C_CMP[op.op](a, b)), bool_rt)
    if isinstance(op, CUnary) and op.op == "!":
        a = _const(op.src)
        if a is not None:
            return LoadInt(int(not a), bool_rt)
    if isinstance(op, CBinary) and op.type is cint_rt:
        a, b = _const(op.lhs), _const(op.rhs)
        if a is not None and b is not None and op.op in ("+", "-", "*"):
            r = {"+": a + b, "-": a - b, "*": a * b}[op.op]
            if fits_small_int(r):
                return LoadInt(r, cint_rt)
    return None
