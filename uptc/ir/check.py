"""The IR validator, run after every pass in the tests.

Checks the structural invariants the backend relies on: every block ends in
exactly one control op and has none before it, every jump target is a block
of the function, op operands are values of the function, operand counts of
runtime calls match their primitive, and an op that can fail (after the
exception pass) is followed by its error branch.
"""

from __future__ import annotations

from uptc.ir.func import FuncIR, ModuleIR
from uptc.ir.ops import Branch, CallC, ControlOp, Op, Register


class IRError(Exception):
    pass


def check_function(fn: FuncIR, after_exceptions: bool = False) -> None:
    def fail(msg: str) -> None:
        raise IRError(f"{fn.qualname}: {msg}")

    blocks = {id(b) for b in fn.blocks}
    if not fn.blocks:
        fail("no blocks")
    defined: set[int] = set()
    for b in fn.blocks:
        for op in b.ops:
            defined.add(id(op))
    for b in fn.blocks:
        if not b.ops or not isinstance(b.ops[-1], ControlOp):
            fail(f"block {b.label} does not end in a control op")
        for op in b.ops[:-1]:
            if isinstance(op, ControlOp):
                fail(f"control op {type(op).__name__} in the middle of a block")
        for t in b.ops[-1].targets():
            if id(t) not in blocks:
                fail(f"jump to a block outside the function ({type(b.ops[-1]).__name__})")
        for i, op in enumerate(b.ops):
            for s in op.sources():
                if isinstance(s, Op) and id(s) not in defined:
                    fail(f"{type(op).__name__} uses a value not defined in the function")
                if not isinstance(s, (Op, Register)):
                    fail(f"{type(op).__name__} has a bad operand {s!r}")
            if isinstance(op, CallC) and len(op.args) != len(op.desc.arg_types):
                fail(f"call of {op.desc.c_name} with {len(op.args)} arguments")
            if after_exceptions and not isinstance(op, ControlOp) and op.can_fail():
                nxt = b.ops[i + 1] if i + 1 < len(b.ops) else None
                ok = (isinstance(nxt, Branch) and nxt.kind == Branch.IS_ERROR and nxt.value is op) or \
                    (nxt is not None and isinstance(nxt, ControlOp) and
                     op.error_kind.value == "always")
                if not ok:
                    fail(f"{type(op).__name__} {getattr(getattr(op, 'desc', None), 'c_name', '')} (line {op.line}) can fail but is not followed by its error branch")


def check_module(m: ModuleIR, after_exceptions: bool = False) -> None:
    for fn in m.functions:
        check_function(fn, after_exceptions)
