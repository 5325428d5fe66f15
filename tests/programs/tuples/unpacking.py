# Tuple packing and unpacking: swaps, nested targets, starred targets, in for loops.
t = 1, 2, 3
print(t, type(t).__name__, len(t))
a, b, c = t
print(a, b, c)
a, b = b, a
print(a, b)
x, (y, z) = 1, (2, 3)
print(x, y, z)
(p, q), (r, s) = [1, 2], "ab"
print(p, q, r, s)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
a, *b, c = 1, 2
print(a, b, c)
(a, *b), c = (1, 2, 3), 4
print(a, b, c)
*everything, = (7, 8)
print(everything)
for i, (name, score) in enumerate([("ann", 3), ("bob", 5)]):
    print(i, name, score)
for k, *vals in [(1, 2, 3), (4,), (5, 6)]:
    print(k, vals)
m = [[1, 2], [3, 4]]
[[m00, m01], [m10, m11]] = m
print(m00, m01, m10, m11)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = (1,)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
d = {"x": 1, "y": 2}
for key, value in d.items():
    print(key, value)
k1, k2 = d
print(k1, k2)
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)
i = 0
i, lst[i] = 1, "set"
print(i, lst)
merged = (*t, *"ab", *[9])
print(merged, [*range(3), *t], (*t,))
