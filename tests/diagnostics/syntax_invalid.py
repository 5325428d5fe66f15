# A plain syntax error.
x = = 1
