# Infinite generators consumed with break, and lazy pipelines of generators.
def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1


def take(n, gen):
    out = []
    for v in gen:
        if len(out) == n:
            break
        out.append(v)
    return out


def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


print(take(10, naturals()), take(15, primes()))
for p in primes():
    if p > 100:
        print("first prime above 100:", p)
        break


def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1


print(list(collatz(27))[:12], len(list(collatz(27))), max(collatz(27)))
evens = (n for n in naturals() if n % 2 == 0)
squares = (n * n for n in evens)
print(take(6, squares))


def cycle(items):
    while True:
        for it in items:
            yield it


c = cycle("RGB")
print("".join(next(c) for _ in range(10)))
count = 0
for n in naturals():
    count += n
    if count > 1000:
        break
print(n, count)


def running_mean():
    total = 0
    n = 0
    for v in naturals():
        total += v
        n += 1
        yield total // n


rm = running_mean()
print([next(rm) for _ in range(10)])
