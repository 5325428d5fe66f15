# A builtin type's method taken from the type is a plain function of
# (self, ...), and self must be of that type: calling it with anything else
# raises TypeError (it must never run the method's C code on the wrong
# object). With the right self it works like the bound method.
def attempt(name, f):
    try:
        print(name, "->", f())
    except TypeError as e:
        print(name, "TypeError:", e)


attempt("list.append(5, 1)", lambda: list.append(5, 1))
attempt("list.append({}, 1)", lambda: list.append({}, 1))
attempt("list.extend((), [1])", lambda: list.extend((), [1]))
attempt("list.sort(5)", lambda: list.sort(5))
attempt("list.pop('ab')", lambda: list.pop("ab"))
attempt("str.upper(3)", lambda: str.upper(3))
attempt("str.join(5, [])", lambda: str.join(5, []))
attempt("str.split(None)", lambda: str.split(None))
attempt("dict.keys([])", lambda: dict.keys([]))
attempt("dict.items(5)", lambda: dict.items(5))
attempt("dict.get([], 1)", lambda: dict.get([], 1))
attempt("set.add([], 1)", lambda: set.add([], 1))
attempt("tuple.count([], 1)", lambda: tuple.count([], 1))
attempt("bytes.hex('x')", lambda: bytes.hex("x"))
attempt("int.bit_length('x')", lambda: int.bit_length("x"))
attempt("int.to_bytes(1.5, 1, 'big')", lambda: int.to_bytes(1.5, 1, "big"))
attempt("float.is_integer(1)", lambda: float.is_integer(1))
attempt("bool.bit_length('x')", lambda: bool.bit_length("x"))
attempt("list.append()", lambda: list.append())

# The right self (or a subclass of the type) works.
ll = [1]
attempt("list.append(ll, 2)", lambda: (list.append(ll, 2), ll))
attempt("str.upper('ab')", lambda: str.upper("ab"))
attempt("str.join(',', 'ab')", lambda: str.join(",", "ab"))
attempt("dict.get({1: 2}, 1)", lambda: dict.get({1: 2}, 1))
attempt("int.bit_length(True)", lambda: int.bit_length(True))
attempt("bool.bit_length(5)", lambda: bool.bit_length(5))
attempt("tuple.index((1, 2), 2)", lambda: tuple.index((1, 2), 2))
attempt("dict.fromkeys('ab')", lambda: dict.fromkeys("ab"))

# Taken as a value and called later.
up = str.upper
app = list.append
attempt("up('x')", lambda: up("x"))
attempt("up(1)", lambda: up(1))
attempt("app(ll, 3)", lambda: (app(ll, 3), ll))
attempt("app(None, 3)", lambda: app(None, 3))
attempt("map(str.upper, ...)", lambda: list(map(str.upper, ["a", "b"])))
attempt("map(str.upper, [1])", lambda: list(map(str.upper, [1])))
print(up, app)


class MyError(Exception):
    def __init__(self, msg):
        Exception.__init__(self, msg)


attempt("Exception.__init__ on a subclass", lambda: str(MyError("m")))
attempt("Exception.__init__(5)", lambda: Exception.__init__(5))


class Plain(Exception):
    pass


pe = Plain("p")
attempt("Plain.__init__(Exception())", lambda: Plain.__init__(Exception(), "q"))
attempt("Plain.__init__(pe, 'q')", lambda: (Plain.__init__(pe, "q"), str(pe)))
attempt("ValueError.__init__(KeyError())", lambda: ValueError.__init__(KeyError(), 1))
