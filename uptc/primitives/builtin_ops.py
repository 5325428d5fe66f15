"""The builtin names (runtime_c/builtins.h and the type objects)."""

from uptc.ir.rtypes import (
    RType,
    bool_rt,
    bytes_rt,
    dict_rt,
    float_rt,
    int_rt,
    list_rt,
    object_rt,
    range_rt,
    set_rt,
    str_rt,
    tuple_rt,
)
from uptc.primitives.registry import BuiltinDesc

# Builtin functions: name -> Python result type (for inference).
_FUNCS: dict[str, RType] = {
    "abs": object_rt, "all": bool_rt, "any": bool_rt, "ascii": str_rt, "bin": str_rt,
    "callable": bool_rt, "chr": str_rt, "delattr": object_rt, "divmod": tuple_rt,
    "format": str_rt, "getattr": object_rt, "hasattr": bool_rt, "hash": int_rt, "hex": str_rt,
    "id": int_rt, "input": str_rt, "isinstance": bool_rt, "issubclass": bool_rt,
    "iter": object_rt, "len": int_rt, "max": object_rt, "min": object_rt, "next": object_rt,
    "oct": str_rt, "ord": int_rt, "pow": object_rt, "print": object_rt, "repr": str_rt,
    "round": object_rt, "setattr": object_rt, "sorted": list_rt, "sum": object_rt,
}

# Builtin types: name -> (C symbol, type of an instance)
_TYPES: dict[str, tuple[str, RType]] = {
    "int": ("up_type_int", int_rt), "float": ("up_type_float", float_rt),
    "str": ("up_type_str", str_rt), "bool": ("up_type_bool", bool_rt),
    "bytes": ("up_type_bytes", bytes_rt), "list": ("up_type_list", list_rt),
    "tuple": ("up_type_tuple", tuple_rt), "dict": ("up_type_dict", dict_rt),
    "set": ("up_type_set", set_rt), "frozenset": ("up_type_frozenset", object_rt),
    "range": ("up_type_range", range_rt), "object": ("up_type_object", object_rt),
    "type": ("up_type_type", object_rt), "slice": ("up_type_slice", object_rt),
    "enumerate": ("up_type_enumerate", object_rt), "zip": ("up_type_zip", object_rt),
    "map": ("up_type_map", object_rt), "filter": ("up_type_filter", object_rt),
    "reversed": ("up_type_reversed", object_rt),
    "staticmethod": ("up_type_staticmethod", object_rt),
    "classmethod": ("up_type_classmethod", object_rt),
    "property": ("up_type_property", object_rt),
}

EXCEPTIONS = [
    "BaseException", "Exception", "ArithmeticError", "ZeroDivisionError", "OverflowError",
    "LookupError", "IndexError", "KeyError", "ValueError", "UnicodeError", "TypeError",
    "AttributeError", "NameError", "UnboundLocalError", "RuntimeError", "NotImplementedError",
    "RecursionError", "StopIteration", "GeneratorExit", "AssertionError", "MemoryError",
    "OSError", "EOFError", "ImportError", "SystemExit", "KeyboardInterrupt",
]

BUILTINS: dict[str, BuiltinDesc] = {}
for _name, _rt in _FUNCS.items():
    BUILTINS[_name] = BuiltinDesc(_name, f"up_builtin_{_name}", False, _rt, f"up_bi_{_name}")
for _name, (_sym, _rt) in _TYPES.items():
    BUILTINS[_name] = BuiltinDesc(_name, _sym, True, _rt)
for _name in EXCEPTIONS:
    BUILTINS[_name] = BuiltinDesc(_name, f"up_type_{_name}", True, object_rt)

# Builtin constants
CONSTANTS = {"None": None, "True": True, "False": False, "Ellipsis": ...,
             "NotImplemented": NotImplemented}
