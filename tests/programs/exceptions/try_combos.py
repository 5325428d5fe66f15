# try/except/else/finally in all combinations, with and without an exception.
def run(fail):
    log = []
    try:
        log.append("try")
        if fail == "value":
            raise ValueError("v")
        if fail == "type":
            raise TypeError("t")
        log.append("try-end")
    except ValueError as e:
        log.append("except ValueError " + str(e))
    except (TypeError, KeyError):
        log.append("except TypeError/KeyError")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


for mode in (None, "value", "type"):
    print(mode, run(mode))


def try_finally_only(x):
    out = []
    try:
        try:
            out.append("inner try")
            if x:
                raise RuntimeError("boom")
        finally:
            out.append("inner finally")
        out.append("after inner")
    except RuntimeError as e:
        out.append("outer except " + str(e))
    return out


print(try_finally_only(False), try_finally_only(True))


def try_else(x):
    try:
        v = 10 // x
    except ZeroDivisionError:
        return "div by zero"
    else:
        return "ok %d" % v


print(try_else(2), try_else(0))
for value in ("12", "x", None):
    try:
        n = int(value)
    except ValueError:
        print(repr(value), "-> ValueError")
    except TypeError:
        print(repr(value), "-> TypeError")
    else:
        print(repr(value), "-> parsed", n)
    finally:
        print("finally for", repr(value))
try:
    pass
except Exception:
    print("never")
else:
    print("else of empty try")
try:
    raise IndexError("idx")
except IndexError:
    print("bare except-clause without name")
try:
    [][0]
except:  # noqa: E722
    print("bare except caught")
x = 0
try:
    x = 1
finally:
    x += 10
print(x)
e = "untouched"
try:
    raise ValueError("bound")
except ValueError as e:
    print(e)
print("after except:", x)
