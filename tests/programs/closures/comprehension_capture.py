# Lambdas and nested functions created inside comprehensions capture the comprehension variable.
lams = [lambda x: x * j for j in range(3)]
print([f(10) for f in lams])
lams = [lambda x, j=j: x * j for j in range(3)]
print([f(10) for f in lams])
getters = {name: (lambda: name.upper()) for name in ["a", "b", "c"]}
print(sorted((k, g()) for k, g in getters.items()))
getters = {name: (lambda n=name: n.upper()) for name in ["a", "b", "c"]}
print(sorted((k, g()) for k, g in getters.items()))


def make_adders(n):
    return [lambda v, i=i: v + i for i in range(n)]


print([f(100) for f in make_adders(4)])


def make_powers(n):
    return [(lambda b: lambda x: x ** b)(b) for b in range(n)]


print([f(3) for f in make_powers(5)])
gens = [(x for _ in range(2)) for x in "ab"]
print([list(g) for g in gens])
funcs = [lambda: k for k in range(3)]
k = 99
print([f() for f in funcs], k)
nested = [[lambda: (i, j) for j in range(2)] for i in range(2)]
print([[f() for f in row] for row in nested])
print(sorted(set(f() for f in [lambda: m % 3 for m in range(10)])))
