# The exact messages of common runtime errors, printed as "Type message".
def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e)


def div0():
    return 1 // 0


def fdiv0():
    return 1 / 0


def mod0():
    return 5 % 0


def index():
    return [1, 2, 3][3]


def key():
    return {"a": 1}["x"]


def add_str():
    return 1 + "a"


def add_int():
    return "a" + 1


def attr():
    class_obj = Foo()
    return class_obj.bar


def parse():
    return int("abc")


def name():
    return undefined_name  # noqa: F821


def unbound():
    if False:
        local = 1
    return local


def tuple_index():
    return (1,)[5]


def str_index():
    return "abc"[10]


def mul_types():
    return [1] * "x"


def sub_types():
    return "a" - "b"


def call_int():
    n = 5
    return n()


def subscript_int():
    n = 5
    return n[0]


def float_parse():
    return float("x1")


def sorted_mixed():
    return sorted([1, "a"])


class Foo:
    pass


for f in (div0, fdiv0, mod0, index, key, add_str, add_int, attr, parse, name, unbound,
          tuple_index, str_index, mul_types, sub_types, call_int, subscript_int, float_parse,
          sorted_mixed):
    show(f)
show(lambda: {}.pop("k"))
show(lambda: [].remove(0))
show(lambda: "x".index("y"))
show(lambda: divmod(1, 0))
show(lambda: len(5))
show(lambda: iter(5))
show(lambda: next(iter([])))
