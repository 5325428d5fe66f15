"""Unit tests of the IR passes, each on IR lowered from a small program."""

from __future__ import annotations

import pytest

from uptc.frontend.declare import declare_program
from uptc.frontend.infer import infer_program
from uptc.frontend.lower import lower_program
from uptc.frontend.parse import parse_source
from uptc.frontend.scopes import analyze_scopes
from uptc.ir.check import IRError, check_function
from uptc.ir.func import FuncIR, ModuleIR
from uptc.ir.ops import Box, Branch, CallC, Goto, LoadInt, Return, Unbox
from uptc.ir.pprint import format_function
from uptc.passes.constfold import fold_constants
from uptc.passes.exceptions import insert_exception_handling
from uptc.passes.simplify import simplify_cfg
from uptc.passes.unbound import remove_unneeded_checks
from uptc.passes.unbox import remove_box_pairs


def lower(source: str) -> ModuleIR:
    src = parse_source(source, "t.py")
    scopes = analyze_scopes(src)
    info, main = declare_program(src, scopes)
    infer_program(info)
    return lower_program(info, main)


def fn(m: ModuleIR, name: str) -> FuncIR:
    return next(f for f in m.functions if f.name == name)


def ops_of(f: FuncIR, kind: type) -> list:
    return [op for b in f.blocks for op in b.ops if isinstance(op, kind)]


def test_lowered_ir_is_valid_and_every_failure_gets_a_branch() -> None:
    m = lower("def f(a, b):\n    return a + b\n")
    f = fn(m, "f")
    check_function(f)
    insert_exception_handling(f)
    check_function(f, after_exceptions=True)
    errs = [op for op in ops_of(f, Branch) if op.kind == Branch.IS_ERROR]
    assert errs, format_function(f)
    # leaving the function records its line in the traceback
    assert "traceback f:2" in format_function(f)


def test_checker_rejects_a_missing_error_branch() -> None:
    m = lower("def f(a, b):\n    return a + b\n")
    f = fn(m, "f")
    with pytest.raises(IRError):
        check_function(f, after_exceptions=True)


def test_checker_rejects_a_block_without_terminator() -> None:
    m = lower("def f():\n    return 1\n")
    f = fn(m, "f")
    f.blocks[0].ops.pop()  # the Return
    with pytest.raises(IRError):
        check_function(f)


def test_constant_folding_of_int_arithmetic_and_branches() -> None:
    m = lower("def f():\n    x = 2 * 3 + 4\n    if 1 < 2:\n        return x\n    return 0\n")
    f = fn(m, "f")
    n = fold_constants(f)
    assert n >= 3
    assert [op.value for op in ops_of(f, LoadInt)].count(10) == 1
    assert not any(op.desc.c_name.startswith("up_int_") for op in ops_of(f, CallC))
    simplify_cfg(f)
    # the untaken `return 0` is gone
    assert len(ops_of(f, Return)) == 1
    check_function(f)


def test_definite_assignment_removes_bound_checks() -> None:
    m = lower("def f(c):\n    x = 1\n    if c:\n        y = 2\n    return x + y\n")
    f = fn(m, "f")
    insert_exception_handling(f)
    before = [b for b in ops_of(f, Branch) if b.kind == Branch.IS_NULL]
    remove_unneeded_checks(f)
    after = [b for b in ops_of(f, Branch) if b.kind == Branch.IS_NULL]
    # c (a parameter) and x are always bound; y may not be (its check stays)
    assert len(before) == 3 and len(after) == 1
    assert after[0].value.var_name == "y"


def test_unbound_float_is_reported() -> None:
    m = lower("def f(c):\n    if c:\n        x = 1.5\n    return x * 2.0\n")
    f = fn(m, "f")
    insert_exception_handling(f)
    assert remove_unneeded_checks(f) == ["x"]


def test_float_arithmetic_stays_unboxed() -> None:
    m = lower("def f(n):\n    x = 0.5\n    for i in range(n):\n        x = x * 1.5 + 2.0\n    return x\n")
    f = fn(m, "f")
    remove_box_pairs(f)
    # one Box for the return value, none in the loop
    assert len(ops_of(f, Box)) == 1
    assert not ops_of(f, Unbox)


def test_box_unbox_pairs_are_removed() -> None:
    m = lower("def f():\n    x = 1.5\n    y = [x]\n    return float(x) + 1.0\n")
    f = fn(m, "f")
    remove_box_pairs(f)
    check_function(f)


def test_simplify_merges_straight_line_blocks() -> None:
    m = lower("def f(a):\n    b = a\n    c = b\n    return c\n")
    f = fn(m, "f")
    insert_exception_handling(f)
    remove_unneeded_checks(f)
    simplify_cfg(f)
    gotos = [op for op in ops_of(f, Goto)]
    assert len(f.blocks) <= 3 and len(gotos) <= 2, format_function(f)
