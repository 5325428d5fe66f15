# TypeError messages for calls with the wrong arguments (functions reached through a table).
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


def kwonly(a, *, b, c=3):
    return (a, b, c)


def no_args():
    return "none"


def star(*args, key=None):
    return args, key


table = {"greet": greet, "kwonly": kwonly, "no_args": no_args, "star": star}


def attempt(which, *args, **kwargs):
    fn = table[which]
    try:
        print("ok", fn(*args, **kwargs))
    except TypeError as e:
        print("TypeError:", e)


attempt("greet", "Ann")
attempt("greet")
attempt("greet", "a", "b", "c", "d")
attempt("greet", "a", nme="x")
attempt("greet", "a", name="b")
attempt("kwonly", 1, b=2)
attempt("kwonly", 1, 2)
attempt("kwonly", 1)
attempt("kwonly", b=1)
attempt("no_args")
attempt("no_args", 1)
attempt("no_args", x=1)
attempt("star", 1, 2, key=3)
attempt("star", 1, other=2)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def move(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)


makers = [Point]
try:
    makers[0](1)
except TypeError as e:
    print("TypeError:", e)
p = makers[0](1, 2)
try:
    p.move()
except TypeError as e:
    print("TypeError:", e)
print(p.move(5).x, p.move(1, 1).y)
