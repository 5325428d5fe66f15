# Infinite recursion raises RecursionError, which can be caught; the program continues.
def forever(n):
    return forever(n + 1) + 1


try:
    forever(0)
except RecursionError:
    print("caught")
print("still running")


def also_forever(items):
    items.append(len(items))
    return also_forever(items)


lst = []
try:
    also_forever(lst)
except RecursionError:
    print("caught again", len(lst) > 50)


class Node:
    def __init__(self):
        self.next = self

    def length(self):
        return 1 + self.next.length()


try:
    Node().length()
except RecursionError:
    print("caught in a method")


def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)


print("recursion still works:", ok(50))
