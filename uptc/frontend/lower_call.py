"""Lowering calls.

In order of preference:
  1. builtins with a fast path (print, len, isinstance, str, repr...) and
     other builtin functions called through their C function directly;
  2. functions of the program bound once at module level: a direct C call
     when the arguments can be bound at compile time;
  3. methods of builtin types (str.split, list.append...) when the receiver's
     type is known: a direct call of the method's C function;
  4. methods of the program's classes when the receiver's class is known and
     no subclass overrides the method: a direct C call;
  5. functions of built-in modules (time.sleep_ms, pyb.delay...): direct;
  6. everything else: up_call / up_call_method / up_call_ex, which bind
     arguments at run time exactly as CPython does.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from uptc.ir.func import FuncIR, ParamKind
from uptc.ir.ops import Call, Cast, ErrorKind, LoadLiteral, LoadStatic, Unbox, Value
from uptc.ir.rtypes import (
    RInstance,
    RType,
    bool_rt,
    dict_rt,
    float_rt,
    int_rt,
    list_rt,
    object_rt,
    set_rt,
    str_rt,
    tuple_rt,
)
from uptc.primitives import dict_ops, generic_ops, list_ops, misc_ops, print_ops, str_ops
from uptc.primitives.builtin_ops import BUILTINS
from uptc.primitives.module_ops import FAST_CLASSES, FAST_CONST_INT_FUNCS, MODULES
from uptc.primitives.registry import CFunc, MethodDesc, cfunc, vectorcall

if TYPE_CHECKING:
    from uptc.frontend.lower import Lowerer

from uptc.frontend.infer import METHOD_PYTYPES
from uptc.primitives.dict_ops import DICT_METHODS, FLOAT_METHODS, INT_METHODS, SET_METHODS
from uptc.primitives.list_ops import LIST_METHODS, TUPLE_METHODS
from uptc.primitives.str_ops import STR_METHODS

BUILTIN_METHODS: dict[str, dict[str, MethodDesc]] = {
    "str": STR_METHODS, "list": LIST_METHODS, "tuple": TUPLE_METHODS, "dict": DICT_METHODS,
    "set": SET_METHODS, "int": INT_METHODS, "float": FLOAT_METHODS,
}
_TYPE_OF_RT = {str_rt: "str", list_rt: "list", tuple_rt: "tuple", dict_rt: "dict", set_rt: "set",
               int_rt: "int"}


class CallLowering:
    def x_Call(self: Lowerer, node: ast.Call) -> Value:
        f = node.func
        starred = any(isinstance(a, ast.Starred) for a in node.args) or \
            any(k.arg is None for k in node.keywords)
        if isinstance(f, ast.Name):
            scope, kind = self.lookup_scope(f.id)
            if kind == "global" and not self.global_is_register(f.id):
                module = self.info.scopes.module
                if f.id not in module.assigned:
                    if f.id == "super":
                        return self.super_call_value(node)
                    if f.id in BUILTINS and not starred:
                        r = self.builtin_call(f.id, node)
                        if r is not None:
                            return r
                elif not starred and f.id in self.info.known_functions:
                    fn_node = self.info.known_functions[f.id]
                    if not (self.ctx.fn.is_module_body and self.module_line < fn_node.lineno):
                        r = self.direct_call(self.info.functions[fn_node].ir, node, [])  # type: ignore[attr-defined]
                        if r is not None:
                            return r
                elif not starred and f.id in self.info.from_imports:
                    mod, attr = self.info.from_imports[f.id]
                    if attr in MODULES[mod].functions or (mod, attr) in FAST_CLASSES:
                        return self.module_call(mod, attr, node)
        if isinstance(f, ast.Attribute) and not starred:
            r = self.method_call(f, node)
            if r is not None:
                return r
        callee = self.expr(f)
        return self.generic_call(callee, node)

    # ---- arguments --------------------------------------------------------

    def call_args(self: Lowerer, node: ast.Call, prefix: list[Value]) -> tuple[list[Value], Value]:
        """Positional values then keyword values, and the kwnames tuple (or NULL)."""
        values = list(prefix) + [self.expr(a) for a in node.args]
        names = []
        for k in node.keywords:
            values.append(self.expr(k.value))
            names.append(k.arg)
        self.set_line(node)
        kwnames = self.b.add(LoadLiteral(tuple(names), tuple_rt)) if names else self.b.null()
        return values, kwnames

    def vector_call(self: Lowerer, desc: CFunc, node: ast.Call, prefix: list[Value]) -> Value:
        values, kwnames = self.call_args(node, prefix)
        arr = self.b.array(values) if values else self.b.null_array()
        return self.b.call_c(desc, [self.b.load_cint(len(values)), arr, kwnames])

    def generic_call(self: Lowerer, callee: Value, node: ast.Call) -> Value:
        b = self.b
        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
            pos = b.call_c(list_ops.list_new, [b.load_cint(0)])
            for a in node.args:
                if isinstance(a, ast.Starred):
                    b.call_c(list_ops.list_extend, [pos, self.expr(a.value)])
                else:
                    b.call_c(list_ops.list_append, [pos, self.expr(a)])
            kw = b.null()
            if node.keywords:
                kw = b.call_c(dict_ops.dict_new, [])
                for k in node.keywords:
                    if k.arg is None:
                        b.call_c(dict_merge_kwargs, [kw, self.expr(k.value)])
                    else:
                        b.call_c(dict_ops.dict_setitem, [kw, self.qstr(k.arg), self.expr(k.value)])
            self.set_line(node)
            return b.call_c(generic_ops.call_ex, [b.box(callee), pos, kw])
        values, kwnames = self.call_args(node, [])
        arr = b.array(values) if values else b.null_array()
        return b.call_c(generic_ops.call, [b.box(callee), b.load_cint(len(values)), arr, kwnames])

    # ---- builtins ---------------------------------------------------------------

    def builtin_call(self: Lowerer, name: str, node: ast.Call) -> Value | None:
        b = self.b
        args = node.args
        kws = {k.arg: k.value for k in node.keywords}
        if name == "print" and set(kws) <= {"sep", "end"} and \
                all(self.str_or_none(kws[k]) for k in kws):
            return self.print_call(args, kws.get("sep"), kws.get("end"), node)
        if kws:
            desc = BUILTINS[name]
            if desc.is_type or desc.call is None:
                return None
            r = self.vector_call(desc.call, node, [])
            return self.typed_result(r, self.info_expr_type(node))
        if name == "len" and len(args) == 1:
            v = self.expr(args[0])
            self.set_line(node)
            if v.type is str_rt:
                return b.call_c(str_ops.str_len, [v])
            if v.type is list_rt:
                return b.call_c(list_ops.list_len, [v])
            if v.type is tuple_rt:
                return b.call_c(list_ops.tuple_len, [v])
            return b.add(Cast(b.call_c(generic_ops.len_obj, [b.box(v)]), int_rt))
        if name == "isinstance" and len(args) == 2:
            v = self.expr(args[0])
            t = self.expr(args[1])
            self.set_line(node)
            return b.call_c(generic_ops.isinstance_, [b.box(v), b.box(t)])
        if name == "str" and len(args) == 1:
            v = self.expr(args[0])
            self.set_line(node)
            return v if v.type is str_rt else b.call_c(str_ops.obj_str, [b.box(v)])
        if name == "repr" and len(args) == 1:
            v = self.expr(args[0])
            self.set_line(node)
            return b.call_c(str_ops.obj_repr, [b.box(v)])
        if name == "float" and len(args) == 1:
            v = self.expr(args[0])
            self.set_line(node)
            if v.type in (int_rt, float_rt):
                return b.coerce(v, float_rt)
            r = b.call_c(float_from_obj, [b.box(v)])
            return b.call_c(float_unbox_checked, [r])
        if name == "int" and len(args) == 1:
            v = self.expr(args[0])
            self.set_line(node)
            if v.type is int_rt:
                return v
            if v.type is float_rt:
                return b.call_c(float_to_int, [v])
            return b.add(Cast(b.call_c(generic_ops.call, [
                b.add(LoadStatic("&up_type_int", object_rt, ann="int")), b.load_cint(1),
                b.array([v]), b.null()]), int_rt))
        if name == "bool" and len(args) == 1:
            return b.truth(self.expr(args[0]))
        if name == "abs" and len(args) == 1:
            v = self.expr(args[0])
            self.set_line(node)
            if v.type is int_rt:
                return b.call_c(int_abs, [v])
            if v.type is float_rt:
                return b.call_c(float_abs, [v])
            return self.builtin_values_call(name, [v], node)
        if name in ("list", "tuple") and len(args) == 1:
            v = self.expr(args[0])
            self.set_line(node)
            if name == "list":
                return b.call_c(generic_ops.list_from_iter, [b.box(v)])
            return b.add(Cast(b.call_c(generic_ops.tuple_from_iter, [b.box(v)]), tuple_rt))
        desc = BUILTINS[name]
        if desc.is_type:
            callee = b.add(LoadStatic("&" + desc.symbol, object_rt, ann=name))
            r = self.generic_call(callee, node)
            t = desc.result_type
            if t in (list_rt, tuple_rt, dict_rt, set_rt, str_rt):
                return b.add(Cast(r, t))
            return r
        assert desc.call is not None
        r = self.vector_call(desc.call, node, [])
        return self.typed_result(r, self.info_expr_type(node))

    def builtin_values_call(self: Lowerer, name: str, values: list[Value], node: ast.Call) -> Value:
        """The builtin's C function called with arguments already evaluated
        (a fast path that did not apply must not evaluate them again)."""
        desc = BUILTINS[name]
        assert desc.call is not None and not desc.is_type, name
        b = self.b
        arr = b.array(values) if values else b.null_array()
        r = b.call_c(desc.call, [b.load_cint(len(values)), arr, b.null()])
        return self.typed_result(r, self.info_expr_type(node))

    def is_none_literal(self: Lowerer, node: ast.AST | None) -> bool:
        return isinstance(node, ast.Constant) and node.value is None

    def str_or_none(self: Lowerer, node: ast.AST) -> bool:
        """Known to be a str or None (print's sep= and end=)."""
        return self.is_none_literal(node) or self.info_expr_type(node) is str_rt

    def print_call(self: Lowerer, args: list[ast.expr], sep_node: ast.AST | None,
                   end_node: ast.AST | None, node: ast.Call) -> Value:
        """print(...) piece by piece: each argument printed the way its type
        prints, without an argument array or type dispatch."""
        b = self.b
        values = [self.expr(a) for a in args]
        sep = self.expr(sep_node) if sep_node is not None else b.null()
        end = self.expr(end_node) if end_node is not None else b.null()
        self.set_line(node)
        for i, v in enumerate(values):
            if i:
                b.call_c(print_ops.print_sep, [b.box(sep)])
            if v.type is str_rt:
                b.call_c(print_ops.print_str, [v])
            elif v.type is int_rt:
                b.call_c(print_ops.print_int, [v])
            elif v.type is bool_rt:
                b.call_c(print_ops.print_bool, [v])
            elif v.type is float_rt:
                b.call_c(print_ops.print_float, [v])
            else:
                b.call_c(print_ops.print_value, [b.box(v)])
        b.call_c(print_ops.print_end, [b.box(end)])
        return b.none()

    def typed_result(self: Lowerer, r: Value, t: RType) -> Value:
        """The object result of a builtin whose Python result type is known."""
        if t is bool_rt:
            return self.b.unbox_bool(r)
        if t in (int_rt, str_rt, list_rt, tuple_rt, dict_rt, set_rt):
            return self.b.add(Cast(r, t))
        if t is float_rt:
            return self.b.add(Unbox(r, float_rt))
        return r

    # ---- direct calls of the program's functions -----------------------------

    def bind_direct(self: Lowerer, fn: FuncIR, node: ast.Call, prefix: list[Value]) -> list[Value] | None:
        """Arguments for a direct call, in parameter order, or None when the
        call must be bound at run time (to get CPython's TypeError)."""
        params = fn.params
        if any(p.kind in (ParamKind.VARARGS, ParamKind.VARKW) for p in params):
            return None
        if fn.static_object == "" or fn.const_defaults is None:
            return None
        pos_params = [p for p in params if p.kind is ParamKind.POS]
        nargs = len(prefix) + len(node.args)
        if nargs > len(pos_params):
            return None
        slots: list[ast.AST | Value | None] = [None] * len(params)
        for i, v in enumerate(prefix):
            slots[i] = v
        for i, a in enumerate(node.args):
            slots[len(prefix) + i] = a
        for k in node.keywords:
            idx = next((i for i, p in enumerate(params) if p.name == k.arg), None)
            if idx is None or slots[idx] is not None:
                return None
            slots[idx] = k.value
        # defaults: the last positional params, then keyword-only ones
        defaults = fn.const_defaults
        npos = len(pos_params)
        ndef_pos = sum(1 for p in pos_params if p.has_default)
        kw_defaults = defaults[ndef_pos:]
        kw_i = 0
        values: list[Value] = []
        # Evaluate in source order: positional args, then keywords.
        evaluated: dict[int, Value] = {}
        order = [n for n in node.args] + [k.value for k in node.keywords]
        for n in order:
            idx = next(i for i, s in enumerate(slots) if s is n)
            evaluated[idx] = self.expr(n)
        for i, p in enumerate(params):
            s = slots[i]
            if isinstance(s, Value):
                values.append(s)
            elif s is not None:
                values.append(evaluated[i])
            elif p.has_default:
                if p.kind is ParamKind.POS:
                    values.append(self.literal(defaults[i - (npos - ndef_pos)]))
                else:
                    values.append(self.literal(kw_defaults[kw_i]))
            else:
                return None
            if p.kind is ParamKind.KWONLY and p.has_default:
                kw_i += 1
        return values

    def direct_call(self: Lowerer, fn: FuncIR, node: ast.Call, prefix: list[Value]) -> Value | None:
        # Check bindability before evaluating anything.
        if self.bind_check(fn, node, len(prefix)) is False:
            return None
        values = self.bind_direct(fn, node, prefix)
        if values is None:
            return None
        self.set_line(node)
        r = self.b.add(Call(fn, None, [self.b.box(v) for v in values]))
        return self.typed_result(r, self.func_return_type(fn))

    def bind_check(self: Lowerer, fn: FuncIR, node: ast.Call, nprefix: int) -> bool:
        params = fn.params
        if any(p.kind in (ParamKind.VARARGS, ParamKind.VARKW) for p in params):
            return False
        if fn.static_object == "" or fn.const_defaults is None:
            return False
        pos = [p for p in params if p.kind is ParamKind.POS]
        if nprefix + len(node.args) > len(pos):
            return False
        given = set(range(nprefix + len(node.args)))
        for k in node.keywords:
            idx = next((i for i, p in enumerate(params) if p.name == k.arg), None)
            if idx is None or idx in given:
                return False
            given.add(idx)
        return all(i in given or p.has_default for i, p in enumerate(params))

    def func_return_type(self: Lowerer, fn: FuncIR) -> RType:
        fi = self.info.functions[fn.ast_node]  # type: ignore[index]
        t = fi.return_type or object_rt
        return t

    # ---- method calls --------------------------------------------------------------

    def method_call(self: Lowerer, f: ast.Attribute, node: ast.Call) -> Value | None:
        mod = self.module_attr_base(f.value)
        if mod is not None:
            if f.attr in MODULES[mod].functions or (mod, f.attr) in FAST_CLASSES:
                return self.module_call(mod, f.attr, node)
            return None
        if isinstance(f.value, ast.Call) and isinstance(f.value.func, ast.Name) and \
                f.value.func.id == "super" and self.lookup_scope("super")[1] == "global":
            if not self.super_args_ok(f.value):
                raise self.error(f.value, "super() with arguments is only supported as "
                                          "super(ThisClass, self)", "write super() inside the method")
            return self.super_method_call(f, node)
        recv = self.expr(f.value)
        b = self.b
        t = recv.type
        if isinstance(t, RInstance):
            cls = t.class_ir
            found = cls.lookup_method(f.attr)
            if found is not None and cls.slot_index(f.attr) is None and \
                    not cls.overridden_below(f.attr):
                fn, kind, _ = found
                if kind == "method":
                    r = self.direct_call(fn, node, [recv])
                    if r is not None:
                        return r
                elif kind == "staticmethod":
                    r = self.direct_call(fn, node, [])
                    if r is not None:
                        return r
        for fast in FAST_CLASSES.values():
            if t is fast.rtype and f.attr in fast.methods and not node.args and not node.keywords:
                self.set_line(node)
                return b.call_c(fast.methods[f.attr], [recv])
        type_name = _TYPE_OF_RT.get(t)
        if type_name is not None and f.attr in BUILTIN_METHODS.get(type_name, {}):
            mdesc = BUILTIN_METHODS[type_name][f.attr]
            fast = self.builtin_method_fast(type_name, f.attr, recv, node)
            if fast is not None:
                return fast
            r = self.vector_call(mdesc.call, node, [recv])
            py_t = METHOD_PYTYPES[type_name].get(f.attr, object_rt)
            return self.typed_result(r, py_t)
        # Generic: look the method up at run time without a bound-method object.
        values, kwnames = self.call_args(node, [recv])
        arr = b.array(values)
        return b.call_c(generic_ops.call_method, [self.qstr(f.attr), b.load_cint(len(values)), arr, kwnames])

    def builtin_method_fast(self: Lowerer, type_name: str, name: str, recv: Value,
                            node: ast.Call) -> Value | None:
        b = self.b
        if node.keywords:
            return None
        if type_name == "list" and name == "append" and len(node.args) == 1:
            v = self.expr(node.args[0])
            self.set_line(node)
            b.call_c(list_ops.list_append, [recv, b.box(v)])
            return b.none()
        if type_name == "list" and name == "pop" and not node.args:
            self.set_line(node)
            return b.call_c(list_ops.list_pop_last, [recv])
        if type_name == "str" and name == "join" and len(node.args) == 1:
            v = self.expr(node.args[0])
            self.set_line(node)
            return b.call_c(str_ops.str_join, [recv, b.box(v)])
        return None

    def module_call(self: Lowerer, mod: str, attr: str, node: ast.Call) -> Value:
        desc = MODULES[mod]
        const = self.const_int(node.args[0]) if len(node.args) == 1 and not node.keywords else None
        fast = FAST_CLASSES.get((mod, attr))
        if fast is not None and len(node.args) == 1 and not node.keywords:
            if const is not None and const in fast.ctor_valid:
                self.set_line(node)
                return self.b.call_c(fast.ctor_const, [self.b.load_cint(const)])
        fn_fast = FAST_CONST_INT_FUNCS.get((mod, attr))
        if fn_fast is not None and const is not None and 0 <= const < (1 << 30):
            self.set_line(node)
            return self.b.call_c(fn_fast, [self.b.load_cint(const)])
        if fast is not None:
            callee = self.b.add(LoadStatic("&" + desc.classes[attr], object_rt, ann=f"{mod}.{attr}"))
            return self.b.add(Cast(self.generic_call(callee, node), fast.rtype))
        rt = desc.functions[attr]
        fn = vectorcall(desc.function_c(attr))
        if mod == "micropython" and attr == "const" and len(node.args) == 1 and not node.keywords:
            return self.expr(node.args[0])
        r = self.vector_call(fn, node, [])
        return self.typed_result(r, rt)

    # ---- super() -------------------------------------------------------------------

    def current_class_and_self(self: Lowerer, node: ast.AST) -> tuple[Value, Value]:
        fn = self.ctx.fn
        cls = fn.class_ir
        if cls is None or not fn.arg_regs:
            raise self.error(node, "super() is only supported inside a method",
                             "call the base class method explicitly: Base.method(self, ...)")
        first = fn.params[0].name
        self_v = self.load_var(first, node)
        return self.b.add(LoadStatic("&" + cls.c_name, object_rt, ann=cls.name)), self_v

    def super_method_call(self: Lowerer, f: ast.Attribute, node: ast.Call) -> Value:
        cls, self_v = self.current_class_and_self(f.value)
        values, kwnames = self.call_args(node, [self_v])
        arr = self.b.array(values)
        return self.b.call_c(misc_ops.super_call_method, [cls, self.qstr(f.attr),
                                                          self.b.load_cint(len(values)), arr, kwnames])

    def super_call_value(self: Lowerer, node: ast.Call) -> Value:
        raise self.error(node, "super() is only supported as super().name",
                         "write super().method(...) or super().attribute")

    def super_args_ok(self: Lowerer, node: ast.Call) -> bool:
        """super() or super(ThisClass, self) -- the same thing in a method."""
        if not node.args:
            return True
        cls = self.ctx.fn.class_ir
        return (len(node.args) == 2 and isinstance(node.args[0], ast.Name) and cls is not None
                and node.args[0].id == cls.name and isinstance(node.args[1], ast.Name)
                and bool(self.ctx.fn.params) and node.args[1].id == self.ctx.fn.params[0].name)


dict_merge_kwargs = cfunc("up_dict_update", [dict_rt, object_rt], dict_ops.cstatus_rt)
float_from_obj = cfunc("up_float_from_obj", [object_rt], object_rt)
float_unbox_checked = cfunc("up_float_value", [object_rt], float_rt, ErrorKind.NEVER,
                            is_inline=True)
float_to_int = cfunc("up_float_to_int", [float_rt], int_rt)
int_abs = cfunc("up_int_abs", [int_rt], int_rt)
float_abs = cfunc("up_float_abs", [float_rt], float_rt, ErrorKind.NEVER, is_inline=True)

__all__ = ["CallLowering", "BUILTIN_METHODS", "LoadStatic"]
