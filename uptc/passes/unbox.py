"""Unboxing peepholes: drop conversions that undo each other.

Lowering converts values at every boundary it meets (a float boxed to be
stored, then unboxed to be added; a C truth value boxed to True/False and
then tested). This pass makes such a pair use the original scalar, so a
float or bool that only passes through boxed form in the IR stays a C value
in the generated code; the now-unused conversions are then removed (boxing
a float allocates, so they must not stay).
"""

from __future__ import annotations

from uptc.ir.func import FuncIR
from uptc.ir.ops import Box, CallC, Cast, ErrorKind, Op, Register, Unbox, Value
from uptc.ir.rtypes import bool_rt, float_rt


def _unwrap(v: Value) -> Value | None:
    """If v is an unbox (or truth test) of a Box of a scalar: that scalar."""
    if isinstance(v, Unbox) and isinstance(v.src, Box) and v.src.src.type is v.type:
        return v.src.src
    if isinstance(v, CallC) and v.desc.c_name in ("up_float_value", "up_float_coerce_value") and \
            isinstance(v.args[0], Box) and v.args[0].src.type is float_rt:
        return v.args[0].src
    if isinstance(v, CallC) and v.desc.c_name == "up_truthy" and isinstance(v.args[0], Box) and \
            v.args[0].src.type is bool_rt:
        return v.args[0].src
    if isinstance(v, Cast) and isinstance(v.src, Cast):
        return Cast(v.src.src, v.type)
    return None


def remove_box_pairs(fn: FuncIR) -> int:
    replaced: dict[int, Value] = {}
    count = 0
    for b in fn.blocks:
        for op in b.ops:
            srcs = op.sources()
            new_srcs = []
            changed = False
            for s in srcs:
                r = replaced.get(id(s))
                if r is None:
                    r = _unwrap(s)
                    if r is not None:
                        replaced[id(s)] = r
                if r is not None:
                    new_srcs.append(r)
                    changed = True
                else:
                    new_srcs.append(s)
            if changed:
                op.set_sources(new_srcs)
                count += 1
    _remove_dead_conversions(fn)
    return count


def _remove_dead_conversions(fn: FuncIR) -> None:
    """Drop Box/Unbox/Cast ops (and never-failing calls) nothing uses."""
    while True:
        used: set[int] = set()
        for b in fn.blocks:
            for op in b.ops:
                for s in op.sources():
                    used.add(id(s))
        removed = False
        for b in fn.blocks:
            keep: list[Op] = []
            for op in b.ops:
                dead = id(op) not in used and (
                    isinstance(op, (Unbox, Cast)) or
                    (isinstance(op, Box) and not _has_error_branch(b, op)) or
                    (isinstance(op, CallC) and op.error_kind is ErrorKind.NEVER and
                     op.desc.c_name in ("up_float_value", "up_bool_unbox", "up_int_from_bool")))
                if dead:
                    removed = True
                else:
                    keep.append(op)
            b.ops = keep
        if not removed:
            return


def _has_error_branch(block, op: Op) -> bool:
    from uptc.ir.ops import Branch

    return any(isinstance(o, Branch) and o.value is op for o in block.ops)


__all__ = ["remove_box_pairs", "Register"]
