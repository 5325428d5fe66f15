# len abs min max (key=, default=, several args) sum (with start), on many types.
print(len([1, 2]), len("héllo"), len((1,)), len({"a": 1}), len({1, 2, 2}), len(range(3, 30, 4)), len(""))
print(abs(-3), abs(3), abs(-2.5), abs(-(2 ** 70)), abs(True), abs(0))
print(max(3, 1, 2), max([3, 1, 2]), max("hello"), max((1, 2), (1, 3)), max(-1, -1.5))
print(min(3, 1, 2), min([3, 1, 2]), min("hello"), min([[2], [1, 5]]), min(2, 2.0))
words = ["pear", "fig", "banana", "kiwi"]
print(max(words, key=len), min(words, key=len), max(words), min(words, key=lambda w: w[-1]))
print(max([], default="empty"), min([], default=None), max([5], default=0), min((), default=-1))
print(max(words, key=len, default="x"), max(1, 2, key=lambda v: -v), min("b", "a", "c", key=str.upper))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(())
except ValueError as e:
    print("ValueError:", e)
print(max([1, 3, 3, 2], key=lambda v: v), max([(1, "a"), (1, "b")], key=lambda t: t[0]))
print(sum([1, 2, 3]), sum([]), sum(range(101)), sum([1, 2], 10), sum([[1], [2, 3]], []))
print(sum([0.5, 0.25]), sum((True, True, False)), sum(x * x for x in range(10)), sum([2 ** 64, 2 ** 64]))
print(sum({1: "a", 2: "b"}), sum([-1, -2], -3), sum([1.5, 2], 0.5))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
scores = {"ann": 91, "bob": 78, "cid": 91, "dee": 85}
print(max(scores, key=scores.get), min(scores.values()), sorted(scores, key=scores.get, reverse=True))
print(max(scores.items(), key=lambda kv: (kv[1], kv[0])), len(scores), sum(scores.values()) // len(scores))
