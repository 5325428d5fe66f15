# Infinite recursion raises RecursionError, which can be caught; the program continues.
def forever(n):
    return forever(n + 1) + 1


try:
    forever(0)
except RecursionError:
    print("caught")
print("still running")


def also_forever(depth):
    depth[0] += 1
    return also_forever(depth)


levels = [0]
try:
    also_forever(levels)
except RecursionError:
    print("caught again", levels[0] > 50)


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
