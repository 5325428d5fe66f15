# Memory is given back: the heap's worth of strings, lists and dicts is
# built and dropped again and again, and after each gc.collect() the free
# heap is what it was before (within 10 %). CPython's gc has no mem_free:
# there the check is vacuous and only the loop runs.
import gc


def heap_free():
    try:
        return gc.mem_free()
    except AttributeError:
        return None


def recovered(base):
    gc.collect()
    free = heap_free()
    return free is None or free * 10 >= base * 9


def strings(n):
    l = []
    for i in range(n):
        l.append(str(i) + "!")
    return len(l)


def dicts(n):
    d = {}
    for i in range(n):
        d[i] = (i, [i])
    return len(d)


gc.collect()
base = heap_free()
# Each item takes about 40 bytes of heap; growing the list needs a free
# run as large as its items array, which a heap fragmented by dropped
# temporaries may not have when it is nearly full: half the heap's worth,
# capped so that a collection at every allocation (--gc-stress) stays quick.
n = 3000 if base is None else min(base // 100, 3000)

for r in range(4):
    print("strings", r, strings(n) == n, recovered(base))
for r in range(4):
    print("dicts", r, dicts(n // 2) == n // 2, recovered(base))

# At module level, dropped with `l = None`.
for r in range(4):
    l = []
    for i in range(n):
        l.append([i, str(i)])
    ok = len(l) == n
    l = None
    print("module", r, ok, recovered(base))
