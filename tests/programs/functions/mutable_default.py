# The mutable default argument is created once and shared across calls.
def append_to(item, target=[]):
    target.append(item)
    return target


print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))


def count_calls(counter={"n": 0}):
    counter["n"] += 1
    return counter["n"]


print(count_calls(), count_calls(), count_calls({"n": 100}), count_calls())


def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(safe_append(1), safe_append(2), safe_append(3, [0]))
a = append_to(5)
b = append_to(6)
print(a is b, a)


def memo_fib(n, cache={0: 0, 1: 1}):
    if n not in cache:
        cache[n] = memo_fib(n - 1) + memo_fib(n - 2)
    return cache[n]


print(memo_fib(50), memo_fib(90), memo_fib(10))


def tuple_default(x, t=(1, 2)):
    t = t + (x,)
    return t


print(tuple_default(3), tuple_default(4))


def history(event, log=[]):
    log.append(event)
    return len(log), list(log)


for ev in ("start", "run", "stop"):
    print(history(ev))
