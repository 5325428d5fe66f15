# Nested try, bare raise, raise X from Y (__cause__), implicit __context__, re-raising saved exceptions.
def inner():
    raise ValueError("inner problem")


def middle():
    try:
        inner()
    except ValueError:
        print("middle saw it, re-raising")
        raise


def outer():
    try:
        middle()
    except ValueError as e:
        print("outer caught:", e)
        return e


err = outer()
print(type(err).__name__, err.args)


def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("conversion failed for " + repr(s)) from e


try:
    convert("x")
except RuntimeError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__)
    print(isinstance(e.__cause__, ValueError), e.__cause__.args)
try:
    raise KeyError("k") from None
except KeyError as e:
    print("from None:", e.__cause__)
try:
    try:
        1 // 0
    except ZeroDivisionError as z:
        raise TypeError("while handling") from z
except TypeError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__)
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("while handling")
except ValueError as e:
    print(e, "| context:", type(e.__context__).__name__, e.__context__, "| cause:", e.__cause__)
try:
    try:
        raise IndexError("a")
    except IndexError as e:
        raise ValueError("b") from e
except ValueError as e:
    c = e.__cause__
    print(type(c).__name__, c, c.__cause__)
try:
    try:
        raise ValueError("first")
    except ValueError as e:
        saved = e
    raise saved
except ValueError as e:
    print("re-raised saved:", e, e is saved)
depth = 0


def nested(n):
    global depth
    try:
        if n == 0:
            raise LookupError("bottom")
        nested(n - 1)
    except LookupError:
        depth += 1
        if n < 3:
            raise
        print("stopped at level", n, "after", depth, "handlers")


nested(5)
e1 = ValueError("kept")
print(str(e1), e1.args, repr(e1))
excs = [ValueError("a"), TypeError("b"), KeyError("c")]
for ex in excs:
    try:
        raise ex
    except (ValueError, TypeError) as e:
        print("tuple caught", type(e).__name__)
    except Exception as e:
        print("general caught", type(e).__name__, e)
