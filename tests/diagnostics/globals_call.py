# globals() has no dictionary to return: globals are resolved at build time.
counter = 1
table = globals()
print(table["counter"])
