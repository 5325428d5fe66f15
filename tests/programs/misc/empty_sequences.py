# Operations on empty sequences and containers: nothing to copy, and the
# runtime must not hand a NULL items pointer to memcpy (UBSan stops on it).
a = []
t = ()
s = ""
b = b""
d = {}
st = set()

*x, = a
print(x)
*x, = t
print(x)
p, *q = [1]
print(p, q)
*q, p = (1,)
print(q, p)
[] = a
() = t
print(a + a, t + t, s + s, b + b)
print(a * 3, t * 3, s * 3, b * 3)
print(a[:], t[:], s[:], b[:])
print(a[::-1], t[::-1], s[::-1], b[::-1])
print(a[1:0], t[5:], s[2:1], b[3:])
l = []
l.extend([])
l.extend(())
l += []
l += ()
l[0:0] = []
l[:] = ()
del l[:]
l.extend(l)
print(l, l.copy(), list(l), tuple(l), sorted(l), list(reversed(l)))
l.sort()
l.reverse()
print(l == [], l < [], [] < [1], () < (), t == ())
print(s.join([]), s.join(()), ",".join([]), b"".join([]), s.split(), s.upper(), s.strip(), s.replace("", ""))
print(s.center(0), s.ljust(0), s.zfill(0), s.expandtabs(), s.title(), s.swapcase(), s.lower())
print(s.find(""), s.count(""), s.startswith(""), s.endswith(""), s.partition(","), s.rpartition(","))
print(s.splitlines(), s.rsplit(), s.encode(), b.decode(), bytes(0), bytes([]), bytes(()))
print(b.hex(), b.upper(), b.strip(), b.split(), b.replace(b"", b""), b.find(b""), b.count(b""))
print(dict(d), d.copy(), list(d), list(d.items()), {**d}, d == {})
print(set(st), st.copy(), st | st, st & st, st - st, st ^ st, frozenset(), st == set())
print(str(a), repr(t), str(b), str(d), repr(st))
print(list(zip()), list(zip(a, t)), list(map(str, a)), list(filter(None, a)), list(enumerate(a)))
print(sum(a), min([1], default=0), max(a, default=None), any(a), all(a), len(a))
print(f"{s}", "%s" % s, "{}".format(s), s.format(), "" in s, b"" in b)
print([*a, *t], (*a, *t), {*a}, {**d})
def f(*args, **kw):
    return args, kw
print(f(*a), f(*t), f(**d), f(*a, **d))
print(tuple(a), list(t), str(), bytes(), list(range(0)), tuple(range(5, 0)), range(0)[:])
print(int("0"), s.isdigit(), s.isalpha(), s.isspace(), s.isupper())
