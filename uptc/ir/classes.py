"""Classes compiled from Python, as the IR sees them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from uptc.ir.rtypes import RInstance, RType

if TYPE_CHECKING:
    from uptc.ir.func import FuncIR


@dataclass(eq=False)
class ClassIR:
    name: str
    c_name: str  # the C symbol of the type object
    line: int
    base: ClassIR | None = None
    # When the nearest non-Python base is a builtin class (object, an
    # exception type): its C symbol, e.g. "up_type_ValueError".
    builtin_base: str = "up_type_object"
    is_exception: bool = False
    # Attribute slots: this class's own, after the base's (see all_slots).
    own_slots: list[str] = field(default_factory=list)
    # name -> type of the values stored there (joined over all assignments)
    slot_types: dict[str, RType] = field(default_factory=dict)
    # Methods defined in the class body: name -> function, with a kind
    # ("method", "staticmethod", "classmethod", "property").
    methods: dict[str, FuncIR] = field(default_factory=dict)
    method_kinds: dict[str, str] = field(default_factory=dict)
    # Property setters (name -> function) from @name.setter
    property_setters: dict[str, FuncIR] = field(default_factory=dict)
    # Names assigned in the class body other than methods (class variables)
    class_vars: list[str] = field(default_factory=list)
    subclasses: list[ClassIR] = field(default_factory=list)
    _rtype: RInstance | None = None

    @property
    def rtype(self) -> RInstance:
        if self._rtype is None:
            self._rtype = RInstance(self)
        return self._rtype

    def mro(self) -> list[ClassIR]:
        out: list[ClassIR] = []
        c: ClassIR | None = self
        while c is not None:
            out.append(c)
            c = c.base
        return out

    def all_slots(self) -> list[str]:
        base = self.base.all_slots() if self.base is not None else []
        if self.is_exception and self.base is None:
            base = ["args", "__cause__", "__context__"]
        return base + [s for s in self.own_slots if s not in base]

    def slot_index(self, name: str) -> int | None:
        slots = self.all_slots()
        return slots.index(name) if name in slots else None

    def lookup_method(self, name: str) -> tuple[FuncIR, str, ClassIR] | None:
        for c in self.mro():
            if name in c.methods:
                return c.methods[name], c.method_kinds[name], c
            if name in c.class_vars:
                return None
        return None

    def overridden_below(self, name: str) -> bool:
        """Does any subclass define `name` (so a call cannot be bound statically)?"""
        for sub in self.subclasses:
            if name in sub.methods or name in sub.class_vars or sub.overridden_below(name):
                return True
        return False

    def has_class_var(self, name: str) -> bool:
        return any(name in c.class_vars for c in self.mro())

    def derives_from(self, other: ClassIR) -> bool:
        return other in self.mro()

    def common_base(self, other: ClassIR) -> ClassIR | None:
        mine = self.mro()
        for c in other.mro():
            if c in mine:
                return c
        return None
