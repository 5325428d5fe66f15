# Run without floats and formatting: what needs them raises.
def div(a, b):
    return a / b


def pw(a, b):
    return a**b


def mod(a, b):
    return a % b


vals = [7, 2, -2]
for f, a, b in [(div, vals[0], vals[1]), (pw, vals[0], vals[2]), (div, vals[1], vals[0])]:
    try:
        print(f(a, b))
    except TypeError as e:
        print("TypeError", e)
print(mod(vals[0], 5))
try:
    print(mod("%d", vals[1]))
except TypeError as e:
    print("TypeError", e)
try:
    print(format(vals[0], "3d"))
except ValueError as e:
    print("ValueError", e)
print(f"{vals[0]} x")
