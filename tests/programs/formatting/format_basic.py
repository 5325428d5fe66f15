# str.format: auto/explicit positions, keywords, index and attribute access, conversions, braces.
print("{} {} {}".format(1, "two", 3.5))
print("{0} {1} {0}".format("a", "b"), "{2}{1}{0}".format("x", "y", "z"))
print("{name} is {age}".format(name="Ann", age=31), "{0}-{k}".format(5, k="kw"))
pt = (3, 4)
lst = ["zero", "one", "two"]
d = {"key": "value", "n": 42}
print("{0[0]},{0[1]}".format(pt), "{0[2]}".format(lst), "{d[key]} {d[n]}".format(d=d))
print("{[1]}".format(lst), "{0[1][0]}".format([[1, 2], ["inner", 4]]))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)

    def __str__(self):
        return "(%d, %d)" % (self.x, self.y)


p = Point(1, 2)
print("{0.x} {0.y}".format(p), "{p.x}/{p.y}".format(p=p), "{}|{!r}|{!s}".format(p, p, p))
print("{!r} {!r} {!s}".format("text", 1.5, "text"), "{!r:>10}".format("ab"))
print("{{literal}} {} {{{}}}".format(1, 2), "{{}}".format())
print("{:>5}|{:<5}|{:^5}|".format("a", "b", "c"), "{:*^9}".format("mid"))
print("{0}{0}{0}".format("ab"), "{x}{y}{x}".format(x=1, y=2))
print("{} {}".format([1, 2], {"a": (1,)}), "{}".format(None), "{}".format(True))
print("{:d} {:s} {}".format(7, "s", -0.5))
for fmt in ("{0} {1}", "{1} {0}", "{} {}"):
    print(fmt.format("first", "second"))
try:
    print("{} {}".format(1))
except IndexError as e:
    print("IndexError:", e)
try:
    print("{missing}".format(other=1))
except KeyError as e:
    print("KeyError:", e)
try:
    print("{:d}".format("x"))
except ValueError as e:
    print("ValueError:", e)
row = "{:<8}{:>6}{:>8}"
print(row.format("item", "qty", "price"))
for name, qty, price in [("apple", 3, 1.25), ("pear", 10, 0.5), ("kiwi", 125, 2.75)]:
    print(row.format(name, qty, price))
template = "Dear {title} {last}, your balance is {bal}."
print(template.format(title="Dr.", last="Smith", bal=-12))
