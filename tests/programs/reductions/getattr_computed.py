# uncaught exit: a method found by a name made at run time (the method
# tables must keep what such a lookup can reach).
import sys

x = [3, 1, 2]
n = "so" + "rt"
getattr(x, n)()
ok = x == [1, 2, 3] and hasattr(True, "bit_" + "length") and getattr("ab", "up" + "per")() == "AB"
sys.exit(0 if ok else 3)
