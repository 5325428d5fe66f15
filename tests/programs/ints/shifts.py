# Left and right shifts of small values, growing into big ints.
for n in (1, 3, -1, -3, 255, -255):
    print(n, [n << k for k in (0, 1, 2, 7, 15)])
    print(n, [n >> k for k in (0, 1, 2, 7, 15)])
for k in (28, 29, 30, 31, 32, 33, 60, 61, 62, 63, 64, 65, 100):
    print(k, 1 << k, -1 << k, 3 << k, (1 << k) >> k, ((1 << k) - 1) >> (k - 1))
print(-1 >> 1, -1 >> 100, -2 >> 1, -3 >> 1, -5 >> 2, -1024 >> 3)
print(7 >> 100, 0 << 1000, 0 >> 5)
x = 1
for i in range(70):
    x <<= 1
print(x, x == 2 ** 70)
for i in range(70):
    x >>= 1
print(x)
y = -(1 << 65) + 1
print(y, y >> 1, y >> 64, y >> 65, y >> 66, y >> 200)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError", e)
try:
    print(1 >> -1)
except ValueError as e:
    print("ValueError", e)
print([(i, 1 << i) for i in range(0, 70, 9)])
print(sum(1 << i for i in range(40)), (1 << 40) - 1)
