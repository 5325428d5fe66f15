# Module attributes found at run time: a float, a big int.
import math
import sys

print(math.pi, math.e)
m = math
print(m.tau > 6)
print(sys.maxsize > 2 ** 30)
