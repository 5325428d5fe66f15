# Module attributes found at run time: a float, a big int.
import math
import sys

print(round(math.pi, 4), round(math.e, 4))  # the same in single precision
m = math
print(m.tau > 6)
print(sys.maxsize > 2 ** 30)
