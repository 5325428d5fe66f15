# + * in len, comparisons, iteration, ord/chr round trips, str() of things.
a = "abc"
b = "xyz"
print(a + b, a * 3, 2 * b, a * 0, a * -1, len(a + b), len(a * 100))
print("b" in a, "bc" in a, "ac" in a, "" in a, "z" not in a)
print(a < b, a == "abc", a != b, "abc" < "abd", "ab" < "abc", "B" < "a", "é" > "z")
print(sorted(["pear", "Apple", "apple", "banana", "Banana", "éclair"]))
print(max("hello"), min("hello"), sorted("hello"), list("abc"), tuple("ab"))
s = ""
for i in range(5):
    s += str(i) * i
print(s, len(s))
acc = []
for ch in "Mississippi":
    if ch not in acc:
        acc.append(ch)
print(acc, "".join(acc))
print([ord(c) for c in "AZaz09 ~"], "".join(chr(c) for c in range(65, 75)))
print(ord("é"), ord("ñ"), chr(233), chr(0xFC), chr(241) + chr(252))
print(str(12), str(-3.5), str(True), str(None), str([1, "a"]), str((1,)), str({"k": "v"}))
print(str("already"), str(""), repr(str(7)))
x = "spam"
y = "sp" + "am"
print(x == y, x is not None, hash(x) == hash(y), len(set([x, y])))
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print("-" * 20)
print("=" * 3 + ">" + " done")
n = 0
for c in "a1b2c3d4":
    if c.isdigit():
        n += int(c)
print(n)
