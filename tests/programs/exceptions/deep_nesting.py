# Comparing and printing containers nested deeper than the recursion limit
# raises RecursionError (the runtime recurses through the items in C, and
# must not overflow the C stack); the program goes on. 1,500 levels: beyond
# CPython's limit, small enough for the pyboard's heap.
DEPTH = 1500


def nested_list(n):
    a = []
    for _ in range(n):
        a = [a]
    return a


def nested_tuple(n):
    a = ()
    for _ in range(n):
        a = (a,)
    return a


def nested_dicts(n):
    # A dict every fourth level (tuples between): dicts are large, and the
    # pyboard's heap holds two of these.
    a = {}
    for i in range(n):
        a = {0: a} if i % 4 == 0 else (a,)
    return a


def attempt(name, f):
    try:
        f()
        print(name, "ok")
    except RecursionError:
        print(name, "RecursionError")


a = nested_list(DEPTH)
b = nested_list(DEPTH)
attempt("list ==", lambda: a == b)
attempt("list !=", lambda: a != b)
attempt("list <", lambda: a < b)
attempt("list <=", lambda: a <= b)
attempt("list >", lambda: a > b)
attempt("list in", lambda: a in [1, b])
attempt("list count", lambda: [b, b].count(a))
attempt("list index", lambda: [b].index(a))
attempt("sorted", lambda: sorted([a, b]))
attempt("max", lambda: max(a, b))
attempt("repr", lambda: repr(a))
attempt("str", lambda: str(a))
attempt("format", lambda: "{}".format(a))
attempt("f-string", lambda: f"{a}")
attempt("percent", lambda: "%s" % (a,))
attempt("in a list", lambda: [a] == [b])
attempt("identity", lambda: a == a)
a = b = None

t = nested_tuple(DEPTH)
u = nested_tuple(DEPTH)
attempt("tuple ==", lambda: t == u)
attempt("tuple <", lambda: t < u)
attempt("tuple repr", lambda: repr(t))
t = u = None

d = nested_dicts(1100)
e = nested_dicts(1100)
attempt("dict ==", lambda: d == e)
attempt("dict repr", lambda: repr(d))
d = e = None

# Shallow nesting still works.
attempt("shallow", lambda: nested_list(100) == nested_list(100) and len(repr(nested_tuple(100))) > 0)
print("done")
