"""The subset checker: what uptc rejects, and why.

uptc compiles the MicroPython subset of Python 3 ahead of time. Constructs
that need the compiler at run time (eval, exec, computed imports), that
MicroPython does not have (metaclasses, match), or that uptc does not
implement yet are rejected here with a diagnostic pointing at the construct
and a hint saying what to do instead. Every rule is one entry in a visitor
method, so the list of what is rejected reads top to bottom.
"""

from __future__ import annotations

import ast

from uptc.diagnostics import CompileError, Diagnostic
from uptc.frontend.parse import SourceFile

MAX_PARAMS = 16

# Names whose use needs a compiler or an interpreter at run time.
DYNAMIC_NAMES = {
    "eval": "uptc compiles ahead of time, so there is no compiler at run time; "
    "parse the input yourself (int(), float(), str.split()) or use a dict of functions",
    "exec": "uptc compiles ahead of time, so there is no compiler at run time; "
    "write the code in the program itself",
    "compile": "uptc compiles ahead of time, so there is no compiler at run time",
    "globals": "globals are resolved at build time; use a dict to hold named values",
    "locals": "locals are resolved at build time; use a dict to hold named values",
    "vars": "attributes are resolved at build time; use a dict, or getattr()",
    "breakpoint": "there is no debugger hook in compiled code; use print() or a debugger on the C code",
    "memoryview": "memoryview is not supported; use bytes or a list",
    "bytearray": "bytearray is not supported yet; use a list of ints",
    "complex": "complex numbers are not supported; use pairs of floats",
    "open": "there is no file system on the target; use a constant in the program",
}

UNSUPPORTED_MODULE_HINT = (
    "uptc resolves imports at build time; the modules it has are sys, time (utime), "
    "gc, math, pyb and micropython (to make an import optional, put it in "
    "try/except ImportError)"
)


class SubsetChecker(ast.NodeVisitor):
    def __init__(self, src: SourceFile):
        self.src = src
        self.diags: list[Diagnostic] = []
        self.function_depth = 0
        self.class_depth = 0

    def reject(self, node: ast.AST, message: str, hint: str = "") -> None:
        self.diags.append(self.src.diagnostic(node, message, hint))

    # ---- statements ---------------------------------------------------------

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.check_arguments(node, node.args)
        for d in node.decorator_list:
            self.visit(d)
        self.check_defaults(node.args)
        self.function_depth += 1
        for stmt in node.body:
            self.visit(stmt)
        self.function_depth -= 1

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self.reject(node, "'async def' is not supported yet", "use a plain function (and a loop)")

    def visit_AsyncFor(self, node: ast.AsyncFor) -> None:
        self.reject(node, "'async for' is not supported yet")

    def visit_AsyncWith(self, node: ast.AsyncWith) -> None:
        self.reject(node, "'async with' is not supported yet")

    def visit_Await(self, node: ast.Await) -> None:
        self.reject(node, "'await' is not supported yet")

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.check_arguments(node, node.args)
        self.check_defaults(node.args)
        self.function_depth += 1
        self.visit(node.body)
        self.function_depth -= 1

    def check_defaults(self, args: ast.arguments) -> None:
        for d in args.defaults + [d for d in args.kw_defaults if d is not None]:
            self.visit(d)

    def check_arguments(self, node: ast.AST, args: ast.arguments) -> None:
        n = (len(args.posonlyargs) + len(args.args) + len(args.kwonlyargs) + (args.vararg is not None)
             + (args.kwarg is not None))
        if n > MAX_PARAMS:
            self.reject(node, f"a function with {n} parameters is not supported (the limit is {MAX_PARAMS})",
                        "pass a tuple, list or dict instead of so many separate arguments")

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for kw in node.keywords:
            if kw.arg == "metaclass":
                self.reject(kw, "metaclasses are not supported",
                            "MicroPython has no metaclasses either; use a class decorator or a factory function")
            else:
                self.reject(kw, f"class keyword argument '{kw.arg}' is not supported")
        if len(node.bases) > 1:
            self.reject(node.bases[1], "multiple inheritance is not supported",
                        "use a single base class and composition (an attribute holding the other object)")
        for b in node.bases:
            if isinstance(b, ast.Starred):
                self.reject(b, "computed base classes are not supported")
            self.visit(b)
        for d in node.decorator_list:
            self.reject(d, "class decorators are not supported",
                        "call the function on the class after its definition, under another name")
        if self.function_depth > 0:
            self.reject(node, "classes must be defined at the top level of a module",
                        "move the class out of the function")
        self.class_depth += 1
        for stmt in node.body:
            self.visit(stmt)
        self.class_depth -= 1

    def visit_Match(self, node: ast.AST) -> None:
        self.reject(node, "'match' statements are not supported",
                    "MicroPython does not have them either; use if/elif chains")

    def visit_TryStar(self, node: ast.AST) -> None:
        self.reject(node, "'except*' is not supported", "use a plain 'except'")

    def visit_Import(self, node: ast.Import) -> None:
        pass  # resolved (or rejected) by uptc.frontend.modules

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            self.reject(node, "relative imports are not supported", "import the module by its name")
        for alias in node.names:
            if alias.name == "*":
                self.reject(node, "'from ... import *' is not supported",
                            "import the names you use explicitly")

    def visit_Global(self, node: ast.Global) -> None:
        pass

    # ---- expressions --------------------------------------------------------

    def visit_Name(self, node: ast.Name) -> None:
        hint = DYNAMIC_NAMES.get(node.id)
        if hint is not None and isinstance(node.ctx, ast.Load):
            self.reject(node, f"'{node.id}' is not supported", hint)

    def visit_Call(self, node: ast.Call) -> None:
        f = node.func
        if isinstance(f, ast.Name) and f.id == "__import__":
            if not (len(node.args) == 1 and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                self.reject(node, "__import__ of a computed module name is not supported",
                            "uptc resolves imports at build time; write 'import name'")
            else:
                self.reject(node, "__import__ is not supported", "write 'import name'")
            return
        if isinstance(f, ast.Attribute) and f.attr == "settrace" and isinstance(f.value, ast.Name) \
                and f.value.id == "sys":
            self.reject(node, "sys.settrace is not supported",
                        "compiled code has no tracing hook; use print() or a C debugger")
            return
        if isinstance(f, ast.Name) and f.id == "super" and (node.args or node.keywords):
            if len(node.args) != 2 or self.class_depth == 0:
                self.reject(node, "super() with arguments is only supported as super(ThisClass, self)",
                            "write super() inside the method")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, complex):
            self.reject(node, "complex numbers are not supported", "use pairs of floats")

    def visit_Yield(self, node: ast.Yield) -> None:
        if self.function_depth == 0:
            self.reject(node, "'yield' outside a function")
        self.generic_visit(node)

    def visit_YieldFrom(self, node: ast.YieldFrom) -> None:
        if self.function_depth == 0:
            self.reject(node, "'yield from' outside a function")
        self.generic_visit(node)

    def visit_Starred(self, node: ast.Starred) -> None:
        self.generic_visit(node)


def check_subset(src: SourceFile) -> None:
    checker = SubsetChecker(src)
    checker.visit(src.tree)
    if checker.diags:
        raise CompileError(checker.diags[:20])
