# Results that move between small and big representations in both directions.
pairs = [(2 ** 30, 1), (2 ** 31, 1), (2 ** 62, 1), (2 ** 63, 1), (2 ** 64, 1)]
for b, one in pairs:
    for v in (b - one, b, b + one, -b - one, -b, -b + one):
        print(v, v * 2 - v == v, v // 2 * 2 + v % 2 == v, hex(v), v >> 1, v << 1)
x = 2 ** 100
while x > 1:
    x //= 1000
    print(x, end=" ")
print()
y = 1
steps = 0
while y < 2 ** 70:
    y = y * 7 + 3
    steps += 1
    print(steps, y)
z = -(2 ** 64)
z += 2 ** 64 - 1
print(z, z == -1)
h = 2 ** 63
print(h - 1 + 1 == h, (h - 1) * 2 + 2 == 2 * h, h // (h // 2), (h + 1) % h)
items = [2 ** 63, 2 ** 31, 2 ** 62, 2 ** 30, -(2 ** 63), -(2 ** 31), 0, 2 ** 64]
print(sorted(items))
print(sum(items), max(items), min(items))
print([v == int(str(v)) for v in items])
print(int(2 ** 62 + 0.0), int(float(2 ** 63)), int(-float(2 ** 64)))
print(2 ** 63 / 2 ** 62, float(2 ** 64) == 2 ** 64, float(-(2 ** 62)) == -(2 ** 62))
