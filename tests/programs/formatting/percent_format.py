# printf-style % formatting: all conversions and flags, tuples and dicts.
print("%d %i %s %r" % (42, -7, "str", "str"))
print("%5d|%-5d|%05d|%+d|% d|%+05d" % (42, 42, 42, 42, 42, -42))
print("%x %X %o %#x %#X %#o %08x" % (255, 255, 8, 255, 255, 8, 48879))
print("%x %o %d" % (-255, -8, -(2 ** 70)))
print("%f|%.2f|%10.3f|%-10.1f|%+.1f|%010.2f" % (3.5, 3.14159, 2.5, 2.5, 2.5, -2.5))
print("%e|%.2e|%E|%g|%G|%.3g" % (12345.6789, 0.000123, 1e-10, 1e-10, 1e20, 1234.5))
print("%c%c%c" % (65, 66, "C"), "%5s|%-5s|%.2s|%5.1s|" % ("ab", "ab", "abcdef", "xyz"))
print("%s %s %s %s" % (None, True, [1, 2], (3,)), "%r" % ([1, "a"],), "%s" % ((1, 2),))
print("100%% sure", "%d%%" % 50, "%%d", "%s%%s" % "x")
print("%(name)s is %(age)d years" % {"name": "Ann", "age": 31}, "%(x)r" % {"x": "q"})
print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 2, 3.14159))
print("%s" % "single", "%d" % 7, "%.1f" % 2.25, "%s" % 2.5, "%r" % 0.5)
print("%d" % 3.99, "%d" % -3.99, "%d" % True, "%x" % True, "%s" % 10 ** 20)
print("%5.1f%%" % 99.5, "[%6.2f]" % -0.125, "%+.0f" % 2.5, "%.0f" % 3.5)
for v in (0, 1, -1, 127, 128, 2 ** 32):
    print("%6d %6x %6o %#6x" % (v, v, v, v))
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%(a)s" % {"b": 1})
except KeyError as e:
    print("KeyError:", e)
rows = [("widget", 4, 3.5), ("gadget", 12, 10.25), ("doohickey", 1, 100.0)]
for name, n, price in rows:
    print("%-10s %3d x %7.2f = %8.2f" % (name, n, price, n * price))
