# for over str, list, tuple, dict, range, enumerate, zip, reversed, nested loops.
for ch in "héllo":
    print(ch, end=",")
print()
for x in [1, "two", 3.5, None, [4]]:
    print(repr(x), end=" ")
print()
for k in {"b": 1, "a": 2, "c": 3}:
    print(k, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i, ch in enumerate("abc"):
    print(i, ch)
for i, ch in enumerate("abc", 10):
    print(i, ch)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b)
for a, b, c in zip(range(5), "ab", [True, False, None]):
    print(a, b, c)
print(list(zip()), list(zip([1, 2])), list(zip("abcd", range(2))))
for x in reversed([1, 2, 3]):
    print(x, end=" ")
for x in reversed("abc"):
    print(x, end=" ")
for x in reversed((7, 8)):
    print(x, end=" ")
print()
table = []
for i in range(1, 4):
    for j in range(1, 4):
        table.append(i * j)
print(table)
for i in range(3):
    for j in range(3):
        if i == j:
            continue
        print((i, j), end=" ")
print()
words = ["apple", "bob", "kayak", "level", "python"]
for idx, w in enumerate(words):
    if w == w[::-1]:
        print(idx, w, "palindrome")
lst = [1, 2, 3]
for x in lst:
    if x < 5:
        lst.append(x + 3)
print(lst)
it = iter([10, 20, 30])
for x in it:
    print("first", x)
    break
for x in it:
    print("rest", x)
for _ in range(2):
    pass
print("loop var after loop:", _)
for i in range(3):
    i = i * 10
    print(i, end=" ")
print()
