"""Functions and modules in the IR."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from uptc.ir.ops import BasicBlock, Register

if TYPE_CHECKING:
    from uptc.ir.classes import ClassIR


class ParamKind(enum.Enum):
    POS = "pos"  # positional-or-keyword (incl. positional-only)
    VARARGS = "varargs"  # *args
    KWONLY = "kwonly"
    VARKW = "varkw"  # **kwargs


@dataclass
class Param:
    name: str
    kind: ParamKind
    has_default: bool = False


@dataclass
class FuncIR:
    """One compiled function (or the module body)."""

    name: str  # Python name ("<module>", "<lambda>", "f")
    qualname: str  # for messages: "C.method", "outer.<locals>.inner"
    c_name: str  # the C function
    line: int
    params: list[Param] = field(default_factory=list)
    arg_regs: list[Register] = field(default_factory=list)
    blocks: list[BasicBlock] = field(default_factory=list)
    # The closure environment this function receives (its `env` C parameter),
    # and the one it creates for its own captured variables (or None).
    env_param: Register | None = None
    own_env: Register | None = None
    class_ir: ClassIR | None = None
    is_module_body: bool = False
    is_lambda: bool = False
    # Symbols of the ROM function info and (for functions that need no
    # closure and whose defaults are constants) the ROM function object.
    info_symbol: str = ""
    static_object: str = ""
    # Constant defaults (values) when static_object is used.
    const_defaults: list[object] | None = None
    # Generators are not plain functions (see passes/generators.py).
    is_generator: bool = False
    # The Python definition (ast.FunctionDef / ast.Lambda / ast.Module).
    ast_node: object = None

    @property
    def traceback_name(self) -> str:
        return self.name

    def all_registers(self) -> list[Register]:
        seen: dict[int, Register] = {}
        for r in self.arg_regs:
            seen[id(r)] = r
        if self.env_param is not None:
            seen[id(self.env_param)] = self.env_param
        from uptc.ir.ops import Assign

        for b in self.blocks:
            for op in b.ops:
                if isinstance(op, Assign):
                    seen.setdefault(id(op.dest), op.dest)
                for s in op.sources():
                    if isinstance(s, Register):
                        seen.setdefault(id(s), s)
        return list(seen.values())


@dataclass
class GlobalVar:
    name: str
    index: int


@dataclass
class ModuleIR:
    """The whole program: every function and class, in definition order."""

    path: str  # the main source file (as given), for tracebacks
    functions: list[FuncIR] = field(default_factory=list)
    classes: list[ClassIR] = field(default_factory=list)
    globals: dict[str, GlobalVar] = field(default_factory=dict)
    main: FuncIR | None = None
    # Method names of builtin types the program may call dynamically, per type
    # ("list" -> {"append", ...}): the method tables emitted for the runtime.
    builtin_methods: dict[str, set[str]] = field(default_factory=dict)

    def global_index(self, name: str) -> int:
        g = self.globals.get(name)
        if g is None:
            g = GlobalVar(name, len(self.globals))
            self.globals[name] = g
        return g.index
