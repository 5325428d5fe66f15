# Power: int ** int (growing), negative exponents give floats, 3-argument pow.
for b in (2, 3, -3, 10, 7):
    print(b, [b ** e for e in range(0, 25, 4)])
print(2 ** 100, 3 ** 50, (-7) ** 21, 10 ** 25)
print(2 ** -1, 4 ** -2, (-2) ** -1, 0.00099 < 10 ** -3 < 0.00101)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 1000007), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(2, 0, 5), pow(0, 0), pow(7, 1, 1), pow(12345678, 87654321, 999999937))
print(pow(5, -1, 7), pow(3, -2, 11))
print(pow(2 ** 100, 2 ** 20, 2 ** 61 - 1))
print(pow(10, 50, 97), pow(10, 50) % 97)
print(0 ** 5, 1 ** -5, (-1) ** 1001, (-1) ** 1000)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(pow(2, 5, 0))
except ValueError as e:
    print("ValueError:", e)
acc = 1
for i in range(1, 30):
    acc = acc * 3 + i
print(acc, acc % 1000003)
print([2 ** i % 17 for i in range(20)])
