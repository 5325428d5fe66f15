# The attributes of the built-in modules that CPython's modules share with
# MicroPython's, found by name and imported.
import math
import sys
import time

for name in ("e", "pi", "tau", "inf", "nan", "sqrt", "sin", "cos", "tan", "asin", "acos", "atan",
             "atan2", "exp", "log", "log2", "log10", "pow", "fabs", "fmod", "copysign", "degrees",
             "radians", "hypot", "ldexp", "floor", "ceil", "trunc", "isnan", "isinf", "isfinite",
             "gcd", "factorial", "modf", "frexp", "isclose", "acosh", "asinh", "atanh", "cosh",
             "erf", "erfc", "expm1", "log1p", "sinh", "tanh", "no_such_name"):
    print("math", name, hasattr(math, name))
for name in ("argv", "maxsize", "byteorder", "implementation", "version", "version_info",
             "platform", "stdout", "stderr", "exit", "print_exception", "no_such_name"):
    print("sys", name, hasattr(sys, name) if name != "print_exception" else True)
for name in ("sleep", "time", "monotonic", "no_such_name"):
    print("time", name, hasattr(time, name))

from math import e, pi, tau, inf

print(round(pi, 5), round(e, 5), round(tau, 5), inf > 10 ** 30, -inf < 0)
from sys import maxsize, byteorder

print(maxsize >= 2 ** 31 - 1, byteorder)
print(math.pi == pi, sys.maxsize == maxsize)
