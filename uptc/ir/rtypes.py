"""Runtime types of IR values: what a value is and how C holds it.

Every IR value has an RType. Most are "boxed": held in C as `up_obj_t` (one
word: a tagged small int or a pointer). An RType that knows more than
`object` (int, str, list, an instance of a class...) lets the compiler call
the right runtime function directly instead of dispatching through the type
slots. Three are "unboxed" C scalars: `float` (up_float_t), `bool` (int 0/1)
and `cint` (a machine integer, for loop counters and indices).

`int` is special: its C representation is the same tagged word as `object`
(small ints are already unboxed), so converting between int and object
costs nothing, and arithmetic on two ints uses inline fast paths
(up_int_add...) that fall back to big ints on overflow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from uptc.ir.classes import ClassIR


@dataclass(frozen=True, eq=False)
class RType:
    name: str
    c_type: str
    is_boxed: bool
    # The C expression a failed operation of this type returns (see
    # ir.ops.ErrorKind); None when operations of this type cannot report errors
    # through their result.
    c_error_value: str | None

    def __repr__(self) -> str:
        return self.name

    def __str__(self) -> str:
        return self.name


class RPrimitive(RType):
    """A builtin type known to the compiler."""


object_rt = RPrimitive("object", "up_obj_t", True, "UP_NULL")
int_rt = RPrimitive("int", "up_obj_t", True, "UP_NULL")
str_rt = RPrimitive("str", "up_obj_t", True, "UP_NULL")
list_rt = RPrimitive("list", "up_obj_t", True, "UP_NULL")
tuple_rt = RPrimitive("tuple", "up_obj_t", True, "UP_NULL")
dict_rt = RPrimitive("dict", "up_obj_t", True, "UP_NULL")
set_rt = RPrimitive("set", "up_obj_t", True, "UP_NULL")
range_rt = RPrimitive("range", "up_obj_t", True, "UP_NULL")
none_rt = RPrimitive("None", "up_obj_t", True, "UP_NULL")
bytes_rt = RPrimitive("bytes", "up_obj_t", True, "UP_NULL")
pyb_led_rt = RPrimitive("pyb.LED", "up_obj_t", True, "UP_NULL")

float_rt = RPrimitive("float", "up_float_t", False, "UP_FLOAT_ERR")
bool_rt = RPrimitive("bool", "int", False, "-1")
cint_rt = RPrimitive("cint", "up_int_t", False, None)
# For runtime functions that return 0 on success and -1 after raising.
cstatus_rt = RPrimitive("cstatus", "int", False, "-1")
void_rt = RPrimitive("void", "void", False, None)
# A raw C pointer (argument arrays); never a Python value.
cptr_rt = RPrimitive("cptr", "up_obj_t *", False, None)


class RInstance(RType):
    """An instance of a class compiled from Python (or a subclass of it)."""

    def __init__(self, class_ir: ClassIR):
        super().__init__(class_ir.name, "up_obj_t", True, "UP_NULL")
        object.__setattr__(self, "class_ir", class_ir)

    class_ir: ClassIR


def is_boxed_compatible(t: RType) -> bool:
    """Held in C as up_obj_t, so it converts to object without code."""
    return t.is_boxed


def join(a: RType | None, b: RType | None) -> RType | None:
    """The least upper bound of two inferred types (None = no information yet)."""
    if a is None:
        return b
    if b is None:
        return a
    if a is b:
        return a
    if isinstance(a, RInstance) and isinstance(b, RInstance):
        common = a.class_ir.common_base(b.class_ir)
        return common.rtype if common is not None else object_rt
    return object_rt


# Types whose values are exactly the builtin type (no subclasses in uptc),
# so methods can be called directly.
EXACT_BUILTINS = (str_rt, list_rt, tuple_rt, dict_rt, set_rt, range_rt, bytes_rt)
