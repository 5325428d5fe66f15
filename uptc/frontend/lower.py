"""Lowering: Python AST -> IR, function by function.

The Lowerer is the AST-level builder. It keeps the state of the function
being lowered (a FunctionContext: its IRBuilder, variables, loops, active
finally blocks and handled exceptions) and dispatches each statement and
expression to the module that handles that concept:

    lower_stmt.py    assignments, if/while/for, try/except/finally, raise, return...
    lower_expr.py    operators, comparisons, literals, attributes, subscripts...
    lower_call.py    calls: builtins, direct calls, methods, classes, generic calls
    lower_func.py    function objects, closures, lambdas, class bodies

Variables live in one of five places, decided by uptc/frontend/scopes.py:
a register (locals, and module-level names only the module body uses), the
function's own closure environment (cells), an enclosing environment (free
names), the module globals array, or a class's attribute dict (class body).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from uptc.backend_c import names
from uptc.diagnostics import CompileError
from uptc.frontend.infer import FuncInfo, ProgramInfo
from uptc.frontend.lower_call import CallLowering
from uptc.frontend.lower_expr import ExprLowering
from uptc.frontend.lower_func import FuncLowering
from uptc.frontend.lower_stmt import StmtLowering
from uptc.frontend.scopes import Scope
from uptc.ir.builder import IRBuilder
from uptc.ir.classes import ClassIR
from uptc.ir.func import FuncIR, ModuleIR
from uptc.ir.ops import (
    Assign,
    BasicBlock,
    Branch,
    CallC,
    LoadEnv,
    LoadGlobal,
    LoadStatic,
    RaiseStandardError,
    Register,
    StoreEnv,
    StoreGlobal,
    Value,
)
from uptc.ir.rtypes import RType, float_rt, bool_rt, object_rt
from uptc.primitives import generic_ops
from uptc.primitives.builtin_ops import BUILTINS, CONSTANTS


@dataclass
class LoopTarget:
    continue_block: BasicBlock
    break_block: BasicBlock
    unwind_depth: int  # len(ctx.unwind) when the loop started


@dataclass
class Unwind:
    """Something to run when control leaves a try statement early (return,
    break, continue): a finally body, lowered again at each exit."""

    finalbody: list[ast.stmt]
    # The handler that was active around the try statement.
    outer_handler: BasicBlock | None
    # For a with statement: the context manager (its __exit__ is called).
    exit_manager: Value | None = None
    # For an except block: the previously handled exception, to restore.
    restore_handled: Value | None = None


@dataclass
class FunctionContext:
    fn: FuncIR
    scope: Scope
    info: FuncInfo
    builder: IRBuilder
    vars: dict[str, Register] = field(default_factory=dict)
    loops: list[LoopTarget] = field(default_factory=list)
    unwind: list[Unwind] = field(default_factory=list)
    # Exceptions being handled (innermost last), for bare `raise`.
    handled: list[Register] = field(default_factory=list)
    # Class body being executed: the class and its scope.
    class_ir: ClassIR | None = None
    class_scope: Scope | None = None
    # Comprehension scopes being lowered inline: their variables.
    inline_scopes: list[tuple[Scope, dict[str, Register]]] = field(default_factory=list)
    # Names of the env-owning function scopes enclosing this function,
    # nearest first: free variable access hops along this chain.
    env_chain: list[Scope] = field(default_factory=list)
    # Cell variables of this function: name -> index in own_env (1-based)
    cells: dict[str, int] = field(default_factory=dict)


class Lowerer(StmtLowering, ExprLowering, CallLowering, FuncLowering):
    def __init__(self, info: ProgramInfo, module: ModuleIR, main_fn: FuncIR):
        self.info = info
        self.src = info.src
        self.module = module
        self.main_fn = main_fn
        self.ctx: FunctionContext = None  # type: ignore[assignment]
        self.names = names.NameGen()
        self.lambda_count = 0
        # Module-level statements lowered so far: for "defined before use".
        self.module_line = 0
        # Expressions lowered, per copy of the statements holding them
        # (ExprLowering.expr); the nodes are kept so that ids stay unique.
        self.lowered: dict[tuple[int, int], ast.AST] = {}
        self.emission = 0
        self.emissions = 0

    def stmts_copy(self, body: list[ast.stmt]) -> None:
        """Lower statements that are emitted more than once (a finally body
        on each way out of its try): each copy runs on a path of its own."""
        saved = self.emission
        self.emissions += 1
        self.emission = self.emissions
        try:
            self.stmts(body)
        finally:
            self.emission = saved

    # ---- diagnostics ------------------------------------------------------

    def error(self, node: ast.AST, message: str, hint: str = "") -> CompileError:
        return self.src.error(node, message, hint)

    @property
    def b(self) -> IRBuilder:
        return self.ctx.builder

    def set_line(self, node: ast.AST) -> None:
        line = getattr(node, "lineno", None)
        if line is not None:
            self.b.line = line

    # ---- variables --------------------------------------------------------

    def var_type(self, scope: Scope, name: str) -> RType:
        return self.info.var_type(scope, name)

    def lookup_scope(self, name: str) -> tuple[Scope, str]:
        """The scope a name is resolved in (an inline comprehension's, or the
        function's) and how it resolves there."""
        for scope, regs in reversed(self.ctx.inline_scopes):
            kind = scope.resolve(name)
            if kind in ("local", "cell"):
                return scope, "inline"
            if kind == "free" and scope.frees[name] is not self.ctx.scope and \
                    not self._is_inline_scope(scope.frees[name]):
                return scope, "free"
            if kind == "global":
                return scope, "global"
        cscope = self.ctx.class_scope
        if cscope is not None:
            kind = cscope.resolve(name)
            if kind == "classlocal" or kind == "free":
                return cscope, kind
            return self.ctx.scope, self.ctx.scope.resolve(name)
        scope = self.ctx.scope
        return scope, scope.resolve(name)

    def _is_inline_scope(self, s: Scope) -> bool:
        return any(s is sc for sc, _ in self.ctx.inline_scopes)

    def inline_register(self, name: str) -> Register:
        for scope, regs in reversed(self.ctx.inline_scopes):
            if scope.resolve(name) in ("local", "cell"):
                return regs[name]
        raise AssertionError(name)

    def global_is_register(self, name: str) -> bool:
        return self.ctx.fn.is_module_body and name in self.info.module_locals

    def load_var(self, name: str, node: ast.AST) -> Value:
        scope, kind = self.lookup_scope(name)
        if kind == "global" and name in self.info.module_imports:
            from uptc.primitives.module_ops import MODULES

            mod = MODULES[self.info.module_imports[name]]
            return self.b.add(LoadStatic("&" + mod.symbol, object_rt, ann=name))
        if kind == "inline":
            reg = self.inline_register(name)
            return self.check_bound(reg, name, 1, node)
        if kind == "local" or (kind == "global" and self.global_is_register(name)):
            reg = self.ctx.vars[name]
            return self.check_bound(reg, name, 1 if kind == "local" else 0, node)
        if kind == "cell":
            t = self.var_type(self.ctx.scope, name)
            v = self.b.add(LoadEnv(self.ctx.fn.own_env, self.ctx.cells[name], name, object_rt, True))
            return self.from_storage(v, t)
        if kind == "free":
            return self.load_free(scope, name)
        if kind == "classlocal":
            return self.load_class_attr(name, node)
        return self.load_global(name, node)

    def check_bound(self, reg: Register, name: str, local: int, node: ast.AST) -> Value:
        """Reading a register that may be unbound raises UnboundLocalError.
        The unbound pass (passes/unbound.py) removes checks it can prove
        unnecessary; unboxed registers are always definitely assigned."""
        if not reg.type.is_boxed:
            return reg
        ok = self.b.new_block()
        bad = self.b.new_block()
        self.b.add(Branch(reg, bad, ok, Branch.IS_NULL))
        self.b.activate(bad)
        self.raise_unbound(name, local)
        self.b.activate(ok)
        return reg

    def raise_unbound(self, name: str, local: int) -> None:
        if local == 1:
            exc, msg = "UnboundLocalError", (f"cannot access local variable '{name}' where it is "
                                             "not associated with a value")
        elif local == 2:
            exc, msg = "NameError", (f"cannot access free variable '{name}' where it is not "
                                     "associated with a value in enclosing scope")
        else:
            exc, msg = "NameError", f"name '{name}' is not defined"
        self.b.add(RaiseStandardError(exc, msg))
        self.b.unreachable()

    def load_free(self, scope: Scope, name: str) -> Value:
        owner = scope.frees[name]
        env = self.ctx.fn.env_param
        assert env is not None
        hops = self.ctx.env_chain.index(owner)
        cur: Value = env
        for _ in range(hops):
            cur = self.b.add(LoadEnv(cur, 0, "<parent>", object_rt, False))
        index = self.cell_index(owner, name)
        t = self.var_type(owner, name)
        v = self.b.add(LoadEnv(cur, index, name, object_rt, True))
        return self.from_storage(v, t)

    def cell_index(self, owner: Scope, name: str) -> int:
        return sorted(owner.cells).index(name) + 1

    def from_storage(self, v: Value, t: RType) -> Value:
        """A boxed value read from memory, as a value of the variable's type."""
        if t is object_rt:
            return v
        if t is float_rt:
            from uptc.primitives import float_ops

            return self.b.call_c(float_ops.float_unbox, [v])
        if t is bool_rt:
            return self.b.unbox_bool(v)
        from uptc.ir.ops import Cast

        return self.b.add(Cast(v, t))

    def load_global(self, name: str, node: ast.AST) -> Value:
        module = self.info.scopes.module
        if name not in module.assigned:
            return self.load_builtin(name, node)
        fn_node = self.info.known_functions.get(name)
        if fn_node is not None:
            fi = self.info.functions[fn_node]
            fn = fi.ir  # type: ignore[attr-defined]
            if fn.static_object:
                return self.b.add(LoadStatic("&" + fn.static_object, object_rt, ann=name))
        cls = self.info.class_by_name.get(name)
        if cls is not None:
            return self.b.add(LoadStatic("&" + cls.c_name, object_rt, ann=name))
        idx = self.module.global_index(name)
        t = self.info.var_type(module, name)
        v = self.b.add(LoadGlobal(idx, name, object_rt, True))
        return self.from_storage(v, t)

    def load_builtin(self, name: str, node: ast.AST) -> Value:
        if name in CONSTANTS:
            value = CONSTANTS[name]
            if isinstance(value, bool):
                return self.b.load_bool(value)
            return self.literal(value)
        if name == "__name__":
            return self.literal("__main__")
        desc = BUILTINS.get(name)
        if desc is None:
            # Unknown name: NameError at run time, as CPython.
            self.raise_unbound(name, 0)
            self.b.activate(self.b.new_block())
            return self.b.none()
        if desc.is_type:
            return self.b.add(LoadStatic("&" + desc.symbol, object_rt, ann=name))
        return self.b.add(LoadStatic("&" + desc.symbol, object_rt, ann=name))

    def store_var(self, name: str, value: Value, node: ast.AST) -> None:
        scope, kind = self.lookup_scope(name)
        if kind == "inline":
            self.b.assign(self.inline_register(name), value)
            return
        if kind == "local" or (kind == "global" and self.global_is_register(name)):
            self.b.assign(self.ctx.vars[name], value)
            return
        if kind == "cell":
            t = self.var_type(self.ctx.scope, name)
            self.b.add(StoreEnv(self.ctx.fn.own_env, self.ctx.cells[name], name,
                                self.b.coerce(value, t) if t is not object_rt else self.b.box(value)))
            return
        if kind == "free":
            owner = scope.frees[name]
            env: Value = self.ctx.fn.env_param  # type: ignore[assignment]
            for _ in range(self.ctx.env_chain.index(owner)):
                env = self.b.add(LoadEnv(env, 0, "<parent>", object_rt, False))
            t = self.var_type(owner, name)
            v = self.b.coerce(value, t) if t is not object_rt else value
            self.b.add(StoreEnv(env, self.cell_index(owner, name), name, self.b.box(v)))
            return
        if kind == "classlocal":
            self.store_class_attr(name, value)
            return
        module = self.info.scopes.module
        t = self.info.var_type(module, name)
        v = self.b.coerce(value, t) if t is not object_rt else value
        self.b.add(StoreGlobal(self.module.global_index(name), name, self.b.box(v)))

    def delete_var(self, name: str, node: ast.AST) -> None:
        scope, kind = self.lookup_scope(name)
        null = self.b.null()
        if kind in ("local", "inline") or (kind == "global" and self.global_is_register(name)):
            reg = self.inline_register(name) if kind == "inline" else self.ctx.vars[name]
            self.check_bound(reg, name, 1 if kind != "global" else 0, node)
            self.b.add(Assign(reg, null))
        elif kind == "global":
            idx = self.module.global_index(name)
            self.b.add(LoadGlobal(idx, name, object_rt, True))
            self.b.add(StoreGlobal(idx, name, null))
        elif kind == "classlocal":
            cls = self.ctx.class_ir
            assert cls is not None
            self.b.call_c(generic_ops.delattr_, [self.b.add(LoadStatic("&" + cls.c_name)),
                                                  self.qstr(name)])
        else:
            raise self.error(node, f"deleting the captured variable '{name}' is not supported")

    # ---- constants --------------------------------------------------------

    def qstr(self, name: str) -> Value:
        """An interned name as a str object."""
        from uptc.ir.ops import LoadLiteral
        from uptc.ir.rtypes import str_rt

        return self.b.add(LoadLiteral(name, str_rt))

    def literal(self, value: object) -> Value:
        from uptc.ir.ops import LoadLiteral
        from uptc.ir.rtypes import bytes_rt, int_rt, none_rt, str_rt, tuple_rt

        if value is None:
            return self.b.none()
        if isinstance(value, bool):
            return self.b.add(LoadLiteral(value, object_rt))
        if isinstance(value, int):
            return self.b.load_int(value)
        if isinstance(value, float):
            return self.b.load_float(value)
        t = {str: str_rt, bytes: bytes_rt, tuple: tuple_rt}.get(type(value), object_rt)
        if value is None:
            t = none_rt
        if isinstance(value, int):
            t = int_rt
        return self.b.add(LoadLiteral(value, t))


def lower_program(info: ProgramInfo, main_fn: FuncIR) -> ModuleIR:
    module = ModuleIR(info.src.path)
    lw = Lowerer(info, module, main_fn)
    lw.lower_module()
    return module


__all__ = ["lower_program", "Lowerer", "FunctionContext", "LoopTarget", "Unwind", "CallC"]
