# Comprehension scoping: loop variables do not leak, outer names are visible, evaluation order.
x = "outer x"
squares = [x * x for x in range(5)]
print(squares, x)
i = 100
evens = {i: i % 2 == 0 for i in range(4)}
print(evens, i)
factor = 3
print([v * factor for v in range(4)], {v * factor for v in range(3)} == {0, 3, 6})


def scaled(values, k):
    return [v * k for v in values if v * k < 20]


print(scaled(range(10), 3), scaled([], 2))
order = []


def src(n):
    order.append("src%d" % n)
    return range(n)


def cond(v):
    order.append("cond%d" % v)
    return v % 2 == 0


print([v for v in src(4) if cond(v)], order)
matrix = [[r * 10 + c for c in range(3)] for r in range(3)]
print([[row[c] for row in matrix] for c in range(3)])
print([cell for row in matrix for cell in row if cell % 20 == 0])
words = ["one", "two", "three", "four"]
lengths = {w: len(w) for w in words}
print({w: n for w, n in lengths.items() if n == max(lengths.values())})


class Table:
    base = 10
    rows = [r * 2 for r in range(base)]


print(Table.rows)


def outer():
    limit = 3
    return [[j for j in range(limit) if j <= k] for k in range(limit)]


print(outer())
total = 0
for row in [[n for n in range(k)] for k in range(5)]:
    total += sum(row)
print(total, [len([c for c in w if c in "aeiou"]) for w in words])
