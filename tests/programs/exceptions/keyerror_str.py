# str() of a KeyError is the repr of its key, for subclasses at any depth too;
# other lookup errors print their message as it is.
class MissingKey(KeyError):
    pass


class MissingSetting(MissingKey):
    def __init__(self, name):
        super().__init__(name)
        self.name = name


for exc in (KeyError("a"), MissingKey("b"), MissingSetting("c"), KeyError(3), KeyError(),
            KeyError("x", "y"), IndexError("i"), LookupError("l")):
    print(type(exc).__name__, str(exc), repr(exc))

try:
    {}["missing"]
except KeyError as e:
    print("caught", e)

try:
    raise MissingSetting("speed")
except KeyError as e:
    print("caught", e, e.name)
