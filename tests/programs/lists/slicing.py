# Slicing lists: steps, negative indices, out-of-range bounds, copies vs views.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-3], a[::2], a[1::2], a[::-1], a[::-3])
print(a[8:2:-2], a[-1:-5:-1], a[5:5], a[5:2], a[100:], a[-100:2], a[2:100:3])
print(a[:], a[:] == a, a[:] is not a)
for start in (None, 0, 3, -3):
    for stop in (None, 5, -1):
        for step in (None, 1, 2, -1):
            print(a[start:stop:step], end=" ")
    print()
b = a[2:6]
b[0] = 99
print(a, b)
nested = [[1, 2], [3, 4], [5, 6]]
shallow = nested[:]
shallow[0].append(0)
shallow[1] = ["new"]
print(nested, shallow)
try:
    print(a[::0])
except ValueError as e:
    print("ValueError:", e)
s = a[::-1][2:7][::2]
print(s, len(s))
print([1, 2, 3][-1], [1, 2, 3][-3], [[0] * 2][0], [] [0:1])
try:
    print(a[10])
except IndexError as e:
    print("IndexError:", e)
try:
    print(a[-11])
except IndexError as e:
    print("IndexError:", e)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print([row[1] for row in matrix], [matrix[i][i] for i in range(3)], matrix[::-1][0][::-1])
