# keys(), values(), items(): printing, iterating, membership, len, list() of them.
d = {"b": 2, "a": 1, "c": 3}
print(d.keys(), d.values(), d.items())
print(list(d.keys()), list(d.values()), list(d.items()))
print(len(d.keys()), "a" in d.keys(), 2 in d.values(), ("c", 3) in d.items(), ("c", 4) in d.items())
for k in d.keys():
    print("key", k)
for v in d.values():
    print("value", v)
for k, v in d.items():
    print("item", k, v)
for item in d.items():
    print(item, type(item).__name__)
print(sorted(d.keys()), sorted(d.values(), reverse=True), sorted(d.items()))
print(max(d.values()), min(d), sum(d.values()), max(d.items(), key=lambda kv: kv[1]))
keys = d.keys()
d["z"] = 26
print(keys, len(keys))
print(dict(zip(d.values(), d.keys())))
print({k: v for k, v in d.items() if v > 1})
e = {}
print(e.keys(), e.values(), e.items(), list(e.items()))
nested = {"outer": {"inner": [1, 2]}}
print(nested.items(), list(nested.values())[0].keys())
print(tuple(d), tuple(d.values()), set(d.values()) == {1, 2, 3, 26})
snapshot = list(d)
for k in snapshot:
    d[k + "!"] = d[k] * 10
print(d, len(snapshot), len(d))
