"""Lowering expressions: operators, comparisons, literals, containers,
attributes, subscripts, f-strings, conditional and boolean expressions,
comprehensions (inline loops)."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from uptc.ir.ops import (
    Assign,
    BuildArray,
    Cast,
    CBinary,
    CCompare,
    CUnary,
    GetSlot,
    LoadLiteral,
    LoadStatic,
    Register,
    TupleGet,
    Unbox,
    Value,
)
from uptc.ir.rtypes import (
    EXACT_BUILTINS,
    RInstance,
    RType,
    bool_rt,
    bytes_rt,
    dict_rt,
    float_rt,
    int_rt,
    join,
    list_rt,
    none_rt,
    object_rt,
    set_rt,
    str_rt,
    tuple_rt,
)
from uptc.primitives import dict_ops, float_ops, generic_ops, int_ops, list_ops, str_ops
from uptc.primitives.module_ops import MODULES

if TYPE_CHECKING:
    from uptc.frontend.lower import Lowerer

_BINOPS = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
    ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitAnd: "&", ast.BitOr: "|",
    ast.BitXor: "^", ast.MatMult: "@",
}
_CMPOPS = {
    ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
}


def binop_symbol(op: ast.operator) -> str:
    return _BINOPS[type(op)]


def _const_value(node: ast.AST) -> tuple[bool, object]:
    """(True, value) when node is a constant the compiler can put in ROM."""
    if isinstance(node, ast.Constant) and not isinstance(node.value, complex):
        return True, node.value
    if isinstance(node, ast.Tuple):
        vals = []
        for e in node.elts:
            ok, v = _const_value(e)
            if not ok:
                return False, None
            vals.append(v)
        return True, tuple(vals)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and \
            isinstance(node.operand, ast.Constant) and type(node.operand.value) in (int, float):
        return True, -node.operand.value  # type: ignore[operator]
    return False, None


class ExprLowering:
    def expr(self: Lowerer, node: ast.AST) -> Value:
        # Each expression is lowered once per copy of its statement (a
        # finally body is emitted once per way out): lowering it again would
        # evaluate it twice at run time. A fast path that gives up after
        # evaluating must finish with the values it has.
        key = (id(node), self.emission)
        if key in self.lowered:
            raise AssertionError(f"line {getattr(node, 'lineno', '?')}: "
                                 f"{type(node).__name__} expression lowered twice")
        self.lowered[key] = node
        self.set_line(node)
        m = getattr(self, "x_" + type(node).__name__, None)
        if m is None:
            raise self.error(node, f"{type(node).__name__} expressions are not supported yet")
        return m(node)  # type: ignore[no-any-return]

    def expr_as(self: Lowerer, node: ast.AST, t: RType) -> Value:
        return self.b.coerce(self.expr(node), t)

    # ---- names and constants ---------------------------------------------

    def x_Name(self: Lowerer, node: ast.Name) -> Value:
        return self.load_var(node.id, node)

    def x_Constant(self: Lowerer, node: ast.Constant) -> Value:
        v = node.value
        if v is ...:
            return self.b.add(LoadStatic("UP_ELLIPSIS", object_rt))
        if isinstance(v, bool):
            return self.b.load_bool(v)
        return self.literal(v)

    def x_NamedExpr(self: Lowerer, node: ast.NamedExpr) -> Value:
        v = self.expr(node.value)
        self.store_var(node.target.id, v, node)
        return v

    # ---- operators ----------------------------------------------------------

    def x_BinOp(self: Lowerer, node: ast.BinOp) -> Value:
        left = self.expr(node.left)
        right = self.expr(node.right)
        self.set_line(node)
        return self.binary_op(binop_symbol(node.op), left, right)

    def binary_op(self: Lowerer, op: str, left: Value, right: Value, inplace: bool = False) -> Value:
        b = self.b
        lt, rt = left.type, right.type
        if lt is bool_rt and rt is bool_rt and op in ("&", "|", "^"):
            return b.add(CBinary(op, left, right, bool_rt))
        numeric_or_bool = (int_rt, float_rt, bool_rt)
        if lt in numeric_or_bool and rt in numeric_or_bool:
            # bool is an int subclass in arithmetic
            if lt is bool_rt:
                left, lt = self.bool_to_int(left), int_rt
            if rt is bool_rt:
                right, rt = self.bool_to_int(right), int_rt
        if lt is int_rt and rt is int_rt:
            if op in int_ops.INT_BINARY:
                return b.call_c(int_ops.INT_BINARY[op], [left, right])
            if op == "/":
                r = b.call_c(int_ops.int_truediv, [left, right])
                return b.call_c(float_ops.float_unbox, [r])
        numeric = (int_rt, float_rt)
        if (lt is float_rt and rt in numeric) or (rt is float_rt and lt in numeric):
            if op in ("+", "-", "*", "/", "//", "%"):
                fl = b.coerce(left, float_rt)
                fr = b.coerce(right, float_rt)
                if op in ("+", "-", "*"):
                    return b.add(CBinary(op, fl, fr, float_rt))
                desc = {"/": float_ops.float_truediv, "//": float_ops.float_floordiv,
                        "%": float_ops.float_mod}[op]
                return b.call_c(desc, [fl, fr])
        if op == "+" and lt is str_rt and rt is str_rt:
            return b.call_c(str_ops.str_concat, [left, right])
        if op == "%" and lt is str_rt:
            return b.call_c(str_ops.str_mod, [left, right])
        result = b.call_c(generic_ops.binary_op(op, inplace), [b.box(left), b.box(right)])
        # The result type of some operations on exact builtin types is known.
        known = _known_result(op, lt, rt)
        if known is not None:
            return b.add(Cast(result, known))
        return result

    def bool_to_int(self: Lowerer, v: Value) -> Value:
        """A C truth value as the int 0 or 1."""
        from uptc.primitives.registry import cfunc
        from uptc.ir.ops import ErrorKind

        return self.b.call_c(cfunc("up_int_from_bool", [bool_rt], int_rt, ErrorKind.NEVER,
                                   is_inline=True), [v])

    def x_UnaryOp(self: Lowerer, node: ast.UnaryOp) -> Value:
        b = self.b
        if isinstance(node.op, ast.Not):
            v = b.truth(self.expr(node.operand))
            return b.add(CUnary("!", v, bool_rt))
        ok, value = _const_value(node)
        if ok:
            return self.literal(value)
        v = self.expr(node.operand)
        self.set_line(node)
        if v.type is bool_rt:
            v = self.bool_to_int(v)
        if isinstance(node.op, ast.USub):
            if v.type is int_rt:
                return b.call_c(int_ops.int_neg, [v])
            if v.type is float_rt:
                return b.add(CUnary("-", v, float_rt))
            return b.call_c(generic_ops.unary_op("-"), [b.box(v)])
        if isinstance(node.op, ast.UAdd):
            if v.type in (int_rt, float_rt):
                return v
            return b.call_c(generic_ops.unary_op("+"), [b.box(v)])
        if isinstance(node.op, ast.Invert):
            if v.type is int_rt:
                return b.call_c(int_ops.int_invert, [v])
            return b.call_c(generic_ops.unary_op("~"), [b.box(v)])
        raise AssertionError(node.op)

    def x_BoolOp(self: Lowerer, node: ast.BoolOp) -> Value:
        # The result is one of the operands: join their types.
        rtype = self.info_expr_type(node)
        result = self.b.temp(rtype)
        done = self.b.new_block()
        is_and = isinstance(node.op, ast.And)
        for i, value_node in enumerate(node.values):
            v = self.expr(value_node)
            self.b.assign(result, v)
            if i == len(node.values) - 1:
                self.b.goto(done)
                break
            nxt = self.b.new_block()
            t = self.b.truth(result)
            if is_and:
                self.b.branch(t, nxt, done)
            else:
                self.b.branch(t, done, nxt)
            self.b.activate(nxt)
        self.b.activate(done)
        return result

    def info_expr_type(self: Lowerer, node: ast.AST) -> RType:
        """The inferred type of an expression in the current scope."""
        from uptc.frontend.infer import _Inferrer

        scope = self.ctx.inline_scopes[-1][0] if self.ctx.inline_scopes else self.ctx.scope
        t = _Inferrer(self.info).expr(node, scope)
        return t if t is not None else object_rt

    def x_IfExp(self: Lowerer, node: ast.IfExp) -> Value:
        rtype = self.info_expr_type(node)
        result = self.b.temp(rtype)
        yes, no, done = self.b.new_block(), self.b.new_block(), self.b.new_block()
        self.cond(node.test, yes, no)
        self.b.activate(yes)
        self.b.assign(result, self.expr(node.body))
        self.b.goto(done)
        self.b.activate(no)
        self.b.assign(result, self.expr(node.orelse))
        self.b.goto(done)
        self.b.activate(done)
        return result

    def cond(self: Lowerer, node: ast.AST, yes, no) -> None:
        """Branch on the truth of an expression (short-circuiting and/or/not)."""
        if isinstance(node, ast.BoolOp):
            is_and = isinstance(node.op, ast.And)
            for v in node.values[:-1]:
                nxt = self.b.new_block()
                if is_and:
                    self.cond(v, nxt, no)
                else:
                    self.cond(v, yes, nxt)
                self.b.activate(nxt)
            self.cond(node.values[-1], yes, no)
            return
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            self.cond(node.operand, no, yes)
            return
        v = self.b.truth(self.expr(node))
        self.b.branch(v, yes, no)

    # ---- comparisons -----------------------------------------------------------

    def x_Compare(self: Lowerer, node: ast.Compare) -> Value:
        rtype = self.info_expr_type(node)
        if len(node.ops) == 1:
            left = self.expr(node.left)
            right = self.expr(node.comparators[0])
            self.set_line(node)
            return self.b.coerce(self.compare(node.ops[0], left, right), rtype)
        result = self.b.temp(rtype)
        done = self.b.new_block()
        left = self.expr(node.left)
        for i, (op, comp) in enumerate(zip(node.ops, node.comparators)):
            right = self.expr(comp)
            r = self.compare(op, left, right)
            self.b.assign(result, r)
            if i == len(node.ops) - 1:
                self.b.goto(done)
                break
            nxt = self.b.new_block()
            self.b.branch(self.b.truth(result), nxt, done)
            self.b.activate(nxt)
            left = right
        self.b.activate(done)
        return result

    def compare(self: Lowerer, op: ast.cmpop, left: Value, right: Value) -> Value:
        b = self.b
        if isinstance(op, (ast.Is, ast.IsNot)):
            r = b.add(CCompare("==" if isinstance(op, ast.Is) else "!=", b.box(left), b.box(right)))
            return r
        if isinstance(op, (ast.In, ast.NotIn)):
            if right.type is str_rt and left.type is str_rt:
                r = b.call_c(str_ops.str_contains, [right, left])
            else:
                r = b.call_c(generic_ops.contains, [b.box(right), b.box(left)])
            if isinstance(op, ast.NotIn):
                return b.add(CUnary("!", r, bool_rt))
            return r
        sym = _CMPOPS[type(op)]
        lt, rt = left.type, right.type
        if lt in (int_rt, float_rt, bool_rt) and rt in (int_rt, float_rt, bool_rt):
            if lt is bool_rt:
                left, lt = self.bool_to_int(left), int_rt
            if rt is bool_rt:
                right, rt = self.bool_to_int(right), int_rt
        if lt is int_rt and rt is int_rt:
            return b.call_c(int_ops.INT_COMPARE[sym], [left, right])
        if (lt is float_rt and rt in (int_rt, float_rt)) or (rt is float_rt and lt is int_rt):
            if lt is int_rt or rt is int_rt:
                # int vs float must compare exactly (2**53 + 1 > 2.0**53): runtime
                return b.call_c(generic_ops.compare_bool_op(sym), [b.box(left), b.box(right)])
            return b.add(CCompare(sym, left, right))
        if lt is str_rt and rt is str_rt:
            if sym == "==":
                return b.call_c(str_ops.str_eq, [left, right])
            if sym == "!=":
                return b.add(CUnary("!", b.call_c(str_ops.str_eq, [left, right]), bool_rt))
            return b.call_c(generic_ops.compare_bool_op(sym), [left, right])
        if lt in EXACT_BUILTINS + (int_rt, float_rt, none_rt) and \
                rt in EXACT_BUILTINS + (int_rt, float_rt, none_rt):
            return b.call_c(generic_ops.compare_bool_op(sym), [b.box(left), b.box(right)])
        # User classes may return anything from __eq__/__lt__: keep the object.
        return b.call_c(generic_ops.compare_op(sym), [b.box(left), b.box(right)])

    # ---- containers --------------------------------------------------------

    def x_Tuple(self: Lowerer, node: ast.Tuple) -> Value:
        ok, value = _const_value(node)
        if ok:
            return self.b.add(LoadLiteral(value, tuple_rt))
        if any(isinstance(e, ast.Starred) for e in node.elts):
            lst = self.build_list_with_stars(node.elts)
            return self.b.add(Cast(self.b.call_c(generic_ops.tuple_from_iter, [lst]), tuple_rt))
        items = [self.expr(e) for e in node.elts]
        self.set_line(node)
        arr = self.b.array(items)
        return self.b.call_c(list_ops.tuple_from_items, [self.b.load_cint(len(items)), arr])

    def x_List(self: Lowerer, node: ast.List) -> Value:
        if any(isinstance(e, ast.Starred) for e in node.elts):
            return self.build_list_with_stars(node.elts)
        items = [self.expr(e) for e in node.elts]
        self.set_line(node)
        if not items:
            return self.b.call_c(list_ops.list_new, [self.b.load_cint(0)])
        arr = self.b.array(items)
        return self.b.call_c(list_ops.list_from_items, [self.b.load_cint(len(items)), arr])

    def build_list_with_stars(self: Lowerer, elts: list[ast.expr]) -> Value:
        lst = self.b.call_c(list_ops.list_new, [self.b.load_cint(0)])
        for e in elts:
            if isinstance(e, ast.Starred):
                self.b.call_c(list_ops.list_extend, [lst, self.expr(e.value)])
            else:
                self.b.call_c(list_ops.list_append, [lst, self.expr(e)])
        return lst

    def x_Dict(self: Lowerer, node: ast.Dict) -> Value:
        d = self.b.call_c(dict_ops.dict_new, [])
        for k, v in zip(node.keys, node.values):
            if k is None:
                self.b.call_c(dict_ops.dict_update, [d, self.expr(v)])
            else:
                kv = self.expr(k)
                vv = self.expr(v)
                self.b.call_c(dict_ops.dict_setitem, [d, kv, vv])
        return d

    def x_Set(self: Lowerer, node: ast.Set) -> Value:
        s = self.b.call_c(dict_ops.set_new, [])
        for e in node.elts:
            if isinstance(e, ast.Starred):
                it = self.expr(e.value)
                self.for_each(it, lambda x: self.b.call_c(dict_ops.set_add, [s, x]), e)
            else:
                self.b.call_c(dict_ops.set_add, [s, self.expr(e)])
        return s

    # ---- f-strings -----------------------------------------------------------

    def x_JoinedStr(self: Lowerer, node: ast.JoinedStr) -> Value:
        parts: list[Value] = []
        for v in node.values:
            if isinstance(v, ast.Constant):
                parts.append(self.literal(v.value))
            else:
                parts.append(self.x_FormattedValue(v))  # type: ignore[arg-type]
        self.set_line(node)
        if not parts:
            return self.literal("")
        if len(parts) == 1:
            return parts[0]
        arr = self.b.array(parts)
        return self.b.call_c(str_ops.str_concat_n, [self.b.load_cint(len(parts)), arr])

    def x_FormattedValue(self: Lowerer, node: ast.FormattedValue) -> Value:
        v = self.b.box(self.expr(node.value))
        if node.conversion == ord("r"):
            v = self.b.call_c(str_ops.obj_repr, [v])
        elif node.conversion == ord("a"):
            v = self.b.call_c(str_ops.obj_ascii, [v])
        elif node.conversion == ord("s"):
            v = self.b.call_c(str_ops.obj_str, [v])
        if node.format_spec is not None:
            spec = self.expr(node.format_spec)
            return self.b.call_c(str_ops.format_, [v, spec])
        if v.type is str_rt:
            return v
        # format(v, ''): str(v), unless the class defines __format__
        return self.b.call_c(str_ops.format_, [v, self.b.null()])

    # ---- attributes and subscripts -----------------------------------------------

    def module_attr_base(self: Lowerer, node: ast.AST) -> str | None:
        """The built-in module a Name refers to, if it is a module import."""
        if not isinstance(node, ast.Name):
            return None
        scope, kind = self.lookup_scope(node.id)
        if kind != "global" or node.id not in self.info.module_imports:
            return None
        return self.info.module_imports[node.id]

    def x_Attribute(self: Lowerer, node: ast.Attribute) -> Value:
        mod = self.module_attr_base(node.value)
        if mod is not None:
            return self.module_attr(mod, node.attr, node)
        v = node.value
        if isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "super" and \
                not v.args and self.lookup_scope("super")[1] == "global" and \
                "super" not in self.info.scopes.module.assigned:
            cls, self_v = self.current_class_and_self(v)
            self.set_line(node)
            from uptc.primitives import misc_ops

            return self.b.call_c(misc_ops.super_getattr, [cls, self_v, self.qstr(node.attr)])
        obj = self.expr(node.value)
        self.set_line(node)
        return self.get_attr(obj, node.attr, node)

    def module_attr(self: Lowerer, mod: str, attr: str, node: ast.AST) -> Value:
        desc = MODULES[mod]
        if attr in desc.functions:
            return self.b.add(LoadStatic("&" + desc.function_symbol(attr), object_rt, ann=f"{mod}.{attr}"))
        if attr in desc.classes:
            return self.b.add(LoadStatic("&" + desc.classes[attr], object_rt, ann=f"{mod}.{attr}"))
        if attr in desc.values:
            expr = desc.values[attr]
            if expr.endswith("()"):
                from uptc.primitives.registry import cfunc

                return self.b.call_c(cfunc(expr[:-2], [], object_rt), [])
            return self.b.add(LoadStatic(expr, desc.value_types.get(attr, object_rt),
                                         ann=f"{mod}.{attr}"))
        # Anything else through the module object (AttributeError at run time).
        m = self.b.add(LoadStatic("&" + desc.symbol, object_rt, ann=mod))
        return self.b.call_c(generic_ops.getattr_, [m, self.qstr(attr)])

    def get_attr(self: Lowerer, obj: Value, attr: str, node: ast.AST) -> Value:
        t = obj.type
        if isinstance(t, RInstance):
            cls = t.class_ir
            idx = cls.slot_index(attr)
            if idx is not None and cls.lookup_method(attr) is None:
                st = cls.slot_types.get(attr, object_rt) if not cls.has_class_var(attr) else object_rt
                v = self.b.add(GetSlot(obj, idx, attr, object_rt))
                return self.from_storage(v, st) if st is not object_rt else v
        return self.b.call_c(generic_ops.getattr_, [self.b.box(obj), self.qstr(attr)])

    def x_Subscript(self: Lowerer, node: ast.Subscript) -> Value:
        obj = self.expr(node.value)
        if isinstance(node.slice, ast.Slice):
            s = node.slice
            lo = self.expr(s.lower) if s.lower is not None else self.b.none()
            hi = self.expr(s.upper) if s.upper is not None else self.b.none()
            st = self.expr(s.step) if s.step is not None else self.b.none()
            self.set_line(node)
            if obj.type in (list_rt, str_rt, tuple_rt):
                fn = {list_rt: list_ops.list_slice, str_rt: str_ops.str_slice,
                      tuple_rt: list_ops.tuple_slice}[obj.type]
                return self.b.call_c(fn, [obj, self.b.box(lo), self.b.box(hi), self.b.box(st)])
            sl = self.b.call_c(generic_ops.slice_new, [self.b.box(lo), self.b.box(hi), self.b.box(st)])
            return self.b.call_c(generic_ops.getitem, [self.b.box(obj), sl])
        index = self.expr(node.slice)
        self.set_line(node)
        if obj.type is list_rt and index.type is int_rt:
            return self.b.call_c(list_ops.list_getitem_int, [obj, index])
        if obj.type is str_rt and index.type is int_rt:
            return self.b.call_c(str_ops.str_getitem_int, [obj, index])
        if obj.type is tuple_rt and index.type is int_rt:
            return self.b.call_c(list_ops.tuple_getitem_int, [obj, index])
        r = self.b.call_c(generic_ops.getitem, [self.b.box(obj), self.b.box(index)])
        if obj.type is str_rt:
            return self.b.add(Cast(r, str_rt))
        return r

    def x_Slice(self: Lowerer, node: ast.Slice) -> Value:
        lo = self.expr(node.lower) if node.lower is not None else self.b.none()
        hi = self.expr(node.upper) if node.upper is not None else self.b.none()
        st = self.expr(node.step) if node.step is not None else self.b.none()
        return self.b.call_c(generic_ops.slice_new, [self.b.box(lo), self.b.box(hi), self.b.box(st)])

    # ---- comprehensions (lowered inline) -------------------------------------------

    def x_ListComp(self: Lowerer, node: ast.ListComp) -> Value:
        return self.lower_comprehension(node)

    def x_SetComp(self: Lowerer, node: ast.SetComp) -> Value:
        return self.lower_comprehension(node)

    def x_DictComp(self: Lowerer, node: ast.DictComp) -> Value:
        return self.lower_comprehension(node)

    def lower_comprehension(self: Lowerer, node: ast.AST) -> Value:
        if not self.info.scopes.by_node[node].is_inline:
            return self.comprehension_function(node)
        result = self.comprehension_result(node)
        self.comprehension(node, lambda: self.comprehension_add(node, result))
        return result

    def comprehension_result(self: Lowerer, node: ast.AST) -> Value:
        if isinstance(node, ast.ListComp):
            return self.b.call_c(list_ops.list_new, [self.b.load_cint(0)])
        if isinstance(node, ast.SetComp):
            return self.b.call_c(dict_ops.set_new, [])
        return self.b.call_c(dict_ops.dict_new, [])

    def comprehension_add(self: Lowerer, node: ast.AST, result: Value) -> None:
        if isinstance(node, ast.ListComp):
            self.b.call_c(list_ops.list_append, [result, self.expr(node.elt)])
        elif isinstance(node, ast.SetComp):
            self.b.call_c(dict_ops.set_add, [result, self.expr(node.elt)])
        else:
            assert isinstance(node, ast.DictComp)
            k = self.expr(node.key)
            v = self.expr(node.value)
            self.b.call_c(dict_ops.dict_setitem, [result, k, v])

    def comprehension(self: Lowerer, node: ast.AST, body) -> None:
        scope = self.info.scopes.by_node[node]
        gens: list[ast.comprehension] = node.generators  # type: ignore[attr-defined]
        # The first iterable is evaluated in the enclosing scope.
        first = self.expr(gens[0].iter)
        regs: dict[str, Register] = {}
        for name in sorted(scope.locals):
            reg = self.b.temp(self.info.var_type(scope, name))
            reg.var_name = name
            if reg.type.is_boxed:
                self.b.add(Assign(reg, self.b.null()))
            regs[name] = reg
        self.ctx.inline_scopes.append((scope, regs))
        try:
            self.comp_level(gens, 0, first, body)
        finally:
            self.ctx.inline_scopes.pop()

    def comp_level(self: Lowerer, gens: list[ast.comprehension], i: int, iterable: Value | None,
                   body) -> None:
        g = gens[i]
        if g.is_async:
            raise self.error(g, "async comprehensions are not supported")

        def each() -> None:
            skip = self.b.new_block()
            for cond in g.ifs:
                ok = self.b.new_block()
                self.cond(cond, ok, skip)
                self.b.activate(ok)
            if i + 1 < len(gens):
                self.comp_level(gens, i + 1, None, body)
            else:
                body()
            self.b.goto(skip)
            self.b.activate(skip)

        self.for_loop(g.target, g.iter, iterable, each, None, g)


def _known_result(op: str, lt: RType, rt: RType) -> RType | None:
    if op == "+" and lt is rt and lt in (list_rt, tuple_rt, bytes_rt):
        return lt
    if op == "*" and ((lt in (str_rt, list_rt, tuple_rt) and rt is int_rt) or
                      (rt in (str_rt, list_rt, tuple_rt) and lt is int_rt)):
        return lt if lt is not int_rt else rt
    return None


__all__ = ["ExprLowering", "binop_symbol", "_const_value", "join", "set_rt", "dict_rt", "Unbox",
           "TupleGet", "BuildArray"]
