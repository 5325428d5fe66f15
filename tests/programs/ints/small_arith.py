# Small-int arithmetic: + - * // % ** and unary ops, with both signs.
a = 17
b = 5
print(a + b, a - b, a * b, a // b, a % b, a ** 2)
print(-a + b, -a - b, -a * b, -a // b, -a % b, (-a) ** 3)
print(a // -b, a % -b, -a // -b, -a % -b)
print(+a, -a, ~a, ~-a, --a)
print(0 // 7, 0 % 7, 7 // 7, 7 % 7, 6 // 7, 6 % 7)
for x in (-7, -6, -1, 0, 1, 6, 7):
    print(x, x // 3, x % 3, x // -3, x % -3)
print(2 ** 0, 2 ** 1, 2 ** 10, (-2) ** 5, (-2) ** 6, 0 ** 0, 1 ** 100)
print(10 - 3 * 2 + 8 // 4 - 5 % 3)
print((1 + 2) * (3 + 4) ** 2 // 5)
x = 0
for i in range(1, 11):
    x += i * i
    x -= i
print("sum", x)
y = 100
y //= 7
print(y)
y %= 5
print(y)
y *= 9
print(y)
y **= 3
print(y)
y -= 1000
print(y)
print(abs(-5), abs(5), abs(0))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(7 == 7, 7 != 7, 3 < 4, 4 <= 4, 5 > 6, 6 >= 7)
print(int("42"), int("-17"), int(" 9 "), int("+3"))
print(str(123), repr(-456), str(0), str(-0))
print(type(7).__name__, type(7 // 2).__name__, type(7 / 2).__name__)
print(1_000_000, 0x_ff, 0o17, 0b1010)
