# Type objects as values, called later.
kinds = [int, str, float, list, tuple, bool]
for k in kinds:
    print(k("1") if k not in (list, tuple) else k("12"))
make = dict
print(make(x=1, y=2), type(3)("7"), type("a")(5))
