"""Whole-program call facts: who calls whom, which functions escape, and
which can recurse.

A module-level function bound once whose name is only ever called (never
passed around, stored or decorated) has all its call sites in the program:
inference may type its parameters from the arguments (uptc/frontend/infer.py).
Every other function "escapes": anything may call it, with anything.

A function needs the stack check (RecursionError instead of a fault) only
when it can be re-entered: when it lies on a cycle of the call graph, where
a function that calls something unknown (a function object, a method looked
up at run time, an operator that may run a special method) is taken to call
every function that escapes and every method.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from uptc.frontend.infer import ProgramInfo
from uptc.primitives.builtin_ops import BUILTINS

# Builtins that never call back into Python code (no key=, no iteration of
# user iterators, no __len__/__index__ of user objects ... that is, the ones
# whose arguments are only ever builtin values' fast paths). Everything else
# is assumed to possibly call user code.
_PURE_BUILTINS = {"print", "len", "isinstance", "issubclass", "id", "callable", "chr", "ord",
                  "hex", "oct", "bin", "repr", "str", "abs", "round", "divmod", "pow", "hash",
                  "int", "float", "bool", "range", "type"}


@dataclass
class CallGraph:
    # function node -> call nodes that call it directly
    call_sites: dict[ast.AST, list[ast.Call]] = field(default_factory=dict)
    escaped: set[ast.AST] = field(default_factory=set)
    # function node -> functions it calls directly
    calls: dict[ast.AST, set[ast.AST]] = field(default_factory=dict)
    # functions that may call code the compiler cannot see (dynamic calls)
    dynamic: set[ast.AST] = field(default_factory=set)
    recursive: set[ast.AST] = field(default_factory=set)
    # call node -> the scope its arguments are evaluated in
    scope_of: dict[ast.AST, object] = field(default_factory=dict)


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    out: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            out[child] = node
    return out


def _scope_of(node: ast.AST, parents: dict[ast.AST, ast.AST], info: ProgramInfo):  # noqa: ANN202
    """The innermost scope (function, comprehension, class, module) containing node."""
    n = parents.get(node)
    child = node
    while n is not None:
        s = info.scopes.by_node.get(n)
        if s is not None:
            # A comprehension's first iterable and a function's defaults and
            # decorators belong to the enclosing scope.
            if isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)) and \
                    child is n.generators[0].iter:
                pass
            elif isinstance(n, (ast.FunctionDef, ast.Lambda)) and child not in \
                    (n.body if isinstance(n.body, list) else [n.body]):
                pass
            elif isinstance(n, ast.ClassDef) and child not in n.body:
                pass
            else:
                return s
        child = n
        n = parents.get(n)
    return info.scopes.module


def _owner_function(node: ast.AST, parents: dict[ast.AST, ast.AST], info: ProgramInfo) -> ast.AST:
    """The function (or module) whose code contains node."""
    n = parents.get(node)
    while n is not None and n not in info.functions:
        n = parents.get(n)
    return n if n is not None else info.src.tree


def build_call_graph(info: ProgramInfo) -> CallGraph:
    g = CallGraph()
    tree = info.src.tree
    parents = _parents(tree)
    module = info.scopes.module
    known = {name: node for name, node in info.known_functions.items()}
    for fn in info.functions:
        g.calls.setdefault(fn, set())
    # Which names are used how.
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in known:
            owner = _owner_function(node, parents, info)
            scope = info.scopes.by_node.get(owner, module) if owner is not tree else module
            if isinstance(owner, ast.AST) and owner in info.functions:
                scope = info.functions[owner].scope
            if scope.resolve(node.id) != "global":
                continue
            target = known[node.id]
            p = parents.get(node)
            if isinstance(p, ast.Call) and p.func is node and \
                    not any(isinstance(a, ast.Starred) for a in p.args) and \
                    not any(k.arg is None for k in p.keywords):
                g.call_sites.setdefault(target, []).append(p)
                g.calls.setdefault(owner, set()).add(target)
            else:
                g.escaped.add(target)
    for fn_node, fi in info.functions.items():
        if fn_node is tree:
            continue
        # Methods, nested functions, lambdas, comprehension functions and
        # generators (their bodies run when iterated) can be entered from
        # anywhere.
        if not isinstance(fn_node, ast.FunctionDef) or fi.class_ir is not None or \
                fn_node not in known.values() or fn_node.decorator_list or fi.is_generator:
            g.escaped.add(fn_node)
    # Where each call is, for typing its arguments.
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            g.scope_of[node] = _scope_of(node, parents, info)
    # Functions that may call code the compiler cannot resolve.
    for fn_node in info.functions:
        for sub in _own_code(fn_node):
            if _may_call_unknown(sub, info, known):
                g.dynamic.add(fn_node)
                break
    g.recursive = _cyclic(g)
    return g


def _own_code(fn_node: ast.AST):
    """The nodes of a function's own body (not of nested functions/classes)."""
    if isinstance(fn_node, ast.Module):
        stack = list(fn_node.body)
    elif isinstance(fn_node, ast.Lambda):
        stack = [fn_node.body]
    elif isinstance(fn_node, ast.FunctionDef):
        stack = list(fn_node.body)
    else:
        stack = list(ast.iter_child_nodes(fn_node))
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, (ast.FunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(n))


# With classes in the program, these still cannot run Python code.
_PURE_WITH_CLASSES = {"isinstance", "issubclass", "id", "callable", "chr", "ord", "type", "range"}


def _is_range_call(node: ast.AST, info: ProgramInfo) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
        node.func.id == "range" and "range" not in info.scopes.module.assigned


def _may_call_unknown(node: ast.AST, info: ProgramInfo, known: dict[str, ast.AST]) -> bool:
    if isinstance(node, ast.For) and _is_range_call(node.iter, info):
        return False
    if isinstance(node, ast.comprehension) and _is_range_call(node.iter, info):
        return False
    if isinstance(node, ast.Call):
        f = node.func
        if isinstance(f, ast.Name):
            if f.id in known:
                return False
            if f.id in BUILTINS and f.id not in info.scopes.module.assigned:
                pure = _PURE_WITH_CLASSES if info.classes else _PURE_BUILTINS
                return f.id not in pure
            if f.id in info.class_by_name:
                return True  # __init__
            return True
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and \
                f.value.id in info.module_imports:
            return False  # built-in module functions call no Python code
        return True
    # Operators may run special methods of user classes; iteration may run
    # generators and __iter__/__next__.
    if isinstance(node, (ast.BinOp, ast.Compare, ast.AugAssign, ast.Subscript, ast.For,
                         ast.comprehension, ast.UnaryOp, ast.With, ast.Attribute, ast.Delete)):
        return bool(info.classes) or isinstance(node, (ast.For, ast.comprehension))
    return False


def _cyclic(g: CallGraph) -> set[ast.AST]:
    """Functions on a cycle, with dynamic callers calling every escaped function."""
    nodes = list(g.calls)
    edges: dict[ast.AST, set[ast.AST]] = {n: set(g.calls.get(n, ())) for n in nodes}
    for n in g.dynamic:
        edges.setdefault(n, set()).update(g.escaped)
    # Tarjan's strongly connected components (iterative).
    index: dict[ast.AST, int] = {}
    low: dict[ast.AST, int] = {}
    on_stack: set[ast.AST] = set()
    stack: list[ast.AST] = []
    out: set[ast.AST] = set()
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()), key=id)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(edges.get(w, ()), key=id))))
                    advanced = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w is v:
                        break
                if len(comp) > 1 or v in edges.get(v, ()):
                    out.update(comp)
    return out
