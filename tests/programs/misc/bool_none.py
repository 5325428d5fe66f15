# bool arithmetic (bool is an int), comparisons with bools, None identity and uses.
print(True + True, True * 10, False - True, True / 2, True // 2, True % 2, -True, ~False)
print(True == 1, False == 0, True is True, True != False, True > False, True < 2)
print(sum([True, True, False, True]), max(True, 0), min(False, -1), abs(True))
print(int(True), float(False), str(True), repr(False), bool("False"), bool(0 == 0))
print(True & False, True | False, True ^ True, True << 3, type(True + 1).__name__)
print(type(True & True).__name__, type(True == True).__name__, isinstance(False, int))
print([1, 2, 3][True], "abc"[False], {True: "yes", False: "no"}[3 > 2], {1: "one"}[True])
print(3 > 2 > 1, (3 > 2) + (2 > 1) + (1 > 0), True + 0.5, divmod(True, True))
print(hash(True) == hash(1), True in [1], 1 in [True], [True] == [1], (0,) == (False,))
print(f"{True} {False:d} {True:>6} {True!r}", "%s %d %r" % (True, True, False))
votes = [True, False, True, True, False]
print("yes votes:", sum(votes), "no votes:", len(votes) - sum(votes))
x = None
print(x is None, x is not None, x == None, None == False, None is None)  # noqa: E711
print(repr(None), str(None), bool(None), type(None).__name__, [None, None], {None: 1})


def maybe(n):
    if n > 0:
        return n * 2


results = [maybe(n) for n in (-1, 0, 3)]
print(results, results.count(None), [r for r in results if r is not None])
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
nothing = None
try:
    nothing()
except TypeError as e:
    print("TypeError:", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
print(sorted([True, False, 2, 0, -1]), max([False, True]), [not b for b in (True, False)])
