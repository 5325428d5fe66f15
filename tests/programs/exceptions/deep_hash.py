# Hashing a tuple nested deeper than the recursion limit raises
# RecursionError, as comparing or printing it does, on every board: the
# runtime hashes nested tuples recursively in C and must not overflow the C
# stack. (CPython's tuple hash has no such check: it hashes these, see
# deep_hash.exp and docs/differences.md.)
def nested_tuple(n):
    t = ()
    for _ in range(n):
        t = (t,)
    return t


def attempt(name, f):
    try:
        f()
        print(name, "ok")
    except RecursionError:
        print(name, "RecursionError")


t = nested_tuple(1500)
attempt("hash", lambda: hash(t))
attempt("dict key", lambda: {t: 1})
attempt("set item", lambda: {t})
attempt("in a set", lambda: t in {1, 2})
attempt("200 levels", lambda: hash(nested_tuple(200)))
attempt("shallow", lambda: hash(((1, 2), (3, (4,)))) == hash(((1, 2), (3, (4,)))))
print("done")
