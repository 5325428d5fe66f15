"""Runtime operations as data.

Every runtime C function the compiler may call is described once, by a
CFunc: its C name, the IR types of its arguments, its result type and how it
reports errors. The backend emits a call from the CFunc alone, and
tests/test_runtime_api.py checks each CFunc against runtime_c/up.h (parsed
with pycparser), so a primitive that names a missing C function, or one with
another number of parameters, fails a test.

Builtin types' methods (MethodDesc) and builtin functions (BuiltinDesc) are
described the same way; they are called with the builtin calling convention
`f(size_t n, const up_obj_t *args, up_obj_t kwnames)`, or through a
fixed-arity fast path when one exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from uptc.ir.ops import ErrorKind
from uptc.ir.rtypes import RType, cint_rt, cptr_rt, object_rt

# Every CFunc ever created, by C name (for the API check).
ALL_CFUNCS: dict[str, CFunc] = {}


@dataclass(frozen=True)
class CFunc:
    c_name: str
    arg_types: tuple[RType, ...]
    result_type: RType
    error_kind: ErrorKind
    # C expressions passed before the IR arguments (operator codes, type
    # object addresses): they count towards the C arity.
    extra_args: tuple[str, ...] = ()
    # A macro or inline function in up.h rather than an exported function.
    is_inline: bool = False

    @property
    def c_arity(self) -> int:
        return len(self.extra_args) + len(self.arg_types)


def cfunc(
    c_name: str,
    arg_types: list[RType] | tuple[RType, ...],
    result_type: RType,
    error_kind: ErrorKind = ErrorKind.VALUE,
    extra_args: tuple[str, ...] = (),
    is_inline: bool = False,
) -> CFunc:
    f = CFunc(c_name, tuple(arg_types), result_type, error_kind, extra_args, is_inline)
    # The same C function may be described with a stronger error kind where
    # the compiler knows more (a constant argument that cannot fail).
    key = c_name + "|" + ",".join(extra_args) + "|" + error_kind.value
    old = ALL_CFUNCS.get(key)
    if old is not None and old != f:
        raise AssertionError(f"primitive {c_name} described twice differently")
    ALL_CFUNCS[key] = f
    return f


def vectorcall(c_name: str, result_type: RType = object_rt) -> CFunc:
    """A function with the builtin calling convention (n, args, kwnames)."""
    return cfunc(c_name, [cint_rt, cptr_rt, object_rt], result_type)


@dataclass(frozen=True)
class MethodDesc:
    """A method of a builtin type: `type_name.name(...)`."""

    type_name: str
    name: str
    result_type: RType = object_rt
    # Fixed-arity fast paths, by number of arguments after self.
    fast: dict[int, CFunc] = field(default_factory=dict, hash=False, compare=False)

    @property
    def call(self) -> CFunc:
        return vectorcall(f"up_{self.type_name}_m_{self.name}", self.result_type)

    @property
    def builtin_symbol(self) -> str:
        return f"up_builtin_{self.type_name}_{self.name}"


@dataclass(frozen=True)
class BuiltinDesc:
    """A builtin name: a type object or a builtin function object."""

    name: str
    symbol: str  # C symbol of the object (up_type_int, up_builtin_len)
    is_type: bool
    result_type: RType = object_rt
    # The C function called for a direct call (builtin calling convention);
    # None for types (called through their make_new with up_call).
    call_c: str | None = None

    @property
    def call(self) -> CFunc | None:
        # The C function returns an object whatever the Python result type.
        result = self.result_type if self.result_type.is_boxed else object_rt
        return vectorcall(self.call_c, result) if self.call_c else None
