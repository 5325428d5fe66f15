"""The core builtin types as data (the structs are emitted per program).

The runtime declares these types (`extern const up_type_t up_type_int;` in
runtime_c/obj.h and set.h; pyb.LED and pyb.Switch in modules.h, see
MODULE_TYPES) and uses their addresses everywhere (up_type_of,
up_is_str, literals), but it does not define them: the compiler emits each
struct in the program's C (uptc/backend_c/types.py), and fills a slot with
its C function only when the slot's *group* is enabled for the program;
otherwise the slot is NULL, so the linker leaves the function out.

A NULL slot behaves exactly like a type without that operation (the generic
operations in runtime_c/ops.c raise CPython's TypeError, or fall back to the
default: identity hash and equality, truth = True). A program may therefore
run with a group disabled only if it can never reach a runtime function that
reads that slot of a core type -- the dispatchers listed in DISPATCHERS.

Groups (GROUPS):

    print     print: str()/repr()/print() of a value whose type the compiler
              does not know (up_print_obj), incl. the items of containers
    binary    binary_op: operators and comparisons on unknown types (up_binary_op,
              up_compare*, up_eq), `in` (up_contains)
    unary     unary_op: -x ~x abs() bool() len() hash() int(x) float(x) on
              unknown types (up_unary_op, up_truthy, up_hash, up_len)
    subscr    subscr: x[i], x[i] = v, del x[i] on unknown types
    iter      getiter: iter(x) / for-loops over unknown iterables (core types
              have no iternext: their iterators are runtime-private types)
    call      call: calling a value through up_call (functions, builtin
              functions and methods, bound methods, type objects)
    attr      attr: attribute hooks (module attributes, function __name__,
              type attributes, range.start, object() instances)
    new       make_new: a type object may be called (int(x), list(),
              type(x)(...)); up_typeobj_call reads it
    methods   the method table: a method or attribute looked up by name at
              run time (up_type_lookup). The builtin types' tables are
              emitted with only the methods the program names; object's
              holds object.__init__ (which raises TypeError: without
              `methods` a program that cannot raise links no exceptions).

Every group also exists per type, "<group>:<type name>"
("print:str", "attr:module", "new:int"): that slot of that type only. A
program that can print only strs (and ints) needs "print:str" and
"print:int", not the print slots of every type.

Which runtime operations read which slot (all of DISPATCHERS, and every
runtime function that can call one of them, directly or through other
runtime functions). The compiler's analysis is sound when it enables a group
whenever the program can reach one of these with a value of a type it does
not know, *and* closes over the slot functions it enables (a slot function is
runtime code too: up_list_print prints the items with up_print_obj, so
enabling print for a program that can print a list needs print for the items;
up_bound_print needs attr, up_instance_print needs call, ...).

    group   reached by (examples; DISPATCHERS is the exact list of readers)
    ------  ---------------------------------------------------------------------
    print   up_print_value/up_print_obj/print(x) of an object-typed value; str(x),
            repr(x), format(x), f"{x}" and '%s' % x of unknown x; printing a
            list/tuple/dict/set/bound method prints its items / self; exception
            messages: up_raise_fmt with %r/%S, the traceback printer (exception
            args), str(exc); sys.print_exception
    binary  up_binary_op, up_compare, up_compare_bool, up_eq (except small
            int/small int and str/str), up_contains (x in list/tuple/dict/set
            with non-str/non-small-int items); list/tuple ==, <, in, index,
            count, remove; dict and set lookups with keys that are not str or
            small ints (hash collision -> up_eq); list.sort, sorted, min, max;
            bool_unary_op -> int ops; bytes/str `in` with non-bytes operands
    unary   up_unary_op, up_truthy (not for None/bool/small int/str/list),
            up_hash (not for small ints and str), up_len (not for str/list/
            tuple); dict/set insert and lookup of non-str/non-small-int keys;
            hash(tuple) hashes the items; all(), any(), filter(), bool(x),
            `if x:` on an unknown x; int(x)/float(x) of an unknown x
    subscr  up_getitem/up_setitem/up_delitem of an unknown container; '%(k)s'
            % mapping (is_mapping); iter.c is_sequence (reversed())
    iter    up_getiter of an unknown iterable, and every runtime function that
            consumes an iterable not known to be a list/tuple: list(x),
            tuple(x), list.extend, str.join (non-list), dict(x)/dict.update,
            set(x), sorted, min/max, sum, enumerate/zip/map/filter, unpacking
            a non-list/tuple, `in` falling back to iteration, bytes(x),
            slice assignment from a non-list
    call    up_call/up_call0..2/up_call_ex/up_call_method, callable(x); every
            method call resolved at run time (o.m() on an unknown o), sort
            with key=, map(), special methods of user classes
            (up_instance_* slots call them through up_call)
    attr    up_getattr/up_setattr/up_delattr/getattr()/hasattr() on a value
            that may be a module, function, type, range, slice or object()
            instance; up_call_method falls back to up_getattr; printing a
            bound method reads __name__
    new     up_typeobj_call (the type type's call slot) on type object t
            (new:t)
    methods up_type_lookup: attribute loads and method calls by name on a
            value of unknown type (up_getattr, up_call_method, getattr(),
            hasattr()), attribute stores on instances (property check),
            super(), the up_instance_* slots (special methods), a class's
            __init__ lookup when it is instantiated, format() of instances

Conditions that keep a group out although a reader is linked (what the
runtime does with the values it gets, so an analysis may use them):
  - up_getattr calls __getattr__ through up_call only for instances of user
    classes that define it; up_instance_print calls __str__/__repr__ and the
    up_instance_* operator slots call special methods (call) only for user
    classes; bind_attr makes bound methods (printing one: attr) only for
    functions found on a type
  - dict lookups with str or small-int keys never hash or compare through
    the slots; attribute dicts (class and instance dicts) are str-keyed
    (up_dict_lookup_str) and never do
  - the traceback printer and up_raise_fmt %S/%r print the exception's
    arguments and the formatted values: print of their types only
  - up_truthy/up_len/up_hash handle None, bools, small ints, str and list
    (truth), str/list/tuple (len), small ints and str (hash) inline
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ---- runtime configuration ------------------------------------------------------------
#
# The macros of runtime_c/config.h (all 1 when not given): what 0 promises.
# uptc.driver.build(config={...}) passes them to the runtime archive and the
# program's C.
RUNTIME_CONFIG: dict[str, str] = {
    "UP_CFG_FLOAT": "the program has no float values",
    "UP_CFG_BIGINT": "the program's ints stay in the small-int range (else OverflowError)",
    "UP_CFG_FORMAT": "no % formatting, str.format or format specs",
}

# ---- the groups ---------------------------------------------------------------

METHODS = "methods"
SLOT_GROUPS = ("print", "binary", "unary", "subscr", "iter", "call", "attr", METHODS)


@dataclass(frozen=True)
class CoreType:
    symbol: str  # the C symbol of the type struct (up_type_int)
    name: str  # the Python name (int)
    parent: str | None  # the parent's C symbol; None only for object
    flags: tuple[str, ...] = ()  # UP_TF_* names
    # slot -> (C initializer, group); slots not listed are NULL
    slots: dict[str, tuple[str, str]] = field(default_factory=dict)
    # A UP_CFG_* macro the slots (not the method table) exist under: with the
    # macro 0 the program has no value of this type, and the slots are NULL.
    config: str | None = None
    # Other fields, always emitted (field -> C initializer).
    fields: dict[str, str] = field(default_factory=dict)


def _sequence_slots(prefix: str, methods: str | None, subscr: bool = True) -> dict[str, tuple[str, str]]:
    slots = {
        "make_new": (f"up_{prefix}_make_new", "new"),
        "print": (f"up_{prefix}_print", "print"),
        "binary_op": (f"up_{prefix}_binary_op", "binary"),
        "unary_op": (f"up_{prefix}_unary_op", "unary"),
    }
    if subscr:
        slots["subscr"] = (f"up_{prefix}_subscr", "subscr")
    slots["getiter"] = (f"up_{prefix}_getiter", "iter")
    if methods is not None:
        slots["methods"] = (f"&up_methods_{methods}", METHODS)
    return slots


_OBJ = "up_type_object"

CORE_TYPES: tuple[CoreType, ...] = (
    CoreType("up_type_object", "object", None, ("UP_TF_BASETYPE",), {
        "make_new": ("up_object_make_new", "new"),
        "print": ("up_instance_print", "print"),
        "attr": ("up_instance_attr", "attr"),
        "methods": ("&up_object_methods", METHODS),
    }),
    CoreType("up_type_type", "type", _OBJ, (), {
        "make_new": ("up_typeobj_make_new", "new"),
        "call": ("up_typeobj_call", "call"),
        "print": ("up_typeobj_print", "print"),
        "attr": ("up_typeobj_attr", "attr"),
    }),
    CoreType("up_type_none", "NoneType", _OBJ, (), {"print": ("up_none_print", "print")}),
    CoreType("up_type_notimpl", "NotImplementedType", _OBJ, (), {"print": ("up_none_print", "print")}),
    CoreType("up_type_ellipsis", "ellipsis", _OBJ, (), {"print": ("up_none_print", "print")}),
    CoreType("up_type_int", "int", _OBJ, (), {
        "make_new": ("up_int_make_new", "new"),
        "print": ("up_int_print", "print"),
        "binary_op": ("up_int_binary_op", "binary"),
        "unary_op": ("up_int_unary_op", "unary"),
        "methods": ("&up_methods_int", METHODS),
    }),
    CoreType("up_type_bool", "bool", "up_type_int", (), {
        "make_new": ("up_bool_make_new", "new"),
        "print": ("up_bool_print", "print"),
        "binary_op": ("up_int_binary_op", "binary"),
        "unary_op": ("up_bool_unary_op", "unary"),
        "methods": ("&up_methods_int", METHODS),
    }),
    CoreType("up_type_float", "float", _OBJ, (), {
        "make_new": ("up_float_make_new", "new"),
        "print": ("up_float_print", "print"),
        "binary_op": ("up_float_binary_op", "binary"),
        "unary_op": ("up_float_unary_op", "unary"),
        "methods": ("&up_methods_float", METHODS),
    }, config="UP_CFG_FLOAT"),
    CoreType("up_type_str", "str", _OBJ, (), _sequence_slots("str", "str")),
    CoreType("up_type_bytes", "bytes", _OBJ, (), _sequence_slots("bytes", "bytes")),
    CoreType("up_type_tuple", "tuple", _OBJ, (), _sequence_slots("tuple", "tuple")),
    CoreType("up_type_list", "list", _OBJ, ("UP_TF_UNHASHABLE",), _sequence_slots("list", "list")),
    CoreType("up_type_dict", "dict", _OBJ, ("UP_TF_UNHASHABLE",), _sequence_slots("dict", "dict")),
    CoreType("up_type_set", "set", _OBJ, ("UP_TF_UNHASHABLE",),
             _sequence_slots("set", "set", subscr=False)),
    CoreType("up_type_frozenset", "frozenset", _OBJ, (), _sequence_slots("set", "set", subscr=False)),
    CoreType("up_type_range", "range", _OBJ, (), {
        **_sequence_slots("range", None),
        "attr": ("up_range_attr", "attr"),
    }),
    CoreType("up_type_slice", "slice", _OBJ, ("UP_TF_UNHASHABLE",), {  # unhashable as in CPython 3.11
        "make_new": ("up_slice_make_new", "new"),
        "print": ("up_slice_print", "print"),
        "binary_op": ("up_slice_binary_op", "binary"),
        "attr": ("up_slice_attr", "attr"),
    }),
    CoreType("up_type_function", "function", _OBJ, (), {
        "call": ("up_fun_call", "call"),
        "print": ("up_fun_print", "print"),
        "attr": ("up_fun_attr", "attr"),
    }),
    CoreType("up_type_staticmethod", "staticmethod", _OBJ, (), {
        "make_new": ("up_staticmethod_make_new", "new"),
    }),
    CoreType("up_type_classmethod", "classmethod", _OBJ, (), {
        "make_new": ("up_staticmethod_make_new", "new"),
    }),
    CoreType("up_type_property", "property", _OBJ, (), {
        "make_new": ("up_property_make_new", "new"),
        "methods": ("&up_property_methods", METHODS),
    }),
    CoreType("up_type_builtin", "builtin_function_or_method", _OBJ, (), {
        "call": ("up_builtinfn_call", "call"),
        "print": ("up_builtinfn_print", "print"),
    }),
    CoreType("up_type_bound_method", "method", _OBJ, (), {
        "call": ("up_bound_call", "call"),
        "print": ("up_bound_print", "print"),
        "binary_op": ("up_bound_binary_op", "binary"),
    }),
    CoreType("up_type_module", "module", _OBJ, (), {
        "print": ("up_module_print", "print"),
        "attr": ("up_module_attr", "attr"),
    }),
)

# Types of the built-in modules emitted the same way, so that a program
# holding pyb.LED objects does not link LED(n)'s argument checking and
# errors unless it calls the type (the method tables, up_methods_led and
# up_methods_switch, are emitted with the reachable methods like the
# builtin types').
MODULE_TYPES: tuple[CoreType, ...] = (
    CoreType("up_type_pyb_LED", "LED", _OBJ, (), {
        "make_new": ("up_pyb_led_make_new", "new"),
        "print": ("up_pyb_led_print", "print"),
        "methods": ("&up_methods_led", METHODS),
    }),
    CoreType("up_type_pyb_Switch", "Switch", _OBJ, (), {
        "make_new": ("up_pyb_switch_make_new", "new"),
        "call": ("up_pyb_switch_call", "call"),
        "print": ("up_pyb_switch_print", "print"),
        "methods": ("&up_methods_switch", METHODS),
    }),
)

# The builtin exception classes (runtime_c/exc.h), emitted the same way: a
# program that can only fail with MemoryError does not link the attribute
# machinery of exceptions.
_EXCEPTION_TREE = (
    ("BaseException", "object"), ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"), ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"), ("LookupError", "Exception"),
    ("IndexError", "LookupError"), ("KeyError", "LookupError"), ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"), ("TypeError", "Exception"), ("AttributeError", "Exception"),
    ("NameError", "Exception"), ("UnboundLocalError", "NameError"), ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"),
    ("StopIteration", "Exception"), ("GeneratorExit", "BaseException"),
    ("AssertionError", "Exception"), ("MemoryError", "Exception"), ("OSError", "Exception"),
    ("EOFError", "Exception"), ("ImportError", "Exception"), ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
)
EXCEPTION_TYPES: tuple[CoreType, ...] = tuple(
    CoreType(f"up_type_{name}", name, f"up_type_{parent}",
             ("UP_TF_EXCEPTION", "UP_TF_BASETYPE") + (("UP_TF_KEY_REPR",) if name == "KeyError" else ()), {
        "make_new": ("up_exc_make_new", "new"),
        "print": ("up_exc_print", "print"),
        "attr": ("up_exc_attr", "attr"),
        "methods": ("&up_exc_methods", METHODS),
    }, fields={"nslots": "UP_EXC_NSLOTS", "slot_names": "up_exc_slot_names"})
    for name, parent in _EXCEPTION_TREE
)

# Every type the program's C defines, by Python name.
CORE_TYPES_BY_NAME: dict[str, CoreType] = {t.name: t for t in CORE_TYPES + MODULE_TYPES + EXCEPTION_TYPES}

# Every group some slot belongs to, in a stable order.
GROUPS: tuple[str, ...] = (*SLOT_GROUPS, "new")


def slot_enabled(groups: set[str] | frozenset[str], t: CoreType, slot: str) -> bool:
    """Whether `groups` (plain or per-type groups) enable slot of type t."""
    g = t.slots[slot][1]
    return g in groups or f"{g}:{t.name}" in groups

# ---- the runtime functions that read a core type's slot ------------------------------
#
# group -> runtime C functions (static ones included, as "file.c:name") that
# call the slot, or test it for NULL, on a type they do not know. Outside
# these, no runtime code looks at a core type's slots (checked by
# tests/test_types.py against the runtime sources), so a program that cannot
# reach any of a group's readers behaves the same with the group disabled.
#
# Not listed (they read slots, but the result cannot depend on a core type's
# slot): the tests for user classes (`flags & UP_TF_USER` first: list.c
# try_reflected, tuple.c up_tuple_binary_op, class.c is_mine), iternext
# (no core type has one: class.c up_instance_getiter, ops.c up_iternext), and
# class.c up_instance_print, which reads the print slot of a user class's
# native base (object, whose print slot is up_instance_print itself, or an
# exception type) only to compare it with up_instance_print.
DISPATCHERS: dict[str, tuple[str, ...]] = {
    "print": ("print.c:up_print_obj",),
    "binary": ("ops.c:try_slots", "ops.c:up_contains"),
    "unary": ("ops.c:up_unary_op", "ops.c:up_truthy", "ops.c:up_hash"),
    "subscr": ("ops.c:up_getitem", "ops.c:up_setitem", "ops.c:up_delitem", "iter.c:is_sequence",
               "strformat.c:is_mapping"),
    "iter": ("ops.c:up_getiter", "ops.c:up_contains", "bytes.c:up_bytes_make_new",
             "dict.c:merge_pairs", "list.c:assign_slice"),
    "call": ("ops.c:up_call", "iter.c:up_callable"),
    "attr": ("ops.c:up_getattr", "ops.c:up_setattr"),
    "new": ("object.c:up_typeobj_call",),
    "methods": ("ops.c:up_type_lookup", "object.c:builtin_method_owner"),
}

# Reads that DISPATCHERS deliberately leaves out (see above).
NOT_DISPATCHERS: tuple[str, ...] = (
    "list.c:try_reflected", "tuple.c:up_tuple_binary_op", "class.c:is_mine",
    "class.c:up_instance_getiter", "ops.c:up_iternext", "class.c:up_instance_print",
)


def slot_functions(groups: set[str] | frozenset[str]) -> set[str]:
    """The symbols the core types' slots point to with `groups` enabled: slot
    functions and method tables (runtime code and data the program then
    contains; an analysis closes over it)."""
    out = set()
    for t in CORE_TYPES + MODULE_TYPES + EXCEPTION_TYPES:
        for slot, (c, _) in t.slots.items():
            if slot_enabled(groups, t, slot):
                out.add(c.lstrip("&"))
    return out
