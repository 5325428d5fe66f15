# A function may have at most 16 parameters.
def configure(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q):
    return a


print(configure(*range(17)))
