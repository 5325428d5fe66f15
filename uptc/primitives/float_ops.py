"""float operations on unboxed C floats (runtime_c/float.h, runtime_c/compiled.h)."""

from uptc.ir.ops import ErrorKind
from uptc.ir.rtypes import float_rt, int_rt, object_rt
from uptc.primitives.registry import cfunc

float_new = cfunc("up_float_new", [float_rt], object_rt)
float_truediv = cfunc("up_float_truediv", [float_rt, float_rt], float_rt)
float_floordiv = cfunc("up_float_floordiv", [float_rt, float_rt], float_rt)
float_mod = cfunc("up_float_mod", [float_rt, float_rt], float_rt)
float_pow = cfunc("up_float_pow", [float_rt, float_rt], float_rt)
# object known to be a float -> C float
float_unbox = cfunc("up_float_value", [object_rt], float_rt, ErrorKind.NEVER, is_inline=True)
# int, float or bool object -> C float (TypeError / OverflowError)
float_coerce = cfunc("up_float_coerce_value", [object_rt], float_rt, is_inline=True)
int_to_float = cfunc("up_int_to_float_value", [int_rt], float_rt, is_inline=True)
