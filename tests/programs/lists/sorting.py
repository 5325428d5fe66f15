# sort and sorted: key=, reverse=, stability, mixed int/float, strings, tuples.
a = [5, 2, 9, 1, 5, 6, -3, 0]
b = sorted(a)
print(a, b)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "apple", "fig", "Date", "elderberry", "kiwi"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=len, reverse=True))
people = [("ann", 31), ("bob", 25), ("cid", 31), ("dee", 25), ("eve", 40), ("fay", 31)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_name_desc = sorted(people, key=lambda p: p[0], reverse=True)
print(sorted(by_name_desc, key=lambda p: p[1]))
print(sorted([3, 1.5, -2, 2.5, 0, True]), sorted([[2, 1], [1, 2], [1], [2]]))
print(sorted("hello world"), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}))
print(sorted(range(10), key=lambda n: (n % 3, -n)))
recs = [{"n": "x", "v": 3}, {"n": "y", "v": 1}, {"n": "z", "v": 2}]
recs.sort(key=lambda r: r["v"])
print([r["n"] for r in recs])
big = [(i * 7919) % 1000 for i in range(500)]
s = sorted(big)
print(s[:10], s[-10:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
pairs = [(i % 5, i) for i in range(30)]
pairs.sort(key=lambda p: p[0])
print(pairs[:8], all(pairs[i][1] < pairs[i + 1][1] for i in range(len(pairs) - 1) if pairs[i][0] == pairs[i + 1][0]))
empty = []
empty.sort()
print(empty, sorted([]), sorted([1]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
print(sorted([-5, 3, -1, 4], key=abs), max([-5, 3, -1, 4], key=abs), min(words, key=len))
