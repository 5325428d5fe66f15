# Bitwise operators on small ints, including negatives.
vals = [0, 1, 5, 12, 255, -1, -2, -13, 1023, -256]
for a in vals:
    print(a, ~a, a & 0xF, a | 0x10, a ^ 0xFF)
for a in (6, -6):
    for b in (3, -3, 10, -10):
        print(a, b, a & b, a | b, a ^ b)
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print(bin(0b1100 & 0b1010), bin(0b1100 | 0b1010), bin(0b1100 ^ 0b1010))
x = 0
for i in range(0, 16, 3):
    x |= 1 << i
print(x, bin(x))
x &= ~(1 << 3)
print(x, bin(x))
x ^= 0xFFFF
print(x, hex(x))


def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c


for n in (0, 1, 7, 8, 255, 256, 1023, 12345, 2 ** 20 - 1):
    print(n, popcount(n), bin(n).count("1"))


def lowbit(n):
    return n & -n


print([lowbit(n) for n in range(1, 17)])
print(-1 & 0xFFFFFFFF, -1 & 0xFF, -128 & 0xFF, 0x7F | -0x80)
print(True & False, True | False, True ^ True, type(True & True).__name__)
print(5 & True, 5 | False, ~True, ~False)
