# Aliasing of nested lists, list of lists, copying and a list containing itself.
row = [0, 0]
board = [row, row, row]
board[0][1] = 1
print(board, board[0] is board[2])
board = [row[:] for _ in range(3)]
board[0][1] = 7
print(board, row)
a = [1, 2]
b = [a, a]
a.append(3)
print(b, b[0] is b[1])
b[0] = b[0] + [4]
print(b, a)
self_ref = [1, 2]
self_ref.append(self_ref)
print(self_ref, len(self_ref), self_ref[2] is self_ref, self_ref[2][2][0])
outer = [1]
inner = [outer]
outer.append(inner)
print(outer, inner)
d = {"k": []}
d["k"].append(d["k"])
print(d)
m = [1, 2, 3]
n = m
n[0] = 99
print(m, n, m is n, id(m) == id(n))
o = list(m)
o[1] = -1
print(m, o, id(m) == id(o))


def add_item(lst, item):
    lst.append(item)
    return lst


r = add_item(m, 4)
print(m, r is m)


def rebind(lst):
    lst = [0]
    return lst


print(rebind(m), m)
matrix = [[i * j for j in range(4)] for i in range(4)]
t = [list(col) for col in zip(*matrix)]
print(matrix == t, matrix[1], t[1])
rows = [[]] * 3
rows[0].append("x")
print(rows, [len(r) for r in rows])
