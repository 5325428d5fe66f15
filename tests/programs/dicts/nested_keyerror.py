# Nested dicts, dict comprehensions, and KeyError messages.
db = {
    "alice": {"age": 30, "langs": ["python", "c"], "addr": {"city": "Paris", "zip": "75001"}},
    "bob": {"age": 25, "langs": [], "addr": {"city": "Lyon", "zip": "69001"}},
}
print(db["alice"]["addr"]["city"], db["bob"]["langs"], len(db["alice"]["langs"]))
db["carol"] = {"age": 41, "langs": ["rust"], "addr": {"city": "Nice", "zip": "06000"}}
db["bob"]["langs"].append("go")
db["alice"]["addr"]["zip"] = "75002"
for name, info in db.items():
    print(name, info["age"], ",".join(info["langs"]), info["addr"]["city"], info["addr"]["zip"])
ages = {name: info["age"] for name, info in db.items()}
print(ages, {v: k for k, v in ages.items()}, {k: v for k, v in ages.items() if v > 28})
squares = {n: n * n for n in range(6)}
print(squares, {n % 3: n for n in range(10)})
for key in ["dave", 42, (1, 2), "", None]:
    try:
        print(ages[key])
    except KeyError as e:
        print("KeyError:", e, repr(e), e.args)
try:
    print(db["alice"]["addr"]["country"])
except KeyError as e:
    print("missing", e)
try:
    del ages["nobody"]
except KeyError as e:
    print("del KeyError:", e)
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)


def depth(t):
    if not t:
        return 0
    return 1 + max(depth(v) for v in t.values())


print(depth(tree), depth({}), len(tree["a"]))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts, key=lambda k: (-counts[k], k)))
