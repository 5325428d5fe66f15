"""print() piece by piece (runtime_c/print.h)."""

from uptc.ir.ops import ErrorKind
from uptc.ir.rtypes import bool_rt, cstatus_rt, float_rt, int_rt, object_rt, str_rt, void_rt
from uptc.primitives.registry import cfunc

print_sep = cfunc("up_print_sep", [object_rt], void_rt, ErrorKind.NEVER)
print_end = cfunc("up_print_end", [object_rt], void_rt, ErrorKind.NEVER)
print_str = cfunc("up_print_str", [str_rt], void_rt, ErrorKind.NEVER)
print_small_int = cfunc("up_print_small_int", [int_rt], void_rt, ErrorKind.NEVER)
print_int = cfunc("up_print_int", [int_rt], cstatus_rt)
print_bool = cfunc("up_print_bool", [bool_rt], void_rt, ErrorKind.NEVER)
print_float = cfunc("up_print_float", [float_rt], void_rt, ErrorKind.NEVER)
print_value = cfunc("up_print_value", [object_rt], cstatus_rt)
