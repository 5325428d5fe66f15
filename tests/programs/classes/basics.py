# __init__, methods, instance vs class attributes, attributes added outside __init__.
class Dog:
    species = "canis"
    count = 0
    tricks_shared = []

    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        self.tricks = []
        Dog.count += 1

    def add_trick(self, t):
        self.tricks.append(t)
        return self

    def describe(self):
        return "%s (%d) knows %s" % (self.name, self.age, ", ".join(self.tricks) or "nothing")

    def birthday(self):
        self.age += 1
        return self.age


a = Dog("Rex", 3)
b = Dog("Fido")
a.add_trick("sit").add_trick("roll")
print(a.describe())
print(b.describe())
print(a.birthday(), a.birthday(), b.birthday(), a.age, b.age)
print(Dog.count, a.count, b.count, Dog.species, a.species)
a.species = "wolf"
print(a.species, b.species, Dog.species)
Dog.species = "dog"
print(a.species, b.species, Dog.species)
a.tricks_shared.append("shared!")
print(b.tricks_shared, Dog.tricks_shared)
b.color = "brown"
print(b.color, hasattr(b, "color"), hasattr(a, "color"))
a.nickname = "R"
a.nickname += "ex"
print(a.nickname)
m = a.describe
print(m())
print(type(a).__name__, type(a) is Dog, isinstance(a, Dog), isinstance(5, Dog))


class Empty:
    pass


e = Empty()
e.x = 1
e.y = [e.x, 2]
print(e.x, e.y, isinstance(e, Empty), isinstance(e, object))
try:
    print(e.z)
except AttributeError as err:
    print("AttributeError:", err)


class Counter:
    total = 0

    def __init__(self):
        self.n = 0

    def hit(self):
        self.n += 1
        Counter.total += 1


cs = [Counter() for _ in range(3)]
for i, c in enumerate(cs):
    for _ in range(i + 1):
        c.hit()
print([c.n for c in cs], Counter.total)
