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

from pathlib import Path

from uptc.ir.func import ModuleIR
from uptc.ir.ops import Box, CallC, CBinary, LoadFloat, LoadLiteral, LoadStatic, Op
from uptc.ir.rtypes import float_rt
from uptc.linkgraph import Graph, archive_graph, object_graph
from uptc.primitives.types import CORE_TYPES_BY_NAME, DISPATCHERS, GROUPS, slot_functions

# ---- runtime configuration ------------------------------------------------------

# Runtime functions that may produce a float from non-float arguments.
_FLOAT_MAKERS = {
    "up_int_truediv", "up_int_pow", "up_float_from_obj", "up_float_new", "up_float_from_str",
    "up_float_make_new", "up_bi_pow", "up_bi_round", "up_bi_divmod", "up_bi_sum", "up_bi_abs",
    "up_bi_min", "up_bi_max", "up_bi_format", "up_format", "up_str_mod", "up_str_m_format",
}
_FLOAT_BINOPS = {"UP_OP_TRUEDIV", "UP_OP_ITRUEDIV", "UP_OP_POW", "UP_OP_IPOW"}
_FLOAT_TYPES = {"&up_type_float"}

# Calls that cannot create a big int (beyond these: the runtime may).
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

_FORMAT_USERS = {"up_str_mod", "up_format", "up_str_m_format", "up_bi_format"}


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


def runtime_config(module: ModuleIR) -> dict[str, int]:
    """The UP_CFG_* macros the program needs (1) or can do without (0)."""
    flt = big = fmt = False
    for op in _ops(module):
        if isinstance(op, (LoadFloat, CBinary)) and op.type is float_rt:
            flt = True
        if isinstance(op, Box) and op.src.type is float_rt:
            flt = True
        if isinstance(op, LoadLiteral) and isinstance(op.value, (float, tuple)):
            vals = op.value if isinstance(op.value, tuple) else (op.value,)
            if any(isinstance(x, float) for x in vals):
                flt = True
        if isinstance(op, LoadStatic) and op.symbol in _FLOAT_TYPES:
            flt = True
        if _may_be_big_literal(op, 31):
            big = True
        if isinstance(op, CallC):
            name = op.desc.c_name
            codes = set(op.desc.extra_args)
            if name in _FLOAT_MAKERS or codes & _FLOAT_BINOPS:
                flt = True
            if name in _FORMAT_USERS or (name == "up_binary_op" and codes & {"UP_OP_MOD", "UP_OP_IMOD"}):
                fmt = True
            if not (name in _SMALL_SAFE or name.startswith(_SMALL_SAFE_PREFIXES) or
                    (name in ("up_binary_op", "up_compare") and codes <= _SMALL_SAFE_CODES)):
                big = True
        if isinstance(op, LoadStatic) and op.symbol.startswith("&up_builtin_") and \
                op.symbol[len("&up_builtin_"):] not in _BUILTINS_SMALL_SAFE:
            big = True  # a builtin used as a value may be called with anything
        if isinstance(op, LoadStatic) and op.symbol == "&up_type_int":
            big = True  # int(...) may parse any number
    if fmt:
        flt = True  # format specs e/f/g/% format ints through floats
    return {"UP_CFG_FLOAT": int(flt), "UP_CFG_BIGINT": int(big), "UP_CFG_FORMAT": int(fmt)}


# ---- slot groups ------------------------------------------------------------------


def _dispatcher_names(entry: str) -> tuple[str, str]:
    """'ops.c:try_slots' -> (itself, 'try_slots') : a global function is known
    by its plain name in the graph, a static one by file:name."""
    return entry, entry.split(":", 1)[1]


def slot_groups(program_obj: Path, runtime_archive: Path, extra_roots: set[str] | None = None) -> set[str]:
    """The slot groups the program needs, per type ("print:str"), to a fixed
    point: group g of type t is needed when a dispatcher of g is reachable
    and t can have instances -- some reachable code or data refers to t's
    struct (to make an instance, or to test for one: a safe over-estimate)."""
    g = Graph()
    g.merge(archive_graph(runtime_archive))
    og, undefined = object_graph(program_obj.read_bytes(), program_obj.name)
    g.merge(og)
    roots = set(undefined) | {"up_main"} | (extra_roots or set())
    groups: set[str] = set()
    while True:
        reach = g.reachable(roots | slot_functions(frozenset(groups)))
        existing = [t.name for t in CORE_TYPES_BY_NAME.values() if t.symbol in reach]
        need = {f"{grp}:{t}" for grp in GROUPS
                if any(n in reach for d in DISPATCHERS.get(grp, ()) for n in _dispatcher_names(d))
                for t in existing}
        if need <= groups:
            return groups
        groups |= need
