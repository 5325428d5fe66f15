# Shortest round-trip repr of floats. On the pyboard floats are single precision,
# so this program has a .exp file (see docs/differences.md).
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 0.3)
print(1 / 3, 2 / 3, 1 / 7, 10 / 3)
print(1e16, 1e15, 1e17, 123456789.0, 1234567890123.0)
print(1.5e-7, 1e-5, 0.0001, 0.001, 1e-4 / 10)
print(0.1, 0.2, 0.7, 1.1, 2.2, 3.3)
print(0.1 * 3, 1.1 * 1.1, 100 * 1.1, 0.1 + 0.7)
print(3.14159, 2.71828, 1.41421356, 6.02e23, 6.626e-34 * 1e10)
print(repr(0.5), str(0.25), repr(-1.75), str(1e22), repr(1e21), repr(1e-7))
x = 0.0
for i in range(10):
    x += 0.1
    print(i, x)
print(x == 1.0, abs(x - 1.0) < 1e-6)
print([0.1, 0.25, 1 / 3], (1.5, 2 / 9))
print(9.5 / 3, 2.0 / 7, 1 / 100, 7.0 / 1e3)
y = 1.0
for i in range(8):
    y /= 3
    print(y, y * 3 ** (i + 1))
print(float(1 / 3) == 1 / 3, str(1 / 3) == repr(1 / 3))
print(f"{1 / 3}", "{}".format(2 / 3), "%s" % (0.1 + 0.2), "%r" % (1 / 7))
