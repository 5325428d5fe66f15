# split with and without separator, maxsplit, rsplit, splitlines, join.
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2))
print(s.split(maxsplit=1))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 1), "a,b,,c,".split(",", 2), "a,b,,c,".split(",", 0))
print("a::b::c".split("::"), "abc".split("abc"), "".split(","), "".split())
print("1 2 3".split(" ", -1), "no-sep".split("-x"))
print("a,b,c".rsplit(",", 1), "  x  y  z ".rsplit(None, 1), "a b c".rsplit())
try:
    print("abc".split(""))
except ValueError as e:
    print("ValueError:", e)
words = ["alpha", "beta", "gamma"]
print(", ".join(words), "".join(words), "-".join("xyz"), " ".join([]), "+".join(["one"]))
print("\n".join(words))
print("|".join(str(i) for i in range(5)), ":".join(map(str, [1, 22, 333])))
try:
    print(",".join(["a", 1]))
except TypeError as e:
    print("TypeError:", e)
csv = "name,age,city\nAnn,31,Oslo\nBob,27,Lima\nCé,45,Nîmes"
rows = [line.split(",") for line in csv.split("\n")]
header = rows[0]
for r in rows[1:]:
    print([h + "=" + v for h, v in zip(header, r)])
print(" ".join(w[0].upper() + w[1:] for w in "hello big world".split()))
print("a b c".partition(" "), "abc".partition("x"), "a=b=c".rpartition("="))
path = "/usr/local/lib/python"
parts = path.split("/")
print(parts, len(parts), "/".join(parts[:-1]), parts[-1])
