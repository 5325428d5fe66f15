# lambda as sort keys, with map/filter, immediately called, returned and stored.
pairs = [(1, "one"), (3, "three"), (2, "two"), (4, "four")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
print(sorted(pairs, key=lambda p: len(p[1]), reverse=True))
print(list(map(lambda x: x * x, range(6))))
print(list(filter(lambda x: x % 3 == 0, range(20))))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print((lambda: "no args")(), (lambda *a: len(a))(1, 2, 3), (lambda **k: sorted(k))(b=1, a=2))
print((lambda x, y=10: x + y)(1), (lambda x, y=10: x + y)(1, 2))
square = lambda x: x ** 2  # noqa: E731
print(square(12), square.__name__)
compose = lambda f, g: lambda x: f(g(x))  # noqa: E731
print(compose(str, square)(7) + "!")
ops = [lambda x: x + 1, lambda x: x * 2, lambda x: x - 3]
v = 5
for op in ops:
    v = op(v)
print(v)
words = ["kiwi", "Banana", "apple", "Cherry", "date"]
print(sorted(words, key=lambda w: w.lower()), max(words, key=lambda w: len(w)))
print(min(words, key=lambda w: (len(w), w)), sorted(words, key=lambda w: w[-1]))
nested = lambda x: (lambda y: x + y)  # noqa: E731
print(nested(3)(4))
print(list(map(lambda s: s.upper(), filter(lambda s: "a" in s, words))))
print(sum(map(lambda x: x % 7, range(50))), any(map(lambda x: x > 40, range(42))))
