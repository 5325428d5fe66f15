# Python code the runtime calls back (a sort key, __lt__, __eq__, __hash__,
# __index__, __repr__, a generator being consumed) changes the very list,
# dict or set the runtime is working on: the runtime re-reads what it holds
# and goes on (or raises what CPython raises), it never reads freed or
# out-of-range items.
def attempt(name, f):
    try:
        r = f()
        print(name, "ok", r)
    except Exception as e:
        print(name, type(e).__name__, e)

l = [3, 1, 2]
def key_clear(x):
    l.clear()
    return x
attempt("sort key clears", lambda: (l.sort(key=key_clear), l))
l = [3, 1, 2]
def key_append(x):
    l.append(x)
    return x
attempt("sort key appends", lambda: (l.sort(key=key_append), l))
l = [3, 1, 2]
attempt("sorted key mutates source", lambda: sorted(l, key=lambda x: (l.append(1), x)[1]))
l = [5, 4, 3, 2, 1]
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        m.clear()
        return self.v < o.v
m = [K(3), K(1), K(2)]
attempt("sort lt clears", lambda: [k.v for k in sorted(m)])
m = [K(3), K(1), K(2)]
attempt("list.sort lt clears", lambda: (m.sort(), len(m)))
d = {1: 2, 3: 4}
def it_dict():
    for k in d:
        d[k + 10] = 1
attempt("dict add during iter", it_dict)
d = {1: 2, 3: 4}
def del_dict():
    for k in d:
        del d[k]
attempt("dict del during iter", del_dict)
d = {1: 2, 3: 4}
def items_dict():
    for k, v in d.items():
        d.clear()
attempt("dict clear during items", items_dict)
d = {1: 2, 3: 4}
def values_dict():
    for v in d.values():
        d[v] = v
attempt("dict add during values", values_dict)
s = {1, 2, 3}
def set_iter():
    for x in s:
        s.add(x + 10)
attempt("set add during iter", set_iter)
s = {1, 2, 3}
def set_discard():
    for x in s:
        s.discard(x)
attempt("set discard during iter", set_discard)
l = [1, 2, 3]
def list_iter():
    n = 0
    for x in l:
        n += 1
        if n < 10:
            l.append(x)
        else:
            break
    return n
attempt("list append during iter", list_iter)
l = [1, 2, 3, 4]
def list_clear_iter():
    out = []
    for x in l:
        out.append(x)
        l.clear()
    return out
attempt("list clear during iter", list_clear_iter)
l = [1, 2, 3, 4]
attempt("list del during enumerate", lambda: [(i, l.pop()) for i, x in enumerate(l)])
l = [1, 2, 3]
attempt("reversed mutate", lambda: [(x, l.clear()) for x in reversed(l)])
l = [[1], [2]]
attempt("eq mutates", lambda: l == [[1], [2]])
class E:
    def __eq__(self, o):
        l2.clear()
        return False
l2 = [E(), E(), E()]
attempt("count eq clears", lambda: l2.count(1))
l2 = [E(), E(), E()]
attempt("index eq clears", lambda: l2.index(1) if False else l2.count(5))
l2 = [E(), E(), E()]
attempt("in eq clears", lambda: 7 in l2)
l2 = [E(), E(), E()]
attempt("remove eq clears", lambda: l2.remove(7))
l3 = [E(), E()]
attempt("list eq clears", lambda: l3 == [1, 2])
class R:
    def __repr__(self):
        l4.clear()
        return "R"
l4 = [R(), R(), R()]
attempt("repr clears", lambda: repr(l4))
class H:
    def __hash__(self):
        dd.clear()
        return 1
    def __eq__(self, o):
        dd.clear()
        return False
dd = {1: 1, 2: 2}
attempt("dict lookup mutates", lambda: dd.get(H()))
dd = {H(): 1}
attempt("dict setitem mutates", lambda: dd.__setitem__(H(), 2) if False else dd.get(H()))
l5 = list(range(10))
attempt("extend self iter", lambda: (l5.extend(x for x in l5 if len(l5) < 30), len(l5)))
l6 = [1,2,3]
attempt("max key mutates", lambda: max(l6, key=lambda x: (l6.clear(), x)[1]))
l7 = [3,1,2]
attempt("sum mutates", lambda: sum(x for x in l7 if not l7.clear()))


# ---- __index__, __eq__ and generators that change the container

class Ix:
    def __init__(self, l, v):
        self.l = l
        self.v = v
    def __index__(self):
        self.l.clear()
        return self.v
l = [1, 2, 3]
attempt("getitem index clears", lambda: l[Ix(l, 1)])
l = [1, 2, 3]
def setit():
    l[Ix(l, 1)] = 5
    return l
attempt("setitem index clears", setit)
l = [1, 2, 3]
def delit():
    del l[Ix(l, 1)]
    return l
attempt("delitem index clears", delit)
l = [1, 2, 3]
attempt("insert index clears", lambda: (l.insert(Ix(l, 1), 9), l))
l = [1, 2, 3]
attempt("pop index clears", lambda: l.pop(Ix(l, 1)))
l = [1, 2, 3, 4, 5]
attempt("slice index clears", lambda: l[Ix(l, 1):Ix(l, 4)])
l = [1, 2, 3, 4, 5]
def setslice():
    l[Ix(l, 1):Ix(l, 3)] = [7, 8, 9]
    return l
attempt("setslice index clears", setslice)
l = [1, 2, 3, 4, 5]
def delslice():
    del l[Ix(l, 0):Ix(l, 3)]
    return l
attempt("delslice index clears", delslice)
l = [1, 2, 3, 4, 5]
def stepslice():
    l[::Ix(l, 2)] = [0, 0, 0]
    return l
attempt("extended slice assign clears", stepslice)
l = [1, 2, 3]
attempt("list * index clears", lambda: l * Ix(l, 3))
l = [1, 2, 3]
attempt("list.index start clears", lambda: l.index(3, Ix(l, 0)))
st = "abcdef"
attempt("str getitem", lambda: st[Ix([], 2)])
t = (1, 2, 3)
attempt("tuple getitem", lambda: t[Ix([], 2)])
l = [1, 2, 3]
def gen_mutate():
    for x in range(3):
        l.clear()
        yield x
def slice_gen():
    l[0:2] = gen_mutate()
    return l
attempt("slice assign from mutating gen", slice_gen)
l = [1, 2, 3]
def ext_gen():
    l.extend(gen_mutate())
    return l
attempt("extend from mutating gen", ext_gen)
l = [[1, 2], [3, 4]]
attempt("join mutating", lambda: ",".join(str(x) for x in l if not l.clear()))
class Clearing:
    def __eq__(self, o):
        s.clear()
        return False
    def __hash__(self):
        return 1
def fill():
    global s
    s = set()
    s.add(Clearing())
    s.add(2)
    return len(s)
attempt("set fill", fill)
fill()
attempt("set lookup eq clears", lambda: Clearing() in s)
fill()
attempt("set discard eq clears", lambda: s.discard(Clearing()))
fill()
attempt("set add eq clears", lambda: (s.add(Clearing()), len(s)))
fill()
attempt("set add int eq clears", lambda: (s.add(1), len(s)))
d = {Clearing(): 1}
class E2:
    def __eq__(self, o):
        d.clear()
        return False
    def __hash__(self):
        return 1
    def __repr__(self):
        return "E2()"
d = {E2(): 1, 2: 2}
attempt("dict pop eq clears", lambda: d.pop(E2(), "dflt"))
d = {E2(): 1, 2: 2}
attempt("dict setdefault eq clears", lambda: d.setdefault(E2(), 5))
d = {E2(): 1, 2: 2}
def dset():
    d[E2()] = 3
    return len(d)
attempt("dict setitem eq clears", dset)
d = {E2(): 1, 2: 2}
def ddel():
    del d[E2()]
attempt("dict delitem eq clears", ddel)
l = [3, 1, 2]
attempt("min key clears", lambda: min(l, key=lambda x: (l.clear(), x)[1]))
l = [Clearing(), Clearing()]
attempt("list eq other clears", lambda: [1, 2] == l)
class Lt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        ll.append(Lt(0))
        return self.v < o.v
ll = [Lt(3), Lt(1), Lt(2)]
attempt("sort lt appends", lambda: (ll.sort(), len(ll)))
ll = [Lt(i) for i in range(50)]
attempt("sorted lt appends", lambda: len(sorted(ll)))
