# Insertion order, get, in, del, len, overwriting keys, mixed key types.
d = {}
d["one"] = 1
d["two"] = 2
d["three"] = 3
print(d, len(d))
d["one"] = 100
print(d)
del d["two"]
d["two"] = 22
print(d, list(d))
print(d.get("one"), d.get("zzz"), d.get("zzz", "default"), d.get("two", 0))
print("one" in d, "four" in d, "four" not in d, 100 in d)
m = {1: "int", 1.5: "float", "1": "str", (1,): "tuple", None: "none", True: "bool?"}
print(m, len(m), m[1], m[1.0])
e = {i: i * i for i in range(8)}
for k in list(e):
    if k % 2:
        del e[k]
print(e)
for i in range(20):
    e[i * 10] = i
print(len(e), list(e)[:8], e[190])
for k in range(0, 200, 20):
    del e[k]
print(len(e), list(e.keys())[:10])
print({}, {"a": {}}, dict(), {"k": [1, {"n": None}]})
cnt = {}
for w in "the cat and the hat and the bat".split():
    cnt[w] = cnt.get(w, 0) + 1
print(cnt)
print(sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0])))
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, a != {"x": 1}, list(a) == list(b))
c = a.copy()
c["z"] = 3
print(a, c)
c.clear()
print(c, len(c), bool(c), bool(a))
big = {}
for i in range(300):
    big[str(i)] = i
print(len(big), big["299"], sum(big.values()), list(big)[-3:])
for i in range(0, 300, 2):
    del big[str(i)]
print(len(big), list(big)[:5], "150" in big, "151" in big)
