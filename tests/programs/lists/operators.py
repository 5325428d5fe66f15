# + * += *= in, comparisons, equality of nested lists, list() of iterables.
a = [1, 2, 3]
b = [4, 5]
print(a + b, a * 2, 2 * b, [0] * 4, [] * 5, a * 0, a * -2)
c = a
c += b
print(a, c, a is c)
d = a
d = d + [6]
print(a, d, a is d)
e = [1]
e *= 3
print(e)
f = e
f *= 2
print(e, f is e)
print(3 in a, 9 in a, [4, 5] in [[4, 5], 6], "x" not in ["y"])
print([1, 2] == [1, 2], [1, 2] != [1, 2, 0], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9])
print([] < [0], [[1, 2], 3] < [[1, 3]], ["a", "b"] <= ["a", "b"], [1, 2.0] == [1.0, 2])
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1, "j": 2}), list([]))
grid = [[0] * 3] * 2
grid[0][0] = 5
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 5
print(grid2)
x = [1, [2, [3, [4]]]]
y = [1, [2, [3, [4]]]]
print(x == y, x[1][1][1][0], len(x), len(x[1]))
y[1][1][1].append(5)
print(x == y, y)
try:
    print([1] + (2,))
except TypeError as err:
    print("TypeError:", err)
try:
    print([1] * 2.0)
except TypeError as err:
    print("TypeError:", err)
try:
    print([1, 2] < [1, "x"])
except TypeError as err:
    print("TypeError:", err)
total = []
for i in range(4):
    total += [i] * i
print(total, len(total), sum(total))
print(max([[1, 2], [3], [0, 9]]), min([[1, 2], [3], [0, 9]]), bool([]), bool([0]))
