# strip/lstrip/rstrip with and without chars; case conversion; predicates.
s = "   hello world \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixyx".strip("xy")), repr("xxhixyx".lstrip("x")), repr("xxhixyx".rstrip("yx")))
print(repr("...a.b...".strip(".")), repr("abc".strip("")), repr("".strip()), repr("   ".strip()))
print(repr("0012300".strip("0")), repr("0012300".lstrip("0")), repr("0012300".rstrip("0")))
print(repr("ééaéé".strip("é")), repr("\t tab\t ".strip()))
for w in ["Hello", "WORLD", "mixed Case 123", "ünïcödé", "ÀÉÎ", "", "123"]:
    print(repr(w), w.upper(), w.lower(), w.isupper(), w.islower())
tests = ["123", "12a", "", "abc", "ABC", "aBc", "   ", " a ", "\t\n", "abc123", "é", "Ñ", "12.5", "-5"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isspace())
print("Hello".center(11, "*"), "|" + "Hi".center(6) + "|", "|" + "odd".center(6, ".") + "|")
print("CamelCaseString".lower().count("c"), "MiXeD".upper() == "MIXED")
print(" x ".strip() == "x", "a".upper() < "b".upper(), "Z" < "a")
names = ["  alice ", "BOB", "  Carol\t", "dave\n"]
clean = [n.strip()[0].upper() + n.strip()[1:].lower() for n in names]
print(clean, [n.lower().strip() for n in names], [len(n.strip()) for n in names])
print("---".join(n.strip().upper() for n in names))
for w in ["Hello", "WORLD", "abc", "ABC1", "é", "É"]:
    print(w, w.isupper(), w.islower(), w.upper().isupper(), w.lower().islower())
