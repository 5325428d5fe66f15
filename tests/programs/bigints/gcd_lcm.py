# Number theory on big ints: gcd, lcm, modular inverse, integer square root, primality.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


def lcm(a, b):
    return a // gcd(a, b) * b


def egcd(a, b):
    if b == 0:
        return (a, 1, 0)
    g, x, y = egcd(b, a % b)
    return (g, y, x - (a // b) * y)


def isqrt(n):
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def is_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d = n - 1
    s = 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


print(gcd(2 ** 100, 6 ** 50), gcd(3 ** 40 * 7, 3 ** 30 * 11), gcd(-48, 18), gcd(0, 5))
print(lcm(2 ** 40, 3 ** 20), lcm(12, 18), lcm(10 ** 20, 15 ** 10))
g, x, y = egcd(240, 46)
print(g, x, y, 240 * x + 46 * y)
m = 2 ** 127 - 1
g, x, y = egcd(10 ** 30, m)
print(g, (10 ** 30 * x) % m)
for n in (0, 1, 15, 16, 17, 10 ** 20, 2 ** 101, 10 ** 40 + 12345):
    r = isqrt(n)
    print(n, r, r * r <= n < (r + 1) * (r + 1))
for n in (2, 97, 561, 2 ** 31 - 1, 2 ** 61 - 1, 2 ** 64 + 1, 2 ** 89 - 1, 10 ** 18 + 9):
    print(n, is_prime(n))
print([n for n in range(2 ** 31 - 100, 2 ** 31) if is_prime(n)])
