"""Functions, classes, closures, exceptions (runtime_c/fun.h, exc.h)."""

from uptc.ir.ops import ErrorKind
from uptc.ir.rtypes import bool_rt, cint_rt, cptr_rt, cstatus_rt, object_rt, void_rt
from uptc.primitives.registry import cfunc

fun_new = cfunc("up_fun_new_info", [object_rt, object_rt, object_rt, object_rt], object_rt)
env_new = cfunc("up_env_new", [cint_rt, object_rt], object_rt)
bound_new = cfunc("up_bound_new", [object_rt, object_rt], object_rt)
instance_new = cfunc("up_instance_new_obj", [object_rt], object_rt)
class_setattr = cfunc("up_class_setattr_obj", [object_rt, object_rt, object_rt], cstatus_rt)
staticmethod_new = cfunc("up_staticmethod_new", [object_rt], object_rt)
classmethod_new = cfunc("up_classmethod_new", [object_rt], object_rt)
property_new = cfunc("up_property_new", [object_rt, object_rt, object_rt], object_rt)
super_getattr = cfunc("up_super_getattr_obj", [object_rt, object_rt, object_rt], object_rt)
super_call_method = cfunc("up_super_call_method_obj",
                          [object_rt, object_rt, cint_rt, cptr_rt, object_rt], object_rt)

# Exceptions
raise_ = cfunc("up_raise", [object_rt], object_rt, ErrorKind.ALWAYS)
raise_from = cfunc("up_raise_from", [object_rt, object_rt], object_rt, ErrorKind.ALWAYS)
reraise = cfunc("up_reraise", [object_rt], object_rt, ErrorKind.ALWAYS)
exc_fetch = cfunc("up_exc_fetch", [], object_rt, ErrorKind.NEVER)
exc_restore = cfunc("up_exc_restore", [object_rt], void_rt, ErrorKind.NEVER)
exc_matches = cfunc("up_exc_matches", [object_rt, object_rt], bool_rt)
assert_fail = cfunc("up_assert_fail", [object_rt], object_rt, ErrorKind.ALWAYS)
exc_enter = cfunc("up_exc_enter", [object_rt], object_rt, ErrorKind.NEVER)
exc_leave = cfunc("up_exc_leave", [object_rt], void_rt, ErrorKind.NEVER)
