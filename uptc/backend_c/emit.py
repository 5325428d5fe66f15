"""The C translation unit for a whole program.

Everything the program needs that is constant goes to ROM: interned names
and string literals, tuples of constants, function infos and function
objects, classes (type structs, slot names, method tables, staticmethod /
property wrappers), traceback sites, and the method tables of the builtin
types (only the methods the program can reach). RAM holds the module
globals, the class attribute dicts and big-int literals.

The output is deterministic: the same program gives the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from uptc import __version__
from uptc.backend_c import names
from uptc.backend_c.emit_func import LINE_RESET, FunctionEmitter
from uptc.backend_c.literals import c_comment, c_float, c_string, fits_small_int, str_hash
from uptc.ir.classes import ClassIR
from uptc.ir.func import FuncIR, ModuleIR, ParamKind
from uptc.paths import runtime_dir


@dataclass(frozen=True)
class Target:
    """What the backend needs to know about the machine."""

    small_int_bits: int  # 63 on a 64-bit host, 31 on the pyboard
    float32: bool


HOST = Target(63, False)
PYBOARD = Target(31, True)


def _template_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["c_string"] = lambda s: c_string(s.encode() if isinstance(s, str) else s)
    env.filters["c_comment"] = c_comment
    return env


_builtin_tables: dict[str, list[str]] | None = None

# Method table entries that are not plain builtin functions.
SPECIAL_METHOD_OBJECTS = {("dict", "fromkeys"): "up_classmethod_dict_fromkeys"}


def builtin_method_lists() -> dict[str, list[str]]:
    """Methods of each builtin type, from the UP_<TYPE>_METHODS(X) lists in
    the runtime headers; and every table up.h declares (possibly empty)."""
    global _builtin_tables
    if _builtin_tables is None:
        tables: dict[str, list[str]] = {}
        rt = runtime_dir()
        up_h = (rt / "up.h").read_text()
        for t in re.findall(r"extern const up_methods_t up_methods_(\w+);", up_h):
            tables[t] = []
        for h in sorted(rt.glob("*.h")):
            text = h.read_text()
            for m in re.finditer(r"#define UP_([A-Z]+)_METHODS\(X\)((?:.*\\\n)*.*)", text):
                t = m.group(1).lower()
                if t in tables:
                    tables[t] = re.findall(r"X\((\w+)\)", m.group(2))
        _builtin_tables = tables
    return _builtin_tables


class ModuleEmitter:
    def __init__(self, module: ModuleIR, source_lines: list[str], target: Target,
                 method_names: frozenset[str] | None):
        self.module = module
        self.path = module.path
        self.lines = source_lines
        self.target = target
        self.method_names = method_names  # None: every method
        self.runtime_qstrs = names.runtime_qstrs()
        self.qstrs: dict[str, str] = {}  # text -> symbol
        self.qstr_defs: list[str] = []
        self.literal_defs: list[str] = []
        self.literal_syms: dict[tuple[str, object], str] = {}
        self.bigints: list[tuple[str, int]] = []
        self.sites: dict[tuple[str, int], str] = {}
        self.site_defs: list[str] = []

    # ---- literals --------------------------------------------------------------

    def source_line(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def qstr(self, text: str) -> str:
        """A C expression (up_obj_t) for the interned str `text`."""
        return f"(up_obj_t)&{self.qstr_symbol(text)}"

    def qstr_symbol(self, text: str) -> str:
        if text in self.runtime_qstrs:
            return f"up_q_{text}"
        sym = self.qstrs.get(text)
        if sym is None:
            sym = f"Q_{len(self.qstrs)}"
            self.qstrs[text] = sym
            b = text.encode("utf-8")
            nchars = len(text)
            self.qstr_defs.append(
                f"static const up_str_t {sym} = {{{{&up_type_str}}, {str_hash(b)}u, {len(b)}, {nchars}, "
                f"{c_string(b)}}};")
        return sym

    def small_int(self, v: int) -> str:
        return f"UP_SMALL_INIT({v}L)" if abs(v) < 2**31 else f"UP_SMALL_INIT({v}LL)"

    def float_const(self, v: float) -> str:
        return c_float(v, self.target.float32)

    def literal(self, value: object) -> str:
        """A C expression (up_obj_t) for a constant value."""
        if value is None:
            return "UP_NONE"
        if value is True:
            return "UP_TRUE"
        if value is False:
            return "UP_FALSE"
        if value is ...:
            return "UP_ELLIPSIS"
        if isinstance(value, int):
            if fits_small_int(value, self.target.small_int_bits):
                return self.small_int(value)
            return self.bigint(value)
        if isinstance(value, str):
            return self.qstr(value)
        key = (type(value).__name__, value)
        sym = self.literal_syms.get(key)
        if sym is not None:
            return f"(up_obj_t)&{sym}"
        if isinstance(value, bytes):
            sym = f"L_{len(self.literal_syms)}"
            self.literal_defs.append(
                f"static const up_str_t {sym} = {{{{&up_type_bytes}}, {str_hash(value)}u, {len(value)}, "
                f"{len(value)}, {c_string(value)}}};")
        elif isinstance(value, float):
            sym = f"L_{len(self.literal_syms)}"
            self.literal_defs.append(
                f"static const up_float_obj_t {sym} = {{{{&up_type_float}}, {self.float_const(value)}}};")
        elif isinstance(value, tuple):
            if not value:
                return "UP_EMPTY_TUPLE"
            if any(isinstance(x, int) and not isinstance(x, bool) and
                   not fits_small_int(x, self.target.small_int_bits) for x in _flatten(value)):
                return self.bigint_tuple(value)
            items = [self.literal(x) for x in value]
            sym = f"L_{len(self.literal_syms)}"
            self.literal_defs.append(
                f"static const struct {{ up_base_t base; size_t len; up_obj_t items[{len(items)}]; }} "
                f"{sym} = {{{{&up_type_tuple}}, {len(items)}, {{{', '.join(items)}}}}};")
        else:
            raise AssertionError(f"unexpected literal {value!r}")
        self.literal_syms[key] = sym
        return f"(up_obj_t)&{sym}"

    def bigint(self, value: int) -> str:
        for sym, v in self.bigints:
            if v == value:
                return sym
        sym = f"B_{len(self.bigints)}"
        self.bigints.append((sym, value))
        return sym

    def bigint_tuple(self, value: tuple) -> str:
        # Tuples holding big ints are made at start-up like the big ints.
        sym = f"B_{len(self.bigints)}"
        self.bigints.append((sym, value))  # type: ignore[arg-type]
        return sym

    def traceback_site(self, func: str, line: int) -> str:
        key = (func, line)
        sym = self.sites.get(key)
        if sym is None:
            sym = f"S_{len(self.sites)}"
            self.sites[key] = sym
            self.site_defs.append(
                f"static const up_tb_site_t {sym} = {{up_program_file, {c_string(func.encode())}, {line}}};")
        return sym

    def startup_lines(self) -> list[str]:
        """Code making the big-int literals (and tuples holding them)."""
        out = []
        for sym, v in self.bigints:
            out.extend(self._make_value(sym, v))
        return out

    def _make_value(self, target: str, v: object) -> list[str]:
        if isinstance(v, tuple):
            parts = []
            lines: list[str] = []
            for i, x in enumerate(v):
                name = f"{target}_{i}"
                if isinstance(x, tuple) or (isinstance(x, int) and not isinstance(x, bool) and
                                            not fits_small_int(x, self.target.small_int_bits)):
                    lines.append(f"up_obj_t {name};")
                    lines.extend(self._make_value(name, x))
                    parts.append(name)
                else:
                    parts.append(self.literal(x))
            lines.append(f"{{ up_obj_t items[] = {{{', '.join(parts)}}}; "
                         f"{target} = up_tuple_from_items({len(parts)}, items); }}")
            lines.append(f"if ({target} == UP_NULL) return up_report_uncaught();")
            return ["{"] + ["    " + x for x in lines] + ["}"]
        text = str(v)
        return [f"{target} = up_int_from_str({c_string(text.encode())}, {len(text)}, 10);",
                f"if ({target} == UP_NULL) return up_report_uncaught();"]

    # ---- functions --------------------------------------------------------------

    def function_info(self, fn: FuncIR) -> list[str]:
        out = []
        pn = names.param_names_name(fn.c_name)
        params = fn.params
        if params:
            out.append(f"static const up_obj_t {pn}[] = {{{', '.join(self.qstr(p.name) for p in params)}}};")
        flags = []
        if any(p.kind is ParamKind.VARARGS for p in params):
            flags.append("UP_FN_VARARGS")
        if any(p.kind is ParamKind.VARKW for p in params):
            flags.append("UP_FN_VARKW")
        npos = sum(1 for p in params if p.kind is ParamKind.POS)
        nkw = sum(1 for p in params if p.kind is ParamKind.KWONLY)
        out.append(
            f"static const up_fun_info_t {fn.info_symbol} = {{{self.qstr(fn.qualname)}, "
            f"{pn if params else 'NULL'}, {len(params)}, {npos}, {nkw}, {' | '.join(flags) or '0'}, "
            f"(const void *){fn.c_name}}};")
        if fn.static_object and not getattr(fn, "static_object_unused", False):
            defaults = fn.const_defaults or []
            ndef_pos = sum(1 for p in params if p.kind is ParamKind.POS and p.has_default)
            pos_defaults = defaults[:ndef_pos]
            kw_params = [p for p in params if p.kind is ParamKind.KWONLY]
            kw_values = iter(defaults[ndef_pos:])
            dexpr = self.literal(tuple(pos_defaults)) if pos_defaults else "UP_NULL"
            if any(p.has_default for p in kw_params):
                items = [self.literal(next(kw_values)) if p.has_default else "UP_NULL" for p in kw_params]
                ksym = f"KD_{fn.c_name[2:]}"
                self.literal_defs.append(
                    f"static const struct {{ up_base_t base; size_t len; up_obj_t items[{len(items)}]; }} "
                    f"{ksym} = {{{{&up_type_tuple}}, {len(items)}, {{{', '.join(items)}}}}};")
                kexpr = f"(up_obj_t)&{ksym}"
            else:
                kexpr = "UP_NULL"
            out.append(f"static const up_fun_t {fn.static_object} = {{{{&up_type_function}}, "
                       f"&{fn.info_symbol}, UP_NULL, {dexpr}, {kexpr}}};")
        return out

    # ---- classes ------------------------------------------------------------------

    def class_defs(self, cls: ClassIR) -> list[str]:
        n = cls.c_name[2:]
        out = [f"static up_obj_t CD_{n};"]
        slots = cls.all_slots()
        if slots:
            out.append(f"static const up_obj_t SN_{n}[] = {{{', '.join(self.qstr(s) for s in slots)}}};")
        entries = []
        for name, fn in cls.methods.items():
            kind = cls.method_kinds[name]
            if kind == "method":
                entries.append((name, f"(up_obj_t)&{fn.static_object}"))
            elif kind in ("staticmethod", "classmethod"):
                sw = f"SW_{n}_{names.sanitize(name)}"
                typ = "up_type_staticmethod" if kind == "staticmethod" else "up_type_classmethod"
                out.append(f"static const up_wrapper_t {sw} = {{{{&{typ}}}, (up_obj_t)&{fn.static_object}}};")
                entries.append((name, f"(up_obj_t)&{sw}"))
            elif kind == "property":
                sw = f"SW_{n}_{names.sanitize(name)}"
                setter = cls.property_setters.get(name)
                fset = f"(up_obj_t)&{setter.static_object}" if setter is not None else "UP_NONE"
                out.append(f"static const up_property_t {sw} = {{{{&up_type_property}}, "
                           f"(up_obj_t)&{fn.static_object}, {fset}, UP_NONE}};")
                entries.append((name, f"(up_obj_t)&{sw}"))
        if entries:
            out.append(f"static const up_method_t MTE_{n}[] = {{")
            for name, value in entries:
                out.append(f"    {{{self.qstr(name)}, {value}}},")
            out.append("};")
            out.append(f"static const up_methods_t MT_{n} = {{{len(entries)}, MTE_{n}}};")
        parent = f"&{cls.base.c_name}" if cls.base is not None else f"&{cls.builtin_base}"
        flags = "UP_TF_USER | UP_TF_BASETYPE" + (" | UP_TF_EXCEPTION" if cls.is_exception else "")
        if cls.builtin_base == "up_type_KeyError":
            flags += " | UP_TF_KEY_REPR"
        attr = "up_exc_attr" if cls.is_exception else "up_instance_attr"
        out += [
            f"static const up_type_t {cls.c_name} = {{",
            "    .base = {&up_type_type},",
            f"    .name = {c_string(cls.name.encode())},",
            f"    .parent = {parent},",
            f"    .flags = {flags},",
            "    .make_new = up_instance_make_new,",
            "    .call = up_instance_call,",
            "    .print = up_instance_print,",
            "    .binary_op = up_instance_binary_op,",
            "    .unary_op = up_instance_unary_op,",
            "    .subscr = up_instance_subscr,",
            "    .getiter = up_instance_getiter,",
            "    .iternext = up_instance_iternext,",
            f"    .attr = {attr},",
            f"    .methods = {'&MT_' + n if entries else 'NULL'},",
            f"    .nslots = {len(slots)},",
            f"    .slot_names = {'SN_' + n if slots else 'NULL'},",
            f"    .class_dict = &CD_{n},",
            "};",
        ]
        return out

    def builtin_tables(self) -> list[str]:
        out = []
        for tname, methods in sorted(builtin_method_lists().items()):
            used = [m for m in methods if self.method_names is None or m in self.method_names]
            if used:
                out.append(f"static const up_method_t up_methods_{tname}_entries[] = {{")
                for m in used:
                    obj = SPECIAL_METHOD_OBJECTS.get((tname, m), f"up_builtin_{tname}_{m}")
                    out.append(f"    {{{self.qstr(m)}, (up_obj_t)&{obj}}},")
                out.append("};")
                out.append(f"const up_methods_t up_methods_{tname} = {{{len(used)}, "
                           f"up_methods_{tname}_entries}};")
            else:
                out.append(f"const up_methods_t up_methods_{tname} = {{0, NULL}};")
        return out

    # ---- the file -------------------------------------------------------------------

    def emit(self, c_name: str) -> str:
        m = self.module
        fn_bodies: list[list[str]] = []
        for fn in m.functions:
            fn_bodies.append(FunctionEmitter(fn, self).emit())
        prototypes = [f"static up_obj_t {fn.c_name}("
                      + ", ".join(["up_obj_t env"] + [f"up_obj_t {r.name}" for r in fn.arg_regs])
                      + ");" for fn in m.functions]
        classes: list[str] = []
        for cls in m.classes:
            classes.extend(self.class_defs(cls))
        # Function objects and infos only where something refers to them
        # (functions that are only called directly need neither).
        referenced = _referenced_symbols(m) | set(re.findall(r"&(F[IO]_\w+)", "\n".join(classes)))
        infos: list[str] = []
        for fn in m.functions:
            if fn.is_module_body:
                continue
            if fn.static_object and fn.static_object not in referenced:
                fn.static_object_unused = True  # type: ignore[attr-defined]
            if fn.info_symbol in referenced or (fn.static_object in referenced):
                infos.extend(self.function_info(fn))
        tables = self.builtin_tables()
        # The core builtin types, with the slots of the groups the program uses.
        startup = self.startup_lines()
        text = _template_env().get_template("module.c.j2").render(
            version=__version__,
            path=self.path,
            type_decls=[f"static const up_type_t {c.c_name};" for c in m.classes],
            prototypes=prototypes,
            qstr_defs=self.qstr_defs,
            literal_defs=self.literal_defs,
            bigints=[s for s, _ in self.bigints],
            nglobals=len(m.globals),
            globals_array=names.GLOBALS_ARRAY,
            globals_comment=", ".join(f"{i}: {g}" for g, i in
                                      sorted((gv.name, gv.index) for gv in m.globals.values())),
            site_defs=self.site_defs,
            infos=infos,
            classes=classes,
            tables=tables,
            functions=fn_bodies,
            startup=startup,
            main_c=m.main.c_name if m.main else "",
            can_fail=_can_fail(m) or bool(self.bigints),
        )
        out_lines = text.split("\n")
        for i, line in enumerate(out_lines):
            if line == LINE_RESET:
                out_lines[i] = f"#line {i + 2} {c_string(c_name.encode())}"
        return "\n".join(out_lines)


def _can_fail(m: ModuleIR) -> bool:
    """Can any function of the program raise (or let an exception through)?"""
    from uptc.ir.ops import Return

    for fn in m.functions:
        for b in fn.blocks:
            for op in b.ops:
                if op.can_fail() or (isinstance(op, Return) and op.error):
                    return True
    return False


def _referenced_symbols(m: ModuleIR) -> set[str]:
    from uptc.ir.ops import LoadStatic

    out: set[str] = set()
    for fn in m.functions:
        for b in fn.blocks:
            for op in b.ops:
                if isinstance(op, LoadStatic) and op.symbol.startswith("&"):
                    out.add(op.symbol[1:])
    for cls in m.classes:
        for f in list(cls.methods.values()) + list(cls.property_setters.values()):
            if f.static_object:
                out.add(f.static_object)
    return out


def _flatten(t: tuple):  # noqa: ANN202
    for x in t:
        if isinstance(x, tuple):
            yield from _flatten(x)
        else:
            yield x


def emit_program(module: ModuleIR, source_lines: list[str], target: Target,
                 method_names: frozenset[str] | None, c_name: str = "app.c") -> str:
    return ModuleEmitter(module, source_lines, target, method_names).emit(c_name)
