# send() basics, StopIteration at the end of next(), StopIteration.value from return.
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received


g = echo()
print(next(g))
print(g.send("a"), g.send("b"), g.send("c"))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration with value", e.value)


def accumulator():
    total = 0
    while True:
        v = yield total
        total += v


acc = accumulator()
next(acc)
for v in (5, 10, -3):
    print("running total", acc.send(v))


def one_shot():
    yield "only"
    return 42


h = one_shot()
print(next(h))
try:
    next(h)
except StopIteration as e:
    print("done, value =", e.value)
try:
    next(h)
except StopIteration as e:
    print("again, value =", e.value)
g2 = echo()
try:
    g2.send("too early")
except TypeError as e:
    print("TypeError:", e)


def empty():
    return
    yield


print(list(empty()), next(empty(), "default"))
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration:
    print("plain iterator exhausted")
