# __iter__/__next__ iterators, iterables returning fresh iterators, StopIteration.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


for n in Countdown(5):
    print(n, end=" ")
print()
c = Countdown(3)
print(next(c), next(c), next(c), next(c, "done"))
try:
    next(c)
except StopIteration:
    print("StopIteration raised")
print(list(Countdown(4)), sum(Countdown(10)), max(Countdown(7)), sorted(Countdown(3)))


class Span:
    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi

    def __iter__(self):
        return SpanIter(self.lo, self.hi)


class SpanIter:
    def __init__(self, lo, hi):
        self.i = lo
        self.hi = hi

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.hi:
            raise StopIteration
        self.i += 1
        return self.i - 1


sp = Span(2, 6)
print(list(sp), list(sp), [x * y for x in sp for y in sp if x < y][:5])
it = iter(sp)
print(next(it), next(it), list(it), list(it))
print(dict(zip(Span(0, 3), "abc")), list(enumerate(Span(5, 8))), 4 in sp, 9 in sp)


class Fib:
    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        a, b = 0, 1
        out = []
        while a < self.limit:
            out.append(a)
            a, b = b, a + b
        return iter(out)


print(list(Fib(100)), len(list(Fib(10 ** 6))))
x, y, z = Countdown(3)
print(x, y, z)
print(*Countdown(4), sep="-")
