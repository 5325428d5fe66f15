# round(): ints and floats, half-to-even, ndigits positive, zero and negative.
for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.4, 0.6, -0.6, 2.0, 7.25, -7.75):
    r = round(x)
    print(x, r, type(r).__name__, round(x, 0), round(x, 1))
print(round(0.125, 2), round(0.375, 2), round(2.675, 2), round(1.25, 1), round(1.35, 1))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print(round(12345, -2), round(12350, -2), round(12450, -2), round(-12350, -2), round(7, 0))
print(round(5, -1), round(15, -1), round(25, -1), round(-15, -1), round(2 ** 70 + 5, -1))
print(round(0.0), round(-0.0), round(1e10 + 0.5), round(3.999, 2), round(-3.999, 1))
print(type(round(3)).__name__, type(round(3, 1)).__name__, type(round(3.0)).__name__)
for x in (0.1, 0.26, 0.75, 1.5, 9.99, 100.125):
    print(x, "%.1f" % x, "{:.0f}".format(x), f"{x:.2f}", round(x, 1) == float("%.1f" % x))
vals = [i / 4 for i in range(-10, 11)]
print([round(v) for v in vals])
print([int(v) for v in vals])
money = [0.125, 0.375, 0.625, 0.875, 1.125, 2.5, 3.5, 4.5]
print([round(m, 2) for m in money], [round(m, 1) for m in money])
print([round(m) for m in money], sum(round(m) for m in money))
print(round(-0.25, 1), round(-0.75, 1), round(-1.5), round(-2.5), round(-3.5))
for n in (1, 2, 3):
    print(n, round(7.0625, n), round(-7.0625, n), round(1 / 8, n))
print(round(123.456), round(999.5), round(1000.5), round(-999.5))
