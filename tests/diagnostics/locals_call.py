# locals() has no dictionary to return: locals are resolved at build time.
def f(a, b):
    names = locals()
    return names


print(f(1, 2))
