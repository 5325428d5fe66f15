"""Make error handling explicit: after every op that can fail, branch to the
block that handles the exception.

That block is the innermost except/finally of the function (the block's
error_handler), or else a small block that records this function and line
in the traceback and returns the error value to the caller. After this pass,
no op that can fail is followed by anything but its error branch.
"""

from __future__ import annotations

from uptc.ir.func import FuncIR
from uptc.ir.ops import (
    AddTraceback,
    BasicBlock,
    Branch,
    ControlOp,
    ErrorKind,
    Goto,
    LoadStatic,
    Op,
    Return,
    Unreachable,
)
from uptc.ir.rtypes import object_rt


def insert_exception_handling(fn: FuncIR) -> None:
    propagate: BasicBlock | None = None
    tb_blocks: dict[int, BasicBlock] = {}
    new_blocks: list[BasicBlock] = []

    def traceback_block(line: int) -> BasicBlock:
        nonlocal propagate
        if propagate is None:
            propagate = BasicBlock()
            err = LoadStatic("UP_NULL", object_rt, line=line)
            propagate.ops = [err, Return(err, line=line, error=True)]
        b = tb_blocks.get(line)
        if b is None:
            b = BasicBlock()
            b.ops = [AddTraceback(fn.traceback_name, line), Goto(propagate, line=line)]
            tb_blocks[line] = b
        return b

    for block in fn.blocks:
        cur = block
        ops = block.ops
        cur.ops = []
        new_blocks.append(cur)
        for i, op in enumerate(ops):
            cur.ops.append(op)
            if isinstance(op, ControlOp) or not op.can_fail():
                continue
            handler = block.error_handler or traceback_block(op.line)
            if op.error_kind is ErrorKind.ALWAYS:
                cur.ops.append(Goto(handler, line=op.line))
                # What follows is unreachable (normally an Unreachable op).
                rest = BasicBlock()
                rest.error_handler = block.error_handler
                new_blocks.append(rest)
                cur = rest
                continue
            nxt = BasicBlock()
            nxt.error_handler = block.error_handler
            br = Branch(op, handler, nxt, Branch.IS_ERROR, line=op.line)
            cur.ops.append(br)
            new_blocks.append(nxt)
            cur = nxt
        if not cur.ops or not isinstance(cur.ops[-1], ControlOp):
            cur.ops.append(Unreachable())
    blocks = [b for b in new_blocks]
    blocks += list(tb_blocks.values())
    if propagate is not None:
        blocks.append(propagate)
    fn.blocks = blocks
    drop_unreachable(fn)


def drop_unreachable(fn: FuncIR) -> None:
    """Remove blocks no path from the entry reaches."""
    if not fn.blocks:
        return
    seen: set[int] = set()
    order: list[BasicBlock] = []
    stack = [fn.blocks[0]]
    while stack:
        b = stack.pop()
        if id(b) in seen:
            continue
        seen.add(id(b))
        order.append(b)
        term = b.ops[-1]
        assert isinstance(term, ControlOp), (fn.name, b.ops)
        stack.extend(reversed(term.targets()))
        # Before this pass, exception edges exist only as error_handler.
        if b.error_handler is not None:
            stack.append(b.error_handler)
    # Keep the emission order of the original list; blocks only reachable
    # (never listed) go after it.
    keep = {id(b) for b in order}
    listed = [b for b in fn.blocks if id(b) in keep]
    listed_ids = {id(b) for b in listed}
    fn.blocks = listed + [b for b in order if id(b) not in listed_ids]


def only_control_at_end(block: BasicBlock) -> bool:
    return all(not isinstance(op, ControlOp) for op in block.ops[:-1]) and \
        isinstance(block.ops[-1], ControlOp)


__all__ = ["insert_exception_handling", "Op"]
