# e.args, str(e), repr(e) for various argument counts; assert with and without message.
cases = [ValueError(), ValueError("one"), ValueError("a", "b"), ValueError(42), ValueError(None),
         KeyError("key"), KeyError(), KeyError(1, 2), IndexError("i"), TypeError(["list"]),
         Exception("x", 1, [2]), RuntimeError(""), ZeroDivisionError("z")]
for e in cases:
    print(type(e).__name__, e.args, "str=%s" % str(e), "repr=%s" % repr(e))
try:
    assert 1 + 1 == 2
    print("assert passed")
    assert 1 + 1 == 3
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert False, "with message"
except AssertionError as e:
    print("AssertionError", e, e.args)
try:
    x = [1, 2]
    assert len(x) > 5, "list too short: %d" % len(x)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert [], ("tuple", "msg")
except AssertionError as e:
    print(e.args)


def check_positive(n):
    assert n > 0, n
    return n


for v in (3, 0, -2):
    try:
        print(check_positive(v))
    except AssertionError as e:
        print("not positive:", e, type(e.args[0]).__name__)
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args, str(e) == "")
try:
    raise Exception("multi\nline")
except Exception as e:
    print(repr(e), str(e).split("\n"))
e = ValueError("reused")
for i in range(2):
    try:
        raise e
    except ValueError as caught:
        print(i, caught is e, caught)
