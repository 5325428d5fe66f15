# Class attributes: shared state, shadowing by instances, constants used by methods, counters.
class Config:
    defaults = {"color": "red", "size": 3}
    registry = []
    version = 1

    def __init__(self, name, **overrides):
        self.name = name
        self.options = dict(Config.defaults)
        self.options.update(overrides)
        Config.registry.append(name)

    def get(self, key):
        return self.options.get(key, "?")


a = Config("a")
b = Config("b", color="blue")
print(a.get("color"), b.get("color"), b.get("size"), a.get("shape"))
print(Config.registry, a.registry is b.registry, a.version, b.version)
b.version = 2
print(a.version, b.version, Config.version)
Config.version = 3
print(a.version, b.version, Config.version)
Config.defaults["size"] = 10
c = Config("c")
print(a.get("size"), c.get("size"), Config.registry)


class Shape:
    sides = 0
    instances = 0

    def __init__(self):
        Shape.instances += 1
        self.id = Shape.instances

    def describe(self):
        return "%s#%d has %d sides" % (type(self).__name__, self.id, self.sides)


class Triangle(Shape):
    sides = 3


class Square(Shape):
    sides = 4

    def describe(self):
        return super().describe() + " (all equal)"


shapes = [Triangle(), Square(), Shape(), Triangle()]
for s in shapes:
    print(s.describe())
print(Shape.instances, Triangle.instances, Square.sides, Shape.sides)
Triangle.sides = 30
print([s.sides for s in shapes])


class Counter:
    count = 0

    def increment(self):
        self.count += 1
        return self.count


c1 = Counter()
c2 = Counter()
print(c1.increment(), c1.increment(), c2.increment(), Counter.count, c1.count, c2.count)


class Limits:
    LOW = 10
    HIGH = 20

    def clamp(self, v):
        return max(self.LOW, min(self.HIGH, v))


lim = Limits()
print([lim.clamp(v) for v in (5, 15, 25)], Limits.LOW, lim.HIGH)
lim.HIGH = 100
print(lim.clamp(50), Limits().clamp(50))
