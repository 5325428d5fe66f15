# range objects: len, index, count, slicing, in, reversed, negative steps, repr, equality.
r = range(10)
print(r, range(2, 8), range(0, 20, 3), range(10, 0, -2), range(5, 5), range(-3, 3))
print(len(r), len(range(2, 8)), len(range(0, 20, 3)), len(range(10, 0, -2)), len(range(5, 1)))
print(list(range(0, 20, 3)), list(range(10, 0, -2)), list(range(-5, 5, 4)), list(range(3, -4, -3)))
print(r[0], r[-1], r[3], range(0, 20, 3)[2], range(10, 0, -2)[-1])
print(r[2:5], r[::2], r[::-1], r[-3:], range(0, 20, 3)[1:4], range(10, 0, -2)[::-1])
print(list(r[2:5]), list(r[::-3]), list(range(0, 20, 3)[::2]))
print(5 in r, 10 in r, -1 in r, 9 in range(0, 20, 3), 10 in range(10, 0, -2), 2.0 in r)
print(r.index(7), range(0, 20, 3).index(9), r.count(3), r.count(11))
try:
    range(0, 20, 3).index(10)
except ValueError as e:
    print("ValueError:", e)
try:
    print(r[10])
except IndexError as e:
    print("IndexError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))), list(reversed(range(0))))
print(range(0, 3) == range(3), range(0) == range(5, 5), range(1, 4) == range(1, 5), r == r)
print(sum(range(101)), max(range(-5, 5)), min(range(3, 9, 2)), sorted(range(5, 0, -1)))
print(range(2 ** 40, 2 ** 40 + 5)[2], len(range(0, 2 ** 40, 2 ** 20)), 2 ** 39 in range(0, 2 ** 40, 2))
for i in range(3, -4, -2):
    print(i, end=" ")
print()
print(bool(range(0)), bool(range(1)), tuple(range(3)), repr(range(1, 2, 1)), str(range(0, -5, -1)))
