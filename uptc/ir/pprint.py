"""Text form of the IR (`uptc build --emit-ir`, golden tests)."""

from __future__ import annotations

from uptc.ir.func import FuncIR, ModuleIR
from uptc.ir.ops import (
    AddTraceback, ArrayGet, Assign, BasicBlock, Box, Branch, BuildArray, Call, CallC, Cast,
    CBinary, CCompare, CUnary, GetSlot, Goto, LoadEnv, LoadFloat, LoadGlobal, LoadInt,
    LoadLiteral, LoadStatic, Op, OpVisitor, RaiseStandardError, Register, Return, SetSlot,
    StackCheck, StoreEnv, StoreGlobal, TupleGet, Unbox, Unreachable, Value, Yield,
)


class _Names:
    def __init__(self, fn: FuncIR):
        self.names: dict[int, str] = {}
        self.labels: dict[int, str] = {}
        n = 0
        for i, b in enumerate(fn.blocks):
            self.labels[id(b)] = f"L{i}"
            for op in b.ops:
                if not op.is_void and not isinstance(op, (Branch, Goto, Return, Unreachable)):
                    n += 1
                    self.names[id(op)] = f"v{n}"

    def v(self, x: Value) -> str:
        if isinstance(x, Register):
            return x.name
        return self.names.get(id(x), "?")

    def label(self, b: BasicBlock) -> str:
        return self.labels.get(id(b), "L?")


class _Printer(OpVisitor[str]):
    def __init__(self, names: _Names):
        self.n = names

    def visit_goto(self, op: Goto) -> str:
        return f"goto {self.n.label(op.target)}"

    def visit_branch(self, op: Branch) -> str:
        cond = {Branch.BOOL: "", Branch.IS_ERROR: "is_error ", Branch.IS_NULL: "is_null "}[op.kind]
        return f"if {cond}{self.n.v(op.value)} goto {self.n.label(op.true)} else goto {self.n.label(op.false)}"

    def visit_return(self, op: Return) -> str:
        return f"return {self.n.v(op.value)}"

    def visit_unreachable(self, op: Unreachable) -> str:
        return "unreachable"

    def visit_assign(self, op: Assign) -> str:
        return f"{op.dest.name} = {self.n.v(op.src)}"

    def visit_load_int(self, op: LoadInt) -> str:
        return f"{op.value}"

    def visit_load_float(self, op: LoadFloat) -> str:
        return f"{op.value!r}"

    def visit_load_literal(self, op: LoadLiteral) -> str:
        return f"literal {op.value!r}"

    def visit_load_static(self, op: LoadStatic) -> str:
        return f"static {op.symbol}"

    def visit_load_global(self, op: LoadGlobal) -> str:
        return f"global {op.name}" + (" (checked)" if op.checked else "")

    def visit_store_global(self, op: StoreGlobal) -> str:
        return f"global {op.name} = {self.n.v(op.value)}"

    def visit_load_env(self, op: LoadEnv) -> str:
        return f"{self.n.v(op.env)}[{op.index}] ({op.name})"

    def visit_store_env(self, op: StoreEnv) -> str:
        return f"{self.n.v(op.env)}[{op.index}] ({op.name}) = {self.n.v(op.value)}"

    def visit_call_c(self, op: CallC) -> str:
        args = list(op.desc.extra_args) + [self.n.v(a) for a in op.args]
        return f"{op.desc.c_name}({', '.join(args)})"

    def visit_call(self, op: Call) -> str:
        return f"call {op.fn.c_name}({', '.join(self.n.v(a) for a in op.args)})"

    def visit_build_array(self, op: BuildArray) -> str:
        return f"array [{', '.join(self.n.v(a) for a in op.items)}]"

    def visit_box(self, op: Box) -> str:
        return f"box {self.n.v(op.src)}"

    def visit_unbox(self, op: Unbox) -> str:
        return f"unbox {self.n.v(op.src)}"

    def visit_cast(self, op: Cast) -> str:
        return f"cast {self.n.v(op.src)}"

    def visit_c_binary(self, op: CBinary) -> str:
        return f"{self.n.v(op.lhs)} {op.op} {self.n.v(op.rhs)}"

    def visit_c_unary(self, op: CUnary) -> str:
        return f"{op.op}{self.n.v(op.src)}"

    def visit_c_compare(self, op: CCompare) -> str:
        return f"{self.n.v(op.lhs)} {op.op} {self.n.v(op.rhs)}"

    def visit_get_slot(self, op: GetSlot) -> str:
        return f"{self.n.v(op.obj)}.{op.name} (slot {op.index})"

    def visit_set_slot(self, op: SetSlot) -> str:
        return f"{self.n.v(op.obj)}.{op.name} (slot {op.index}) = {self.n.v(op.value)}"

    def visit_tuple_get(self, op: TupleGet) -> str:
        return f"{self.n.v(op.src)}[{op.index}]"

    def visit_array_get(self, op: ArrayGet) -> str:
        return f"{self.n.v(op.src)}[{op.index}]"

    def visit_raise_standard_error(self, op: RaiseStandardError) -> str:
        return f"raise {op.exc_type}({op.message!r})"

    def visit_add_traceback(self, op: AddTraceback) -> str:
        return f"traceback {op.func_name}:{op.line}"

    def visit_stack_check(self, op: StackCheck) -> str:
        return "stack_check"

    def visit_yield(self, op: Yield) -> str:
        return f"yield {self.n.v(op.value)}"


def format_op(op: Op, names: _Names) -> str:
    text = op.accept(_Printer(names))
    if id(op) in names.names:
        text = f"{names.names[id(op)]} = {text} :: {op.type}"
    return text


def format_function(fn: FuncIR) -> str:
    names = _Names(fn)
    params = ", ".join(f"{r.name}: {r.type}" for r in fn.arg_regs)
    lines = [f"def {fn.qualname}({params}):  # {fn.c_name}"]
    for b in fn.blocks:
        lines.append(f"{names.label(b)}:")
        for op in b.ops:
            lines.append("    " + format_op(op, names))
    return "\n".join(lines)


def format_module(m: ModuleIR) -> str:
    return "\n\n".join(format_function(fn) for fn in m.functions) + "\n"
