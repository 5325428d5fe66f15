# Single inheritance, overriding, super() calls and __init__ chains, isinstance/issubclass.
class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name
        print("Shape.__init__", name)

    def area(self):
        return 0

    def describe(self):
        return "%s with %d sides and area %s" % (self.name, self.sides, self.area())


class Rect(Shape):
    sides = 4

    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w = w
        self.h = h
        print("Rect.__init__", w, h)

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s, "square")
        print("Square.__init__", s)

    def describe(self):
        return "Square! " + super().describe()


class Triangle(Shape):
    sides = 3

    def __init__(self, b, h):
        Shape.__init__(self, "triangle")
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h / 2


shapes = [Shape("blob"), Rect(2, 3), Square(4), Triangle(3, 5)]
for s in shapes:
    print(s.describe())
sq = shapes[2]
print(isinstance(sq, Square), isinstance(sq, Rect), isinstance(sq, Shape), isinstance(sq, Triangle))
print(issubclass(Square, Rect), issubclass(Square, Shape), issubclass(Rect, Square), issubclass(Shape, object))
print(issubclass(Triangle, (Rect, Shape)), isinstance(sq, (int, Triangle)), isinstance(sq, (str, Rect)))
print(type(sq).__name__, type(sq) is Rect, type(sq) is Square)


class Base:
    def hello(self):
        return "base hello"

    def call_hello(self):
        return self.hello()


class Child(Base):
    def hello(self):
        return "child hello / " + super().hello()


class GrandChild(Child):
    pass


print(Base().call_hello(), Child().call_hello(), GrandChild().call_hello())


class Animal:
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound

    def speak(self):
        return self.name + " says " + self.sound


class Cat(Animal):
    def __init__(self, name):
        super().__init__(name, "meow")


class Kitten(Cat):
    def speak(self):
        return super().speak().upper()


for a in (Animal("thing"), Cat("Tom"), Kitten("Kit")):
    print(a.speak(), isinstance(a, Cat))
