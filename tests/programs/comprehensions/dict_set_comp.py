# Dict and set comprehensions (sets printed sorted), and comprehensions over dicts.
print({x: x * x for x in range(6)})
print({c: ord(c) for c in "abc"})
print({k: v for k, v in zip("xyz", range(3)) if v != 1})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {w[0]: [v for v in words if v[0] == w[0]] for w in words}
print(by_letter)
print({w: len(w) for w in words if len(w) > 5})
print(sorted({len(w) for w in words}), sorted({w[0] for w in words}))
print(sorted({x % 5 for x in range(100)}), sorted({c for c in "mississippi"}))
d = {"a": 1, "b": 2, "c": 3}
print({v: k for k, v in d.items()}, {k: v * 10 for k, v in d.items() if v % 2})
print({k.upper(): v for k, v in sorted(d.items(), reverse=True)})
print({(x, y): x * y for x in range(3) for y in range(3) if x <= y})
print({i: {j: i * j for j in range(3)} for i in range(3)})
print(sorted({(a, b) for a in range(3) for b in range(3) if a != b}))
counts = {ch: "hello world".count(ch) for ch in "hello world" if ch != " "}
print(counts)
print(len({x for x in []}), {x: x for x in []}, sorted({-x for x in {1, 2, 3}}))
squares = {n: n * n for n in range(1, 11)}
print({k: v for k, v in squares.items() if v > 50}, sum(squares.values()))
