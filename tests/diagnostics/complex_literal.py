# Complex numbers are not supported.
z = 1.5 + 2j
print(z)
