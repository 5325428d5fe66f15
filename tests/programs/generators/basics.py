# yield: generator functions, state kept between next() calls, generators in for loops.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


print(list(count_up(5)), sum(count_up(101)), list(count_up(0)))
g = count_up(3)
print(next(g), next(g), next(g), next(g, "exhausted"))
for v in count_up(4):
    print("got", v)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(15)])


def chars_then_done(s):
    for ch in s:
        yield ch.upper()
    yield "<end>"


print(list(chars_then_done("abc")))


def with_return(n):
    for i in range(n):
        if i == 3:
            return
        yield i * 10


print(list(with_return(10)), list(with_return(2)))


def trace():
    print("  started")
    yield 1
    print("  resumed once")
    yield 2
    print("  resumed twice, finishing")


t = trace()
print("created")
print(next(t))
print(next(t))
print(next(t, "finished"))


def pairs(items):
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            yield items[i], items[j]


print(list(pairs("abcd")))
g1 = count_up(3)
g2 = count_up(3)
print(next(g1), next(g1), next(g2), list(g1), list(g2))


def squares_of(gen):
    for v in gen:
        yield v * v


print(list(squares_of(count_up(6))), list(squares_of(squares_of(count_up(4)))))
print(type(count_up(1)).__name__, iter(g1) is g1)
