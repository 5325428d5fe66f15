# List comprehensions: conditions, nested loops, nested comprehensions, scoping.
print([x * x for x in range(10)])
print([x for x in range(30) if x % 3 == 0 if x % 2 == 0])
print([x if x % 2 else -x for x in range(8)])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([c.upper() for c in "hello" if c not in "aeiou"])
print([len(w) for w in "the quick brown fox".split()])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i, row in enumerate(matrix)], [n for row in matrix for n in row if n % 2])
print([[row[i] for row in matrix] for i in range(3)])
print([sum(row) for row in matrix], sum([n for row in matrix for n in row]))
x = "outer"
print([x for x in "ab"], x)
print([i for i in range(5)][::-1], [i * 2 for i in [i + 1 for i in range(3)]])
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
words = ["apple", "Banana", "cherry", "date", "Elder"]
print([w for w in words if w[0].isupper()], [w[::-1] for w in words if len(w) > 4])
print([[]for _ in range(2)], [[0] * 2 for _ in range(3)], [None for _ in ""])
n = 5
print([[1 if i == j else 0 for j in range(n)] for i in range(n)])
flat = [ch for word in ["ab", "cd"] for ch in word]
print(flat, [str(i) + ch for i in range(2) for ch in "xy"])
pts = [(x, y) for x in range(-2, 3) for y in range(-2, 3) if x * x + y * y <= 2]
print(len(pts), pts)
print([f(3) for f in [abs, str, lambda v: v * v]])
