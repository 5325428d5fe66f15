# Recursion about 200 deep works: sums, list building, mutual recursion, deep nesting.
def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)


print(depth_sum(200), depth_sum(150), depth_sum(1))


def build(n):
    if n == 0:
        return []
    lst = build(n - 1)
    lst.append(n)
    return lst


r = build(200)
print(len(r), r[:5], r[-3:], sum(r))


def ping(n):
    return "done" if n == 0 else pong(n - 1)


def pong(n):
    return "done" if n == 0 else ping(n - 1)


print(ping(199), pong(200))


def nest(n):
    return [] if n == 0 else [nest(n - 1)]


def measure(x):
    return 0 if not x else 1 + measure(x[0])


t = nest(180)
print(measure(t))


def count_down(n, acc):
    if n == 0:
        return acc
    acc.append(n % 10)
    return count_down(n - 1, acc)


print(sum(count_down(200, [])))


def power(base, exp):
    if exp == 0:
        return 1
    return base * power(base, exp - 1)


print(power(2, 200) == 2 ** 200, power(3, 150) % 1000)
