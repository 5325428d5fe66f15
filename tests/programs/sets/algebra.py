# Set operators and methods: | & - ^, subset/superset, update forms, frozenset-free.
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print(sorted(a.symmetric_difference(b)), sorted(a.union([9, 10])), sorted(a.intersection(range(3))))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a, b.issubset(a), {4}.issubset(b))
print(a.issuperset({1, 2}), a.isdisjoint({8, 9}), a.isdisjoint(b))
c = set(a)
c |= {100}
print(sorted(c))
c &= {1, 2, 100, 200}
print(sorted(c))
c -= {2}
print(sorted(c))
c ^= {1, 3}
print(sorted(c))
d = set()
d.update([1, 2], "ab", range(3))
print(sorted(d, key=str))
d.intersection_update({1, 2, "a", "zz"})
print(sorted(d, key=str))
d.difference_update(["a"])
print(sorted(d))
d.symmetric_difference_update({2, 3})
print(sorted(d))
primes = {2, 3, 5, 7, 11, 13}
odds = set(range(1, 15, 2))
print(sorted(primes & odds), sorted(odds - primes), sorted(primes - odds), len(primes | odds))
evens = {n for n in range(20) if n % 2 == 0}
threes = {n for n in range(20) if n % 3 == 0}
print(sorted(evens & threes), sorted(evens ^ threes)[:6], sorted((evens | threes) - {0}))
try:
    print(a | [1])
except TypeError as e:
    print("TypeError:", e)
