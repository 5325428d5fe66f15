# yield from: delegation to sub-generators and iterables, return values, recursion.
def inner():
    yield 1
    yield 2
    return "inner result"


def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    yield from "ab"
    yield from range(3)


print(list(outer()))


def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x


print(list(flatten([1, [2, [3, [4]], 5], [[6]], []])))


def tree_walk(node, depth=0):
    name, children = node
    yield "  " * depth + name
    for c in children:
        yield from tree_walk(c, depth + 1)


tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b1x", [])])])])
for line in tree_walk(tree):
    print(line)


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], (3,), "xy", range(2))), list(chain()))


def counter(n):
    total = 0
    for i in range(n):
        total += i
        yield i
    return total


def summarize():
    t1 = yield from counter(4)
    t2 = yield from counter(3)
    yield ("totals", t1, t2)


print(list(summarize()))
