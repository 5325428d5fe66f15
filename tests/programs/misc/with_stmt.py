# with statements: a user context manager class, __enter__ value, __exit__ arguments, suppression.
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit", self.name, "cleanly")
        else:
            print("exit", self.name, "with", exc_type.__name__, exc)
        return self.suppress


with Resource("a") as r:
    print("inside", r.name)
with Resource("b", suppress=True) as r:
    print("about to fail")
    raise ValueError("suppressed")
print("after suppressed block")
try:
    with Resource("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught outside", e)
with Resource("outer") as o, Resource("inner") as i:
    print("both", o.name, i.name)


def use_in_function():
    with Resource("func"):
        return "returned from with"


print(use_in_function())
for n in range(3):
    with Resource("loop%d" % n):
        if n == 1:
            continue
        print("body", n)


class Timer:
    def __init__(self):
        self.log = []

    def __enter__(self):
        self.log.append("start")
        return self.log

    def __exit__(self, *args):
        self.log.append("stop")
        return False


t = Timer()
with t as log:
    log.append("work")
print(t.log)
with Resource("nested-outer"):
    try:
        with Resource("nested-inner", suppress=False):
            1 // 0
    except ZeroDivisionError:
        print("handled between the two")
with Resource("no-as"):
    pass
