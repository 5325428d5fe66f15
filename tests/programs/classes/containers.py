# __getitem__ (and iteration through it), __setitem__, __delitem__, __contains__, __len__.
class Squares:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if i < 0 or i >= self.n:
            raise IndexError("Squares index out of range")
        return i * i


s = Squares(6)
print(len(s), s[0], s[5], s[-1], list(s), [x for x in s if x % 2], 16 in s, 17 in s)
try:
    s[6]
except IndexError as e:
    print("IndexError:", e)
for v in s:
    print(v, end=" ")
print()
print(sum(s), max(s), sorted(s, reverse=True), tuple(s))


class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = {}

    def __getitem__(self, pos):
        return self.cells.get(pos, ".")

    def __setitem__(self, pos, v):
        self.cells[pos] = v

    def __delitem__(self, pos):
        del self.cells[pos]

    def __contains__(self, pos):
        return pos in self.cells

    def __len__(self):
        return len(self.cells)

    def __str__(self):
        return "\n".join("".join(self[(x, y)] for x in range(self.w)) for y in range(self.h))


g = Grid(4, 3)
g[(0, 0)] = "#"
g[1, 1] = "@"
g[3, 2] = "$"
print(g)
print(len(g), (1, 1) in g, (2, 2) in g, (2, 2) not in g, g[(3, 2)])
del g[1, 1]
print(g)
print(len(g))


class Keys:
    def __init__(self):
        self.log = []

    def __getitem__(self, key):
        self.log.append(key)
        return str(key) * 2


k = Keys()
print(k["a"], k[3], k[1:3], k[::2], k[1, 2])
print(k.log)


class Range3:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "item%d" % i


print(list(Range3()), "item1" in Range3(), [x.upper() for x in Range3()])
a, b, c = Range3()
print(a, b, c)
