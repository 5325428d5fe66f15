# Default values, keyword arguments, keyword-only parameters, argument errors.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(punct=".", name="Di"))
print(greet("Ed", greeting="Yo", punct=""), greet(*["Fay", "Hey"]), greet(**{"name": "Gus"}))


def box(w, h=None, *, fill="#", border=True):
    h = w if h is None else h
    rows = []
    for r in range(h):
        edge = border and (r == 0 or r == h - 1)
        rows.append(("+" * w) if edge else fill * w)
    return rows


print(box(3), box(4, 2, fill="."), box(2, border=False, fill="o"))


def kwonly(a, *, b, c=3):
    return (a, b, c)


print(kwonly(1, b=2), kwonly(a=0, c=9, b=8))
DEFAULT = 10


def uses_global_default(x=DEFAULT):
    return x


DEFAULT = 20
print(uses_global_default(), DEFAULT)


def power(base, exp=2, mod=None):
    r = base ** exp
    return r if mod is None else r % mod


print(power(3), power(2, 10), power(2, 100, 1000), power(exp=3, base=5), power(7, mod=5))


def describe(a, b=2, *rest, key="k", **extra):
    return "a=%r b=%r rest=%r key=%r extra=%r" % (a, b, rest, key, extra)


print(describe(1))
print(describe(1, 3, 5, 7, key="z", x=1, y=2))
print(describe(*range(4), **{"key": "kw", "other": None}))
