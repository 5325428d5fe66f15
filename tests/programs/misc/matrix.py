# Matrix operations with lists of lists: multiply, transpose, identity, power, determinant.
def mat_mul(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(inner)) for j in range(cols)] for i in range(rows)]


def transpose(m):
    return [list(row) for row in zip(*m)]


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def mat_pow(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = mat_mul(result, m)
        m = mat_mul(m, m)
        e >>= 1
    return result


def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for j in range(len(m)):
        minor = [row[:j] + row[j + 1:] for row in m[1:]]
        total += (-1) ** j * m[0][j] * det(minor)
    return total


def show(name, m):
    print(name)
    for row in m:
        print("  " + " ".join("%6d" % v for v in row))


a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show("a", a)
show("b", b)
show("a*b", mat_mul(a, b))
show("b*a", mat_mul(b, a))
show("a^T", transpose(a))
print(mat_mul(a, identity(3)) == a, transpose(transpose(b)) == b)
fib = mat_pow([[1, 1], [1, 0]], 90)
print("fib(90) =", fib[0][1])
print("fib(200) =", mat_pow([[1, 1], [1, 0]], 200)[0][1])
m = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
m4 = [[6, 1, 1, 3], [4, -2, 5, 1], [2, 8, 7, 6], [3, 1, 9, 7]]
print("det", det(m), det(identity(4)), det([[1, 2], [2, 4]]), det(m4))
show("m^3", mat_pow(m, 3))
rot = [[0, -1], [1, 0]]
print([mat_pow(rot, k) for k in range(5)])
n = 12
big = [[(i * n + j) % 7 for j in range(n)] for i in range(n)]
sq = mat_mul(big, big)
print(sum(sum(r) for r in sq), sq[0][:6], sq[-1][-3:])
print(mat_mul([[1, 0], [0, 1]], [[5], [6]]), mat_mul([[2]], [[3]]))
