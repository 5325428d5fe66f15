"""Type inference: an RType for every variable, attribute slot and function result.

Flow-insensitive and optimistic: a variable's type is the join of the types
of everything assigned to it anywhere in its scope, computed by iterating to
a fixed point from "unknown". The result is simple but real: a loop counter
fed only by int arithmetic is an int (a tagged word with inline fast paths),
a variable only ever holding floats is an unboxed C float, a value known to
be a str or list gets direct calls to the runtime. Everything else is
`object`, and the generic operations handle it -- inference only ever makes
code faster, never changes what it does.

Also decided here: which module-level functions and classes are bound once
(so calls to them can be direct), and which module-level variables can live
in registers because nothing outside the module body uses them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from uptc.frontend.parse import SourceFile
from uptc.frontend.scopes import Scope, ScopeInfo
from uptc.ir.classes import ClassIR
from uptc.ir.rtypes import (
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
    range_rt,
    set_rt,
    str_rt,
    tuple_rt,
)
from uptc.primitives.builtin_ops import BUILTINS, CONSTANTS
from uptc.primitives.dict_ops import (
    DICT_METHOD_PYTYPES,
    FLOAT_METHOD_PYTYPES,
    INT_METHOD_PYTYPES,
    SET_METHOD_PYTYPES,
)
from uptc.primitives.list_ops import LIST_METHOD_PYTYPES, TUPLE_METHOD_PYTYPES
from uptc.primitives.module_ops import FAST_CLASSES, MODULES
from uptc.primitives.str_ops import STR_METHOD_PYTYPES

METHOD_PYTYPES: dict[str, dict[str, RType]] = {
    "str": STR_METHOD_PYTYPES, "list": LIST_METHOD_PYTYPES, "tuple": TUPLE_METHOD_PYTYPES,
    "dict": DICT_METHOD_PYTYPES, "set": SET_METHOD_PYTYPES, "int": INT_METHOD_PYTYPES,
    "float": FLOAT_METHOD_PYTYPES,
}

NUMERIC_OPS = {ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod}
INT_ONLY_OPS = {ast.LShift, ast.RShift, ast.BitAnd, ast.BitOr, ast.BitXor}


@dataclass
class FuncInfo:
    node: ast.AST  # FunctionDef, Lambda, or the Module
    scope: Scope
    class_ir: ClassIR | None = None  # for methods
    method_kind: str = ""  # "method", "staticmethod", "classmethod", "property", "setter"
    return_type: RType | None = None
    is_generator: bool = False
    ir: object = None  # the FuncIR


@dataclass
class ProgramInfo:
    src: SourceFile
    scopes: ScopeInfo
    classes: dict[ast.ClassDef, ClassIR] = field(default_factory=dict)
    class_by_name: dict[str, ClassIR] = field(default_factory=dict)
    functions: dict[ast.AST, FuncInfo] = field(default_factory=dict)
    # Module-level functions bound exactly once, by their def, undecorated.
    known_functions: dict[str, ast.FunctionDef] = field(default_factory=dict)
    # (scope, name) -> type of the variable
    var_types: dict[tuple[int, str], RType] = field(default_factory=dict)
    # module-level names bound by `import m` -> module name
    module_imports: dict[str, str] = field(default_factory=dict)
    # module-level names bound by `from m import x` -> (module, attribute)
    from_imports: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Imports that cannot succeed, inside a try that catches ImportError:
    # id(node) -> the ImportError's message, raised where the import runs.
    failing_imports: dict[int, str] = field(default_factory=dict)
    # Module-level names only the module body uses: kept in registers.
    module_locals: set[str] = field(default_factory=set)
    global_binding_count: dict[str, int] = field(default_factory=dict)
    # uptc.frontend.callgraph.CallGraph, set before inference
    callgraph: object = None

    def var_type(self, scope: Scope, name: str) -> RType:
        t = self.var_types.get((id(scope), name))
        return t if t is not None else object_rt

    def func_for_scope(self, scope: Scope) -> FuncInfo | None:
        return self.functions.get(scope.node)


class _Inferrer:
    def __init__(self, info: ProgramInfo):
        self.info = info
        self.changed = False

    # ---- variables ---------------------------------------------------------

    def owner_of(self, scope: Scope, name: str) -> Scope:
        """The scope whose variable `name` refers to, as seen from scope."""
        kind = scope.resolve(name)
        if kind == "global":
            return self.info.scopes.module
        if kind == "free":
            return scope.frees[name]
        return scope

    def get(self, scope: Scope, name: str) -> RType | None:
        owner = self.owner_of(scope, name)
        return self.info.var_types.get((id(owner), name))

    def put(self, scope: Scope, name: str, t: RType | None) -> None:
        if t is None:
            return
        owner = self.owner_of(scope, name)
        key = (id(owner), name)
        old = self.info.var_types.get(key)
        new = join(old, t)
        if new is not old:
            self.info.var_types[key] = new  # type: ignore[assignment]
            self.changed = True

    # ---- expressions -------------------------------------------------------

    def expr(self, node: ast.AST | None, scope: Scope) -> RType | None:
        """The type of an expression; None when nothing is known yet."""
        if node is None:
            return none_rt
        m = getattr(self, "e_" + type(node).__name__, None)
        if m is None:
            return object_rt
        return m(node, scope)  # type: ignore[no-any-return]

    def e_Constant(self, node: ast.Constant, scope: Scope) -> RType:
        v = node.value
        if isinstance(v, bool):
            return bool_rt
        if isinstance(v, int):
            return int_rt
        if isinstance(v, float):
            return float_rt
        if isinstance(v, str):
            return str_rt
        if isinstance(v, bytes):
            return bytes_rt
        if v is None:
            return none_rt
        return object_rt

    def e_Name(self, node: ast.Name, scope: Scope) -> RType | None:
        name = node.id
        kind = scope.resolve(name)
        if kind == "global":
            module = self.info.scopes.module
            if name not in module.assigned:
                if name in CONSTANTS:
                    v = CONSTANTS[name]
                    return bool_rt if isinstance(v, bool) else none_rt if v is None else object_rt
                return object_rt  # builtins (functions, types)
        if kind == "classlocal":
            return object_rt
        return self.get(scope, name)

    def e_NamedExpr(self, node: ast.NamedExpr, scope: Scope) -> RType | None:
        return self.expr(node.value, scope)

    def e_BinOp(self, node: ast.BinOp, scope: Scope) -> RType | None:
        left = self.expr(node.left, scope)
        right = self.expr(node.right, scope)
        if left is None or right is None:
            return None
        return binop_type(type(node.op), left, right)

    def e_UnaryOp(self, node: ast.UnaryOp, scope: Scope) -> RType | None:
        if isinstance(node.op, ast.Not):
            return bool_rt
        t = self.expr(node.operand, scope)
        if t is None:
            return None
        if t is bool_rt and isinstance(node.op, (ast.USub, ast.UAdd, ast.Invert)):
            return int_rt
        if t in (int_rt, float_rt) and not (t is float_rt and isinstance(node.op, ast.Invert)):
            return t
        return object_rt

    def e_BoolOp(self, node: ast.BoolOp, scope: Scope) -> RType | None:
        out: RType | None = None
        for v in node.values:
            t = self.expr(v, scope)
            if t is None:
                return None
            out = join(out, t)
        return out

    def e_Compare(self, node: ast.Compare, scope: Scope) -> RType | None:
        types = [self.expr(node.left, scope)] + [self.expr(c, scope) for c in node.comparators]
        if any(t is None for t in types):
            return None
        simple = (int_rt, float_rt, bool_rt, str_rt)
        for op, (a, b) in zip(node.ops, zip(types, types[1:])):
            if isinstance(op, (ast.Is, ast.IsNot, ast.In, ast.NotIn)):
                continue
            if a not in simple or b not in simple:
                return object_rt
        return bool_rt

    def e_IfExp(self, node: ast.IfExp, scope: Scope) -> RType | None:
        a = self.expr(node.body, scope)
        b = self.expr(node.orelse, scope)
        if a is None or b is None:
            return None
        return join(a, b)

    def e_JoinedStr(self, node: ast.JoinedStr, scope: Scope) -> RType:
        return str_rt

    def e_List(self, node: ast.List, scope: Scope) -> RType:
        return list_rt

    def e_ListComp(self, node: ast.ListComp, scope: Scope) -> RType:
        return list_rt

    def e_Tuple(self, node: ast.Tuple, scope: Scope) -> RType:
        return tuple_rt

    def e_Dict(self, node: ast.Dict, scope: Scope) -> RType:
        return dict_rt

    def e_DictComp(self, node: ast.DictComp, scope: Scope) -> RType:
        return dict_rt

    def e_Set(self, node: ast.Set, scope: Scope) -> RType:
        return set_rt

    def e_SetComp(self, node: ast.SetComp, scope: Scope) -> RType:
        return set_rt

    def e_Subscript(self, node: ast.Subscript, scope: Scope) -> RType | None:
        t = self.expr(node.value, scope)
        if t is None:
            return None
        if isinstance(node.slice, ast.Slice):
            return t if t in (str_rt, list_rt, tuple_rt, bytes_rt) else object_rt
        if t is str_rt:
            return str_rt
        if t is bytes_rt:
            return int_rt
        return object_rt

    def e_Attribute(self, node: ast.Attribute, scope: Scope) -> RType | None:
        if isinstance(node.value, ast.Name):
            mod = self.module_of(node.value.id, scope)
            if mod is not None:
                return MODULES[mod].value_types.get(node.attr, object_rt)
        t = self.expr(node.value, scope)
        if t is None:
            return None
        if isinstance(t, RInstance):
            cls = t.class_ir
            if node.attr in cls.all_slots() and not cls.has_class_var(node.attr) and \
                    cls.lookup_method(node.attr) is None:
                return cls.slot_types.get(node.attr)
        return object_rt

    def module_of(self, name: str, scope: Scope) -> str | None:
        if scope.resolve(name) != "global":
            return None
        return self.info.module_imports.get(name)

    def e_Call(self, node: ast.Call, scope: Scope) -> RType | None:
        f = node.func
        if isinstance(f, ast.Name) and scope.resolve(f.id) == "global":
            name = f.id
            module = self.info.scopes.module
            if name in self.info.class_by_name:
                return self.info.class_by_name[name].rtype
            if name in self.info.known_functions:
                fi = self.info.functions[self.info.known_functions[name]]
                return fi.return_type
            if name in self.info.from_imports:
                mod, attr = self.info.from_imports[name]
                if (mod, attr) in FAST_CLASSES:
                    return FAST_CLASSES[(mod, attr)].rtype
                return MODULES[mod].functions.get(attr, object_rt)
            if name not in module.assigned and name in BUILTINS:
                return self.builtin_call_type(name, node, scope)
            return object_rt
        if isinstance(f, ast.Attribute):
            if isinstance(f.value, ast.Name):
                mod = self.module_of(f.value.id, scope)
                if mod is not None:
                    if (mod, f.attr) in FAST_CLASSES:
                        return FAST_CLASSES[(mod, f.attr)].rtype
                    return MODULES[mod].functions.get(f.attr, object_rt)
            recv = self.expr(f.value, scope)
            if recv is None:
                return None
            if isinstance(recv, RInstance):
                found = recv.class_ir.lookup_method(f.attr)
                if found is not None and not recv.class_ir.overridden_below(f.attr):
                    fn, kind, _ = found
                    if kind in ("method", "staticmethod", "classmethod"):
                        return self.info.functions[fn_node(self.info, fn)].return_type
                return object_rt
            table = METHOD_PYTYPES.get(recv.name)
            if table is not None and recv in (str_rt, list_rt, tuple_rt, dict_rt, set_rt, int_rt,
                                              float_rt):
                return table.get(f.attr, object_rt)
        return object_rt

    def builtin_call_type(self, name: str, node: ast.Call, scope: Scope) -> RType | None:
        desc = BUILTINS[name]
        args = node.args
        if name in ("abs",) and len(args) == 1:
            t = self.expr(args[0], scope)
            if t is None:
                return None
            return t if t in (int_rt, float_rt) else int_rt if t is bool_rt else object_rt
        if name in ("min", "max") and len(args) >= 2 and not node.keywords:
            out: RType | None = None
            for a in args:
                t = self.expr(a, scope)
                if t is None:
                    return None
                out = join(out, t)
            return out
        if name == "round":
            if len(args) == 1:
                t = self.expr(args[0], scope)
                return int_rt if t in (int_rt, float_rt, bool_rt) else object_rt
            return object_rt
        if name == "sum" and len(args) == 1 and isinstance(args[0], (ast.ListComp, ast.GeneratorExp)):
            return object_rt
        if desc.is_type:
            if name == "bool":
                return bool_rt
            return desc.result_type
        return desc.result_type

    def e_Lambda(self, node: ast.Lambda, scope: Scope) -> RType:
        return object_rt

    def e_GeneratorExp(self, node: ast.GeneratorExp, scope: Scope) -> RType:
        return object_rt

    # ---- statements -------------------------------------------------------------

    def target(self, node: ast.AST, t: RType | None, scope: Scope) -> None:
        """Record that target (a Name, tuple of names...) receives a value of type t."""
        if isinstance(node, ast.Name):
            self.put(scope, node.id, t)
        elif isinstance(node, (ast.Tuple, ast.List)):
            for elt in node.elts:
                if isinstance(elt, ast.Starred):
                    self.target(elt.value, list_rt, scope)
                else:
                    self.target(elt, object_rt, scope)
        elif isinstance(node, ast.Attribute):
            self.attr_target(node, t, scope)
        elif isinstance(node, ast.Starred):
            self.target(node.value, list_rt, scope)

    def attr_target(self, node: ast.Attribute, t: RType | None, scope: Scope) -> None:
        if t is None:
            return
        obj = self.expr(node.value, scope)
        if isinstance(obj, RInstance):
            cls = obj.class_ir
            for c in cls.mro():
                if node.attr in c.own_slots:
                    old = c.slot_types.get(node.attr)
                    new = join(old, t)
                    if new is not old:
                        c.slot_types[node.attr] = new  # type: ignore[assignment]
                        self.changed = True
                    return

    def assign_pair(self, target: ast.AST, value: ast.AST, scope: Scope) -> None:
        if isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)) \
                and len(target.elts) == len(value.elts) and \
                not any(isinstance(e, ast.Starred) for e in target.elts + value.elts):
            for t, v in zip(target.elts, value.elts):
                self.assign_pair(t, v, scope)
        else:
            self.target(target, self.expr(value, scope), scope)

    def iter_elem_type(self, it: ast.AST, scope: Scope) -> RType | None:
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range" \
                and scope.resolve("range") == "global" and "range" not in self.info.scopes.module.assigned:
            return int_rt
        t = self.expr(it, scope)
        if t is None:
            return None
        if t is str_rt:
            return str_rt
        if t is range_rt:
            return int_rt
        if t is bytes_rt:
            return int_rt
        return object_rt

    def for_target(self, target: ast.AST, it: ast.AST, scope: Scope) -> None:
        if isinstance(target, ast.Tuple) and isinstance(it, ast.Call) and \
                isinstance(it.func, ast.Name) and it.func.id == "enumerate" and \
                "enumerate" not in self.info.scopes.module.assigned and len(target.elts) == 2 \
                and it.args:
            self.target(target.elts[0], int_rt, scope)
            self.target(target.elts[1], self.iter_elem_type(it.args[0], scope), scope)
            return
        self.target(target, self.iter_elem_type(it, scope), scope)

    def stmts(self, body: list[ast.stmt], scope: Scope, fi: FuncInfo | None) -> None:
        for s in body:
            self.stmt(s, scope, fi)

    def stmt(self, node: ast.stmt, scope: Scope, fi: FuncInfo | None) -> None:
        if isinstance(node, ast.Assign):
            for t in node.targets:
                self.assign_pair(t, node.value, scope)
        elif isinstance(node, ast.AnnAssign):
            if node.value is not None:
                self.target(node.target, self.expr(node.value, scope), scope)
        elif isinstance(node, ast.AugAssign):
            cur = self.expr(node.target, scope) if isinstance(node.target, (ast.Name, ast.Attribute)) \
                else object_rt
            val = self.expr(node.value, scope)
            if cur is not None and val is not None:
                self.target(node.target, binop_type(type(node.op), cur, val), scope)
        elif isinstance(node, (ast.For,)):
            self.for_target(node.target, node.iter, scope)
            self.stmts(node.body, scope, fi)
            self.stmts(node.orelse, scope, fi)
        elif isinstance(node, (ast.While, ast.If)):
            self.stmts(node.body, scope, fi)
            self.stmts(node.orelse, scope, fi)
        elif isinstance(node, ast.With):
            for item in node.items:
                if item.optional_vars is not None:
                    self.target(item.optional_vars, object_rt, scope)
            self.stmts(node.body, scope, fi)
        elif isinstance(node, ast.Try):
            self.stmts(node.body, scope, fi)
            for h in node.handlers:
                if h.name:
                    self.put(scope, h.name, object_rt)
                self.stmts(h.body, scope, fi)
            self.stmts(node.orelse, scope, fi)
            self.stmts(node.finalbody, scope, fi)
        elif isinstance(node, ast.Return):
            if fi is not None and not fi.is_generator:
                t = self.expr(node.value, scope)
                if t is not None:
                    new = join(fi.return_type, t)
                    if new is not fi.return_type:
                        fi.return_type = new
                        self.changed = True
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            self.put(scope, node.name, object_rt)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for a in node.names:
                name = a.asname or a.name.split(".")[0]
                self.put(scope, name, object_rt)
        elif isinstance(node, ast.Delete):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    self.put(scope, t.id, object_rt)
        # Walrus and comprehension variables inside any expression:
        for sub in ast.walk(node) if not isinstance(node, (ast.FunctionDef, ast.ClassDef)) else []:
            if isinstance(sub, ast.NamedExpr):
                target_scope = scope
                self.put(target_scope, sub.target.id, self.expr(sub.value, scope))
            elif isinstance(sub, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                cscope = self.info.scopes.by_node[sub]
                for g in sub.generators:
                    self.for_target(g.target, g.iter, cscope)

    def lambda_returns(self) -> None:
        for node, fi in self.info.functions.items():
            if isinstance(node, ast.Lambda):
                t = self.expr(node.body, fi.scope)
                if t is not None:
                    new = join(fi.return_type, t)
                    if new is not fi.return_type:
                        fi.return_type = new
                        self.changed = True

    def param_types(self, node: ast.FunctionDef, fi: FuncInfo) -> None:
        """Parameters: typed from every call site for a function all of whose
        calls the compiler sees (uptc/frontend/callgraph.py), `self` of a
        method as its class, anything else object."""
        g = self.info.callgraph
        scope = fi.scope
        args = node.args
        pos = [a.arg for a in args.posonlyargs + args.args]
        if fi.class_ir is not None and fi.method_kind == "method" and pos:
            self.put(scope, pos[0], fi.class_ir.rtype)
            pos_rest = pos[1:]
            for p in scope.params:
                if p != pos[0]:
                    self.put(scope, p, object_rt)
            del pos_rest
            return
        sites = g.call_sites.get(node, []) if g is not None else []  # type: ignore[attr-defined]
        refinable = (g is not None and node not in g.escaped  # type: ignore[attr-defined]
                     and args.vararg is None and args.kwarg is None and not args.kwonlyargs)
        bound: list[dict[str, RType | None]] = []
        if refinable:
            for call in sites:
                b = self.bind_call(call, pos, g.scope_of[call])  # type: ignore[attr-defined]
                if b is None:
                    refinable = False
                    break
                bound.append(b)
        if not refinable:
            for p in scope.params:
                self.put(scope, p, object_rt)
            return
        defaults = dict(zip(pos[len(pos) - len(args.defaults):], args.defaults))
        for p in pos:
            for b in bound:
                if p in b:
                    self.put(scope, p, b[p])
                elif p in defaults:
                    self.put(scope, p, self.expr(defaults[p], self.info.scopes.module))

    def bind_call(self, call: ast.Call, pos: list[str], scope: Scope) -> dict[str, RType | None] | None:
        if len(call.args) > len(pos):
            return None
        out: dict[str, RType | None] = {}
        for name, a in zip(pos, call.args):
            out[name] = self.expr(a, scope)
        for k in call.keywords:
            if k.arg not in pos or k.arg in out:
                return None
            out[k.arg] = self.expr(k.value, scope)
        return out

    def run(self) -> None:
        for _ in range(50):
            self.changed = False
            for node, fi in self.info.functions.items():
                body = node.body if isinstance(node, (ast.Module, ast.FunctionDef)) else []
                if isinstance(node, ast.FunctionDef):
                    self.param_types(node, fi)
                self.stmts(body, fi.scope, fi if not isinstance(node, ast.Module) else None)
            for cls_node, cls in self.info.classes.items():
                self.stmts(cls_node.body, self.info.scopes.by_node[cls_node], None)
            self.lambda_returns()
            if not self.changed:
                break
        for fi in self.info.functions.values():
            if fi.return_type is None:
                fi.return_type = none_rt if not fi.is_generator else object_rt
            if fi.is_generator:
                fi.return_type = object_rt


def binop_type(op: type, left: RType, right: RType) -> RType:
    if left is bool_rt and right is bool_rt and op in (ast.BitAnd, ast.BitOr, ast.BitXor):
        return bool_rt  # True & False is False, a bool
    if left is bool_rt:
        left = int_rt
    if right is bool_rt:
        right = int_rt
    if left is int_rt and right is int_rt:
        if op in NUMERIC_OPS or op in INT_ONLY_OPS:
            return int_rt
        if op is ast.Div:
            return float_rt
        return object_rt
    if (left is float_rt and right in (int_rt, float_rt)) or (right is float_rt and left is int_rt):
        if op in NUMERIC_OPS or op is ast.Div or op is ast.Pow:
            return float_rt if op is not ast.Pow else object_rt
        return object_rt
    if op is ast.Add and left is right and left in (str_rt, list_rt, tuple_rt, bytes_rt):
        return left
    if op is ast.Mult and ((left in (str_rt, list_rt, tuple_rt) and right is int_rt)
                           or (right in (str_rt, list_rt, tuple_rt) and left is int_rt)):
        return left if left is not int_rt else right
    if op is ast.Mod and left is str_rt:
        return str_rt
    return object_rt


def fn_node(info: ProgramInfo, fn: object) -> ast.AST:
    """The AST node of a FuncIR created for a method (see collect_classes)."""
    return getattr(fn, "ast_node")  # type: ignore[no-any-return]


def infer_program(info: ProgramInfo) -> None:
    from uptc.frontend.callgraph import build_call_graph

    info.callgraph = build_call_graph(info)
    _Inferrer(info).run()
