# Truthiness of every type, bool() results, and how and/or return operands.
values = [0, 1, -1, 0.0, 0.5, -0.0, 2 ** 70, "", "a", " ", "0", [], [0], [[]], (), (0,), {}, {0: 0},
          set(), {0}, None, True, False, range(0), range(1)]
for v in values:
    print(repr(v), bool(v), not v, "T" if v else "F")


class Empty:
    pass


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Falsy:
    def __bool__(self):
        return False


for obj in (Empty(), Sized(0), Sized(3), Falsy()):
    print(type(obj).__name__, bool(obj), "yes" if obj else "no")
print(0 or "", "" or 0, [] or None, None or [] or {} or "last")
print(1 and 2, 0 and 2, "a" and "b" and "c", "a" and 0 and "c", [] and [1])
print(not not [], not not [1], bool(not None))
items = [0, "", None, 5, [], "x"]
print([x for x in items if x], [x for x in items if not x], list(filter(bool, items)))
print(any(items), all(items), all(x for x in items if x), sum(bool(x) for x in items))
n = 0
while not n:
    n += 1
print(n)
s = "text"
while s:
    s = s[1:]
    print(repr(s), end=" ")
print()
lst = [3, 2, 1]
while lst:
    lst.pop()
print(lst, bool(lst))
d = {"k": 0}
print(bool(d["k"]), bool(d), "k" in d and d["k"], d.get("missing") or "fallback")
