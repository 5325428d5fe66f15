"""dict and set operations (runtime_c/dict.h, runtime_c/set.h)."""

from uptc.ir.rtypes import cstatus_rt, dict_rt, int_rt, object_rt, set_rt
from uptc.primitives.registry import MethodDesc, cfunc

dict_new = cfunc("up_dict_new", [], dict_rt)
dict_setitem = cfunc("up_dict_setitem", [dict_rt, object_rt, object_rt], cstatus_rt)
dict_getitem = cfunc("up_dict_getitem", [dict_rt, object_rt], object_rt)
dict_update = cfunc("up_dict_update", [dict_rt, object_rt], cstatus_rt)
set_new = cfunc("up_set_new", [], set_rt)
set_add = cfunc("up_set_add", [set_rt, object_rt], cstatus_rt)

_DICT = {
    "clear": object_rt, "copy": dict_rt, "fromkeys": dict_rt, "get": object_rt,
    "items": object_rt, "keys": object_rt, "pop": object_rt, "popitem": object_rt,
    "setdefault": object_rt, "update": object_rt, "values": object_rt,
}
DICT_METHODS = {name: MethodDesc("dict", name, dict_rt if t is dict_rt else object_rt)
                for name, t in _DICT.items()}
DICT_METHOD_PYTYPES = _DICT

_SET = {
    "add": object_rt, "clear": object_rt, "copy": set_rt, "difference": set_rt,
    "difference_update": object_rt, "discard": object_rt, "intersection": set_rt,
    "intersection_update": object_rt, "isdisjoint": object_rt, "issubset": object_rt,
    "issuperset": object_rt, "pop": object_rt, "remove": object_rt,
    "symmetric_difference": set_rt, "symmetric_difference_update": object_rt,
    "union": set_rt, "update": object_rt,
}
SET_METHODS = {name: MethodDesc("set", name, set_rt if t is set_rt else object_rt)
               for name, t in _SET.items()}
SET_METHOD_PYTYPES = _SET

_INT = {"bit_length": int_rt, "to_bytes": object_rt}
INT_METHODS = {name: MethodDesc("int", name, int_rt if t is int_rt else object_rt)
               for name, t in _INT.items()}
INT_METHOD_PYTYPES = _INT
FLOAT_METHODS = {"is_integer": MethodDesc("float", "is_integer")}
FLOAT_METHOD_PYTYPES = {"is_integer": object_rt}

