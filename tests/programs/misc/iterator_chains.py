# A chain of lazy iterators (map of map of ... , generator expressions over
# generator expressions) is followed recursively when the first item is
# asked for: a chain too long for the stack raises RecursionError instead
# of overflowing it (CPython overflows its C stack on the map chain; a
# chain within reach works).
def attempt(name, f):
    try:
        print(name, f())
    except RecursionError:
        print(name, "RecursionError")


def chain(n, make):
    it = iter([3, -4])
    for _ in range(n):
        it = make(it)
    return it


attempt("short map chain", lambda: list(chain(20, lambda it: map(abs, it))))
attempt("short filter chain", lambda: list(chain(20, lambda it: filter(None, it))))
attempt("short zip chain", lambda: len(list(chain(20, zip))))
attempt("short enumerate chain", lambda: len(list(chain(20, enumerate))))
attempt("short generator chain", lambda: list(chain(20, lambda it: (x for x in it))))


# Deep recursion through special methods the runtime calls.
class Again:
    def __repr__(self):
        return repr(self)

    def __eq__(self, other):
        return self == other

    def __hash__(self):
        return hash(self)

    def __lt__(self, other):
        return self < other

    def __len__(self):
        return len(self)

    def __iter__(self):
        return iter(self)

    def __getitem__(self, i):
        return self[i]

    def __contains__(self, x):
        return x in self


attempt("repr", lambda: repr(Again()))
attempt("==", lambda: Again() == Again())
attempt("hash", lambda: hash(Again()))
attempt("sorted", lambda: sorted([Again(), Again()]))
attempt("len", lambda: len(Again()))
attempt("iter", lambda: iter(Again()))
attempt("getitem", lambda: Again()[0])
attempt("in", lambda: 1 in Again())


def down(n):
    if n == 0:
        yield 0
    else:
        yield from down(n - 1)


attempt("yield from, deep", lambda: next(down(2000)))
attempt("yield from, shallow", lambda: next(down(10)))
print("done")
