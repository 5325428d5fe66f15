"""Lowering functions, lambdas, closures, class bodies and the module body.

A function whose defaults are constants and which captures nothing gets a
ROM function object (FO_...): defining it costs nothing at run time, and
calls to it can be direct C calls. Other functions get their function object
made when the def statement runs (defaults evaluated then, the closure
environment attached).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from uptc.backend_c import names
from uptc.frontend.infer import FuncInfo
from uptc.frontend.lower_expr import _const_value
from uptc.frontend.scopes import Scope
from uptc.ir.builder import IRBuilder
from uptc.ir.func import FuncIR, Param, ParamKind
from uptc.ir.ops import (
    Yield,
    Assign,
    Cast,
    CallC,
    LoadStatic,
    Register,
    Return,
    StackCheck,
    StoreEnv,
    Value,
)
from uptc.ir.rtypes import cptr_rt, object_rt, tuple_rt
from uptc.primitives.registry import cfunc
from uptc.primitives import generic_ops, list_ops, misc_ops

if TYPE_CHECKING:
    from uptc.frontend.lower import Lowerer


def _params(args: ast.arguments) -> list[Param]:
    out: list[Param] = []
    pos = args.posonlyargs + args.args
    ndef = len(args.defaults)
    for i, a in enumerate(pos):
        out.append(Param(a.arg, ParamKind.POS, i >= len(pos) - ndef))
    if args.vararg:
        out.append(Param(args.vararg.arg, ParamKind.VARARGS))
    for a, d in zip(args.kwonlyargs, args.kw_defaults):
        out.append(Param(a.arg, ParamKind.KWONLY, d is not None))
    if args.kwarg:
        out.append(Param(args.kwarg.arg, ParamKind.VARKW))
    return out


def _default_nodes(args: ast.arguments) -> list[ast.expr]:
    return list(args.defaults) + [d for d in args.kw_defaults if d is not None]


def _needs_env(scope: Scope) -> bool:
    return any(owner.kind != "module" for owner in scope.frees.values())


class FuncLowering:
    # ---- preparation -----------------------------------------------------------

    def prepare_functions(self: Lowerer) -> None:
        """Decide parameters, ROM function objects and symbols of every
        function before lowering any body (calls need them)."""
        for node, fi in self.info.functions.items():
            if isinstance(node, ast.Module):
                fi.ir = self.main_fn  # type: ignore[attr-defined]
                continue
            fn: FuncIR = fi.ir  # type: ignore[attr-defined]
            fn.info_symbol = names.info_name(fn.c_name)
            if isinstance(node, (ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp)):
                # The first iterable, evaluated by the caller, is the argument.
                fn.params = [Param(".0", ParamKind.POS)]
                fn.const_defaults = []
                if not _needs_env(fi.scope):
                    fn.static_object = names.fun_object_name(fn.c_name)
                continue
            fn.params = _params(node.args)  # type: ignore[attr-defined]
            consts = []
            all_const = True
            for d in _default_nodes(node.args):  # type: ignore[attr-defined]
                ok, v = _const_value(d)
                if not ok or not _is_rom_constant(v):
                    all_const = False
                    break
                consts.append(v)
            if all_const and not _needs_env(fi.scope):
                fn.static_object = names.fun_object_name(fn.c_name)
                fn.const_defaults = consts

    # ---- definitions ------------------------------------------------------------

    def function_def(self: Lowerer, node: ast.FunctionDef | ast.Lambda) -> Value:
        """Lower a def/lambda: its body, and here the code making the function object."""
        fi: FuncInfo = self.info.functions[node]
        fn: FuncIR = fi.ir  # type: ignore[attr-defined]
        if fn.static_object:
            value: Value = self.b.add(LoadStatic("&" + fn.static_object, object_rt, ann=fn.name))
        else:
            value = self.make_function_object(fn, node)
        self.lower_function(fn, node, fi)
        if isinstance(node, ast.FunctionDef):
            for d in reversed(node.decorator_list):
                self.set_line(d)
                dec = self.expr(d)
                value = self.b.call_c(generic_ops.call, [dec, self.b.load_cint(1), self.b.array([value]),
                                                         self.b.null()])
        return value

    def make_function_object(self: Lowerer, fn: FuncIR, node: ast.FunctionDef | ast.Lambda) -> Value:
        b = self.b
        args = node.args
        defaults = [self.expr(d) for d in args.defaults]
        kwdefs = [self.expr(d) if d is not None else None for d in args.kw_defaults]
        self.set_line(node)
        dtuple = b.call_c(list_ops.tuple_from_items, [b.load_cint(len(defaults)), b.array(defaults)]) \
            if defaults else b.null()
        if any(d is not None for d in kwdefs):
            vals = [d if d is not None else b.null() for d in kwdefs]
            ktuple = b.call_c(list_ops.tuple_from_items, [b.load_cint(len(vals)), b.array(vals)])
        else:
            ktuple = b.null()
        env = self.env_for_child()
        info = b.add(LoadStatic("&" + fn.info_symbol, object_rt))
        return b.call_c(misc_ops.fun_new, [info, env, dtuple, ktuple])

    def env_for_child(self: Lowerer) -> Value:
        fn = self.ctx.fn
        if fn.own_env is not None:
            return fn.own_env
        if fn.env_param is not None:
            return fn.env_param
        return self.b.null()

    def x_Lambda(self: Lowerer, node: ast.Lambda) -> Value:
        return self.function_def(node)

    def x_GeneratorExp(self: Lowerer, node: ast.GeneratorExp) -> Value:
        """(elt for x in it): a generator function called with iter(it)."""
        return self.comprehension_function(node)

    def comprehension_function(self: Lowerer, node: ast.AST) -> Value:
        """A generator expression, or a comprehension whose variables are
        captured: a function of its own, called with iter(first iterable)."""
        fi: FuncInfo = self.info.functions[node]
        fn: FuncIR = fi.ir  # type: ignore[attr-defined]
        first = self.expr(node.generators[0].iter)
        self.set_line(node)
        it = self.b.call_c(generic_ops.getiter, [self.b.box(first)])
        env = self.env_for_child() if _needs_env(fi.scope) else None
        self.lower_function(fn, node, fi)
        from uptc.ir.ops import Call, Cast
        from uptc.ir.rtypes import dict_rt, list_rt, set_rt

        r = self.b.add(Call(fn, env, [it]))
        t = {ast.ListComp: list_rt, ast.SetComp: set_rt, ast.DictComp: dict_rt}.get(type(node))
        return self.b.add(Cast(r, t)) if t is not None else r

    def x_Yield(self: Lowerer, node: ast.Yield) -> Value:
        v = self.expr(node.value) if node.value is not None else self.b.none()
        self.set_line(node)
        return self.b.add(Yield(self.b.box(v)))

    def x_YieldFrom(self: Lowerer, node: ast.YieldFrom) -> Value:
        """The sub-iterator's values are passed through (and what is sent to
        this generator is sent on); the value is the sub-iterator's result."""
        from uptc.ir.ops import ArrayGet, BuildArray, CCompare

        b = self.b
        src = self.expr(node.value)
        self.set_line(node)
        it = b.temp(object_rt)
        b.assign(it, b.call_c(generic_ops.getiter, [b.box(src)]))
        sent = b.temp(object_rt)
        b.assign(sent, b.none())
        buf = b.add(BuildArray([b.none()]))
        head, body, done = b.new_block(), b.new_block(), b.new_block()
        b.goto_and_activate(head)
        x = b.call_c(yield_from, [it, sent, buf])
        stop = b.add(CCompare("==", x, b.add(LoadStatic("UP_STOP", object_rt))))
        b.branch(stop, done, body)
        b.activate(body)
        b.assign(sent, b.add(Yield(x)))
        b.goto(head)
        b.activate(done)
        return b.add(ArrayGet(buf, 0))

    # ---- function bodies ----------------------------------------------------------

    def lower_function(self: Lowerer, fn: FuncIR, node: ast.AST, fi: FuncInfo) -> None:
        from uptc.frontend.lower import FunctionContext

        saved = self.ctx
        scope = fi.scope
        builder = IRBuilder(fn)
        ctx = FunctionContext(fn, scope, fi, builder)
        self.ctx = ctx
        try:
            self.module.functions.append(fn)
            fn.env_param = Register(object_rt, "env", is_arg=True)
            ctx.env_chain = _env_chain(scope)
            for p in fn.params:
                reg = Register(object_rt, names.register_name(p.name), var_name=p.name, is_arg=True)
                fn.arg_regs.append(reg)
            self.set_line(node)
            # Only a function that can be re-entered needs the RecursionError
            # check (uptc/frontend/callgraph.py).
            if node in self.info.callgraph.recursive:  # type: ignore[attr-defined]
                self.b.add(StackCheck())
            self.setup_variables(scope, fn.arg_regs)
            if isinstance(node, ast.Lambda):
                v = self.expr(node.body)
                self.b.add(Return(self.b.box(v)))
            elif isinstance(node, ast.GeneratorExp):
                gens = node.generators
                self.comp_level(gens, 0, fn.arg_regs[0],
                                lambda: self.b.add(Yield(self.b.box(self.expr(node.elt)))))
                self.b.add(Return(self.b.none()))
            elif isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp)):
                result = self.comprehension_result(node)
                self.comp_level(node.generators, 0, fn.arg_regs[0],
                                lambda: self.comprehension_add(node, result))
                self.b.add(Return(result))
            else:
                self.stmts(node.body)  # type: ignore[attr-defined]
                if not self.b.terminated:
                    self.b.add(Return(self.b.none()))
        finally:
            self.ctx = saved

    def setup_variables(self: Lowerer, scope: Scope, arg_regs: list[Register]) -> None:
        """Registers for locals, the environment for captured variables."""
        ctx = self.ctx
        fn = ctx.fn
        b = self.b
        args = {r.var_name: r for r in arg_regs}
        for name in sorted(scope.locals - scope.cells):
            t = self.var_type(scope, name)
            if name in args and t is object_rt:
                ctx.vars[name] = args[name]
                continue
            reg = Register(t, names.register_name(name), var_name=name)
            ctx.vars[name] = reg
            if name in args and t.is_boxed and not self.is_self_param(name):
                # Typed from every call site (callgraph.py): the callers
                # pass exactly this type, no check needed.
                b.add(Assign(reg, b.add(Cast(args[name], t))))
            elif name in args:
                b.assign(reg, args[name])
            elif t.is_boxed:
                b.add(Assign(reg, b.null()))
        if scope.cells:
            cells = sorted(scope.cells)
            ctx.cells = {n: i + 1 for i, n in enumerate(cells)}
            env = Register(object_rt, "env_own")
            fn.own_env = env
            b.add(Assign(env, b.call_c(misc_ops.env_new, [b.load_cint(len(cells)),
                                                           fn.env_param or b.null()])))
            for n in cells:
                if n in args:
                    b.add(StoreEnv(env, ctx.cells[n], n, args[n]))

    def is_self_param(self: Lowerer, name: str) -> bool:
        fn = self.ctx.fn
        return fn.class_ir is not None and bool(fn.params) and fn.params[0].name == name

    # ---- the module body ------------------------------------------------------------

    def lower_module(self: Lowerer) -> None:
        from uptc.frontend.lower import FunctionContext

        self.prepare_functions()
        fn = self.main_fn
        fi = self.info.functions[self.src.tree]
        self.module.main = fn
        self.module.functions.append(fn)
        builder = IRBuilder(fn)
        self.ctx = FunctionContext(fn, fi.scope, fi, builder)
        fn.env_param = None
        module = self.info.scopes.module
        for name in sorted(self.info.module_locals):
            t = self.info.var_type(module, name)
            reg = Register(t, names.register_name(name), var_name=name)
            self.ctx.vars[name] = reg
            if t.is_boxed:
                builder.add(Assign(reg, builder.null()))
        if module.cells:
            raise AssertionError("module scope has no cells")
        self.stmts(self.src.tree.body)
        if not self.b.terminated:
            self.b.add(Return(self.b.none()))
        for cls in self.info.classes.values():
            self.module.classes.append(cls)

    # ---- classes ------------------------------------------------------------------

    def class_def(self: Lowerer, node: ast.ClassDef) -> None:
        cls = self.info.classes[node]
        scope = self.info.scopes.by_node[node]
        b = self.b
        type_obj = b.add(LoadStatic("&" + cls.c_name, object_rt, ann=cls.name))
        saved_cls = self.ctx.class_ir
        saved_scope = getattr(self.ctx, "class_scope", None)
        self.ctx.class_ir = cls
        self.ctx.class_scope = scope  # type: ignore[attr-defined]
        try:
            for stmt in node.body:
                self.set_line(stmt)
                if isinstance(stmt, ast.FunctionDef):
                    fi = self.info.functions[stmt]
                    fn: FuncIR = fi.ir  # type: ignore[attr-defined]
                    if fn.static_object:
                        self.lower_function(fn, stmt, fi)
                        continue
                    value = self.make_function_object(fn, stmt)
                    self.lower_function(fn, stmt, fi)
                    kind = fi.method_kind
                    if kind == "staticmethod":
                        value = b.call_c(misc_ops.staticmethod_new, [value])
                    elif kind == "classmethod":
                        value = b.call_c(misc_ops.classmethod_new, [value])
                    elif kind in ("property", "setter"):
                        raise self.error(stmt, "a property with non-constant default arguments "
                                               "is not supported")
                    b.call_c(misc_ops.class_setattr, [type_obj, self.qstr(stmt.name), value])
                    # The ROM method table must not hold it.
                    cls.methods.pop(stmt.name, None)
                    cls.method_kinds.pop(stmt.name, None)
                    cls.class_vars.append(stmt.name)
                else:
                    self.stmt(stmt)
        finally:
            self.ctx.class_ir = saved_cls
            self.ctx.class_scope = saved_scope  # type: ignore[attr-defined]

    def load_class_attr(self: Lowerer, name: str, node: ast.AST) -> Value:
        cls = self.ctx.class_ir
        assert cls is not None
        t = self.b.add(LoadStatic("&" + cls.c_name, object_rt, ann=cls.name))
        return self.b.call_c(generic_ops.getattr_, [t, self.qstr(name)])

    def store_class_attr(self: Lowerer, name: str, value: Value) -> None:
        cls = self.ctx.class_ir
        assert cls is not None
        t = self.b.add(LoadStatic("&" + cls.c_name, object_rt, ann=cls.name))
        self.b.call_c(misc_ops.class_setattr, [t, self.qstr(name), self.b.box(value)])


yield_from = cfunc("up_yield_from", [object_rt, object_rt, cptr_rt], object_rt)


def _env_chain(scope: Scope) -> list[Scope]:
    """The enclosing function scopes that own environments, nearest first."""
    out = []
    s = scope.parent
    while s is not None:
        if s.is_function and not s.is_inline and s.cells:
            out.append(s)
        s = s.parent
    return out


def _is_rom_constant(v: object) -> bool:
    if isinstance(v, tuple):
        return all(_is_rom_constant(x) for x in v)
    return v is None or v is ... or isinstance(v, (bool, int, float, str, bytes))


__all__ = ["FuncLowering", "CallC", "tuple_rt"]
