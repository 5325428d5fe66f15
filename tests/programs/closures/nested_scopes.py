# Nested functions reading enclosing scopes at several levels; closures over parameters.
def level1(a):
    b = a * 2

    def level2(c):
        d = c + b

        def level3(e):
            return a + b + c + d + e
        return level3
    return level2


print(level1(1)(10)(100), level1(2)(0)(0))


def make_ops(n):
    def add(x):
        return x + n

    def mul(x):
        return x * n

    def both(x):
        return add(mul(x))
    return [add, mul, both]


for f in make_ops(3):
    print(f(5), end=" ")
print()


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper, cache


def slow_square(n):
    print("computing", n)
    return n * n


fast, table = memoize(slow_square)
print(fast(4), fast(4), fast(5), sorted(table.items()))


def pipeline(*stages):
    def run(x):
        for s in stages:
            x = s(x)
        return x
    return run


p = pipeline(lambda x: x + 1, lambda x: x * 10, str, len)
print(p(9), p(99))


def counter_pair():
    n = [0]

    def inc():
        n[0] += 1
        return n[0]

    def dec():
        n[0] -= 1
        return n[0]
    return inc, dec


inc, dec = counter_pair()
print(inc(), inc(), dec(), inc())


def shadowing():
    x = "enclosing"

    def inner():
        x = "local"
        return x
    return inner(), x


print(shadowing())
