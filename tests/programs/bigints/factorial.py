# Factorials: iterative and recursive, their digits, and exact division back down.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fact_rec(n):
    if n <= 1:
        return 1
    return n * fact_rec(n - 1)


for n in (0, 1, 5, 10, 12, 13, 20, 21, 25, 30, 40, 60):
    f = fact(n)
    print(n, f, len(str(f)), f == fact_rec(n))
f60 = fact(60)
print(str(f60)[:10], str(f60)[-20:])
x = f60
for i in range(60, 1, -1):
    x //= i
print("back to", x)
print(f60 % 1000000007, f60 // fact(58), fact(100) // fact(98))
zeros = 0
s = str(fact(100))
while s.endswith("0"):
    s = s[:-1]
    zeros += 1
print("trailing zeros of 100!:", zeros)
print(sum(int(c) for c in str(fact(100))))
print(repr(fact(30)), -fact(25), abs(-fact(25)))
print(fact(20) < 2 ** 63, fact(21) < 2 ** 63, fact(12) < 2 ** 31, fact(13) < 2 ** 31)
binom = fact(50) // (fact(25) * fact(25))
print("C(50,25) =", binom)
row = [1]
for i in range(60):
    row = [1] + [row[j] + row[j + 1] for j in range(len(row) - 1)] + [1]
print(row[30], max(row), sum(row) == 2 ** 60)
