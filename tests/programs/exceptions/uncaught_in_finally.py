# finally blocks run while an uncaught exception propagates; then the program exits with 1.
def level3(d):
    try:
        print("level3 looking up", d)
        return {"a": 1}[d]
    finally:
        print("level3 finally")


def level2(d):
    try:
        return level3(d) * 2
    finally:
        print("level2 finally")


def level1(d):
    result = []
    for k in ("a", d):
        result.append(level2(k))
        print("result so far", result)
    return result


print(level1("a"))
print(level1("missing"))
print("unreachable")
