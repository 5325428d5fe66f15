# @property getters and setters, @staticmethod, @classmethod, validation in setters.
class Temperature:
    scale = "C"

    def __init__(self, celsius=0.0):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9

    @staticmethod
    def c_to_k(c):
        return c + 273.15

    @classmethod
    def from_f(cls, f):
        t = cls()
        t.fahrenheit = f
        return t

    @classmethod
    def describe(cls):
        return "Temperature in " + cls.scale


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
t.fahrenheit = 32
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
print(t.celsius)
print(Temperature.c_to_k(0) > 273, t.c_to_k(-273.15) == 0, Temperature.from_f(212).celsius)
print(Temperature.describe(), t.describe())
try:
    t.fahrenheit_x = 1
    print("new attribute ok", t.fahrenheit_x)
except AttributeError as e:
    print("AttributeError:", e)


class ReadOnly:
    def __init__(self):
        self._v = 42

    @property
    def v(self):
        return self._v


r = ReadOnly()
print(r.v)
try:
    r.v = 1
except AttributeError:
    print("AttributeError: can't set v")


class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1

    @classmethod
    def make_many(cls, n):
        return [cls() for _ in range(n)]

    @staticmethod
    def add(a, b):
        return a + b


Counter.make_many(3)
print(Counter.instances, Counter.add(2, 3), Counter().add(4, 5), Counter.instances)


class Sub(Counter):
    pass


objs = Sub.make_many(2)
print(type(objs[0]).__name__, Counter.instances, Sub.instances)
