"""str operations (runtime_c/str.h)."""

from uptc.ir.ops import ErrorKind
from uptc.ir.rtypes import bool_rt, cint_rt, cptr_rt, int_rt, list_rt, object_rt, str_rt
from uptc.primitives.registry import MethodDesc, cfunc

str_concat = cfunc("up_str_concat", [str_rt, str_rt], str_rt)
str_concat_n = cfunc("up_str_concat_n", [cint_rt, cptr_rt], str_rt)
str_eq = cfunc("up_str_eq", [str_rt, str_rt], bool_rt, ErrorKind.NEVER)
str_contains = cfunc("up_str_contains", [str_rt, object_rt], bool_rt)
str_len = cfunc("up_str_len_obj", [str_rt], int_rt, ErrorKind.NEVER, is_inline=True)
obj_str = cfunc("up_obj_str", [object_rt], str_rt)
obj_repr = cfunc("up_obj_repr", [object_rt], str_rt)
obj_ascii = cfunc("up_obj_ascii", [object_rt], str_rt)
format_ = cfunc("up_format", [object_rt, object_rt], str_rt)
str_mod = cfunc("up_str_mod", [str_rt, object_rt], str_rt)
str_join = cfunc("up_str_join", [str_rt, object_rt], str_rt)

_STR_RESULT = {
    "capitalize": str_rt, "center": str_rt, "count": int_rt, "encode": object_rt,
    "endswith": bool_rt, "expandtabs": str_rt, "find": int_rt, "format": str_rt, "index": int_rt,
    "isalnum": bool_rt, "isalpha": bool_rt, "isdigit": bool_rt, "islower": bool_rt,
    "isspace": bool_rt, "isupper": bool_rt, "join": str_rt, "ljust": str_rt, "lower": str_rt,
    "lstrip": str_rt, "partition": object_rt, "replace": str_rt, "rfind": int_rt,
    "rindex": int_rt, "rjust": str_rt, "rpartition": object_rt, "rsplit": list_rt,
    "rstrip": str_rt, "split": list_rt, "splitlines": list_rt, "startswith": bool_rt,
    "strip": str_rt, "swapcase": str_rt, "title": str_rt, "upper": str_rt, "zfill": str_rt,
}
# Methods returning bool objects are typed object at the call (the vectorcall
# returns a boxed bool); inference still knows the Python type.
STR_METHODS = {
    name: MethodDesc("str", name, str_rt if t is str_rt else list_rt if t is list_rt else object_rt)
    for name, t in _STR_RESULT.items()
}
STR_METHOD_PYTYPES = _STR_RESULT

str_slice = cfunc("up_str_slice", [str_rt, object_rt, object_rt, object_rt], str_rt)
str_getitem_int = cfunc("up_str_getitem_int", [str_rt, int_rt], str_rt, is_inline=True)
