# any all callable hash (ints and tuples of ints) id (identity only) divmod pow round.
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any("abc"), all(["a", ""]))
print(any(x > 3 for x in range(5)), all(x < 5 for x in range(5)), any(x > 10 for x in range(5)))
print(all([[], [1]]), any([[], [1]]), all(range(1, 4)), any(range(0)))
calls = []


def check(v):
    calls.append(v)
    return v > 2


print(any(check(v) for v in [1, 2, 3, 4, 5]), calls)
calls.clear()
print(all(check(v) for v in [5, 4, 1, 6]), calls)


class WithCall:
    def __call__(self):
        return "called"


class NoCall:
    pass


print(callable(len), callable(print), callable(lambda: 0), callable(WithCall()), callable(NoCall()))
print(callable(WithCall), callable(1), callable("s"), callable(str.upper), callable([].append))
print(hash(0), hash(1), hash(42), hash(-7), hash(True), hash(False), hash(10 ** 6))
print(hash(1) == hash(1.0), hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
print(hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))), type(hash((5,))).__name__)
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(2 ** 70, 3 ** 20), divmod(7.5, 2))
print(pow(2, 8), pow(2, 8, 10), pow(2, -2), pow(-2, 3), pow(3, 4, 5), pow(2.0, 3))
print(round(2.5), round(3.5), round(-2.5), round(1.2345, 2), round(17, -1), round(2 ** 70, -20))
x = None
print(x is None, x == None, type(x).__name__, repr(x), str(x), bool(x))  # noqa: E711


def returns_none():
    pass


print(returns_none(), returns_none() is None, [None] * 3, {None: None})
