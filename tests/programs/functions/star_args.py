# *args and **kwargs: collecting, forwarding, calling with *list and **dict.
def total(*nums):
    print("args", nums, type(nums).__name__)
    return sum(nums)


print(total(), total(1), total(1, 2, 3), total(*[4, 5]), total(*range(4), 10))


def show(**kw):
    return sorted(kw.items())


print(show(), show(a=1), show(b=2, a=1), show(**{"x": 1}, y=2))


def forward(*args, **kwargs):
    return target(*args, **kwargs)


def target(a, b, c=0, d=0):
    return [a, b, c, d]


print(forward(1, 2), forward(1, 2, 3), forward(1, b=5, d=7), forward(*(9, 8), **{"c": 7}))


def head_tail(first, *rest):
    return first, rest


print(head_tail(1), head_tail(1, 2, 3), head_tail(*"abc"))


def kw_and_star(*args, sep="-", **opts):
    return sep.join(str(a) for a in args) + " " + str(opts)


print(kw_and_star(1, 2, 3), kw_and_star(1, 2, sep="+", end="!"), kw_and_star())
lst = [3, 1, 2]
print(max(*lst), min(*lst, 0), print(*lst, sep=":"))
d = {"sep": "|", "end": "<\n"}
print("a", "b", **d)
print(*[1, 2], *(3,), *"45")
print(*[], "only")
args = (1,)
kwargs = {"b": 2}
print(target(*args, **kwargs, c=3))
try:
    target(*[1, 2, 3, 4, 5])
except TypeError as e:
    print("TypeError:", e)
try:
    target(1, **{"a": 2, "b": 3})
except TypeError as e:
    print("TypeError:", e)


def collect(a, *args, b=1, **kw):
    return (a, args, b, kw)


print(collect(0), collect(0, 1, 2, b=3, c=4), collect(*[5, 6], **{"b": 7, "z": 8}))
