# print() with sep= and end=, nested containers, repr/str of every type.
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("no newline", end="")
print(" <- continued", end="!\n")
print(1, 2, 3, sep="\n")
print("x", end="")
print()
print(*range(5), sep="-", end=".\n")
print("", sep="|")
print(None, True, False, 0, -1, 2.5, "str", sep=" | ")
print([1, [2, [3, [4, []]]]], (1, (2, (3,))), {"a": {"b": {"c": [1, (2,)]}}})
print([None, True, "s", 'q"', "a'b", 1.5, -0.0, (), [], {}], sep="")
print({1: [1, 2], "k": (3,), (4, 5): {"x": None}}, [{"a": []}, ({},)])
print(["tab\t", "nl\n", "bs\\", "é"], ("solo",), [()], [[]], ([],))
print(sorted({3, 1, 2}), sorted({"b", "a"}), [set()], [range(3)], (range(1, 5, 2),))
print(str([1, 2]) == repr([1, 2]), str("s") == repr("s"), str(1.5) == repr(1.5))
print("multi", "args", 1, None, [2], sep="", end="|\n")
print("end with spaces", end="   \n")
print(1, end="")
print(2, end="")
print(3)
print("sep none", "end none", sep=None, end=None)


class P:
    def __repr__(self):
        return "<P>"


class Q:
    def __str__(self):
        return "Q-str"

    def __repr__(self):
        return "Q-repr"


print(P(), [P()], Q(), [Q()], (Q(),), {"q": Q()}, str(Q()), repr(Q()))
print("%s %r" % (Q(), Q()), f"{Q()} {Q()!r}", "{} {!r}".format(Q(), Q()))
