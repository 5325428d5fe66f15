# int float str bool repr list tuple dict set and type(): conversions between types.
print(int(7.9), int("-12"), int(True), int("0b11", 0), float(3), float("2.5"), float(False))
print(str(1), str(1.0), str("s"), str(None), str(True), str([1, "2"]), str((None,)), str({1: 2}))
print(repr(1), repr(1.5), repr("s"), repr(None), repr(False), repr([1, "2"]), repr(("t",)))
print(bool(0), bool(1), bool(-1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0))
print(bool(()), bool({}), bool({0: 0}), bool(set()), bool(range(0)), bool(range(2)), bool(2 ** 70))
print(list("ab"), list((1, 2)), list(range(3)), list({"x": 1}), list({"y": 2}.values()), list())
print(tuple([1, 2]), tuple("ab"), tuple(), tuple({"k": 0}), tuple(range(2, 5)))
print(dict([("a", 1)]), dict(a=1), dict(), dict(zip("xy", (1, 2))))
print(sorted(set("banana")), sorted(set([3, 1, 3])), set())
for v in (1, 1.0, "1", None, True, [1], (1,), {1: 1}, {1}, range(1), 2 ** 80):
    print(type(v).__name__, end=" ")
print()
print(type(1) is int, type(True) is bool, type(1.0) is float, type("") is str, type([]) is list)
print(type(()) is tuple, type({}) is dict, type(None).__name__, type(type(1)).__name__)
print(type(1)("5") + 1, type("x")(12) + "!", type([])("ab"))
print(int, str, float, list, type(None), type(ValueError()), ValueError)


class Thing:
    pass


print(type(Thing()).__name__, type(Thing()) is Thing, Thing.__name__)
print(str(2 ** 64), int(str(2 ** 64)) + 1, float(2 ** 10), int(float(2 ** 20)))
print(list(map(int, "1 2 3".split())), list(map(float, ["1.5", "-2"])), list(map(str, range(3))))
print(bool(Thing()), str(True) + str(False), int("  42\n"), int(-0.5), int(0.9999))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, int), isinstance("a", (int, str)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(Thing, object))
