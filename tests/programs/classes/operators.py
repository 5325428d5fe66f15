# Operator overloading: arithmetic, reflected, in-place, unary, comparison, __call__.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return self.x * self.x + self.y * self.y

    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y

    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self

    def __getitem__(self, i):
        return (self.x, self.y)[i]


a = Vec(1, 2)
b = Vec(3, -4)
print(a + b, a - b, a * 3, 3 * a, a * b, a / 2, b // 2, b % 3, -a, +a, abs(b))
print(a == Vec(1, 2), a != b, a == (1, 2), a[0], a[1], list(a))
c = a
c += b
print(c, a, c is a)
d = Vec(0, 0)
d = d + a
d -= Vec(1, 1)
print(d, a)


class Poly:
    def __init__(self, *coef):
        self.coef = list(coef)

    def __call__(self, x):
        r = 0
        for c in reversed(self.coef):
            r = r * x + c
        return r

    def __lt__(self, o):
        return len(self.coef) < len(o.coef)

    def __le__(self, o):
        return len(self.coef) <= len(o.coef)

    def __gt__(self, o):
        return len(self.coef) > len(o.coef)

    def __ge__(self, o):
        return len(self.coef) >= len(o.coef)

    def __repr__(self):
        return "Poly%r" % (tuple(self.coef),)


p = Poly(1, 0, 2)
q = Poly(5)
print(p(0), p(3), [p(x) for x in range(5)], q(100), callable(p), callable(a))
print(p < q, p > q, p <= p, q >= p, sorted([p, q, Poly(1, 1)]))
try:
    print(a + 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(q + q)
except TypeError as e:
    print("TypeError:", e)
try:
    print(a < b)
except TypeError as e:
    print("TypeError:", e)
