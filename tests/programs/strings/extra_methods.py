# str methods beyond MicroPython's core set: capitalize title swapcase ljust rjust zfill
# expandtabs isalnum splitlines rsplit partition rpartition encode.
for w in ["hello world", "HELLO", "mixed Case 123", "ünïcödé", "", "x"]:
    print(repr(w), repr(w.capitalize()), repr(w.title()), repr(w.swapcase()))
print("El niño comió piñata en Málaga".title(), "aBc DéF".swapcase())
for t in ["abc123", "abc", "123", "", "a b", "é1", "_x"]:
    print(repr(t), t.isalnum())
print("|" + "Hi".ljust(6) + "|", "|" + "Hi".rjust(6, ".") + "|", "|" + "toolong".ljust(3) + "|")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print(repr("a\tbc\td".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("\t|".expandtabs(2)))
print("line1\nline2\r\nline3\n".splitlines(), "a\n\nb".splitlines(), "".splitlines())
print("x\ny\n".splitlines(True), "x\ny".splitlines())
print("a,b,c".rsplit(",", 1), "  x  y  z ".rsplit(None, 1), "a b c".rsplit(), "a-b-c".rsplit("-", 0))
print("a b c".partition(" "), "abc".partition("x"), "a=b=c".rpartition("="), "abc".rpartition("x"))
key, _, value = "name = uptc".partition(" = ")
print(repr(key), repr(value))
enc = "résumé".encode("utf-8")
print(enc == b"r\xc3\xa9sum\xc3\xa9", len(enc), len("résumé"), "abc".encode() == b"abc")
table = [("apple", 3), ("kiwi", 12), ("watermelon", 100)]
for name, n in table:
    print(name.ljust(12, ".") + str(n).rjust(5), str(n).zfill(4), name.capitalize().center(14, "*"))
print(" ".join(w.capitalize() for w in "the quick brown fox".split()))
