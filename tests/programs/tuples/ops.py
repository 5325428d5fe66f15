# Tuple indexing, slicing, + *, comparisons, count/index, single-element repr, hashing.
t = (5, "a", 2.5, None, (1, 2), [3])
print(t, len(t), t[0], t[-1], t[-2][1], t[1:3], t[::-1], t[::2], t[10:])
print((), (1,), (1, 2), ((),), ((1,),), tuple(), tuple([1]), tuple("xy"), tuple(range(3)))
print(repr((1,)), str(("a",)), repr(("a", "b")), repr((None,)))
print((1, 2) + (3,), (0,) * 3, 2 * ("ab",), () * 5, (1, 2) * 0)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), (1, 2) == (1, 2), (1,) != (1, 0))
print((1, "b") < (1, "c"), ((1, 2), 3) < ((1, 3), 0), () < (0,), (3, 2, 1) >= (3, 2, 1))
c = (1, 2, 1, 3, 1)
print(c.count(1), c.index(3), c.index(1, 1), 2 in c, 4 not in c)
try:
    c.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    print(t[6])
except IndexError as e:
    print("IndexError:", e)
try:
    t[0] = 1
except TypeError as e:
    print("TypeError:", e)
t[5].append(4)
print(t)
u = (1, 2)
v = u
u += (3,)
print(u, v, u is v)
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) != hash((2, 1)), hash(()) == hash(()))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
print(max((3, 1, 2)), min((3, 1, 2)), sum((1, 2, 3)), sorted((3, 1, 2)), list((1, 2)))
print(tuple(x * x for x in range(5)), tuple([[]]), tuple((1, 2)) == (1, 2))
nested = ((1, 2), (3, (4, 5)), ())
print(nested[1][1][0], len(nested[2]), nested[0] + nested[1][1])
pts = [(2, 3), (1, 5), (2, 1), (1, -1)]
print(sorted(pts), max(pts), min(pts, key=lambda p: p[1]))
