"""list and tuple operations (runtime_c/list.h, runtime_c/tuple.h)."""

from uptc.ir.ops import ErrorKind
from uptc.ir.rtypes import (
    cint_rt,
    cptr_rt,
    cstatus_rt,
    int_rt,
    list_rt,
    object_rt,
    tuple_rt,
)
from uptc.primitives.registry import MethodDesc, cfunc

list_from_items = cfunc("up_list_from_items", [cint_rt, cptr_rt], list_rt)
list_new = cfunc("up_list_new", [cint_rt], list_rt)
list_append = cfunc("up_list_append", [list_rt, object_rt], cstatus_rt)
list_extend = cfunc("up_list_extend", [list_rt, object_rt], cstatus_rt)
list_get_cint = cfunc("up_list_get_cint", [list_rt, cint_rt], object_rt)
list_set_cint = cfunc("up_list_set_cint", [list_rt, cint_rt, object_rt], cstatus_rt)
list_len = cfunc("up_list_len_obj", [list_rt], int_rt, ErrorKind.NEVER, is_inline=True)
list_pop_last = cfunc("up_list_pop_last", [list_rt], object_rt, is_inline=True)
tuple_from_items = cfunc("up_tuple_from_items", [cint_rt, cptr_rt], tuple_rt)
tuple_len = cfunc("up_tuple_len_obj", [tuple_rt], int_rt, ErrorKind.NEVER, is_inline=True)
tuple_get_cint = cfunc("up_tuple_get_cint", [tuple_rt, cint_rt], object_rt)

_LIST = {
    "append": object_rt, "clear": object_rt, "copy": list_rt, "count": int_rt,
    "extend": object_rt, "index": int_rt, "insert": object_rt, "pop": object_rt,
    "remove": object_rt, "reverse": object_rt, "sort": object_rt,
}
LIST_METHODS = {name: MethodDesc("list", name, list_rt if t is list_rt else object_rt)
                for name, t in _LIST.items()}
LIST_METHOD_PYTYPES = _LIST

_TUPLE = {"count": int_rt, "index": int_rt}
TUPLE_METHODS = {name: MethodDesc("tuple", name) for name in _TUPLE}
TUPLE_METHOD_PYTYPES = _TUPLE

list_slice = cfunc("up_list_slice", [list_rt, object_rt, object_rt, object_rt], list_rt)
tuple_slice = cfunc("up_tuple_slice", [tuple_rt, object_rt, object_rt, object_rt], tuple_rt)
# Indexing with an int object (small or big): inline fast path for small ints.
list_getitem_int = cfunc("up_list_getitem_int", [list_rt, int_rt], object_rt, is_inline=True)
tuple_getitem_int = cfunc("up_tuple_getitem_int", [tuple_rt, int_rt], object_rt, is_inline=True)
list_setitem_int = cfunc("up_list_setitem_int", [list_rt, int_rt, object_rt], cstatus_rt,
                         is_inline=True)
