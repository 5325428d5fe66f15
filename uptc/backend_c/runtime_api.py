"""The runtime's C interface as data, read from runtime_c/up.h with pycparser.

The header is preprocessed with the ARM cross compiler (newlib's headers
parse cleanly; glibc's do not), GNU extensions are defined away, and every
function declaration and static inline definition of the runtime's own
headers is collected with its parameter count. tests/test_runtime_api.py
checks every primitive the compiler can emit against this table, so a
primitive naming a missing function, or one with another arity, fails.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from uptc.diagnostics import ToolError
from uptc.paths import hal_dir, runtime_dir

PARSE_DEFINES = [
    "-D__attribute__(x)=", "-D__extension__=", "-D__asm__(x)=", "-D__asm(x)=",
    "-D__restrict=", "-D__restrict__=", "-D__inline=inline", "-D__inline__=inline",
    "-D__volatile__=volatile", "-D__signed__=signed", "-D__const=const",
    "-D__builtin_va_list=int", "-D_Noreturn=", "-D__typeof__(x)=int",
]


@dataclass(frozen=True)
class CDecl:
    name: str
    nparams: int
    is_variadic: bool
    is_object: bool  # a variable (extern const ...), not a function


def _preprocess(header: Path, cc: str) -> str:
    cmd = [cc, "-E", "-std=gnu11", "-DUP_FLOAT32=1", *PARSE_DEFINES,
           f"-I{runtime_dir()}", f"-I{hal_dir()}", str(header)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise ToolError(f"preprocessing {header} failed:\n{r.stderr}")
    return r.stdout


def runtime_declarations(header: Path | None = None, cc: str = "arm-none-eabi-gcc") -> dict[str, CDecl]:
    """Every function and object the runtime's headers declare."""
    from pycparser import c_ast, c_parser

    if shutil.which(cc) is None:
        raise ToolError(f"{cc} is needed to read the runtime header (make setup)")
    header = header or runtime_dir() / "up.h"
    text = _preprocess(header, cc)
    ast = c_parser.CParser().parse(text, str(header))
    rt = str(runtime_dir())
    out: dict[str, CDecl] = {}
    for ext in ast.ext:
        decl = ext.decl if isinstance(ext, c_ast.FuncDef) else ext
        if not isinstance(decl, c_ast.Decl) or decl.name is None:
            continue
        if decl.coord is None or not str(decl.coord.file).startswith(rt):
            continue
        if isinstance(decl.type, c_ast.FuncDecl):
            params = decl.type.args.params if decl.type.args else []
            variadic = any(isinstance(p, c_ast.EllipsisParam) for p in params)
            params = [p for p in params if not isinstance(p, c_ast.EllipsisParam)]
            # f(void) has no parameters
            if len(params) == 1 and isinstance(params[0], c_ast.Typename) and \
                    getattr(getattr(params[0].type, "type", None), "names", None) == ["void"]:
                params = []
            out[decl.name] = CDecl(decl.name, len(params), variadic, False)
        else:
            out[decl.name] = CDecl(decl.name, 0, False, True)
    return out
