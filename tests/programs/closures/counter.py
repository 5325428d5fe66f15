# Closures with nonlocal: counters, accumulators, independent instances.
def make_counter(start=0, step=1):
    count = start

    def counter():
        nonlocal count
        count += step
        return count
    return counter


c1 = make_counter()
c2 = make_counter(100, 10)
print(c1(), c1(), c1(), c2(), c2(), c1())


def make_account(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance

    def withdraw(x):
        nonlocal balance
        if x > balance:
            return "insufficient"
        balance -= x
        return balance

    def get():
        return balance
    return deposit, withdraw, get


dep, wd, get = make_account(50)
print(dep(25), wd(100), wd(30), get())


def outer():
    x = "outer"

    def middle():
        nonlocal x
        x = "middle"

        def inner():
            nonlocal x
            x = "inner"
        inner()
        return x
    r = middle()
    return r, x


print(outer())


def averager():
    total = 0
    n = 0

    def add(v):
        nonlocal total, n
        total += v
        n += 1
        return total / n
    return add


avg = averager()
print(avg(10), avg(20), avg(60))


def make_multipliers():
    out = []
    for k in range(1, 4):
        def mul(x, k=k):
            return x * k
        out.append(mul)
    return out


print([m(10) for m in make_multipliers()])


def read_only():
    data = [1, 2]

    def add(x):
        data.append(x)
        return len(data)
    return add, data


add, data = read_only()
print(add(3), add(4), data)
