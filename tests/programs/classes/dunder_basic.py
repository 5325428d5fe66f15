# __repr__, __str__, __eq__, __lt__ (sorting instances), __hash__, __len__, __bool__.
class Card:
    RANKS = "23456789TJQKA"

    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit

    def __repr__(self):
        return "Card(%r, %r)" % (self.rank, self.suit)

    def __str__(self):
        return self.rank + self.suit

    def __eq__(self, other):
        return isinstance(other, Card) and self.rank == other.rank and self.suit == other.suit

    def __lt__(self, other):
        return Card.RANKS.index(self.rank) < Card.RANKS.index(other.rank)

    def __hash__(self):
        return hash((Card.RANKS.index(self.rank), ord(self.suit)))


hand = [Card("K", "h"), Card("2", "s"), Card("T", "d"), Card("A", "c"), Card("5", "h")]
print(hand)
print([str(c) for c in hand], str(hand[0]), repr(hand[0]), "%s %r" % (hand[1], hand[1]))
print(sorted(hand), max(hand), min(hand))
print(Card("K", "h") == Card("K", "h"), Card("K", "h") != Card("K", "s"), Card("2", "s") == "2s")
print(Card("K", "h") in hand, Card("Q", "h") in hand, hand.index(Card("A", "c")))
print(len({Card("K", "h"), Card("K", "h"), Card("2", "s")}))
print(hand[0] > hand[1], hand[1] > hand[0])


class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return "Bag" + repr(tuple(self.items))


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


b = Bag(1, 2, 3)
print(len(b), bool(b), bool(Bag()), b, [Bag("x")], str(Bag()))
print(bool(Flag(True)), bool(Flag(False)), "yes" if Flag(True) else "no", not Flag(False))


class Plain:
    pass


p = Plain()
q = p
print(p == q, p == Plain(), p != Plain(), bool(p))


class Version:
    def __init__(self, s):
        self.parts = tuple(int(x) for x in s.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __repr__(self):
        return "v" + ".".join(str(p) for p in self.parts)


vs = [Version(s) for s in ["1.10.0", "1.2.3", "1.2", "0.9.9", "1.2.3"]]
print(sorted(vs), vs[1] == vs[4], vs[2] < vs[1], vs[0] <= vs[0], vs[3] > vs[0])
