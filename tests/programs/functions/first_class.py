# Functions as values: stored in lists and dicts, passed and returned, multiple return values.
def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


ops = {"+": add, "-": sub, "*": mul}
for sym, fn in ops.items():
    print(sym, fn(7, 3), fn.__name__)
table = [add, sub, mul, max, min, pow]
print([f(2, 5) for f in table])


def apply_twice(f, x):
    return f(f(x))


def inc(x):
    return x + 1


print(apply_twice(inc, 5), apply_twice(str.upper, "ab"), apply_twice(lambda s: s + s, "x"))


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


inc_then_double = compose(lambda x: x * 2, inc)
print(inc_then_double(3), compose(len, str)(12345), compose(sorted, set)("banana"))


def min_max_mean(nums):
    return min(nums), max(nums), sum(nums) // len(nums)


lo, hi, mean = min_max_mean([4, 8, 15, 16, 23, 42])
print(lo, hi, mean, min_max_mean([5]))
res = min_max_mean([1, 2, 3])
print(res, type(res).__name__)


def divide(a, b):
    if b == 0:
        return None, "division by zero"
    return a // b, None


for a, b in ((7, 2), (1, 0)):
    q, err = divide(a, b)
    print(q, err)
f = add
print(f is add, f == add, f(1, 2), callable(f), callable(5))
funcs = []
for name in ("add", "mul"):
    funcs.append(ops["+" if name == "add" else "*"])
print([fn(3, 4) for fn in funcs])


def nothing():
    pass


def early(x):
    if x:
        return
    return "late"


print(nothing(), early(1), early(0))
print(sorted([3, -1, 2], key=abs), list(map(str, [1, 2])), list(map(add, [1, 2], [10, 20])))
