"""The low-level IR builder: blocks, registers, ops and type conversions.

It knows nothing of Python syntax (that is uptc/frontend/lower*.py); it
knows how to put ops into blocks, how to convert a value from one RType to
another (box, unbox, checked cast) and how to call runtime primitives.
"""

from __future__ import annotations

from uptc.ir.func import FuncIR
from uptc.ir.ops import (
    Assign,
    BasicBlock,
    Box,
    Branch,
    BuildArray,
    CallC,
    Cast,
    CCompare,
    ErrorKind,
    Goto,
    LoadFloat,
    LoadInt,
    LoadLiteral,
    LoadStatic,
    Op,
    Register,
    Unbox,
    Unreachable,
    Value,
)
from uptc.ir.rtypes import (
    RInstance,
    cptr_rt,
    RType,
    bool_rt,
    cint_rt,
    float_rt,
    int_rt,
    none_rt,
    object_rt,
)
from uptc.primitives import float_ops, generic_ops
from uptc.primitives.registry import CFunc, cfunc

# Checked conversions from object to a more precise boxed type (the safety
# net when inference and a value disagree; normally never taken).
cast_check = cfunc("up_cast_check", [object_rt, object_rt], object_rt)
bool_from_obj = cfunc("up_bool_unbox", [object_rt], bool_rt, ErrorKind.NEVER, is_inline=True)


class IRBuilder:
    def __init__(self, fn: FuncIR):
        self.fn = fn
        self.block: BasicBlock = BasicBlock()
        self.fn.blocks.append(self.block)
        self.temp_count = 0
        self.line = fn.line
        # The block exceptions go to from blocks created now (None: leave).
        self.error_handler: BasicBlock | None = None
        self.block.error_handler = None

    # ---- blocks -------------------------------------------------------------

    def new_block(self) -> BasicBlock:
        b = BasicBlock()
        b.error_handler = self.error_handler
        return b

    def activate(self, block: BasicBlock) -> None:
        """Continue emitting into block (appended to the function). The block
        being left must be finished: falling through is never implied."""
        if self.block.ops and not self.terminated:
            raise AssertionError("activating a block while the current one is open")
        if not self.block.ops:
            self.block.ops.append(Goto(block))  # an empty block continues into the next
        self.fn.blocks.append(block)
        self.block = block

    @property
    def terminated(self) -> bool:
        return bool(self.block.ops) and self.block.ops[-1].__class__ in (
            Goto, Branch, Unreachable) or self._ends_in_return()

    def _ends_in_return(self) -> bool:
        from uptc.ir.ops import Return

        return bool(self.block.ops) and isinstance(self.block.ops[-1], Return)

    def add(self, op: Op) -> Op:
        if op.line < 0:
            op.line = self.line
        if self.terminated:
            # Code after a return/raise/break: put it in an unreachable block.
            self.activate(self.new_block())
        self.block.ops.append(op)
        return op

    def goto(self, target: BasicBlock) -> None:
        if not self.terminated:
            self.add(Goto(target))

    def goto_and_activate(self, target: BasicBlock) -> None:
        self.goto(target)
        self.activate(target)

    def branch(self, cond: Value, true: BasicBlock, false: BasicBlock) -> None:
        self.add(Branch(cond, true, false, Branch.BOOL))

    def unreachable(self) -> None:
        if not self.terminated:
            self.add(Unreachable())

    # ---- registers -------------------------------------------------------------

    def temp(self, type: RType) -> Register:
        self.temp_count += 1
        return Register(type, f"t{self.temp_count}")

    def assign(self, dest: Register, src: Value) -> None:
        self.add(Assign(dest, self.coerce(src, dest.type)))

    # ---- constants ---------------------------------------------------------------

    def load_int(self, v: int) -> Value:
        from uptc.backend_c.literals import fits_small_int

        if fits_small_int(v):
            return self.add(LoadInt(v, int_rt))
        return self.add(LoadLiteral(v, int_rt))

    def load_cint(self, v: int) -> Value:
        return self.add(LoadInt(v, cint_rt))

    def load_bool(self, v: bool) -> Value:
        return self.add(LoadInt(int(v), bool_rt))

    def none(self) -> Value:
        return self.add(LoadLiteral(None, none_rt))

    def load_float(self, v: float) -> Value:
        return self.add(LoadFloat(v))

    def load_static(self, symbol: str, type: RType = object_rt) -> Value:
        return self.add(LoadStatic(symbol, type))

    def null(self) -> Value:
        return self.add(LoadStatic("UP_NULL", object_rt))

    def null_array(self) -> Value:
        return self.add(LoadStatic("NULL", cptr_rt))

    # ---- calls -----------------------------------------------------------------

    def call_c(self, desc: CFunc, args: list[Value]) -> Value:
        assert len(args) == len(desc.arg_types), (desc.c_name, len(args))
        conv = [self.coerce(a, t) for a, t in zip(args, desc.arg_types)]
        return self.add(CallC(desc, conv))

    def array(self, items: list[Value]) -> Value:
        return self.add(BuildArray([self.box(v) for v in items]))

    # ---- conversions -------------------------------------------------------------

    def box(self, v: Value) -> Value:
        if v.type.is_boxed:
            return v
        if v.type is float_rt or v.type is cint_rt:
            return self.add(Box(v))
        if v.type is bool_rt:
            return self.add(Box(v))
        raise AssertionError(f"cannot box {v.type}")

    def coerce(self, v: Value, target: RType) -> Value:
        """v as a value of type target (box, unbox, or a checked cast)."""
        src = v.type
        if src is target:
            return v
        if target is object_rt or (target.is_boxed and target.name == "object"):
            return self.box(v)
        if target.is_boxed:
            b = self.box(v)
            if b.type is target:
                return b
            if isinstance(target, RInstance) and isinstance(b.type, RInstance) and \
                    b.type.class_ir.derives_from(target.class_ir):
                return self.add(Cast(b, target))
            if target is none_rt:
                return self.add(Cast(b, target))
            if b.type is bool_rt and target is int_rt:
                raise AssertionError("bool to int needs a conversion")
            # object (or another boxed type) -> target: checked at run time
            check = self.call_c(cast_check, [b, self.load_static(type_symbol(target))])
            return self.add(Cast(check, target))
        if target is float_rt:
            if src is int_rt:
                return self.call_c(float_ops.int_to_float, [v])
            if src is cint_rt:
                from uptc.ir.ops import CUnary

                return self.add(CUnary("(up_float_t)", v, float_rt))
            return self.call_c(float_ops.float_coerce, [self.box(v)])
        if target is bool_rt:
            if src.is_boxed:
                if src.name == "bool" or src is object_rt:
                    return self.call_c(generic_ops.truthy, [v]) if src is not bool_rt else v
                return self.call_c(generic_ops.truthy, [v])
            if src is cint_rt:
                zero = self.load_cint(0)
                return self.add(CCompare("!=", v, zero))
            if src is float_rt:
                zero = self.load_float(0.0)
                return self.add(CCompare("!=", v, zero))
        if target is cint_rt:
            if src is bool_rt:
                return v
            if src is int_rt:
                return self.add(Unbox(v, cint_rt))
        raise AssertionError(f"cannot convert {src} to {target}")

    def unbox_bool(self, v: Value) -> Value:
        """A boxed value known to be a bool object -> C truth value."""
        return self.add(Unbox(v, bool_rt))

    def truth(self, v: Value) -> Value:
        """The C truth of any value (bool(v))."""
        if v.type is bool_rt:
            return v
        return self.coerce(v, bool_rt)


def type_symbol(t: RType) -> str:
    """The C symbol of the type object for a boxed RType."""
    if isinstance(t, RInstance):
        return "&" + t.class_ir.c_name
    return "&" + {
        "int": "up_type_int", "str": "up_type_str", "list": "up_type_list",
        "tuple": "up_type_tuple", "dict": "up_type_dict", "set": "up_type_set",
        "range": "up_type_range", "None": "up_type_none", "bytes": "up_type_bytes",
        "pyb.LED": "up_type_pyb_LED",
    }[t.name]


__all__ = ["IRBuilder", "type_symbol", "cast_check", "bool_from_obj", "LoadStatic"]
