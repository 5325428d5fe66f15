# hasattr/getattr/setattr (with defaults), attributes on instances, class and inheritance.
class Config:
    debug = False
    level = 1

    def __init__(self):
        self.name = "cfg"

    def show(self):
        return "Config(%s)" % self.name


c = Config()
print(hasattr(c, "name"), hasattr(c, "debug"), hasattr(c, "show"), hasattr(c, "missing"))
print(getattr(c, "name"), getattr(c, "level"), getattr(c, "missing", "dflt"), getattr(c, "show")())
setattr(c, "level", 5)
setattr(c, "extra", [1, 2])
print(c.level, Config.level, c.extra, getattr(c, "extra"))
for attr in ("name", "level", "debug", "nothing"):
    print(attr, getattr(c, attr, None))
try:
    getattr(c, "nothing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.nothing
except AttributeError as e:
    print("AttributeError:", e)
fields = ["alpha", "beta", "gamma"]
for i, f in enumerate(fields):
    setattr(c, f, i * 10)
print([getattr(c, f) for f in fields], c.beta)
print(hasattr(Config, "show"), hasattr(Config, "name"), getattr(Config, "level"))
setattr(Config, "level", 9)
d = Config()
print(d.level, c.level)


class Child(Config):
    level = 2


ch = Child()
print(ch.level, getattr(ch, "debug"), hasattr(ch, "show"), ch.show())
print(hasattr("s", "upper"), getattr("abc", "upper")(), hasattr([], "append"), hasattr(None, "x"))


class Foo:
    pass


try:
    Foo().bar
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (5).bar
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "s".nope()
except AttributeError as e:
    print(type(e).__name__, e)
