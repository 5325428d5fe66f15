# A queue/stack simulation: a bank-teller queue with a deterministic pseudo-random generator.
class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2 ** 31
        return self.state

    def randint(self, lo, hi):
        return lo + self.next() % (hi - lo + 1)


class Queue:
    def __init__(self):
        self.items = []
        self.head = 0

    def push(self, x):
        self.items.append(x)

    def pop(self):
        if self.head >= len(self.items):
            raise IndexError("pop from empty queue")
        x = self.items[self.head]
        self.head += 1
        if self.head > 16 and self.head * 2 > len(self.items):
            self.items = self.items[self.head:]
            self.head = 0
        return x

    def __len__(self):
        return len(self.items) - self.head


rng = Rng(42)
q = Queue()
tellers = [None, None]
waits = []
served = 0
next_id = 0
for tick in range(60):
    if rng.randint(0, 9) < 6:
        q.push((next_id, tick, rng.randint(1, 5)))
        next_id += 1
    for t in range(len(tellers)):
        if tellers[t] is not None:
            cid, remaining = tellers[t]
            tellers[t] = (cid, remaining - 1) if remaining > 1 else None
            if tellers[t] is None:
                served += 1
        if tellers[t] is None and len(q):
            cid, arrived, duration = q.pop()
            waits.append(tick - arrived)
            tellers[t] = (cid, duration)
    if tick % 10 == 9:
        print("tick %2d queue=%2d served=%2d tellers=%s" % (tick, len(q), served, tellers))
print("customers:", next_id, "served:", served, "still waiting:", len(q))
print("max wait:", max(waits), "total wait:", sum(waits), "avg x100:", sum(waits) * 100 // len(waits))
try:
    empty = Queue()
    empty.pop()
except IndexError as e:
    print("IndexError:", e)
stack = []
undo = []
for cmd in ["push 1", "push 2", "push 3", "pop", "push 4", "undo", "undo", "pop", "pop", "pop", "undo"]:
    op = cmd.split()
    if op[0] == "push":
        stack.append(int(op[1]))
        undo.append(("pop", None))
    elif op[0] == "pop":
        if stack:
            v = stack.pop()
            undo.append(("push", v))
        else:
            print("  nothing to pop")
    elif op[0] == "undo" and undo:
        kind, v = undo.pop()
        if kind == "pop":
            stack.pop()
        else:
            stack.append(v)
    print("%-7s -> %s" % (cmd, stack))
