# Float arithmetic with values exact in binary (so single and double agree).
a = 7.5
b = 2.25
print(a + b, a - b, a * b, a / b == 10 / 3, b / 0.5, a / 2)
print(-a, +a, abs(-a), a ** 2, b ** 0.5, 2.0 ** 10, 2.0 ** -3)
print(a + 1, 1 + a, a * 2, 3 - a, 15 / a, 2 ** 0.5 > 1.414)
print(1.5 + True, 2.5 * False, 0.5 + 0.25 + 0.125)
print(type(1 + 2.0).__name__, type(3 / 1).__name__, type(4.0 // 2).__name__)
print(7 / 2, -7 / 2, 8 / 4, 1 / 4, 3 / 8, -1 / 16)
print(1e6 + 1, 1e10 * 10, 2.5e-3 * 4, 1e3 / 8)
print(0.5 == 1 / 2, 0.75 < 0.8, 1.0 == 1, 2.0 != 2, -0.0 == 0.0, 1.5 >= 1.5)
print(max(1.5, 2, -3.25), min(0.5, 0, -0.25), sum([0.5, 0.25, 0.125, 1]))
print(abs(-2.5), abs(0.0), abs(-0.0))
acc = 0.0
for i in range(1, 11):
    acc += i * 0.5
    print(i, acc, acc * 2, acc / 2)
print(1.0 * 10 ** 6, 2.0 * 2 ** 20, 0.5 * 2 ** 21)
print(3.0 * 4.0 - 2.0 / 4.0 + 1.0)
print((0.5 + 0.25) * (4.0 - 2.5) / 0.375)
x = 10.0
x -= 2.5
x *= 3
x /= 4
x **= 2
print(x)
print(float(12), float(-3), float(True), 12 == 12.0, hash(12.0) == hash(12))
print(sorted([3.5, -1.25, 2, 0, -7.75, 1e3, 1]))
print(2.5 * 4 == 10, int(2.5 * 4), 1e2 == 100)
