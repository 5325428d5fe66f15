"""Built-in modules implemented in C (runtime_c/modules.h)."""

from __future__ import annotations

from dataclasses import dataclass, field

from uptc.ir.ops import ErrorKind
from uptc.ir.rtypes import RType, bool_rt, cint_rt, float_rt, int_rt, object_rt, pyb_led_rt, str_rt
from uptc.primitives.registry import CFunc, cfunc


@dataclass
class FastClass:
    """A class of a built-in module the compiler knows: constructing it from
    one constant int and calling its argument-less methods are direct calls."""

    rtype: RType
    ctor: CFunc  # (cint) -> object, may raise (ValueError)
    ctor_valid: range  # constant arguments for which the constructor cannot fail
    ctor_const: CFunc  # (cint) -> object for those: no check, cannot fail
    methods: dict[str, CFunc]


FAST_CLASSES = {
    ("pyb", "LED"): FastClass(
        pyb_led_rt,
        cfunc("up_pyb_led_get", [cint_rt], pyb_led_rt),
        range(1, 5),  # the pyboard's four LEDs (the host simulates the same board)
        cfunc("up_pyb_led_const", [cint_rt], pyb_led_rt, ErrorKind.NEVER),
        {m: cfunc(f"up_pyb_led_{m}", [pyb_led_rt], object_rt, ErrorKind.NEVER)
         for m in ("on", "off", "toggle")},
    ),
}
# Functions taking one int whose constant argument makes them direct calls
# that cannot fail.
FAST_CONST_INT_FUNCS = {
    ("pyb", "delay"): cfunc("up_pyb_delay_cint", [cint_rt], object_rt, ErrorKind.NEVER),
}


@dataclass
class ModuleDesc:
    name: str
    symbol: str  # the module object
    functions: dict[str, RType] = field(default_factory=dict)  # name -> Python result type
    # Other attributes: name -> C expression of the value (constants, objects)
    values: dict[str, str] = field(default_factory=dict)
    value_types: dict[str, RType] = field(default_factory=dict)
    # Classes: name -> C symbol of the type object
    classes: dict[str, str] = field(default_factory=dict)
    # Other attributes the module object has at run time (found there by
    # name: math.pi, sys.maxsize...), so that they import too.
    runtime_attrs: frozenset[str] = frozenset()

    def has(self, name: str) -> bool:
        return (name in self.functions or name in self.values or name in self.classes
                or name in self.runtime_attrs)

    def function_c(self, name: str) -> str:
        return f"up_{self.name}_m_{name}"

    def function_symbol(self, name: str) -> str:
        return f"up_builtin_{self.name}_{name}"


MODULES: dict[str, ModuleDesc] = {
    "sys": ModuleDesc(
        "sys", "up_module_sys",
        functions={"exit": object_rt, "print_exception": object_rt},
        values={"argv": "up_sys_argv()", "stdout": "(up_obj_t)&up_sys_stdout_obj",
                "stderr": "(up_obj_t)&up_sys_stderr_obj",
                "platform": "(up_obj_t)&up_sys_platform_str"},
        value_types={"argv": object_rt, "platform": str_rt},
        runtime_attrs=frozenset({"maxsize", "byteorder", "implementation", "version",
                                 "version_info"}),
    ),
    "time": ModuleDesc(
        "time", "up_module_time",
        functions={"sleep": object_rt, "sleep_ms": object_rt, "sleep_us": object_rt,
                   "ticks_ms": int_rt, "ticks_us": int_rt, "ticks_diff": int_rt,
                   "ticks_add": int_rt, "time": int_rt, "monotonic": float_rt},
    ),
    "gc": ModuleDesc(
        "gc", "up_module_gc",
        functions={"collect": object_rt, "mem_free": int_rt, "mem_alloc": int_rt,
                   "enable": object_rt, "disable": object_rt, "isenabled": bool_rt},
    ),
    "math": ModuleDesc(
        "math", "up_module_math",
        functions={n: float_rt for n in (
            "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "exp", "log", "log2",
            "log10", "pow", "fabs", "fmod", "copysign", "degrees", "radians", "hypot", "ldexp")}
        | {"floor": int_rt, "ceil": int_rt, "trunc": int_rt, "isnan": bool_rt,
           "isinf": bool_rt, "isfinite": bool_rt, "gcd": int_rt, "factorial": int_rt,
           "modf": object_rt, "frexp": object_rt, "isclose": bool_rt},
        runtime_attrs=frozenset({"e", "inf", "nan", "pi", "tau", "acosh", "asinh", "atanh", "cosh",
                                 "erf", "erfc", "expm1", "log1p", "sinh", "tanh"}),
    ),
    "pyb": ModuleDesc(
        "pyb", "up_module_pyb",
        functions={"delay": object_rt, "udelay": object_rt, "millis": int_rt, "micros": int_rt,
                   "elapsed_millis": int_rt, "elapsed_micros": int_rt, "wfi": object_rt,
                   "freq": object_rt},
        classes={"LED": "up_type_pyb_LED", "Switch": "up_type_pyb_Switch"},
    ),
    "micropython": ModuleDesc(
        "micropython", "up_module_micropython",
        functions={"const": object_rt, "mem_info": object_rt},
    ),
}
# `import utime` etc. as MicroPython spells them
ALIASES = {"utime": "time", "usys": "sys"}

__all__ = ["MODULES", "ALIASES", "ModuleDesc", "str_rt"]
