"""Every name the generated C uses, in one place.

Prefixes (all generated symbols are static to the program's translation
unit, except those the runtime links against):

    F_<name>      a compiled function           FI_<name>  its ROM info
    FO_<name>     its ROM function object       PN_<name>  its parameter names
    T_<name>      a class (ROM type)            CD_<name>  its class dict cell (RAM)
    SN_<name>     a class's slot names          MT_<name>  a class's method table
    SW_<name>     staticmethod/classmethod/property wrapper in ROM
    Q_<n>         an interned str (names and string literals)
    L_<n>         another ROM literal (bytes, float, tuple)
    B_<n>         a big int literal (made at start-up, held in RAM)
    S_<n>         a traceback site                up_g[]     the module globals
    TN_<type>     a core builtin type's name (the types' file, backend_c/types.py)
    r_<name>      a register for a Python variable
    t<n>          a temporary                    L<n>:      a block label
"""

from __future__ import annotations

import re

from uptc.paths import runtime_dir

_IDENT = re.compile(r"[^A-Za-z0-9_]")


def sanitize(name: str) -> str:
    s = _IDENT.sub("_", name)
    return s or "_"


class NameGen:
    """Unique C names, stable for the same program (deterministic output)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def unique(self, base: str) -> str:
        name = base
        n = 2
        while name in self.used:
            name = f"{base}_{n}"
            n += 1
        self.used.add(name)
        return name

    def function_name(self, qualname: str) -> str:
        return self.unique("F_" + sanitize(qualname))

    def type_name(self, name: str) -> str:
        return self.unique("T_" + sanitize(name))


GLOBALS_ARRAY = "up_g"


def core_type_name(type_symbol: str) -> str:
    """up_type_int -> TN_int, the C string of the type's __name__."""
    return "TN_" + type_symbol.removeprefix("up_type_")


def info_name(fn_c_name: str) -> str:
    return "FI_" + fn_c_name[2:]


def fun_object_name(fn_c_name: str) -> str:
    return "FO_" + fn_c_name[2:]


def param_names_name(fn_c_name: str) -> str:
    return "PN_" + fn_c_name[2:]


def register_name(name: str) -> str:
    return "r_" + sanitize(name)


_runtime_qstrs: set[str] | None = None


def runtime_qstrs() -> set[str]:
    """The names the runtime defines as ROM strs (runtime_c/qstr.h): a program
    uses the runtime's object for these, so lookups compare pointers."""
    global _runtime_qstrs
    if _runtime_qstrs is None:
        text = (runtime_dir() / "qstr.h").read_text()
        body = text[text.index("#define UP_QSTRS(X)"):]
        body = body[: body.index("\n\n")]
        _runtime_qstrs = set(re.findall(r"X\((\w+)\)", body))
    return _runtime_qstrs
