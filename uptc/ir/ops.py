"""The IR: functions of basic blocks of typed ops.

A function is a list of BasicBlocks; each block is a list of ops ending in
exactly one control op (Goto, Branch, Return, Unreachable). Values are
either Registers (Python locals and compiler temporaries, assigned with
Assign) or the ops themselves (an op that produces a value is used directly
by later ops: SSA-like for temporaries).

Every op knows its result type, its source line and whether it can fail
(error_kind). After lowering, the exception pass (uptc/passes/exceptions.py)
splits blocks after each op that can fail and branches to the right handler,
so from then on the control flow of errors is explicit.

Ops are small final classes: never subclass a concrete op; add a field.
Each has accept(visitor), which calls visitor.visit_<snake_name>(op).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from uptc.ir.rtypes import (
    RType,
    bool_rt,
    cint_rt,
    cptr_rt,
    cstatus_rt,
    float_rt,
    object_rt,
    void_rt,
)

if TYPE_CHECKING:
    from uptc.ir.func import FuncIR
    from uptc.primitives.registry import CFunc

T = TypeVar("T")


class ErrorKind(enum.Enum):
    NEVER = "never"  # cannot fail
    VALUE = "value"  # failed when the result is its type's error value
    ALWAYS = "always"  # always raises (raise statements, standard errors)


class Value:
    """Something an op can use: a Register or an op with a result."""

    type: RType = object_rt
    line: int = -1

    @property
    def is_void(self) -> bool:
        return self.type is void_rt


class Register(Value):
    """A local variable or temporary. `name` is unique within a function."""

    def __init__(self, type: RType, name: str, *, var_name: str = "", is_arg: bool = False,
                 line: int = -1):
        self.type = type
        self.name = name
        self.var_name = var_name  # the Python name, "" for temporaries
        self.is_arg = is_arg
        self.line = line

    def __repr__(self) -> str:
        return f"<Register {self.name}: {self.type}>"


class Op(Value):
    error_kind: ErrorKind = ErrorKind.NEVER

    def sources(self) -> list[Value]:
        return []

    def set_sources(self, new: list[Value]) -> None:
        assert not new, type(self).__name__

    def can_fail(self) -> bool:
        return self.error_kind is not ErrorKind.NEVER

    def accept(self, visitor: OpVisitor[T]) -> T:
        return getattr(visitor, visitor_method_name(type(self)))(self)  # type: ignore[no-any-return]


def _snake(name: str) -> str:
    out = []
    for i, c in enumerate(name):
        if c.isupper() and i > 0:
            prev_lower = name[i - 1].islower()
            next_lower = i + 1 < len(name) and name[i + 1].islower()
            if prev_lower or (name[i - 1].isupper() and next_lower):
                out.append("_")
        out.append(c.lower())
    return "".join(out)


class BasicBlock:
    def __init__(self, label: int = -1):
        self.label = label
        self.ops: list[Op] = []
        # Where an exception raised in this block goes: an except/finally
        # block of this function, or None for "leave the function".
        self.error_handler: BasicBlock | None = None

    @property
    def terminator(self) -> ControlOp:
        assert self.ops and isinstance(self.ops[-1], ControlOp)
        return self.ops[-1]  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"<BasicBlock L{self.label}>"


# ---- control ops ---------------------------------------------------------------


class ControlOp(Op):
    type = void_rt

    def targets(self) -> list[BasicBlock]:
        return []

    def set_target(self, i: int, block: BasicBlock) -> None:
        raise AssertionError


class Goto(ControlOp):
    def __init__(self, target: BasicBlock, line: int = -1):
        self.target = target
        self.line = line

    def targets(self) -> list[BasicBlock]:
        return [self.target]

    def set_target(self, i: int, block: BasicBlock) -> None:
        self.target = block


class Branch(ControlOp):
    """Go to `true` when the condition holds, else `false`.

    kind BOOL: the C truth of value (a bool_rt or cint_rt value);
    kind IS_ERROR: value is its type's error value (the op failed);
    kind IS_NULL: value (a boxed register) is UP_NULL -- unbound.
    """

    BOOL = "bool"
    IS_ERROR = "is_error"
    IS_NULL = "is_null"

    def __init__(self, value: Value, true: BasicBlock, false: BasicBlock, kind: str = BOOL,
                 line: int = -1, negated: bool = False):
        self.value = value
        self.true = true
        self.false = false
        self.kind = kind
        self.line = line
        self.negated = negated
        # For IS_ERROR branches: the op whose failure is checked.
        self.rare = kind != Branch.BOOL

    def sources(self) -> list[Value]:
        return [self.value]

    def set_sources(self, new: list[Value]) -> None:
        (self.value,) = new

    def targets(self) -> list[BasicBlock]:
        return [self.true, self.false]

    def set_target(self, i: int, block: BasicBlock) -> None:
        if i == 0:
            self.true = block
        else:
            self.false = block


class Return(ControlOp):
    def __init__(self, value: Value, line: int = -1, error: bool = False):
        self.value = value
        self.line = line
        # Returning the error value (an exception leaves the function).
        self.error = error

    def sources(self) -> list[Value]:
        return [self.value]

    def set_sources(self, new: list[Value]) -> None:
        (self.value,) = new


class Yield(Op):
    """Suspend the generator, giving value; the result is what the caller
    sends in, or the error value when an exception is thrown in."""

    def __init__(self, value: Value, line: int = -1):
        self.value = value
        self.type = object_rt
        self.error_kind = ErrorKind.VALUE
        self.line = line
        self.resume_point = 0  # numbered by the backend

    def sources(self) -> list[Value]:
        return [self.value]

    def set_sources(self, new: list[Value]) -> None:
        (self.value,) = new


class Unreachable(ControlOp):
    def __init__(self, line: int = -1):
        self.line = line


# ---- ordinary ops -----------------------------------------------------------------


class Assign(Op):
    type = void_rt

    def __init__(self, dest: Register, src: Value, line: int = -1):
        self.dest = dest
        self.src = src
        self.line = line

    def sources(self) -> list[Value]:
        return [self.src]

    def set_sources(self, new: list[Value]) -> None:
        (self.src,) = new


class LoadInt(Op):
    """An int constant: tagged small int (int_rt) or a C integer (cint_rt, bool_rt)."""

    def __init__(self, value: int, type: RType, line: int = -1):
        self.value = value
        self.type = type
        self.line = line


class LoadFloat(Op):
    def __init__(self, value: float, line: int = -1):
        self.value = value
        self.type = float_rt
        self.line = line


class LoadLiteral(Op):
    """A constant object in ROM: str, bytes, big int, float, tuple of constants,
    None, True, False, Ellipsis."""

    def __init__(self, value: Any, type: RType, line: int = -1):
        self.value = value
        self.type = type
        self.line = line


class LoadStatic(Op):
    """The address of a static C object as a value (a type, a builtin function,
    a function object, a module)."""

    def __init__(self, symbol: str, type: RType = object_rt, line: int = -1, ann: str = ""):
        self.symbol = symbol
        self.type = type
        self.line = line
        self.ann = ann


class LoadGlobal(Op):
    """A module global; `checked` loads raise NameError when it is unbound."""

    def __init__(self, index: int, name: str, type: RType, checked: bool, line: int = -1):
        self.index = index
        self.name = name
        self.type = type
        self.checked = checked
        self.line = line
        self.error_kind = ErrorKind.VALUE if checked else ErrorKind.NEVER


class StoreGlobal(Op):
    type = void_rt

    def __init__(self, index: int, name: str, value: Value, line: int = -1):
        self.index = index
        self.name = name
        self.value = value
        self.line = line

    def sources(self) -> list[Value]:
        return [self.value]

    def set_sources(self, new: list[Value]) -> None:
        (self.value,) = new


class LoadEnv(Op):
    """Variable `index` (1-based) of a closure environment; index 0 is the
    enclosing environment. `checked` loads raise NameError when unbound."""

    def __init__(self, env: Value, index: int, name: str, type: RType, checked: bool,
                 line: int = -1):
        self.env = env
        self.index = index
        self.name = name
        self.type = type
        self.checked = checked
        self.line = line
        self.error_kind = ErrorKind.VALUE if checked else ErrorKind.NEVER

    def sources(self) -> list[Value]:
        return [self.env]

    def set_sources(self, new: list[Value]) -> None:
        (self.env,) = new


class StoreEnv(Op):
    type = void_rt

    def __init__(self, env: Value, index: int, name: str, value: Value, line: int = -1):
        self.env = env
        self.index = index
        self.name = name
        self.value = value
        self.line = line

    def sources(self) -> list[Value]:
        return [self.env, self.value]

    def set_sources(self, new: list[Value]) -> None:
        self.env, self.value = new


class CallC(Op):
    """A call of a runtime function described by a primitive (uptc/primitives)."""

    def __init__(self, desc: CFunc, args: list[Value], line: int = -1):
        self.desc = desc
        self.args = args
        self.type = desc.result_type
        self.error_kind = desc.error_kind
        self.line = line

    def sources(self) -> list[Value]:
        return list(self.args)

    def set_sources(self, new: list[Value]) -> None:
        self.args = list(new)


class Call(Op):
    """A direct call of a function compiled from Python."""

    def __init__(self, fn: FuncIR, env: Value | None, args: list[Value], line: int = -1):
        self.fn = fn
        self.env = env
        self.args = args
        self.type = object_rt
        self.error_kind = ErrorKind.VALUE
        self.line = line

    def sources(self) -> list[Value]:
        return ([self.env] if self.env is not None else []) + list(self.args)

    def set_sources(self, new: list[Value]) -> None:
        if self.env is not None:
            self.env, *rest = new
            self.args = rest
        else:
            self.args = list(new)


class BuildArray(Op):
    """A C array of boxed values on the stack (for calls with several arguments)."""

    def __init__(self, items: list[Value], line: int = -1):
        self.items = items
        self.type = cptr_rt
        self.line = line

    def sources(self) -> list[Value]:
        return list(self.items)

    def set_sources(self, new: list[Value]) -> None:
        self.items = list(new)


class Box(Op):
    """An unboxed value (float, bool, cint) as an object; boxing a float allocates."""

    def __init__(self, src: Value, line: int = -1):
        self.src = src
        self.type = object_rt
        self.line = line
        self.error_kind = ErrorKind.VALUE if src.type in (float_rt, cint_rt) else ErrorKind.NEVER

    def sources(self) -> list[Value]:
        return [self.src]

    def set_sources(self, new: list[Value]) -> None:
        (self.src,) = new


class Unbox(Op):
    """An object known to hold a float (or int) / bool as the C scalar."""

    def __init__(self, src: Value, type: RType, line: int = -1):
        self.src = src
        self.type = type
        self.line = line

    def sources(self) -> list[Value]:
        return [self.src]

    def set_sources(self, new: list[Value]) -> None:
        (self.src,) = new


class Cast(Op):
    """The same word, seen as another boxed type (no code)."""

    def __init__(self, src: Value, type: RType, line: int = -1):
        self.src = src
        self.type = type
        self.line = line

    def sources(self) -> list[Value]:
        return [self.src]

    def set_sources(self, new: list[Value]) -> None:
        (self.src,) = new


class CBinary(Op):
    """C arithmetic on unboxed scalars (cint, float) that cannot fail."""

    OPS = ("+", "-", "*", "/", "&", "|", "^", "<<", ">>")

    def __init__(self, op: str, lhs: Value, rhs: Value, type: RType, line: int = -1):
        assert op in self.OPS
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.type = type
        self.line = line

    def sources(self) -> list[Value]:
        return [self.lhs, self.rhs]

    def set_sources(self, new: list[Value]) -> None:
        self.lhs, self.rhs = new


class CUnary(Op):
    """C unary op on a scalar: '-' (neg), '!' (logical not)."""

    def __init__(self, op: str, src: Value, type: RType, line: int = -1):
        self.op = op
        self.src = src
        self.type = type
        self.line = line

    def sources(self) -> list[Value]:
        return [self.src]

    def set_sources(self, new: list[Value]) -> None:
        (self.src,) = new


class CCompare(Op):
    """C comparison of two scalars, or identity of two boxed values ('==' / '!=')."""

    OPS = ("==", "!=", "<", "<=", ">", ">=")

    def __init__(self, op: str, lhs: Value, rhs: Value, line: int = -1):
        assert op in self.OPS
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.type = bool_rt
        self.line = line

    def sources(self) -> list[Value]:
        return [self.lhs, self.rhs]

    def set_sources(self, new: list[Value]) -> None:
        self.lhs, self.rhs = new


class GetSlot(Op):
    """Attribute slot `index` of an instance whose class the compiler knows;
    when the slot is unbound, the generic lookup runs (class attributes,
    AttributeError)."""

    def __init__(self, obj: Value, index: int, name: str, type: RType, line: int = -1):
        self.obj = obj
        self.index = index
        self.name = name
        self.type = type
        self.line = line
        self.error_kind = ErrorKind.VALUE

    def sources(self) -> list[Value]:
        return [self.obj]

    def set_sources(self, new: list[Value]) -> None:
        (self.obj,) = new


class SetSlot(Op):
    type = void_rt

    def __init__(self, obj: Value, index: int, name: str, value: Value, line: int = -1):
        self.obj = obj
        self.index = index
        self.name = name
        self.value = value
        self.line = line

    def sources(self) -> list[Value]:
        return [self.obj, self.value]

    def set_sources(self, new: list[Value]) -> None:
        self.obj, self.value = new


class TupleGet(Op):
    """Item `index` of a tuple known to be long enough."""

    def __init__(self, src: Value, index: int, line: int = -1):
        self.src = src
        self.index = index
        self.type = object_rt
        self.line = line

    def sources(self) -> list[Value]:
        return [self.src]

    def set_sources(self, new: list[Value]) -> None:
        (self.src,) = new


class ArrayGet(Op):
    """Item `index` of a C array (BuildArray or an unpack buffer)."""

    def __init__(self, src: Value, index: int, line: int = -1):
        self.src = src
        self.index = index
        self.type = object_rt
        self.line = line

    def sources(self) -> list[Value]:
        return [self.src]

    def set_sources(self, new: list[Value]) -> None:
        (self.src,) = new


class RaiseStandardError(Op):
    """raise ExcType(message) for errors the compiler detects (unbound names...)."""

    type = void_rt
    error_kind = ErrorKind.ALWAYS

    def __init__(self, exc_type: str, message: str, line: int = -1):
        self.exc_type = exc_type  # e.g. "UnboundLocalError"
        self.message = message
        self.line = line


class AddTraceback(Op):
    """Record this function's position in the traceback of the pending exception."""

    type = void_rt

    def __init__(self, func_name: str, line: int):
        self.func_name = func_name
        self.line = line


class StackCheck(Op):
    """RecursionError when the stack is nearly exhausted (at function entry)."""

    type = cstatus_rt
    error_kind = ErrorKind.VALUE

    def __init__(self, line: int = -1):
        self.line = line


@dataclass
class TracebackSite:
    func_name: str
    line: int


class OpVisitor(Generic[T]):
    """Dispatch on the concrete op class: op.accept(v) calls
    v.visit_<snake_case_class_name>(op). A visitor defines one method per op
    class in ALL_OPS (tests/test_ir.py checks every visitor does)."""


ALL_OPS: tuple[type[Op], ...] = (
    Goto, Branch, Return, Unreachable, Assign, LoadInt, LoadFloat, LoadLiteral, LoadStatic,
    LoadGlobal, StoreGlobal, LoadEnv, StoreEnv, CallC, Call, BuildArray, Box, Unbox, Cast,
    CBinary, CUnary, CCompare, GetSlot, SetSlot, TupleGet, ArrayGet, RaiseStandardError,
    AddTraceback, StackCheck, Yield,
)


def visitor_method_name(op_class: type[Op]) -> str:
    return "visit_" + _snake(op_class.__name__)


__all__ = [
    "ErrorKind", "Value", "Register", "Op", "BasicBlock", "ControlOp", "Goto", "Branch",
    "Return", "Unreachable", "Assign", "LoadInt", "LoadFloat", "LoadLiteral", "LoadStatic",
    "LoadGlobal", "StoreGlobal", "LoadEnv", "StoreEnv", "CallC", "Call", "BuildArray", "Box",
    "Unbox", "Cast", "CBinary", "CUnary", "CCompare", "GetSlot", "SetSlot", "TupleGet",
    "ArrayGet", "RaiseStandardError", "AddTraceback", "StackCheck", "Yield", "OpVisitor",
    "TracebackSite", "cstatus_rt", "bool_rt", "cint_rt",
]
