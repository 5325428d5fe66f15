"""Every runtime function the compiler can call exists in runtime_c/up.h with
the arity the compiler uses (pycparser reads the header)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from uptc.backend_c.emit import builtin_method_lists
from uptc.backend_c.runtime_api import runtime_declarations
from uptc.diagnostics import CompileError
from uptc.driver import HOST, compile_to_c
from uptc.frontend.parse import read_source
from uptc.paths import runtime_dir
from uptc.primitives import (  # noqa: F401 - importing registers the primitives
    builtin_ops,
    dict_ops,
    float_ops,
    generic_ops,
    int_ops,
    list_ops,
    misc_ops,
    module_ops,
    str_ops,
)
from uptc.primitives.builtin_ops import BUILTINS
from uptc.primitives.module_ops import MODULES
from uptc.primitives.registry import ALL_CFUNCS

pytestmark = pytest.mark.skipif(shutil.which("arm-none-eabi-gcc") is None,
                                reason="needs arm-none-eabi-gcc (make setup installs it)")

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = sorted((ROOT / "tests" / "programs").rglob("*.py")) + sorted((ROOT / "examples").glob("*.py"))


@pytest.fixture(scope="module")
def decls():
    return runtime_declarations()


def _compile_corpus() -> None:
    """Lowering registers the primitives it uses on the way: compile every
    example and corpus program (front and back end, no gcc) first."""
    for p in PROGRAMS:
        try:
            compile_to_c(read_source(p), HOST)
        except CompileError:
            pass  # programs uptc rejects are the diagnostics tests' business


def test_every_primitive_exists_with_its_arity(decls) -> None:
    _compile_corpus()
    problems = []
    for f in ALL_CFUNCS.values():
        d = decls.get(f.c_name)
        if d is None:
            problems.append(f"{f.c_name}: not declared in runtime_c/up.h")
        elif d.is_object:
            problems.append(f"{f.c_name}: declared as an object, called as a function")
        elif d.nparams != f.c_arity and not d.is_variadic:
            problems.append(f"{f.c_name}: the compiler passes {f.c_arity} arguments, C takes {d.nparams}")
    assert not problems, "\n".join(problems)


def test_builtins_and_modules_exist(decls) -> None:
    problems = []
    for name, b in BUILTINS.items():
        if b.symbol not in decls:
            problems.append(f"builtin {name}: {b.symbol} not declared")
        if b.call_c and decls.get(b.call_c, None) is None:
            problems.append(f"builtin {name}: {b.call_c} not declared")
    for m in MODULES.values():
        if m.symbol not in decls:
            problems.append(f"module {m.name}: {m.symbol} not declared")
        for fn in m.functions:
            for sym in (m.function_c(fn), m.function_symbol(fn)):
                if sym not in decls:
                    problems.append(f"{m.name}.{fn}: {sym} not declared")
        for cls, sym in m.classes.items():
            if sym not in decls:
                problems.append(f"{m.name}.{cls}: {sym} not declared")
    assert not problems, "\n".join(problems)


def test_builtin_method_tables_match_the_compiler(decls) -> None:
    from uptc.frontend.lower_call import BUILTIN_METHODS

    lists = builtin_method_lists()
    problems = []
    for tname, methods in lists.items():
        for m in methods:
            for sym in (f"up_builtin_{tname}_{m}", f"up_{tname}_m_{m}"):
                if sym not in decls:
                    problems.append(f"{tname}.{m}: {sym} not declared")
        known = set(BUILTIN_METHODS.get(tname, {}))
        if tname in BUILTIN_METHODS and known != set(methods):
            problems.append(f"{tname}: compiler knows {sorted(known ^ set(methods))} differently "
                            "from the runtime's UP_" + tname.upper() + "_METHODS")
    assert not problems, "\n".join(problems)


def test_runtime_qstrs_are_parsed() -> None:
    from uptc.backend_c.names import runtime_qstrs

    q = runtime_qstrs()
    text = (runtime_dir() / "qstr.h").read_text()
    assert "__init__" in q and "append" in q
    assert len(q) == len(re.findall(r"X\((\w+)\)", text[text.index("#define UP_QSTRS"):]))
