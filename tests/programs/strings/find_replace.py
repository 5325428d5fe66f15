# find/rfind/index/rindex, count, replace with count, startswith/endswith (tuples too).
s = "the cat sat on the mat with the hat"
print(s.find("the"), s.find("the", 1), s.find("the", 20), s.find("dog"), s.find(""))
print(s.rfind("the"), s.rfind("at"), s.rfind("at", 0, 10), s.rfind("zz"), s.find("at", 5, 9))
print(s.index("cat"), s.rindex("at"), s.index("t", 3, 10))
for needle in ("dog", "x"):
    try:
        print(s.index(needle))
    except ValueError as e:
        print("ValueError:", e)
try:
    print(s.rindex("dog"))
except ValueError as e:
    print("ValueError:", e)
print(s.count("the"), s.count("at"), s.count("a"), s.count(""), s.count("at", 10), "aaaa".count("aa"))
print(s.replace("the", "a"))
print(s.replace("the", "THE", 2))
print(s.replace("at", ""), s.replace(" ", "_", 3), s.replace("zz", "y"))
print("aaa".replace("a", "bb"), "abc".replace("", "-"), "aaa".replace("a", "b", 0))
print(s.startswith("the"), s.startswith("cat"), s.startswith("cat", 4), s.endswith("hat"))
print(s.endswith(("dog", "hat")), s.startswith(("a", "b", "t")), s.endswith(("x", "y")))
print(s.startswith(""), "".startswith(""), "abc".endswith("abc"), "abc".endswith("abcd"))
print(s.startswith("the", 15), s.endswith("cat", 0, 7), s.startswith(("sat", "on"), 8))
files = ["main.py", "README.md", "setup.cfg", "test_main.py", "notes.txt"]
print([f for f in files if f.endswith((".py", ".md"))])
print([f for f in files if f.startswith("test_")])
text = "one fish two fish red fish blue fish"
pos = []
i = text.find("fish")
while i != -1:
    pos.append(i)
    i = text.find("fish", i + 1)
print(pos, len(pos) == text.count("fish"))
print("é" in "café", "fé" in "café", "ñ".join("ab"), "niño".replace("ñ", "n"))
