"""C code for one function: declarations, then its blocks as labels.

The statements that come from one Python line are written on one physical
C line after a `#line N "app.py"` directive, so debug information (and the
fault decoder, which uses addr2line) maps every instruction to the right
Python line; a `// app.py:N: <source>` comment above says which.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from uptc.backend_c import names
from uptc.backend_c.literals import c_comment, c_string
from uptc.ir.func import FuncIR
from uptc.ir.ops import (
    AddTraceback, ArrayGet, Assign, BasicBlock, Box, Branch, BuildArray, Call, CallC, Cast,
    CBinary, CCompare, CUnary, GetSlot, Goto, LoadEnv, LoadFloat, LoadGlobal, LoadInt,
    LoadLiteral, LoadStatic, Op, OpVisitor, RaiseStandardError, Register, Return, SetSlot,
    StackCheck, StoreEnv, StoreGlobal, TupleGet, Unbox, Unreachable, Value, Yield,
)
from uptc.ir.rtypes import bool_rt, cint_rt, cptr_rt, float_rt, void_rt

if TYPE_CHECKING:
    from uptc.backend_c.emit import ModuleEmitter


# Replaced by `#line <this line + 1> "<c file>"` once the whole file is written.
LINE_RESET = "#line @@"


def c_type(t) -> str:  # noqa: ANN001
    return t.c_type


class FunctionEmitter(OpVisitor[str]):
    def __init__(self, fn: FuncIR, mod: ModuleEmitter):
        self.fn = fn
        self.mod = mod
        self.values: dict[int, str] = {}
        self.labels: dict[int, str] = {}
        self.decls: list[str] = []
        self.arrays: dict[int, str] = {}

    # ---- names ---------------------------------------------------------------

    def v(self, x: Value) -> str:
        name = x.name if isinstance(x, Register) else self.values[id(x)]
        if self.fn.is_generator and name != "NULL":
            return f"F->{name}"
        return name

    def label(self, b: BasicBlock) -> str:
        return self.labels[id(b)]

    def goto(self, b: BasicBlock) -> str:
        name = self.labels[id(b)]
        self.used_labels.add(name)
        return f"goto {name};"

    def assign_names(self) -> None:
        fn = self.fn
        used: set[str] = {r.name for r in fn.arg_regs}
        if fn.env_param is not None:
            used.add(fn.env_param.name)
        # Registers (Python variables and temporaries)
        regs = [r for r in fn.all_registers() if not r.is_arg]
        dropped = self.dropped_variables(regs)
        seen: set[str] = set()
        for r in regs:
            base = r.name
            name = base
            n = 2
            while name in used or name in seen:
                name = f"{base}_{n}"
                n += 1
            r.name = name
            seen.add(name)
            qual = " volatile" if id(r) in dropped else ""
            self.decls.append(f"{c_type(r.type)}{qual} {name}")
        # Results nothing reads: calls become plain statements, constants vanish.
        self.used: set[int] = set()
        for b in fn.blocks:
            for op in b.ops:
                for src in op.sources():
                    self.used.add(id(src))
        count = 0
        for i, b in enumerate(fn.blocks):
            self.labels[id(b)] = f"L{i}"
        for b in fn.blocks:
            for op in b.ops:
                if isinstance(op, BuildArray):
                    count += 1
                    name = f"a{count}"
                    self.values[id(op)] = name if op.items else "NULL"
                    if op.items:
                        self.decls.append(f"up_obj_t {name}[{len(op.items)}]")
                elif not op.is_void and not isinstance(op, (Branch, Goto, Return, Unreachable)) \
                        and id(op) in self.used:
                    count += 1
                    name = f"v{count}"
                    self.values[id(op)] = name
                    self.decls.append(f"{c_type(op.type)} {name}")
        self.find_array_clears()

    def dropped_variables(self, regs: list[Register]) -> set[int]:
        """The variables a store of a constant gives up a value in (`x = None`
        or `del x` after x held an object). When x is not read before its
        next assignment, the C compiler drops such a store as dead and x's
        old value stays in its register or stack slot, where the
        conservative GC still finds it: these variables are declared
        volatile, so every store to them is made. A forward may-analysis
        finds the constant stores that some non-constant store reaches (a
        plain `x = None` before a loop that fills x costs nothing); a
        generator's variables live in its frame object, where no store is
        dead."""
        if self.fn.is_generator:
            return set()
        wanted = {id(r) for r in regs if r.var_name and r.type.is_boxed}
        blocks = self.fn.blocks
        where = {id(b): i for i, b in enumerate(blocks)}

        def constant(v: Value) -> bool:
            while isinstance(v, Cast):
                v = v.src
            return isinstance(v, (LoadLiteral, LoadStatic, LoadInt))

        def run(i: int, held_in: set[int], dropped: set[int] | None = None) -> set[int]:
            held = set(held_in)  # variables that may hold an object here
            for op in blocks[i].ops:
                if isinstance(op, Assign) and id(op.dest) in wanted:
                    if not constant(op.src):
                        held.add(id(op.dest))
                    elif id(op.dest) in held:
                        held.discard(id(op.dest))
                        if dropped is not None:
                            dropped.add(id(op.dest))
            return held

        entry: list[set[int]] = [set() for _ in blocks]
        work = list(range(len(blocks)))
        while work:
            i = work.pop()
            out = run(i, entry[i])
            for t in blocks[i].terminator.targets():
                j = where[id(t)]
                if not out <= entry[j]:
                    entry[j] |= out
                    work.append(j)
        dropped: set[int] = set()
        for i in range(len(blocks)):
            run(i, entry[i], dropped)
        return dropped

    def find_array_clears(self) -> None:
        """An argument array lives in the frame (its address escapes) until the
        function returns, so the values it held would stay visible to the
        conservative GC long after the call: an array read by one call only
        has its non-constant items cleared right after that call."""
        users: dict[int, list[Op]] = {}
        arrays: dict[int, BuildArray] = {}
        for b in self.fn.blocks:
            for op in b.ops:
                if isinstance(op, BuildArray) and op.items:
                    arrays[id(op)] = op
                for src in op.sources():
                    if id(src) in arrays:
                        users.setdefault(id(src), []).append(op)
        self.clear_after: dict[int, list[str]] = {}
        for key, arr in arrays.items():
            used_by = users.get(key, [])
            if len(used_by) != 1 or not isinstance(used_by[0], (Call, CallC)):
                continue
            name = self.v(arr)
            clears = [f"{name}[{i}] = UP_NULL;" for i, x in enumerate(arr.items)
                      if not isinstance(x, (LoadInt, LoadLiteral, LoadStatic, LoadFloat))]
            if clears:
                self.clear_after.setdefault(id(used_by[0]), []).extend(clears)

    # ---- the function ----------------------------------------------------------

    def prototype(self) -> str:
        params = ["up_obj_t env"] + [f"up_obj_t {r.name}" for r in self.fn.arg_regs]
        if self.fn.env_param is not None:
            self.fn.env_param.name = "env"
        return f"static up_obj_t {self.fn.c_name}({', '.join(params)})"

    def emit(self) -> list[str]:
        self.assign_names()
        self.yield_count = 0
        if self.fn.is_generator:
            return self.emit_generator()
        out = [self.prototype() + " {"]
        if self.fn.env_param is None or not self._uses_env():
            out.append("    (void)env;")
        for d in self.decls:
            out.append(f"    {d};")
        out += self.body_lines()
        out.append("}")
        return out

    def frame_name(self) -> str:
        return "GF_" + self.fn.c_name[2:]

    def resume_name(self) -> str:
        return "R_" + self.fn.c_name[2:]

    def emit_generator(self) -> list[str]:
        """A generator: its frame struct, the function that makes the frame
        (what calling the generator function does), and the resume function
        holding the body as a state machine."""
        fn = self.fn
        frame, resume = self.frame_name(), self.resume_name()
        out = ["typedef struct {", "    up_gen_t gen;", "    up_obj_t env;"]
        out += [f"    up_obj_t {r.name};" for r in fn.arg_regs]
        out += [f"    {d};" for d in self.decls]
        out.append(f"}} {frame};")
        out.append(f"static up_obj_t {resume}(up_gen_t *gen, up_obj_t sent);")
        out.append(self.prototype() + " {")
        out.append(f"    {frame} *F = ({frame} *)up_gen_new(sizeof({frame}), {resume}, "
                   f"{self.mod.qstr(fn.name)});")
        out.append("    if (F == NULL) {")
        out.append("        return UP_NULL;")
        out.append("    }")
        out.append("    F->env = env;")
        for r in fn.arg_regs:
            out.append(f"    F->{r.name} = {r.name};")
        out.append("    return (up_obj_t)F;")
        out.append("}")
        body = self.body_lines()
        out.append(f"static up_obj_t {resume}(up_gen_t *gen, up_obj_t sent) {{")
        out.append(f"    {frame} *F = ({frame} *)gen;")
        out.append("    switch (gen->state) {")
        out.append("    case 0:")
        out.append("        break;")
        for k in range(1, self.yield_count + 1):
            out.append(f"    case {k}:")
            out.append(f"        goto Y{k};")
        out.append("    default:")
        out.append("        return UP_STOP;")
        out.append("    }")
        out.append("    (void)sent;")
        out += body
        out.append("}")
        return out

    def body_lines(self) -> list[str]:
        out: list[str] = []
        path = self.mod.path
        blocks = self.fn.blocks
        # First the statements (recording which labels a goto uses), then the
        # text with only those labels.
        items: list[tuple[str, int, str]] = []  # ("label", 0, name) / ("stmt", line, text)
        self.used_labels: set[str] = set()
        for bi, b in enumerate(blocks):
            nxt = blocks[bi + 1] if bi + 1 < len(blocks) else None
            items.append(("label", 0, self.label(b)))
            for op in b.ops:
                stmt = self.statement(op, nxt)
                if stmt:
                    items.append(("stmt", op.line, stmt))
        group: list[str] = []
        group_line = -1
        for kind, line, text in items:
            if kind == "label":
                if text not in self.used_labels:
                    continue
                if group:
                    out.extend(self.flush(group, group_line, path))
                    group = []
                group_line = -1
                out.append(f"{text}:;")
                continue
            if line <= 0:
                line = group_line
            if line != group_line and group:
                out.extend(self.flush(group, group_line, path))
                group = []
            group_line = line
            group.append(text)
        if group:
            out.extend(self.flush(group, group_line, path))
        return out

    def _uses_env(self) -> bool:
        env = self.fn.env_param
        return any(s is env for b in self.fn.blocks for op in b.ops for s in op.sources())

    def flush(self, group: list[str], line: int, path: str) -> list[str]:
        if line <= 0:
            return ["    " + " ".join(group)]
        src = self.mod.source_line(line)
        return [f"    // {path}:{line}: {c_comment(src.strip())}",
                f'#line {line} {c_string(path.encode())}',
                "    " + " ".join(group),
                LINE_RESET]

    def statement(self, op: Op, nxt: BasicBlock | None) -> str:
        self.next_block = nxt
        text = op.accept(self)
        clears = self.clear_after.get(id(op))
        if clears:
            text = " ".join([text, *clears]) if text else " ".join(clears)
        return text

    def set(self, op: Op, expr: str) -> str:
        if op.is_void or id(op) not in self.used:
            if isinstance(op, (CallC, Call, Box, StackCheck, GetSlot)):
                return f"{expr};" if op.is_void or op.type is not float_rt else f"(void){expr};"
            return ""
        return f"{self.v(op)} = {expr};"

    # ---- control -----------------------------------------------------------------

    def jump(self, target: BasicBlock) -> str:
        if target is self.next_block:
            return ""
        return self.goto(target)

    def visit_goto(self, op: Goto) -> str:
        return self.jump(op.target)

    def visit_branch(self, op: Branch) -> str:
        v = self.v(op.value)
        if op.kind == Branch.BOOL:
            cond = f"!({v})" if op.negated else v
            if op.true is self.next_block:
                return f"if (!({cond})) {self.goto(op.false)}"
            tail = self.jump(op.false)
            return f"if ({cond}) {self.goto(op.true)}" + (" " + tail if tail else "")
        if op.kind == Branch.IS_NULL:
            cond = f"{v} == UP_NULL"
        else:
            t = op.value.type
            if t is float_rt:
                cond = f"{v} == UP_FLOAT_ERR && up_exc_pending"
            elif t.c_error_value == "-1":
                cond = f"{v} < 0"
            else:
                cond = f"{v} == UP_NULL"
        tail = self.jump(op.false)
        return f"if (UP_UNLIKELY({cond})) {self.goto(op.true)}" + (" " + tail if tail else "")

    def visit_return(self, op: Return) -> str:
        if self.fn.is_generator:
            if op.error:
                return "return UP_NULL;"
            return f"F->gen.ret = {self.v(op.value)}; return UP_STOP;"
        return f"return {self.v(op.value)};"

    def visit_yield(self, op: Yield) -> str:
        self.yield_count += 1
        k = self.yield_count
        return (f"gen->state = {k}; return {self.v(op.value)}; Y{k}:; "
                + self.set(op, "sent"))

    def visit_unreachable(self, op: Unreachable) -> str:
        return "__builtin_unreachable();"

    # ---- values ------------------------------------------------------------------

    def visit_assign(self, op: Assign) -> str:
        return f"{self.v(op.dest)} = {self.v(op.src)};"

    def visit_load_int(self, op: LoadInt) -> str:
        if op.type is cint_rt or op.type is bool_rt:
            return self.set(op, str(op.value))
        return self.set(op, self.mod.small_int(op.value))

    def visit_load_float(self, op: LoadFloat) -> str:
        return self.set(op, self.mod.float_const(op.value))

    def visit_load_literal(self, op: LoadLiteral) -> str:
        return self.set(op, self.mod.literal(op.value))

    def visit_load_static(self, op: LoadStatic) -> str:
        sym = op.symbol
        if sym.startswith("&"):
            expr = f"(up_obj_t){sym}"
        else:
            expr = sym
        if op.type is cptr_rt:
            return self.set(op, sym)
        return self.set(op, expr)

    def visit_load_global(self, op: LoadGlobal) -> str:
        s = self.set(op, f"{names.GLOBALS_ARRAY}[{op.index}]")
        if op.checked and s:
            v = self.v(op)
            s += f" if ({v} == UP_NULL) {v} = up_unbound_error({c_string(op.name.encode())}, 0);"
        return s

    def visit_store_global(self, op: StoreGlobal) -> str:
        return f"{names.GLOBALS_ARRAY}[{op.index}] = {self.v(op.value)};"

    def visit_load_env(self, op: LoadEnv) -> str:
        s = self.set(op, f"up_env_vars({self.v(op.env)})[{op.index}]")
        if op.checked and s:
            v = self.v(op)
            s += f" if ({v} == UP_NULL) {v} = up_unbound_error({c_string(op.name.encode())}, 2);"
        return s

    def visit_store_env(self, op: StoreEnv) -> str:
        return f"up_env_vars({self.v(op.env)})[{op.index}] = {self.v(op.value)};"

    def visit_call_c(self, op: CallC) -> str:
        args = list(op.desc.extra_args) + [self.v(a) for a in op.args]
        return self.set(op, f"{op.desc.c_name}({', '.join(args)})")

    def visit_call(self, op: Call) -> str:
        env = self.v(op.env) if op.env is not None else "UP_NULL"
        args = [env] + [self.v(a) for a in op.args]
        return self.set(op, f"{op.fn.c_name}({', '.join(args)})")

    def visit_build_array(self, op: BuildArray) -> str:
        name = self.v(op)
        return " ".join(f"{name}[{i}] = {self.v(x)};" for i, x in enumerate(op.items))

    def visit_box(self, op: Box) -> str:
        src = op.src
        if src.type is float_rt:
            return self.set(op, f"up_float_new({self.v(src)})")
        if src.type is bool_rt:
            return self.set(op, f"({self.v(src)} ? UP_TRUE : UP_FALSE)")
        if src.type is cint_rt:
            return self.set(op, f"up_int_from_cint({self.v(src)})")
        raise AssertionError(src.type)

    def visit_unbox(self, op: Unbox) -> str:
        src = self.v(op.src)
        if op.type is float_rt:
            return self.set(op, f"up_float_value({src})")
        if op.type is bool_rt:
            return self.set(op, f"({src} == UP_TRUE)")
        if op.type is cint_rt:
            return self.set(op, f"up_small_value({src})")
        raise AssertionError(op.type)

    def visit_cast(self, op: Cast) -> str:
        return self.set(op, self.v(op.src))

    def visit_c_binary(self, op: CBinary) -> str:
        return self.set(op, f"{self.v(op.lhs)} {op.op} {self.v(op.rhs)}")

    def visit_c_unary(self, op: CUnary) -> str:
        return self.set(op, f"{op.op}{self.v(op.src)}")

    def visit_c_compare(self, op: CCompare) -> str:
        lhs, rhs = self.v(op.lhs), self.v(op.rhs)
        if op.lhs.type.is_boxed and op.op not in ("==", "!="):
            # tagged small ints order like their values as signed words
            lhs, rhs = f"(up_int_t){lhs}", f"(up_int_t){rhs}"
        return self.set(op, f"{lhs} {op.op} {rhs}")

    def visit_get_slot(self, op: GetSlot) -> str:
        return self.set(op, f"up_getslot({self.v(op.obj)}, {op.index}, {self.mod.qstr(op.name)})")

    def visit_set_slot(self, op: SetSlot) -> str:
        return f"up_instance_slots({self.v(op.obj)})[{op.index}] = {self.v(op.value)};"

    def visit_tuple_get(self, op: TupleGet) -> str:
        return self.set(op, f"up_tuple_item({self.v(op.src)}, {op.index})")

    def visit_array_get(self, op: ArrayGet) -> str:
        return self.set(op, f"{self.v(op.src)}[{op.index}]")

    def visit_raise_standard_error(self, op: RaiseStandardError) -> str:
        return f"up_raise_msg(&up_type_{op.exc_type}, {c_string(op.message.encode())});"

    def visit_add_traceback(self, op: AddTraceback) -> str:
        return f"up_tb_add(&{self.mod.traceback_site(op.func_name, op.line)});"

    def visit_stack_check(self, op: StackCheck) -> str:
        return self.set(op, "up_stack_check()")


__all__ = ["FunctionEmitter", "void_rt"]
