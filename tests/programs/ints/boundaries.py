# Values around the small-int limits: 31-bit on the board, 63-bit on the host.
bounds = [2 ** 29, 2 ** 30, 2 ** 31, 2 ** 32, 2 ** 61, 2 ** 62, 2 ** 63, 2 ** 64]
for b in bounds:
    print(b, b - 1, b + 1, -b, -b - 1, -b + 1)
for b in bounds:
    print(b * 2, (b - 1) * 2, b * b, (b - 1) * (b - 1))
    print(b // 3, b % 3, -b // 3, -b % 3)
    print(b + b, b - b, (b - 1) + 1 == b, -(b - 1) - 1 == -b)

# Crossing the boundary step by step.
x = 2 ** 30 - 3
for i in range(6):
    print("up", x, x > 2 ** 30, x < 2 ** 30, x == 2 ** 30)
    x += 1
x = -(2 ** 30) + 3
for i in range(6):
    print("down", x, x < -(2 ** 30), x == -(2 ** 30))
    x -= 1
x = 2 ** 62 - 2
for i in range(4):
    print("up62", x, type(x).__name__)
    x += 1
x = -(2 ** 62) + 2
for i in range(4):
    print("down62", x)
    x -= 1
# Multiplication that overflows a machine word.
m = 3037000499
print(m * m, (m + 1) * (m + 1), -m * (m + 1))
n = 46341
print(n * n, (n - 1) * (n - 1), n * -n)
print(65536 * 65536, 65536 * 32768, 32768 * 32768)
print(2 ** 31 * 2 ** 31, 2 ** 32 * 2 ** 32)
# Shrinking back into the small range.
big = 2 ** 64
small = big - (2 ** 64 - 5)
print(small, small + 1, small == 5, type(small).__name__)
print((2 ** 63) // (2 ** 60), (2 ** 63) % 1000, (2 ** 63 + 7) % (2 ** 63))
print(abs(-(2 ** 30)), abs(-(2 ** 62)), abs(-(2 ** 63)), abs(-(2 ** 64)))
print(-(2 ** 63) // -1, -(2 ** 62) * -2, -(2 ** 30) * -2)
print(int(str(2 ** 63)), int(str(-(2 ** 63))), str(2 ** 62 - 1), repr(-(2 ** 31)))
