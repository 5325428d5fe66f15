# dict() constructor forms, update (dict, pairs, kwargs), setdefault, pop, popitem, fromkeys.
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}), dict(zip("ab", [1, 2])))
print(dict([("x", 1)], y=2), dict({"a": 1}, a=2, b=3), dict([[1, 2], (3, 4)]), dict([]))
d = {"a": 1}
d.update({"b": 2, "a": 10})
print(d)
d.update([("c", 3), ("d", 4)])
print(d)
d.update(e=5, a=-1)
print(d)
d.update({"f": 6}, g=7)
print(d)
d.update()
print(d)
print(d.setdefault("a", 99), d.setdefault("new", []), d.setdefault("none"))
d["new"].append("x")
print(d)
print(d.pop("a"), d.pop("zz", "dflt"), d.pop("none"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d.popitem(), d)
while d:
    k, v = d.popitem()
    print("popped", k, v)
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)
print(dict.fromkeys(["a", "b"]), dict.fromkeys("xyz", 0), dict.fromkeys(range(3), "v"))
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
inv = {}
for k, v in {"one": 1, "uno": 1, "two": 2}.items():
    inv.setdefault(v, []).append(k)
print(inv)
m1 = {"a": 1, "b": 2}
m2 = {"b": 20, "c": 30}
merged = dict(m1)
merged.update(m2)
print(merged, m1, m2, {**m1, **m2}, {**m2, "z": 0, **m1})
