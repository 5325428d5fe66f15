"""The core builtin types as data (uptc/primitives/types.py) agree with the
runtime: every slot function exists with the slot's arity, the runtime
declares every core type and defines none, and every runtime function that
reads a core type's slot is listed in DISPATCHERS (the analysis that picks
a program's slot groups relies on that list)."""

from __future__ import annotations

import re
import shutil

import pytest

from uptc.backend_c.types import ALL_GROUPS, emit_builtin_types, standalone_types_c
from uptc.paths import runtime_dir
from uptc.primitives.types import (
    CORE_TYPES,
    DISPATCHERS,
    EXCEPTION_TYPES,
    GROUPS,
    MODULE_TYPES,
    NOT_DISPATCHERS,
    slot_functions,
)

SLOT_ARITY = {"make_new": 4, "call": 4, "print": 3, "binary_op": 3, "unary_op": 2, "subscr": 3,
              "getiter": 1, "iternext": 1, "attr": 3}
SLOTS = "|".join([*SLOT_ARITY, "methods"])


def test_groups_are_known_and_complete() -> None:
    used = {g for t in CORE_TYPES for _, g in t.slots.values()}
    assert used == set(GROUPS) == ALL_GROUPS
    assert set(DISPATCHERS) <= ALL_GROUPS
    for t in CORE_TYPES:
        assert set(t.slots) <= set(SLOT_ARITY) | {"methods"}, t.name
        assert all((g == "methods") == (s == "methods") for s, (_, g) in t.slots.items()), t.name


@pytest.mark.skipif(shutil.which("arm-none-eabi-gcc") is None, reason="needs arm-none-eabi-gcc")
def test_slot_functions_exist_with_the_slot_arity() -> None:
    from uptc.backend_c.runtime_api import runtime_declarations

    decls = runtime_declarations()
    for t in CORE_TYPES + MODULE_TYPES + EXCEPTION_TYPES:
        assert t.symbol in decls and decls[t.symbol].is_object, t.symbol
        if t.parent:
            assert t.parent in decls
        for slot, (c, _) in t.slots.items():
            name = c.lstrip("&")
            d = decls.get(name)
            assert d is not None, f"{t.name}.{slot}: {name} is not declared in up.h"
            if slot == "methods":
                assert d.is_object
            else:
                assert not d.is_object and d.nparams == SLOT_ARITY[slot], f"{t.name}.{slot}: {name}"


def test_the_runtime_declares_but_never_defines_the_core_types() -> None:
    rt = runtime_dir()
    declared = set()
    for h in rt.glob("*.h"):
        declared |= set(re.findall(r"extern const up_type_t (up_type_\w+);", h.read_text()))
    for t in CORE_TYPES + MODULE_TYPES + EXCEPTION_TYPES:
        assert t.symbol in declared
    for c in rt.glob("*.c"):
        for t in CORE_TYPES + MODULE_TYPES + EXCEPTION_TYPES:
            assert not re.search(rf"\bconst up_type_t {t.symbol}\b", c.read_text()), (c.name, t.symbol)


def test_subset_of_groups_leaves_other_slots_null() -> None:
    text = "\n".join(emit_builtin_types({"print", "methods"}))
    assert ".print = up_int_print," in text and ".methods = &up_methods_int," in text
    assert "binary_op" not in text and "getiter" not in text and "make_new" not in text
    assert 'static const char TN_none[] = "NoneType";' in text and ".name = TN_none," in text
    # float's slots exist only with UP_CFG_FLOAT
    float_def = text[text.index("up_type_float = {"):]
    float_def = float_def[: float_def.index("};")]
    assert "#if UP_CFG_FLOAT\n    .print = up_float_print,\n#endif" in float_def
    assert slot_functions({"print"}) >= {"up_int_print", "up_list_print", "up_none_print"}
    assert "up_int_binary_op" not in slot_functions({"print", "methods"})
    with pytest.raises(ValueError):
        emit_builtin_types({"prnt"})
    with pytest.raises(ValueError):
        emit_builtin_types({"print:nosuchtype"})


def test_per_type_groups() -> None:
    text = "\n".join(emit_builtin_types({"print:str", "attr:module", "new:int"}))
    assert ".print = up_str_print," in text and ".attr = up_module_attr," in text
    assert ".make_new = up_int_make_new," in text
    assert "up_int_print" not in text and "up_typeobj_attr" not in text and "up_str_make_new" not in text
    assert slot_functions({"print:str", "new"}) >= {"up_str_print", "up_list_make_new", "up_int_make_new"}


def test_standalone_file_has_every_slot() -> None:
    text = standalone_types_c()
    for t in CORE_TYPES + MODULE_TYPES:
        for c, _ in t.slots.values():
            assert f"= {c}," in text


def _functions_reading_slots() -> set[str]:
    """file.c:function for every function of the runtime that reads a type
    slot through a pointer (t->binary_op ...)."""
    out = set()
    start = re.compile(r"^(?!static const|const|typedef|struct|enum|#)[A-Za-z_][\w \*]*?\b(\w+)\(")
    # functions returning a pointer to const (static const up_type_t *f(...))
    start_const = re.compile(r"^(?:static )?const [\w ]+\*\s*(\w+)\([^=]*$")
    for path in sorted(runtime_dir().glob("*.[ch]")):
        current = None
        for line in path.read_text().splitlines():
            m = start.match(line) or start_const.match(line)
            if m:
                current = m.group(1)
            if re.search(rf"->({SLOTS})\b", line):
                assert current is not None, (path.name, line)
                out.add(f"{path.name}:{current}")
    return out


def test_dispatchers_list_every_slot_reader() -> None:
    listed = {f for fs in DISPATCHERS.values() for f in fs} | set(NOT_DISPATCHERS)
    readers = _functions_reading_slots()
    assert readers - listed == set(), "runtime functions read type slots but are not in DISPATCHERS"
    assert listed - readers == set(), "DISPATCHERS names functions that do not read slots"
