# Fibonacci numbers into big ints, and identities checked on them.
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


for n in (0, 1, 2, 10, 45, 46, 47, 90, 91, 92, 93, 94, 100, 150, 200, 300):
    print(n, fib(n))
f300 = fib(300)
print(len(str(f300)), f300 % 10 ** 9, f300 // 10 ** 50)
for n in (10, 50, 100, 200):
    # Cassini: F(n-1) * F(n+1) - F(n)^2 == (-1)^n
    print(n, fib(n - 1) * fib(n + 1) - fib(n) ** 2)
print(fib(200) == fib(101) ** 2 + fib(99) * fib(101) + fib(100) * fib(100) - fib(99) * fib(101))


def fib_doubling(n):
    if n == 0:
        return (0, 1)
    a, b = fib_doubling(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n % 2 == 0:
        return (c, d)
    return (d, c + d)


for n in (0, 1, 7, 64, 255, 300, 500):
    print(n, fib_doubling(n)[0] == fib(n))
print(fib_doubling(500)[0])
ratio_num = fib(101)
ratio_den = fib(100)
print(ratio_num * 10 ** 20 // ratio_den)
