# Bitwise operators and shifts on big ints, both signs (two's complement semantics).
a = (1 << 100) | 0xDEADBEEF
b = (1 << 90) - 1
n = -(1 << 80) - 12345
print(a, b, n)
print(a & b, a | b, a ^ b)
print(hex(a & b), hex(a | b), hex(a ^ b))
print(n & b, n | b, n ^ b)
print(n & 0xFFFF, n | 0xFFFF, n ^ 0xFFFF)
print(~a, ~n, ~b, ~(~a) == a)
print(-1 & a == a, 0 | n == n, a ^ a, n ^ n)
print(a >> 50, a >> 100, a >> 101, n >> 10, n >> 79, n >> 80, n >> 81, n >> 500)
print(a << 7, n << 13, b << 1 == b * 2)
print(bin(a)[:20], len(bin(a)), bin(n)[:20], oct(b), hex(n))
m = (1 << 64) - 1
print(n & m, n % (1 << 64) == n & m, (n & m) | ~m == n)
print((1 << 64) & -(1 << 64), (1 << 70) | -(1 << 70), -(1 << 70) ^ (1 << 70))
x = 0
for i in range(0, 128, 5):
    x |= 1 << i
print(x, bin(x).count("1"))
mask = (1 << 128) - 1
print((~x) & mask, ((~x) & mask) + x == mask)
for s in (31, 32, 62, 63, 64, 65):
    print(s, (-1) << s, ((-1) << s) >> s, (1 << s) - 1 & -1, -(1 << s) & ((1 << s) | 1))
