"""Name resolution: which scope each name belongs to.

Python's rules, in one pass to collect and one to resolve:
- module scope: every name is global;
- a function (or lambda, or comprehension) binds the names it assigns,
  unless declared global or nonlocal; its parameters are locals;
- a class body binds class attributes; its names are not visible to the
  functions nested in it;
- a name a scope uses but does not bind is free: it belongs to the nearest
  enclosing function scope that binds it (a "cell" there), else it is global
  (or builtin).
Comprehension scopes are folded into their enclosing function when nothing
captures their variables (see Scope.inline).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from uptc.frontend.parse import SourceFile


@dataclass(eq=False)
class Scope:
    kind: str  # "module", "function", "lambda", "class", "comprehension"
    node: ast.AST
    parent: Scope | None
    name: str = ""
    params: list[str] = field(default_factory=list)
    assigned: set[str] = field(default_factory=set)
    referenced: set[str] = field(default_factory=set)
    global_decls: set[str] = field(default_factory=set)
    nonlocal_decls: set[str] = field(default_factory=set)
    children: list[Scope] = field(default_factory=list)
    # results
    locals: set[str] = field(default_factory=set)
    cells: set[str] = field(default_factory=set)  # locals captured by inner scopes
    frees: dict[str, Scope] = field(default_factory=dict)  # free name -> owning scope
    has_yield: bool = False
    nonlocal_nodes: dict[str, ast.AST] = field(default_factory=dict)

    @property
    def is_function(self) -> bool:
        return self.kind in ("function", "lambda", "comprehension")

    @property
    def is_inline(self) -> bool:
        """A list/set/dict comprehension lowered as a loop inside its
        function: not a generator expression, and nothing captures its
        variables (else it becomes a function of its own)."""
        return self.kind == "comprehension" and not self.has_yield and not self.cells

    def resolve(self, name: str) -> str:
        """'local', 'cell', 'free', 'global', 'classlocal'."""
        if self.kind == "module":
            return "global"
        if name in self.global_decls:
            return "global"
        if self.kind == "class":
            if name in self.assigned:
                return "classlocal"
            if name in self.frees:
                return "free"
            return "global"
        if name in self.frees:
            return "free"
        if name in self.cells:
            return "cell"
        if name in self.locals:
            return "local"
        return "global"

    def enclosing_function(self) -> Scope | None:
        s = self.parent
        while s is not None and s.kind == "class":
            s = s.parent
        return s if s is not None and s.is_function else None


class _Collector(ast.NodeVisitor):
    """Builds the scope tree and records bindings and references."""

    def __init__(self, src: SourceFile):
        self.src = src
        self.scopes: dict[ast.AST, Scope] = {}
        self.module = self.new_scope("module", src.tree, None, "<module>")
        self.cur = self.module

    def new_scope(self, kind: str, node: ast.AST, parent: Scope | None, name: str) -> Scope:
        s = Scope(kind, node, parent, name)
        self.scopes[node] = s
        if parent is not None:
            parent.children.append(s)
        return s

    def bind(self, name: str) -> None:
        self.cur.assigned.add(name)
        if name in self.cur.global_decls:
            # `global x; x = ...` in a function binds a module-level name.
            self.module.assigned.add(name)

    def use(self, name: str) -> None:
        self.cur.referenced.add(name)

    # -- scopes
    def visit_Module(self, node: ast.Module) -> None:
        for s in node.body:
            self.visit(s)

    def function_scope(self, node: ast.FunctionDef | ast.Lambda, kind: str, name: str) -> None:
        args = node.args
        for d in args.defaults + [d for d in args.kw_defaults if d is not None]:
            self.visit(d)
        outer = self.cur
        s = self.new_scope(kind, node, outer, name)
        for a in args.posonlyargs + args.args:
            s.params.append(a.arg)
        if args.vararg:
            s.params.append(args.vararg.arg)
        s.params += [a.arg for a in args.kwonlyargs]
        if args.kwarg:
            s.params.append(args.kwarg.arg)
        s.assigned.update(s.params)
        self.cur = s
        if isinstance(node, ast.Lambda):
            self.visit(node.body)
        else:
            for stmt in node.body:
                self.visit(stmt)
        self.cur = outer

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        for d in node.decorator_list:
            self.visit(d)
        self.bind(node.name)
        self.function_scope(node, "function", node.name)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.function_scope(node, "lambda", "<lambda>")

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for d in node.decorator_list:
            self.visit(d)
        for b in node.bases:
            self.visit(b)
        self.bind(node.name)
        outer = self.cur
        self.cur = self.new_scope("class", node, outer, node.name)
        for stmt in node.body:
            self.visit(stmt)
        self.cur = outer

    def comprehension(self, node: ast.AST, generators: list[ast.comprehension], elts: list[ast.AST],
                      name: str) -> None:
        # The first iterable is evaluated in the enclosing scope.
        self.visit(generators[0].iter)
        outer = self.cur
        self.cur = self.new_scope("comprehension", node, outer, name)
        for i, g in enumerate(generators):
            if i > 0:
                self.visit(g.iter)
            self.visit(g.target)
            for cond in g.ifs:
                self.visit(cond)
        for e in elts:
            self.visit(e)
        self.cur = outer

    def visit_ListComp(self, node: ast.ListComp) -> None:
        self.comprehension(node, node.generators, [node.elt], "<listcomp>")

    def visit_SetComp(self, node: ast.SetComp) -> None:
        self.comprehension(node, node.generators, [node.elt], "<setcomp>")

    def visit_GeneratorExp(self, node: ast.GeneratorExp) -> None:
        self.comprehension(node, node.generators, [node.elt], "<genexpr>")
        self.scopes[node].has_yield = True

    def visit_DictComp(self, node: ast.DictComp) -> None:
        self.comprehension(node, node.generators, [node.key, node.value], "<dictcomp>")

    # -- bindings and uses
    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self.use(node.id)
        else:
            self.bind(node.id)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.visit(node.value)
        # := in a comprehension binds in the enclosing function scope
        target = self.cur
        while target.kind == "comprehension":
            assert target.parent is not None
            target = target.parent
        target.assigned.add(node.target.id)
        if target is not self.cur:
            s = self.cur
            while s is not target:
                s.nonlocal_decls.add(node.target.id) if target.kind != "module" else s.global_decls.add(
                    node.target.id)
                s.referenced.add(node.target.id)
                assert s.parent is not None
                s = s.parent

    def visit_Global(self, node: ast.Global) -> None:
        self.cur.global_decls.update(node.names)

    def visit_Nonlocal(self, node: ast.Nonlocal) -> None:
        self.cur.nonlocal_decls.update(node.names)
        for n in node.names:
            self.cur.nonlocal_nodes.setdefault(n, node)

    def visit_Import(self, node: ast.Import) -> None:
        for a in node.names:
            self.bind(a.asname or a.name.split(".")[0])

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for a in node.names:
            self.bind(a.asname or a.name)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.type is not None:
            self.visit(node.type)
        if node.name:
            self.bind(node.name)
        for s in node.body:
            self.visit(s)

    def visit_Yield(self, node: ast.Yield) -> None:
        self.cur.has_yield = True
        self.generic_visit(node)

    def visit_YieldFrom(self, node: ast.YieldFrom) -> None:
        self.cur.has_yield = True
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        # The annotation is not evaluated (as with `from __future__ import annotations`).
        if node.value is not None:
            self.visit(node.value)
            self.visit(node.target)
        elif isinstance(node.target, ast.Name):
            pass  # `x: int` alone binds nothing
        else:
            self.visit(node.target)

    def visit_arg(self, node: ast.arg) -> None:
        pass  # annotations are not evaluated


def _resolve(scope: Scope, src: SourceFile) -> None:
    if scope.is_function:
        scope.locals = {n for n in scope.assigned if n not in scope.global_decls
                        and n not in scope.nonlocal_decls}
    for child in scope.children:
        _resolve(child, src)
    # Free names of this scope: used (or declared nonlocal) but not bound here.
    if scope.kind == "module":
        return
    wanted = set(scope.nonlocal_decls)
    own = scope.locals if scope.is_function else scope.assigned
    for n in scope.referenced:
        if n not in own and n not in scope.global_decls:
            wanted.add(n)
    # Children's free names pass through this scope.
    for child in scope.children:
        for n, owner in child.frees.items():
            if owner is not scope:
                wanted.add(n)
    # A comprehension lowered inline in its function reads the function's
    # variables directly: its own uses make no cells.
    inline = scope.is_inline
    for n in sorted(wanted):
        owner = _find_owner(scope, n)
        if owner is not None:
            scope.frees[n] = owner
            if not inline:
                owner.cells.add(n)
        elif n in scope.nonlocal_decls:
            raise src.error(scope.nonlocal_nodes.get(n, scope.node), f"no binding for nonlocal '{n}' found")


def _find_owner(scope: Scope, name: str) -> Scope | None:
    s = scope.parent
    while s is not None:
        if s.kind == "module":
            return None
        if s.is_function and name in s.locals:
            return s
        if s.is_function and name in s.global_decls:
            return None
        s = s.parent
    return None


@dataclass
class ScopeInfo:
    module: Scope
    by_node: dict[ast.AST, Scope]


def analyze_scopes(src: SourceFile) -> ScopeInfo:
    c = _Collector(src)
    c.visit(src.tree)
    _resolve(c.module, src)
    # Cells of a class scope do not exist: names a class binds are never free
    # in nested scopes (methods see globals instead).
    return ScopeInfo(c.module, c.scopes)
