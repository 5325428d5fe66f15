# iter next (with default) enumerate zip map filter reversed sorted on many iterables.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "end"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
s = iter("ab")
print(next(s), list(s), list(s))
d = iter({"x": 1, "y": 2})
print(next(d), list(d))
r = iter(range(5, 8))
print(next(r), next(r), list(r))
print(list(enumerate("abc")), list(enumerate([10, 20], start=1)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], [4, 5, 6], [7, 8, 9])), list(zip("ab", "xyz")), list(zip([])))
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(len, ["a", "bb", ""])))
print(list(filter(str.isdigit, "a1b2c3")), list(filter(lambda x: x > 1, [0, 1, 2, 3])), list(filter(None, [0, 1, ""])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(sorted("cba"), sorted([3, 1, 2], reverse=True), sorted({3: 0, 1: 0}), sorted(x % 4 for x in range(9)))
m = map(lambda x: x * 10, [1, 2, 3])
print(next(m), list(m), list(m))
z = zip(range(3), "abc")
print(next(z), dict(z))
e = enumerate("xyz")
print(next(e), next(e), list(e))
f = filter(lambda c: c in "aeiou", "education")
print("".join(f))
pairs = list(zip(*[(1, "a"), (2, "b"), (3, "c")]))
print(pairs)
it2 = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it2, it2)))
nums = [5, 3, 8]
rev = reversed(nums)
print(next(rev), list(rev))
total = 0
for i, (a, b) in enumerate(zip([1, 2, 3], [4, 5, 6])):
    total += i * a * b
print(total)
