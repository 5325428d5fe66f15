# Imports that may fail, inside try/except ImportError: the except branch
# runs where the import runs (the MicroPython idiom for optional modules).
try:
    from sys import no_such_name
    print("imported")
except ImportError as e:
    print("ImportError", isinstance(e, Exception))

try:
    import no_such_module
except ImportError:
    no_such_module = None
print(no_such_module)

try:
    from math import sqrt, no_such_function
except (ValueError, ImportError):
    print("math without no_such_function")


def optional():
    try:
        import no_such_module_either as m
    except Exception:
        return "fallback"
    return m


print(optional())


class Config:
    try:
        from time import no_such_clock as clock
    except BaseException:
        clock = "none"


print(Config.clock)

order = []
try:
    order.append("before")
    from sys import still_missing
    order.append("after")
except ImportError:
    order.append("handler")
finally:
    order.append("finally")
print(order)

try:
    import sys
    from math import pi
    print(sys.platform in ("linux", "pyboard", "darwin", "win32"), pi > 3)
except ImportError:
    print("unexpected")
