# int <-> float <-> str conversions and their errors.
import math

for x in (3.0, 3.7, -3.7, 0.999, -0.999, 1e10, 2.5e6, -1e9):
    print(x == int(x), int(x), math.floor(x), math.ceil(x))
for n in (0, 1, -1, 2 ** 24, 2 ** 53, 2 ** 63, -(2 ** 70), 3 * 2 ** 40):
    f = float(n)
    print(n, f == n, int(f) == n, f > 0)
print(float("3.5"), float(" -2.25 "), float("1e3"), float("+0.5"), float(5), float(-0))
print(str(2.0), str(-0.5), str(100.0), repr(1e10), str(1e16), str(1.5e-7 * 0 + 0.25))
print(int("12") + float("0.5"), str(12) + str(0.5))
print(bool(0.0), bool(-0.0), bool(0.1), bool(float("nan")))
print(int(True + 0.5), float(False), 1.0 == int(1.0), 1.5 == int(1.5))
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    float("1.2.3")
except ValueError as e:
    print("ValueError:", e)
try:
    float("")
except ValueError as e:
    print("ValueError:", e)
try:
    print(2 ** 1024 + 0.5)
except OverflowError as e:
    print("OverflowError:", e)
big = 2 ** 100
print(big / 2 ** 98, big // 2 ** 98, 2 ** 100 > 1e20, 2 ** 70 == 2.0 ** 70)
print(7 / 7, type(7 / 7).__name__, 6 // 4.0, int(6 / 4 * 100))
