"""Declarations: the classes, functions and imports of a program, before typing.

Builds the ProgramInfo that inference and lowering share: a ClassIR for each
class (base class, attribute slots from `self.x = ...` in its methods,
methods and their kinds, class variables), a FuncInfo (and an empty FuncIR)
for each function, the module imports, and which module-level names are
bound once (so `f(...)` and `C(...)` can be compiled as direct calls).
"""

from __future__ import annotations

import ast

from uptc.backend_c import names
from uptc.frontend.infer import FuncInfo, ProgramInfo
from uptc.frontend.parse import SourceFile
from uptc.frontend.scopes import Scope, ScopeInfo
from uptc.frontend.subset import UNSUPPORTED_MODULE_HINT
from uptc.ir.classes import ClassIR
from uptc.ir.func import FuncIR
from uptc.primitives.builtin_ops import EXCEPTIONS
from uptc.primitives.module_ops import ALIASES, MODULES

METHOD_DECORATORS = ("staticmethod", "classmethod", "property")


def _decorator_kind(fn: ast.FunctionDef) -> str | None:
    """'method' (none), 'staticmethod', 'classmethod', 'property', 'setter:NAME',
    or None for a decorator uptc applies at run time."""
    if not fn.decorator_list:
        return "method"
    if len(fn.decorator_list) > 1:
        return None
    d = fn.decorator_list[0]
    if isinstance(d, ast.Name) and d.id in METHOD_DECORATORS:
        return d.id
    if isinstance(d, ast.Attribute) and d.attr in ("setter", "deleter") and isinstance(d.value, ast.Name):
        return f"{d.attr}:{d.value.id}"
    return None


class Declarer:
    def __init__(self, src: SourceFile, scopes: ScopeInfo):
        self.src = src
        self.scopes = scopes
        self.info = ProgramInfo(src, scopes)
        self.names = names.NameGen()

    def run(self) -> ProgramInfo:
        module = self.scopes.module
        tree = self.src.tree
        main = FuncIR("<module>", "<module>", "F_module", 1, is_module_body=True, ast_node=tree)
        self.info.functions[tree] = FuncInfo(tree, module, ir=main)
        self.main_fn = main
        self.count_global_bindings()
        self.check_imports(tree.body, False)
        for stmt in tree.body:
            self.declare_stmt(stmt)
        self.walk_functions(tree, module)
        self.find_module_locals()
        return self.info

    # ---- global bindings --------------------------------------------------

    def count_global_bindings(self) -> None:
        counts: dict[str, int] = {}

        def bump(scope: Scope, name: str, by: int = 1) -> None:
            if scope.resolve(name) == "global":
                counts[name] = counts.get(name, 0) + by

        for node, scope in [(self.src.tree, self.scopes.module)] + [
                (n, s) for n, s in self.scopes.by_node.items() if s.kind != "module"]:
            for sub in _own_nodes(node):
                if isinstance(sub, ast.Name) and not isinstance(sub.ctx, ast.Load):
                    bump(scope, sub.id)
                elif isinstance(sub, (ast.FunctionDef, ast.ClassDef)) and sub is not node:
                    bump(scope, sub.name)
                elif isinstance(sub, (ast.Import, ast.ImportFrom)):
                    for a in sub.names:
                        bump(scope, a.asname or a.name.split(".")[0])
                elif isinstance(sub, ast.ExceptHandler) and sub.name:
                    bump(scope, sub.name)
                elif isinstance(sub, ast.NamedExpr):
                    bump(scope, sub.target.id)
                elif isinstance(sub, (ast.For, ast.comprehension)):
                    pass  # targets are Names in Store context, counted above
        self.info.global_binding_count = counts

    def bound_once(self, name: str) -> bool:
        return self.info.global_binding_count.get(name, 0) == 1

    # ---- module-level declarations ----------------------------------------

    def declare_stmt(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.ClassDef):
            self.declare_class(stmt)
        elif isinstance(stmt, ast.FunctionDef):
            if not stmt.decorator_list and self.bound_once(stmt.name):
                self.info.known_functions[stmt.name] = stmt
        elif isinstance(stmt, ast.Import):
            if id(stmt) in self.info.failing_imports:
                return
            for a in stmt.names:
                bound = a.asname or a.name
                if self.bound_once(bound):
                    self.info.module_imports[bound] = ALIASES.get(a.name, a.name)
        elif isinstance(stmt, ast.ImportFrom):
            if id(stmt) in self.info.failing_imports:
                return
            modname = ALIASES.get(stmt.module or "", stmt.module or "")
            for a in stmt.names:
                bound = a.asname or a.name
                if self.bound_once(bound):
                    self.info.from_imports[bound] = (modname, a.name)
        elif isinstance(stmt, (ast.If, ast.Try, ast.While, ast.For, ast.With)):
            # Definitions nested in control flow are not "bound once" in a
            # statically useful way.
            for sub in ast.walk(stmt):
                if isinstance(sub, ast.ClassDef):
                    raise self.src.error(sub, "classes must be defined at the top level of a module",
                                         "move the class out of the if/try/loop")

    # ---- imports ----------------------------------------------------------------

    def check_imports(self, body: list[ast.stmt], guarded: bool) -> None:
        """Every import of the program, wherever it is (module, function or
        class body, control flow), resolves at build time. One that cannot
        is a diagnostic -- unless it runs inside a `try` whose handlers catch
        ImportError (`try: import ustruct except ImportError: ...`): there it
        raises ImportError when it runs, as under MicroPython."""
        for stmt in body:
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                problem = self.import_problem(stmt)
                if problem is not None:
                    if not guarded:
                        raise self.src.error(stmt, problem, UNSUPPORTED_MODULE_HINT
                                             if problem.startswith("no module") else "")
                    self.info.failing_imports[id(stmt)] = problem
            elif isinstance(stmt, ast.Try):
                catches = any(_catches_import_error(h) for h in stmt.handlers)
                self.check_imports(stmt.body, guarded or catches)
                for h in stmt.handlers:
                    self.check_imports(h.body, guarded)
                self.check_imports(stmt.orelse, guarded)
                self.check_imports(stmt.finalbody, guarded)
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.check_imports(stmt.body, False)  # runs later, outside this try
            elif isinstance(stmt, ast.ClassDef):
                self.check_imports(stmt.body, guarded)  # runs here
            else:
                for field in ("body", "orelse"):
                    sub = getattr(stmt, field, None)
                    if isinstance(sub, list):
                        self.check_imports(sub, guarded)

    def import_problem(self, node: ast.Import | ast.ImportFrom) -> str | None:
        """What makes an import fail (CPython's wording), or None."""
        if isinstance(node, ast.Import):
            for a in node.names:
                if "." in a.name or ALIASES.get(a.name, a.name) not in MODULES:
                    return f"no module named '{a.name}'"
            return None
        modname = ALIASES.get(node.module or "", node.module or "")
        if modname not in MODULES:
            return f"no module named '{node.module}'"
        desc = MODULES[modname]
        for a in node.names:
            if not desc.has(a.name):
                return f"cannot import name '{a.name}' from '{node.module}'"
        return None

    def declare_class(self, node: ast.ClassDef) -> None:
        base: ClassIR | None = None
        builtin_base = "up_type_object"
        is_exc = False
        if node.bases:
            b = node.bases[0]
            if isinstance(b, ast.Name) and b.id in self.info.class_by_name:
                base = self.info.class_by_name[b.id]
                builtin_base = base.builtin_base
                is_exc = base.is_exception
            elif isinstance(b, ast.Name) and b.id in EXCEPTIONS and \
                    b.id not in self.scopes.module.assigned:
                builtin_base = f"up_type_{b.id}"
                is_exc = True
            elif isinstance(b, ast.Name) and b.id == "object" and b.id not in self.scopes.module.assigned:
                pass
            else:
                what = ast.unparse(b)
                raise self.src.error(
                    b, f"base class '{what}' is not supported",
                    "a class may derive from a class defined earlier in the program, from object, "
                    "or from an exception class")
        if not self.bound_once(node.name) or node.decorator_list:
            raise self.src.error(node, f"class '{node.name}' must be bound exactly once, by its "
                                       "class statement (no decorators, no reassignment)",
                                 "give the other value another name")
        c_name = self.names.type_name(node.name)
        cls = ClassIR(node.name, c_name, node.lineno, base, builtin_base, is_exc)
        if base is not None:
            base.subclasses.append(cls)
        self.info.classes[node] = cls
        self.info.class_by_name[node.name] = cls
        scope = self.scopes.by_node[node]
        for stmt in node.body:
            if isinstance(stmt, ast.FunctionDef):
                kind = _decorator_kind(stmt)
                if kind is None:
                    raise self.src.error(stmt.decorator_list[0], "this method decorator is not supported",
                                         "methods may use @staticmethod, @classmethod, @property and "
                                         "@name.setter")
                fn = self.new_function(stmt, self.scopes.by_node[stmt], cls)
                if kind.startswith("setter:") or kind.startswith("deleter:"):
                    prop = kind.split(":", 1)[1]
                    if cls.method_kinds.get(prop) != "property":
                        raise self.src.error(stmt, f"'{prop}' is not a property of this class")
                    if kind.startswith("deleter:"):
                        raise self.src.error(stmt, "property deleters are not supported")
                    cls.property_setters[prop] = fn
                    self.info.functions[stmt].method_kind = "setter"
                    continue
                cls.methods[stmt.name] = fn
                cls.method_kinds[stmt.name] = kind
                self.info.functions[stmt].method_kind = kind
            elif isinstance(stmt, (ast.ClassDef,)):
                raise self.src.error(stmt, "nested classes are not supported",
                                     "define the class at the top level of the module")
        for name in sorted(scope.assigned):
            if name not in cls.methods and name not in cls.property_setters:
                cls.class_vars.append(name)
        # Attribute slots: self.NAME assigned in any method.
        slots: list[str] = []
        inherited = set(base.all_slots()) if base is not None else set()
        if is_exc and base is None:
            inherited |= {"args", "__cause__", "__context__"}
        for stmt in node.body:
            if isinstance(stmt, ast.FunctionDef) and cls.method_kinds.get(stmt.name, "") == "method":
                args = stmt.args.posonlyargs + stmt.args.args
                if not args:
                    continue
                self_name = args[0].arg
                for sub in ast.walk(stmt):
                    for t in _store_attr_targets(sub):
                        if isinstance(t.value, ast.Name) and t.value.id == self_name:
                            if t.attr not in slots and t.attr not in inherited and \
                                    t.attr not in cls.methods and cls.method_kinds.get(t.attr) != "property":
                                slots.append(t.attr)
        cls.own_slots = slots

    # ---- functions ----------------------------------------------------------

    def new_function(self, node: ast.AST, scope: Scope,
                     cls: ClassIR | None = None) -> FuncIR:
        name = node.name if isinstance(node, ast.FunctionDef) else \
            "<genexpr>" if isinstance(node, ast.GeneratorExp) else \
            "<listcomp>" if isinstance(node, ast.ListComp) else \
            "<setcomp>" if isinstance(node, ast.SetComp) else \
            "<dictcomp>" if isinstance(node, ast.DictComp) else "<lambda>"
        qual = f"{cls.name}.{name}" if cls is not None else name
        fn = FuncIR(name, qual, self.names.function_name(qual), node.lineno, class_ir=cls,
                    is_lambda=isinstance(node, ast.Lambda), ast_node=node)
        fn.is_generator = scope.has_yield
        self.info.functions[node] = FuncInfo(node, scope, cls, "", None, scope.has_yield, fn)
        return fn

    def walk_functions(self, root: ast.AST, root_scope: Scope) -> None:
        for node, scope in self.scopes.by_node.items():
            comp_function = isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp)) and \
                not scope.is_inline
            if (isinstance(node, (ast.FunctionDef, ast.Lambda, ast.GeneratorExp)) or comp_function) \
                    and node not in self.info.functions:
                self.new_function(node, scope)
        self.funcs_by_node = {n: fi for n, fi in self.info.functions.items()}

    def find_module_locals(self) -> None:
        module = self.scopes.module
        used_elsewhere: set[str] = set()
        for node, scope in self.scopes.by_node.items():
            if scope.kind == "module":
                continue
            for n in scope.referenced | scope.assigned:
                if scope.resolve(n) == "global":
                    used_elsewhere.add(n)
            used_elsewhere |= scope.global_decls
        for n in module.assigned:
            if n not in used_elsewhere and n not in self.info.known_functions and \
                    n not in self.info.class_by_name:
                self.info.module_locals.add(n)


def _store_attr_targets(node: ast.AST) -> list[ast.Attribute]:
    out: list[ast.Attribute] = []

    def add(t: ast.AST) -> None:
        if isinstance(t, ast.Attribute):
            out.append(t)
        elif isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                add(e)
        elif isinstance(t, ast.Starred):
            add(t.value)

    if isinstance(node, ast.Assign):
        for t in node.targets:
            add(t)
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        add(node.target)
    elif isinstance(node, (ast.For, ast.With)):
        if isinstance(node, ast.For):
            add(node.target)
        else:
            for item in node.items:
                if item.optional_vars is not None:
                    add(item.optional_vars)
    return out


def _own_nodes(root: ast.AST):
    """The nodes of a scope, not descending into nested scopes."""
    stack = list(ast.iter_child_nodes(root)) if not isinstance(root, ast.Lambda) else [root.body]
    if isinstance(root, (ast.FunctionDef,)):
        stack = list(root.body)
    elif isinstance(root, ast.ClassDef):
        stack = list(root.body)
    elif isinstance(root, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
        stack = [root.elt] + [x for g in root.generators for x in [g.target, *g.ifs]]
        stack += [g.iter for g in root.generators[1:]]
    elif isinstance(root, ast.DictComp):
        stack = [root.key, root.value] + [x for g in root.generators for x in [g.target, *g.ifs]]
        stack += [g.iter for g in root.generators[1:]]
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, (ast.FunctionDef, ast.ClassDef)):
            # decorators, defaults and bases belong to this scope
            if isinstance(n, ast.FunctionDef):
                stack.extend(n.decorator_list)
                stack.extend(n.args.defaults)
                stack.extend(d for d in n.args.kw_defaults if d is not None)
            else:
                stack.extend(n.decorator_list)
                stack.extend(n.bases)
            continue
        if isinstance(n, ast.Lambda):
            stack.extend(n.args.defaults)
            stack.extend(d for d in n.args.kw_defaults if d is not None)
            continue
        if isinstance(n, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            stack.append(n.generators[0].iter)
            continue
        stack.extend(ast.iter_child_nodes(n))


def declare_program(src: SourceFile, scopes: ScopeInfo) -> tuple[ProgramInfo, FuncIR]:
    d = Declarer(src, scopes)
    info = d.run()
    return info, d.main_fn


_IMPORT_ERROR_CATCHERS = {"ImportError", "Exception", "BaseException"}


def _catches_import_error(h: ast.ExceptHandler) -> bool:
    if h.type is None:
        return True
    kinds = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]
    return any(isinstance(k, ast.Name) and k.id in _IMPORT_ERROR_CATCHERS for k in kinds)
