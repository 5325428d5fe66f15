# Sets: construction, add/discard/remove/pop, membership, len; printed sorted.
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 2 in s, 5 in s)
s.add(10)
s.add(1)
print(sorted(s), len(s))
s.discard(3)
s.discard(99)
print(sorted(s))
s.remove(10)
try:
    s.remove(10)
except KeyError as e:
    print("KeyError:", e)
print(sorted(s))
e = set()
print(e, len(e), bool(e), set([1]), {"only"}, repr(set()))
print(sorted(set("mississippi")), sorted(set([1, 2, 2, 3])), sorted(set(range(5))))
letters = set()
for w in ["apple", "banana", "cherry"]:
    for ch in w:
        letters.add(ch)
print(sorted(letters), len(letters))
p = {7}
x = p.pop()
print(x, p, len(p))
try:
    p.pop()
except KeyError as err:
    print("KeyError:", err)
nums = {n * n % 7 for n in range(20)}
print(sorted(nums))
words = "the quick brown fox jumps over the lazy dog the end".split()
print(len(words), len(set(words)), sorted(set(words)))
t = s.copy()
t.add(-1)
print(sorted(s), sorted(t))
t.clear()
print(t, len(t))
print({1, 2} == {2, 1}, {1} != {1, 2}, {1, 2, 3} == set([3, 2, 1]))
print(sorted({(1, 2), (2, 1), (1, 2)}), sorted({1.0, 1, True, 2}))
print(sum({1, 2, 3}), max({4, 9, 2}), min({4, 9, 2}), sorted({5, 1, 4}, reverse=True))
try:
    {[1]}
except TypeError as err:
    print("TypeError:", err)
