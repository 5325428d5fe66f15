# Indexing (negative too) and slicing with steps, on ASCII and non-ASCII strings.
s = "Hello, World"
print(len(s), s[0], s[4], s[-1], s[-5], s[len(s) - 1])
print(s[0:5], s[7:], s[:5], s[-5:], s[:-7], s[3:3], s[5:2], s[100:], s[-100:3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[-1:-6:-1], s[8:2:-2], s[2:8:3])
print(s[:], s[::1] == s, s[0:len(s):4], s[-3::-3])
for i in range(-len(s), len(s), 3):
    print(i, repr(s[i]), end="; ")
print()
for step in (1, 2, 3, -1, -2, -4):
    print(step, repr(s[::step]), repr(s[1:-1:step]), repr(s[-2:1:step]))
t = "héllo wörld ñandú"
print(len(t), t[1], t[-1], t[7], t[::-1], t[1:5], t[::3])
print(t.index("ñ"), t.find("ö"), t[t.index("ñ"):])
for bad in (12, -13, 100):
    try:
        print(s[bad])
    except IndexError as e:
        print("IndexError:", e)
empty = ""
print(repr(empty[:]), repr(empty[::-1]), repr(empty[0:10]), len(empty))
word = "racecar"
print(word == word[::-1], "python" == "python"[::-1])
chars = [c for c in "abcdef"]
print(chars, "".join(chars[::-1]), "-".join(chars[1::2]))
print("abc"[1:][0], "abcdef"[1:5][::-1][1:], "xyz"[-1::-1])
for i in range(len(word)):
    print(word[:i] + "|" + word[i:], end=" ")
print()
