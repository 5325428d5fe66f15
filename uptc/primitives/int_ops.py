"""int operations with inline small-int fast paths (runtime_c/int.h)."""

from uptc.ir.ops import ErrorKind
from uptc.ir.rtypes import bool_rt, int_rt, object_rt
from uptc.primitives.registry import cfunc

# Operators on two ints that give an int, with their C functions.
INT_BINARY = {
    "+": cfunc("up_int_add", [int_rt, int_rt], int_rt, is_inline=True),
    "-": cfunc("up_int_sub", [int_rt, int_rt], int_rt, is_inline=True),
    "*": cfunc("up_int_mul", [int_rt, int_rt], int_rt, is_inline=True),
    "//": cfunc("up_int_floordiv", [int_rt, int_rt], int_rt, is_inline=True),
    "%": cfunc("up_int_mod", [int_rt, int_rt], int_rt, is_inline=True),
    "<<": cfunc("up_int_lshift", [int_rt, int_rt], int_rt, is_inline=True),
    ">>": cfunc("up_int_rshift", [int_rt, int_rt], int_rt, is_inline=True),
    "&": cfunc("up_int_and", [int_rt, int_rt], int_rt, is_inline=True),
    "|": cfunc("up_int_or", [int_rt, int_rt], int_rt, is_inline=True),
    "^": cfunc("up_int_xor", [int_rt, int_rt], int_rt, is_inline=True),
}
int_truediv = cfunc("up_int_truediv", [int_rt, int_rt], object_rt)
int_pow = cfunc("up_int_pow", [int_rt, int_rt], object_rt)

# Comparisons of two ints cannot fail.
INT_COMPARE = {
    "<": cfunc("up_int_lt", [int_rt, int_rt], bool_rt, ErrorKind.NEVER, is_inline=True),
    "<=": cfunc("up_int_le", [int_rt, int_rt], bool_rt, ErrorKind.NEVER, is_inline=True),
    ">": cfunc("up_int_gt", [int_rt, int_rt], bool_rt, ErrorKind.NEVER, is_inline=True),
    ">=": cfunc("up_int_ge", [int_rt, int_rt], bool_rt, ErrorKind.NEVER, is_inline=True),
    "==": cfunc("up_int_eq", [int_rt, int_rt], bool_rt, ErrorKind.NEVER, is_inline=True),
    "!=": cfunc("up_int_ne", [int_rt, int_rt], bool_rt, ErrorKind.NEVER, is_inline=True),
}

int_neg = cfunc("up_int_neg", [int_rt], int_rt, is_inline=True)
int_invert = cfunc("up_int_invert", [int_rt], int_rt)
int_truthy = cfunc("up_int_truthy", [int_rt], bool_rt, ErrorKind.NEVER, is_inline=True)
int_abs = cfunc("up_int_abs", [int_rt], int_rt)
