# Slice assignment (same and different length, extended slices) and del.
a = list(range(10))
a[2:5] = ["a", "b", "c"]
print(a)
a[2:5] = []
print(a)
a[1:1] = [100, 200, 300]
print(a)
a[:2] = "xy"
print(a)
a[-2:] = [None]
print(a)
a[:] = [1, 2, 3]
print(a)
a[len(a):] = [4, 5]
print(a)
a[1:3] = range(10, 15)
print(a)
b = list(range(10))
b[::2] = ["e"] * 5
print(b)
b[1::3] = [0, 0, 0]
print(b)
b[::-1] = list(range(10))
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c = list(range(12))
del c[0]
print(c)
del c[-1]
print(c)
del c[2:5]
print(c)
del c[::2]
print(c)
del c[:]
print(c, len(c))
d = [1, 2, 3]
d[0:0] = d
print(d)
d[1:2] = [[9, 9]]
print(d)
e = [0] * 5
e[1:4] = [7]
e[10:20] = [8, 8]
print(e)
try:
    del e[10]
except IndexError as err:
    print("IndexError:", err)
f = list("abcdef")
f[-3:-1] = ["X"]
print("".join(f))
g = list(range(6))
g[4:1:-1] = ["p", "q", "r"]
print(g)
