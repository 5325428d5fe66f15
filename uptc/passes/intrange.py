"""Int ranges: arithmetic that provably stays small needs no overflow check.

Every int operation is compiled with a fast path for small ints and a call
to the big-int code on overflow (up_int_add -> up_int_add_slow). When the
operands' ranges are known -- constants, counters of `for i in range(a, b)`
with constant bounds, `x % 8`, `x & 0xff` -- and the result fits the
smallest small-int range (31 bits, the pyboard's), the operation becomes a
plain machine operation: no check, no error branch, and no reference to the
big-int code (which, in a small program, then is not linked at all).

The analysis is an interval analysis over the function's IR: op results are
computed from their operands; a register's range is the union of what is
assigned to it, iterated to a fixed point (a register whose range keeps
growing becomes unknown). Range-loop counters carry their range from
lowering (Register.int_range), because the loop condition bounds them.
"""

from __future__ import annotations

from uptc.ir.func import FuncIR
from uptc.ir.ops import Assign, CallC, CCompare, ErrorKind, LoadInt, Op, Register, Value
from uptc.ir.rtypes import bool_rt, int_rt
from uptc.primitives.registry import cfunc

SMALL_LO = -(1 << 30)
SMALL_HI = (1 << 30) - 1

Range = tuple[int, int]

# The no-check variants (runtime_c/compiled.h), valid when both operands
# are small ints and the result is known to be small.
NO_CHECK = {
    "up_int_add": cfunc("up_int_add_nv", [int_rt, int_rt], int_rt, ErrorKind.NEVER, is_inline=True),
    "up_int_sub": cfunc("up_int_sub_nv", [int_rt, int_rt], int_rt, ErrorKind.NEVER, is_inline=True),
    "up_int_mul": cfunc("up_int_mul_nv", [int_rt, int_rt], int_rt, ErrorKind.NEVER, is_inline=True),
    "up_int_floordiv": cfunc("up_int_floordiv_nv", [int_rt, int_rt], int_rt, ErrorKind.NEVER,
                             is_inline=True),
    "up_int_mod": cfunc("up_int_mod_nv", [int_rt, int_rt], int_rt, ErrorKind.NEVER, is_inline=True),
    "up_int_and": cfunc("up_int_and_nv", [int_rt, int_rt], int_rt, ErrorKind.NEVER, is_inline=True),
    "up_int_or": cfunc("up_int_or_nv", [int_rt, int_rt], int_rt, ErrorKind.NEVER, is_inline=True),
    "up_int_xor": cfunc("up_int_xor_nv", [int_rt, int_rt], int_rt, ErrorKind.NEVER, is_inline=True),
}
COMPARE_OPS = {"up_int_lt": "<", "up_int_le": "<=", "up_int_gt": ">", "up_int_ge": ">=",
               "up_int_eq": "==", "up_int_ne": "!="}


def _small(r: Range | None) -> bool:
    return r is not None and SMALL_LO <= r[0] and r[1] <= SMALL_HI


def _join(a: Range | None, b: Range | None) -> Range | None:
    if a is None or b is None:
        return None
    return (min(a[0], b[0]), max(a[1], b[1]))


def _floordiv_range(a: Range, b: Range) -> Range | None:
    if b[0] > 0:  # positive divisor: monotonic in a
        cands = [a[0] // b[0], a[0] // b[1], a[1] // b[0], a[1] // b[1]]
        return (min(cands), max(cands))
    return None


def _result(name: str, a: Range | None, b: Range | None) -> Range | None:
    """The range of an int operation's result, or None when unknown."""
    if name == "up_int_mod" and b is not None and b[0] > 0:
        return (0, b[1] - 1)  # Python: the sign follows the divisor
    if name == "up_int_and" and b is not None and b[0] >= 0:
        return (0, b[1]) if a is None or a[0] < 0 else (0, min(a[1], b[1]))
    if name == "up_int_and" and a is not None and a[0] >= 0:
        return (0, a[1])
    if a is None or b is None:
        return None
    if name == "up_int_add":
        return (a[0] + b[0], a[1] + b[1])
    if name == "up_int_sub":
        return (a[0] - b[1], a[1] - b[0])
    if name == "up_int_mul":
        c = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]]
        return (min(c), max(c))
    if name == "up_int_floordiv":
        return _floordiv_range(a, b)
    if name in ("up_int_or", "up_int_xor") and a[0] >= 0 and b[0] >= 0:
        hi = max(a[1], b[1])
        return (0, (1 << hi.bit_length()) - 1)
    return None


_EMPTY = (1, 0)  # "nothing assigned yet": the identity of _union


def _union(a: Range | None, b: Range | None) -> Range | None:
    if a == _EMPTY:
        return b
    if b == _EMPTY:
        return a
    return _join(a, b)


def _ranges(fn: FuncIR) -> dict[int, Range | None]:
    """Ranges of int op results and int registers (None: unknown)."""
    values: dict[int, Range | None] = {}
    regs: dict[int, Range | None] = {}
    grown: dict[int, int] = {}

    def get(v: Value) -> Range | None:
        if isinstance(v, Register):
            fixed = getattr(v, "int_range", None)
            return fixed if fixed is not None else regs.get(id(v), _EMPTY)
        return values.get(id(v))

    for _round in range(20):
        changed = False
        for b in fn.blocks:
            for op in b.ops:
                if isinstance(op, LoadInt) and op.type is int_rt:
                    values[id(op)] = (op.value, op.value)
                elif isinstance(op, CallC) and op.type is int_rt and len(op.args) == 2:
                    x, y = get(op.args[0]), get(op.args[1])
                    if x == _EMPTY or y == _EMPTY:
                        values[id(op)] = _EMPTY
                    else:
                        values[id(op)] = _result(op.desc.c_name.replace("_nv", ""), x, y)
                elif isinstance(op, Assign) and op.dest.type is int_rt and op.src.type is int_rt:
                    rid = id(op.dest)
                    old = regs.get(rid, _EMPTY)
                    new = _union(old, get(op.src))
                    if new != old:
                        grown[rid] = grown.get(rid, 0) + 1
                        regs[rid] = new if grown[rid] <= 4 else None  # keeps growing: unknown
                        changed = True
        if not changed:
            break
    out = {k: (None if v == _EMPTY else v) for k, v in values.items()}
    out.update({k: (None if v == _EMPTY else v) for k, v in regs.items()})
    return out


def narrow_int_ops(fn: FuncIR) -> int:
    """Replace checked int operations whose operands and result are provably
    small; returns how many were replaced."""
    rng = _ranges(fn)

    def get(v: Value) -> Range | None:
        fixed = getattr(v, "int_range", None) if isinstance(v, Register) else None
        return fixed if fixed is not None else rng.get(id(v))

    from uptc.primitives import print_ops

    count = 0
    for b in fn.blocks:
        for i, op in enumerate(b.ops):
            if isinstance(op, CallC) and op.desc is print_ops.print_int and _small(get(op.args[0])):
                b.ops[i] = CallC(print_ops.print_small_int, op.args, line=op.line)
                count += 1
                continue
            if not isinstance(op, CallC) or len(op.args) != 2:
                continue
            name = op.desc.c_name
            a, c = get(op.args[0]), get(op.args[1])
            if not (_small(a) and _small(c)):
                continue
            if name in NO_CHECK:
                r = _result(name, a, c)
                if name in ("up_int_floordiv", "up_int_mod") and (c is None or c[0] <= 0):
                    continue  # a zero (or negative) divisor keeps the checked path
                if _small(r):
                    new = CallC(NO_CHECK[name], op.args, line=op.line)
                    rng[id(new)] = rng.get(id(op))
                    _replace(fn, op, new)
                    b.ops[i] = new
                    count += 1
            elif name in COMPARE_OPS:
                # Tagged small ints order like their values: compare the words.
                new_cmp = CCompare(COMPARE_OPS[name], op.args[0], op.args[1], line=op.line)
                _replace(fn, op, new_cmp)
                b.ops[i] = new_cmp
                count += 1
    return count


def _replace(fn: FuncIR, old: Op, new: Op) -> None:
    for b in fn.blocks:
        for op in b.ops:
            srcs = op.sources()
            if any(s is old for s in srcs):
                op.set_sources([new if s is old else s for s in srcs])


__all__ = ["narrow_int_ops", "bool_rt"]
