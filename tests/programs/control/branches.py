# if/elif/else chains, conditional expressions, chained comparisons, boolean short-circuit.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"


print([classify(n) for n in (-5, 0, 3, 42, 1000)])


def grade(score):
    return "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"


print([grade(s) for s in (95, 85, 75, 50, 90, 80)])
for x in range(-2, 8, 3):
    print(x, 0 <= x < 5, -1 < x <= 4 < 10, x == x == x, 1 < x > 3, x != 1 != 2)
a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 < b, c > b > a > 0, a < c < b)
calls = []


def f(v):
    calls.append(v)
    return v


print(f(0) and f(1), f(2) or f(3), f(0) or f(None), f(4) and f(5) and f(0) and f(6))
print(calls)
calls.clear()
print(f(1) < f(2) < f(0) < f(9), calls)
print(not 0, not "", not [1], not None, (not 1) == False)
print(1 and "yes" or "no", 0 and "yes" or "no", None or [] or "last", "" or 0)
val = None
print("none" if val is None else "set", "set" if val is not None else "none")
x = 5
if x:
    if x > 3:
        if x % 2:
            print("odd and > 3")
        else:
            print("even and > 3")
    else:
        print("small")
empty_checks = [0, 0.0, "", [], (), {}, set(), None, range(0), "0", [0], 0.1]
for v in empty_checks:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
y = 15
result = "fizzbuzz" if y % 15 == 0 else "fizz" if y % 3 == 0 else "buzz" if y % 5 == 0 else y
fb = [("fizzbuzz" if i % 15 == 0 else "fizz" if i % 3 == 0 else "buzz" if i % 5 == 0 else i)
      for i in range(1, 16)]
print(result, fb)
