# Comparisons of ints with ints, bools and floats; chained; sorting with big values.
vals = [3, -3, 0, 2 ** 40, -(2 ** 40), 2 ** 70, -(2 ** 70), True, False, 2.5, -0.5]
for a in vals[:6]:
    print(a, [a < b for b in vals], [a == b for b in vals])
print(sorted(vals))
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(True == 1, False == 0, True + True, True < 2, 0.0 == False)
print(10 ** 30 > 1e29, 10 ** 30 < 1e31, -(10 ** 30) < -1e29)
print(3 < 4 < 5, 3 < 4 > 5, 1 < 2 < 3 < 4 < 5, 5 > 4 >= 4 > 3)
print(max(vals), min(vals), max(3, 2 ** 64, -5), min(-2 ** 100, 0))
print((1, 2 ** 64) < (1, 2 ** 65), [2 ** 64] == [2 ** 64], 2 ** 64 in [1, 2, 2 ** 64])
x = 2 ** 62
y = 2 ** 62
print(x == y, x is not None, x != y + 1, x <= y, x >= y)
print(-1 < 0 < 1, not 0, not 5, 0 or 7, 3 and 0, 3 and 9)
a = 100
b = 100 * 1
print(a == b, a != b)
print(sorted([7, 2 ** 31, -2 ** 31, 2 ** 63, -1, 2 ** 30, 0], reverse=True))
for a, b in [(5, 5.0), (-3, -3.5), (2 ** 20, 2.0 ** 20), (7, True), (0, -0.0)]:
    print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
print(sorted([2 ** 31, 2 ** 20 + 0.5, -2 ** 62, 2 ** 62 - 1, 0.25]))
print([x for x in range(-3, 4) if -2 < x <= 2], 1 < 2.5 < 3 < 2 ** 80)
