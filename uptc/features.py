"""Pay only for what the program uses: the runtime configuration and the
core types' slot groups a program needs.

Runtime configuration (runtime_c/config.h), from the program's IR:
  UP_CFG_FLOAT   off when nothing in the program can make a float: no float
                 value or literal, no `/` or `**`, no float(), math, round(x, n),
                 time.monotonic(), and no string formatting (which formats
                 ints as floats for e/f/g specs);
  UP_CFG_BIGINT  off when every operation on ints is one that cannot leave the
                 small-int range (uptc/passes/intrange.py proved it, or it only
                 compares or prints) and no runtime function the program calls
                 can return a big int;
  UP_CFG_FORMAT  off when there is no `%` on values that may be strs, no
                 str.format, format() or format spec.
Each test is an allow-list: an operation not known to be safe turns the
feature on.

Slot groups (uptc/primitives/types.py), from the compiled code: a group is
needed when the program can reach one of its dispatchers (the runtime
functions that read that slot of a core type). Reachability is computed on
the relocations of the program's object file and of the runtime archive built
with the chosen configuration (uptc/linkgraph.py), and closed over the slot
functions each enabled group adds.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from uptc.ir.func import ModuleIR
from uptc.ir.ops import Box, CallC, LoadLiteral, LoadStatic, Op
from uptc.ir.rtypes import float_rt
from uptc.linkgraph import Graph, archive_graph, object_graph
from uptc.primitives.builtin_ops import BUILTINS
from uptc.primitives.types import CORE_TYPES_BY_NAME, DISPATCHERS, GROUPS, METHODS, slot_functions

# ---- runtime configuration ------------------------------------------------------
#
# Three allow-lists, one per feature: a runtime function, operator code or
# static object the lists do not name as safe turns the feature on. Names
# are matched by exact name or by the prefix of a runtime file's functions.

# Cannot make a float out of non-float values (a float-typed IR value, a
# float literal or the float type object turn floats on by themselves).
_FLOAT_SAFE_PREFIXES = (
    "up_print_", "up_str_", "up_list_", "up_tuple_", "up_dict_", "up_set_", "up_pyb_",
    "up_exc_", "up_raise", "up_reraise", "up_assert_fail", "up_obj_", "up_env_", "up_fun_",
    "up_bound_", "up_instance_", "up_class_", "up_staticmethod_", "up_classmethod_",
    "up_property_", "up_super_", "up_getslot", "up_cast_check", "up_type_of_obj", "up_bool_",
    "up_int_", "up_stack_check", "up_gc_", "up_yield_from", "up_bi_", "up_sys_",
    "up_micropython_", "up_float_",
)
_FLOAT_SAFE = {
    "up_call", "up_call_ex", "up_call_method", "up_getattr", "up_setattr", "up_delattr",
    "up_getitem", "up_setitem", "up_delitem", "up_getiter", "up_iternext", "up_unpack",
    "up_unpack_ex", "up_contains", "up_truthy", "up_isinstance", "up_compare_bool", "up_len_obj",
    "up_slice_new", "up_index_obj", "up_unary_op", "up_binary_op", "up_compare", "up_hash",
}
# ... except these, which can (true division, negative powers, float(),
# formatting, which formats ints through floats for e/f/g/%).
_FLOAT_MAKERS = {
    "up_int_truediv", "up_int_pow", "up_int_to_float_value", "up_float_from_obj", "up_float_new",
    "up_float_from_str", "up_float_make_new", "up_bi_pow", "up_bi_format", "up_format",
    "up_str_mod", "up_str_m_format",
}
_FLOAT_CODES = {"UP_OP_TRUEDIV", "UP_OP_ITRUEDIV", "UP_OP_POW", "UP_OP_IPOW"}

# Cannot create a big int out of small ints.
_SMALL_SAFE_PREFIXES = (
    "up_print_", "up_str_", "up_list_", "up_tuple_", "up_dict_", "up_set_", "up_pyb_",
    "up_exc_", "up_raise", "up_reraise", "up_assert_fail", "up_obj_str", "up_obj_repr",
    "up_obj_ascii", "up_env_", "up_fun_new", "up_bound_new", "up_instance_new", "up_class_",
    "up_staticmethod_new", "up_classmethod_new", "up_property_new", "up_super_", "up_getslot",
    "up_cast_check", "up_type_of_obj", "up_bool_unbox", "up_int_from_bool", "up_stack_check",
    "up_gc_collect", "up_yield_from",
)
_SMALL_SAFE = {
    "up_int_lt", "up_int_le", "up_int_gt", "up_int_ge", "up_int_eq", "up_int_ne", "up_int_truthy",
    "up_int_add_nv", "up_int_sub_nv", "up_int_mul_nv", "up_int_floordiv_nv", "up_int_mod_nv",
    "up_int_and_nv", "up_int_or_nv", "up_int_xor_nv", "up_int_and", "up_int_or", "up_int_xor",
    "up_int_rshift", "up_truthy", "up_isinstance", "up_compare_bool", "up_getiter", "up_iternext",
    "up_len_obj", "up_getattr", "up_setattr", "up_delattr", "up_getitem", "up_setitem",
    "up_delitem", "up_unpack", "up_unpack_ex", "up_contains", "up_slice_new", "up_float_value",
    "up_float_coerce_value", "up_float_truediv", "up_float_floordiv", "up_float_mod",
    "up_float_pow", "up_float_abs", "up_sys_argv", "up_bi_len", "up_bi_print", "up_bi_repr",
    "up_bi_isinstance", "up_bi_chr", "up_bi_ord", "up_bi_callable", "up_bi_iter", "up_bi_next",
    "up_bi_any", "up_bi_all", "up_bi_sorted", "up_bi_setattr", "up_bi_getattr", "up_bi_hasattr",
    "up_bi_delattr", "up_bi_input", "up_bi_issubclass", "up_bi_ascii", "up_index_obj",
}
# Generic operator codes that cannot make a big int out of small ones.
_SMALL_SAFE_CODES = {"UP_OP_LT", "UP_OP_LE", "UP_OP_EQ", "UP_OP_NE", "UP_OP_GT", "UP_OP_GE",
                     "UP_OP_AND", "UP_OP_OR", "UP_OP_XOR", "UP_OP_IAND", "UP_OP_IOR", "UP_OP_IXOR",
                     "UP_OP_RSHIFT", "UP_OP_IRSHIFT", "UP_OP_CONTAINS"}

_BUILTINS_SMALL_SAFE = {n[len("up_bi_"):] for n in _SMALL_SAFE if n.startswith("up_bi_")}
_BUILTINS_FLOAT_MAKERS = {n[len("up_bi_"):] for n in _FLOAT_MAKERS if n.startswith("up_bi_")}

# Formatting: the functions that format, the `%` operator on values that
# may be strs, and the method names that reach str.format at run time.
_FORMAT_USERS = {"up_str_mod", "up_format", "up_str_m_format", "up_bi_format"}
_FORMAT_CODES = {"UP_OP_MOD", "UP_OP_IMOD"}
_FORMAT_METHODS = {"format", "format_map"}


def _ops(module: ModuleIR):
    for fn in module.functions:
        for b in fn.blocks:
            yield from b.ops


def _may_be_big_literal(op: Op, small_bits: int) -> bool:
    if isinstance(op, LoadLiteral):
        v = op.value
        vals = v if isinstance(v, tuple) else (v,)
        return any(isinstance(x, int) and not isinstance(x, bool) and
                   not -(1 << (small_bits - 1)) <= x < (1 << (small_bits - 1)) for x in vals)
    return False


def _float_safe(name: str, codes: set[str]) -> bool:
    if name in _FLOAT_MAKERS or codes & _FLOAT_CODES:
        return False
    return name in _FLOAT_SAFE or name.startswith(_FLOAT_SAFE_PREFIXES)


def _small_safe(name: str, codes: set[str]) -> bool:
    if name in ("up_binary_op", "up_compare"):
        return codes <= _SMALL_SAFE_CODES
    return name in _SMALL_SAFE or name.startswith(_SMALL_SAFE_PREFIXES)


def runtime_config(module: ModuleIR, names: frozenset[str] | None = frozenset()) -> dict[str, int]:
    """The UP_CFG_* macros the program needs (1) or can do without (0).
    names: method_names() of the program (None: any name)."""
    flt = big = fmt = False
    if names is None or names & _FORMAT_METHODS:
        fmt = True  # str.format may be reached through a name
    for op in _ops(module):
        if getattr(op, "type", None) is float_rt or (isinstance(op, Box) and op.src.type is float_rt):
            flt = True
        if isinstance(op, LoadLiteral) and isinstance(op.value, (float, tuple)):
            vals = op.value if isinstance(op.value, tuple) else (op.value,)
            if any(isinstance(x, float) for x in vals):
                flt = True
        if _may_be_big_literal(op, 31):
            big = True
        if isinstance(op, CallC):
            name = op.desc.c_name
            codes = set(op.desc.extra_args)
            if not _float_safe(name, codes):
                flt = True
            if name in _FORMAT_USERS or (name == "up_binary_op" and codes & _FORMAT_CODES):
                fmt = True
            if not _small_safe(name, codes):
                big = True
        if isinstance(op, LoadStatic):
            sym = op.symbol
            if sym == "&up_type_float":
                flt = True
            elif sym == "&up_type_int":
                big = True  # int(...) may parse any number
            elif sym.startswith("&up_module_"):
                # A module as a value: its attributes are found at run time
                # (sys.maxsize is a big int, math.pi a float...).
                flt = big = True
            elif sym.startswith("&up_builtin_"):
                # A builtin (or a module's function) used as a value may be
                # called with anything.
                bname = sym[len("&up_builtin_"):]
                if bname not in _BUILTINS_SMALL_SAFE:
                    big = True
                if bname not in BUILTINS or bname in _BUILTINS_FLOAT_MAKERS:
                    flt = True  # not a plain builtin: a method or a module's function
                if bname == "format":
                    fmt = True
    if fmt:
        flt = True  # format specs e/f/g/% format ints through floats
    return {"UP_CFG_FLOAT": int(flt), "UP_CFG_BIGINT": int(big), "UP_CFG_FORMAT": int(fmt)}


# ---- method tables -----------------------------------------------------------------
#
# The builtin types' method tables hold only the methods whose names can
# reach a lookup (up_type_lookup). A name reaches one from the program's
# text -- an attribute, or a string literal: getattr(o, "x"), a format field
# "{0.x}" -- or from the runtime's own names (UP_Q(keys) in dict.update,
# UP_ROM_STR names). A name computed at run time can only become an
# attribute name through the builtins below or a format string that is not
# a literal: a program that may do either keeps every method.

_NAME_TAKING_BUILTINS = {"getattr", "hasattr", "setattr", "delattr"}
_runtime_names: frozenset[str] | None = None


def runtime_names() -> frozenset[str]:
    """Every name the runtime itself may look up: UP_Q(name) and the texts of
    its UP_ROM_STR name objects, read from its sources."""
    global _runtime_names
    if _runtime_names is None:
        from uptc.paths import runtime_dir

        out: set[str] = set()
        for f in sorted(runtime_dir().glob("*.[ch]")):
            text = f.read_text(encoding="utf-8")
            out.update(re.findall(r"UP_Q\((\w+)\)", text))
            out.update(re.findall(r'ROM_STR\([^"]*"(\w+)"\)', text))
        _runtime_names = frozenset(out)
    return _runtime_names


def _may_compute_names(tree: ast.AST) -> bool:
    called = set()
    for n in ast.walk(tree):
        if not isinstance(n, ast.Call):
            continue
        f = n.func
        if isinstance(f, ast.Name) and f.id in _NAME_TAKING_BUILTINS:
            called.add(id(f))
            if len(n.args) < 2 or not (isinstance(n.args[1], ast.Constant) and
                                       isinstance(n.args[1].value, str)):
                return True
        if isinstance(f, ast.Attribute) and f.attr in ("format", "format_map") and not (
                isinstance(f.value, ast.Constant) and isinstance(f.value.value, str)):
            return True
    # getattr & co. as values (f = getattr) may be called with anything.
    return any(isinstance(n, ast.Name) and n.id in _NAME_TAKING_BUILTINS and id(n) not in called
               for n in ast.walk(tree))


def method_names(tree: ast.AST) -> frozenset[str] | None:
    """The names the builtin method tables need, or None: every method."""
    if _may_compute_names(tree):
        return None
    out: set[str] = set(runtime_names())
    for n in ast.walk(tree):
        if isinstance(n, ast.Attribute):
            out.add(n.attr)
        elif isinstance(n, ast.Constant) and isinstance(n.value, str):
            out.update(re.findall(r"[A-Za-z_]\w*", n.value))
    return frozenset(out)


# ---- slot groups ------------------------------------------------------------------


def _dispatcher_names(entry: str) -> tuple[str, str]:
    """'ops.c:try_slots' -> (itself, 'try_slots') : a global function is known
    by its plain name in the graph, a static one by file:name."""
    return entry, entry.split(":", 1)[1]


def type_struct_graph() -> Graph:
    """The references of the type structs the program's types file defines
    (uptc/backend_c/types.py), which no object file holds yet: every type is
    an instance of `type` (its header points to up_type_type) and refers to
    the fields it always has. A reachable type struct is a reachable object
    of type `type`: whoever uses `int` as a value (int("42"), a type test, a
    class's base) makes type objects exist, and then calling one must work.

    The parent pointer is left out: it makes no instance of the parent (a
    bool is not an int object), and what is read through it -- the parents'
    method tables, by up_type_lookup -- is accounted for in slot_groups."""
    g = Graph()
    for t in CORE_TYPES_BY_NAME.values():
        refs = {"up_type_type"}
        refs.update(c.lstrip("&") for c in t.fields.values() if c.lstrip("&").isidentifier())
        g.refs[t.symbol] = refs
    return g


_TYPE_STRUCTS = type_struct_graph()


def _with_ancestors(names: list[str]) -> set[str]:
    out: set[str] = set()
    parent_of = {t.symbol: t.parent for t in CORE_TYPES_BY_NAME.values()}
    name_of = {t.symbol: t.name for t in CORE_TYPES_BY_NAME.values()}
    for n in names:
        sym: str | None = CORE_TYPES_BY_NAME[n].symbol
        while sym is not None and sym in name_of:
            out.add(name_of[sym])
            sym = parent_of[sym]
    return out


def slot_groups(program_obj: Path, runtime_archive: Path, extra_roots: set[str] | None = None) -> set[str]:
    """The slot groups the program needs, per type ("print:str"), to a fixed
    point: group g of type t is needed when a dispatcher of g is reachable
    and t can have instances -- some reachable code or data refers to t's
    struct (to make an instance, or to test for one: a safe over-estimate).
    The method tables are read along the parent chain (up_type_lookup), so
    `methods` is needed for the ancestors of every type that has instances.

    Sound because the graph is closed: the program's object, the runtime,
    the type structs' own references (type_struct_graph) and, for every
    enabled slot, what the slot points to (slot functions and method tables)."""
    og, _ = object_graph(program_obj.read_bytes(), program_obj.name)
    layers = (archive_graph(runtime_archive), _TYPE_STRUCTS)
    roots = {"up_main"} | (extra_roots or set())
    groups: set[str] = set()
    while True:
        reach = og.reachable(roots | slot_functions(frozenset(groups)), also=layers)
        existing = [t.name for t in CORE_TYPES_BY_NAME.values() if t.symbol in reach]
        read_through = {METHODS: _with_ancestors(existing)}
        need = {f"{grp}:{t}" for grp in GROUPS
                if any(n in reach for d in DISPATCHERS.get(grp, ()) for n in _dispatcher_names(d))
                for t in read_through.get(grp, existing)}
        if need <= groups:
            return groups
        groups |= need
