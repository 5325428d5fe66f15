# Float floor division and modulo with every sign combination; divmod; math.fmod.
import math

pairs = [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (7.0, 0.5), (0.75, 0.25),
         (-0.75, 0.5), (5.0, 2.5), (-5.0, 2.5), (5.0, -2.5), (1.0, 3.0), (-1.0, 3.0)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), math.fmod(a, b))
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5, 7 % -2.5)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(0.0 // 1.0, -0.0 // 1.0, 0.0 % 5.0, 2.5 % 2.5)
print(1e6 // 3, 1e6 % 3, -1e6 % 3, 1e6 // -7, -1e6 % 7)
for x in (2.5, -2.5, 3.75, -3.75, 0.5, -0.5):
    print(x, math.floor(x), math.ceil(x), math.trunc(x), int(x), x // 1, x % 1)
for a, b in [(1.0, 0.0), (1, 0.0), (0.0, 0.0)]:
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    print(divmod(3.0, 0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(type(7.5 // 2).__name__, type(divmod(7.5, 2)[0]).__name__)
