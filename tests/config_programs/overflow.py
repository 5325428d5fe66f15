# Run without big ints: a result outside the small-int range raises
# OverflowError("int too large") instead of becoming a big int.
def power(b, e):
    return b**e


def shift(a, s):
    return a << s


n = 1
i = 0
try:
    while True:
        n = n * 3
        i += 1
except OverflowError as e:
    print("overflow at", i, e)
for f, args in [(power, (2, 70)), (shift, (1, 70))]:
    try:
        print(f(*args))
    except OverflowError as e:
        print(e)
try:
    print(int("9" * 30))
except OverflowError as e:
    print(e)
print("ok")
