# Closures capture variables, not values: the late-binding behaviour of loop variables.
funcs = []
for i in range(4):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = []
for i in range(4):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])
muls = []
for j in range(3):
    muls.append(lambda x: x * j)
print([f(10) for f in muls])
muls = []
for j in range(3):
    muls.append(lambda x, j=j: x * j)
print([f(10) for f in muls])


def make():
    fs = []
    for n in range(3):
        def f():
            return n
        fs.append(f)
    n = 99
    return fs


print([f() for f in make()])


def capture_then_change():
    value = "before"

    def get():
        return value
    value = "after"
    return get


print(capture_then_change()())


def factory(n):
    return lambda: n


fs = []
for k in range(3):
    fs.append(factory(k))
print([f() for f in fs])
k = 10
print([f() for f in fs])
x = 1


def reads_global():
    return x


x = 2
print(reads_global())
adders = {}
for name, inc in (("one", 1), ("two", 2)):
    adders[name] = lambda v, inc=inc: v + inc
print(adders["one"](10), adders["two"](10))
