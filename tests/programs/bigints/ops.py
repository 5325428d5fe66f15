# Arithmetic on big ints of both signs: + - * // % divmod and comparisons.
a = 2 ** 200 + 12345
b = 3 ** 77 - 1
c = -(7 ** 60)
print(a)
print(b)
print(c)
print(a + b, a - b, b - a)
print(a * b)
print(a * c)
print(a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(c // 1000, c % 1000, c // -1000, c % -1000)
print(divmod(a, b), divmod(c, 12345), divmod(-a, -b))
print(a // 7, a % 7, divmod(a, 7))
print(a * 0, a - a, a + c, c - a)
print(a > b, a < b, c < 0, -c > a, a == 2 ** 200 + 12345, a != a + 1)
print(abs(c), -c, +c, abs(a) == a)
q, r = divmod(a * b + 17, b)
print(q == a, r)
x = a
for i in range(5):
    x = x * x % (10 ** 30 + 57)
    print(i, x)
total = 0
for i in range(1, 60):
    total += (-1) ** i * 2 ** (i * 3)
print(total)
print(10 ** 40 // 3, 10 ** 40 % 3, 10 ** 40 // 10 ** 39, (10 ** 40 + 1) // 10 ** 20)
print((2 ** 64 - 1) * (2 ** 64 - 1), (2 ** 64 + 1) ** 3)
print(123456789 ** 5, (-123456789) ** 5)
print(int(str(b)) == b, int(repr(c)) == c, str(-a)[:12])
