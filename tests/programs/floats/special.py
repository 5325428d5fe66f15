# inf, -inf, nan (made with float()) and -0.0: arithmetic, comparisons, repr.
import math

inf = float("inf")
ninf = float("-inf")
nan = float("nan")
print(inf, ninf, nan, -inf, -nan)
print(repr(inf), str(ninf), [inf, nan], (ninf,))
print(inf + 1, inf * 2, inf - inf, inf * 0, inf / inf, -inf * -1)
print(inf > 1e30, ninf < -1e30, inf == inf, inf == -ninf, nan == nan, nan != nan)
print(nan < 1, nan > 1, nan == 0, 1 < inf, 10 ** 100 < inf, -(10 ** 100) > ninf)
print(math.isnan(nan), math.isinf(inf), math.isinf(ninf), math.isnan(inf), math.isfinite(1.5))
print(math.isfinite(inf), math.isfinite(nan), math.isnan(inf - inf))
print(1 / inf, -1 / inf, 5 % inf, -5 % inf, 5 // inf)
z = -0.0
print(z, repr(z), 0.0 == z, str(-0.0), -0.0 + 0.0, 0.0 * -1, -(0.0))
print(math.copysign(1.0, z), math.copysign(1.0, 0.0), math.copysign(2.5, -1))
print(abs(z), abs(ninf), max(1, inf), min(ninf, -5))
print(sorted([3.0, inf, -1.5, ninf, 0.0]))
try:
    math.floor(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(nan)
except ValueError as e:
    print("ValueError:", e)
print(inf + ninf != inf + ninf, float("inf") is not None, bool(nan), bool(inf))
print(int(1e10), round(2.5), str(float("-Infinity")))
print("%f %e %g" % (inf, ninf, nan), "{:f} {:.2f}".format(inf, -inf), f"{nan:5}|{inf:<6}|")
print(math.sqrt(0.25), math.sqrt(16.0), math.sqrt(2.25))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
