"""Generic operations on values of any type (runtime_c/ops.c)."""

from uptc.ir.ops import ErrorKind
from uptc.ir.rtypes import bool_rt, cint_rt, cptr_rt, cstatus_rt, object_rt, void_rt
from uptc.primitives.registry import cfunc

# Python operator -> C enum constant (enum up_binop in obj.h)
BINOP_CODES = {
    "+": "UP_OP_ADD", "-": "UP_OP_SUB", "*": "UP_OP_MUL", "/": "UP_OP_TRUEDIV",
    "//": "UP_OP_FLOORDIV", "%": "UP_OP_MOD", "**": "UP_OP_POW", "<<": "UP_OP_LSHIFT",
    ">>": "UP_OP_RSHIFT", "&": "UP_OP_AND", "|": "UP_OP_OR", "^": "UP_OP_XOR",
    "@": "UP_OP_MATMUL",
}
INPLACE_CODES = {op: code.replace("UP_OP_", "UP_OP_I") for op, code in BINOP_CODES.items()}
COMPARE_CODES = {
    "<": "UP_OP_LT", "<=": "UP_OP_LE", "==": "UP_OP_EQ", "!=": "UP_OP_NE", ">": "UP_OP_GT",
    ">=": "UP_OP_GE",
}
UNOP_CODES = {"-": "UP_UOP_NEG", "+": "UP_UOP_POS", "~": "UP_UOP_INVERT"}


def binary_op(op: str, inplace: bool = False):
    code = (INPLACE_CODES if inplace else BINOP_CODES)[op]
    return cfunc("up_binary_op", [object_rt, object_rt], object_rt, extra_args=(code,))


def compare_op(op: str):
    return cfunc("up_compare", [object_rt, object_rt], object_rt, extra_args=(COMPARE_CODES[op],))


def compare_bool_op(op: str):
    return cfunc("up_compare_bool", [object_rt, object_rt], bool_rt,
                 extra_args=(COMPARE_CODES[op],))


def unary_op(op: str):
    return cfunc("up_unary_op", [object_rt], object_rt, extra_args=(UNOP_CODES[op],))


truthy = cfunc("up_truthy", [object_rt], bool_rt)
contains = cfunc("up_contains", [object_rt, object_rt], bool_rt)  # (container, item)
len_obj = cfunc("up_len_obj", [object_rt], object_rt)

getitem = cfunc("up_getitem", [object_rt, object_rt], object_rt)
setitem = cfunc("up_setitem", [object_rt, object_rt, object_rt], cstatus_rt)
delitem = cfunc("up_delitem", [object_rt, object_rt], cstatus_rt)
slice_new = cfunc("up_slice_new", [object_rt, object_rt, object_rt], object_rt)

getiter = cfunc("up_getiter", [object_rt], object_rt)
# next(): the item, UP_STOP at the end, UP_NULL on error
iternext = cfunc("up_iternext", [object_rt], object_rt)
unpack = cfunc("up_unpack", [object_rt, cint_rt, cptr_rt], cstatus_rt)
unpack_ex = cfunc("up_unpack_ex", [object_rt, cint_rt, cint_rt, cptr_rt], cstatus_rt)
list_from_iter = cfunc("up_list_from_iter", [object_rt], object_rt)
tuple_from_iter = cfunc("up_tuple_from_iter", [object_rt], object_rt)

getattr_ = cfunc("up_getattr", [object_rt, object_rt], object_rt)
setattr_ = cfunc("up_setattr", [object_rt, object_rt, object_rt], cstatus_rt)
delattr_ = cfunc("up_delattr", [object_rt, object_rt], cstatus_rt)

call = cfunc("up_call", [object_rt, cint_rt, cptr_rt, object_rt], object_rt)
call_ex = cfunc("up_call_ex", [object_rt, object_rt, object_rt], object_rt)
call_method = cfunc("up_call_method", [object_rt, cint_rt, cptr_rt, object_rt], object_rt)

print_n = cfunc("up_print_n", [cint_rt, cptr_rt, object_rt, object_rt], object_rt)
isinstance_ = cfunc("up_isinstance", [object_rt, object_rt], bool_rt)

gc_collect = cfunc("up_gc_collect", [], void_rt, ErrorKind.NEVER)
