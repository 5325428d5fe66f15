# return, break and continue passing through finally; finally overriding return.
def ret_in_try():
    try:
        return "from try"
    finally:
        print("  finally runs before return")


print(ret_in_try())


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"  # noqa: B012


print(finally_overrides())


def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"  # noqa: B012


print(finally_swallows())


def ret_value_evaluated_first():
    x = [1]
    try:
        return x
    finally:
        x.append(2)


print(ret_value_evaluated_first())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
print("after loop")
n = 0
while True:
    n += 1
    try:
        try:
            if n < 3:
                continue
            break
        finally:
            print("inner finally", n)
    finally:
        print("outer finally", n)
print("n =", n)


def nested_return():
    for i in range(3):
        try:
            for j in range(3):
                try:
                    if i == 1 and j == 2:
                        return (i, j)
                finally:
                    print("  j-finally", i, j)
        finally:
            print(" i-finally", i)
    return None


print(nested_return())


def exc_in_finally():
    try:
        try:
            raise KeyError("first")
        finally:
            print("cleanup")
    except KeyError as e:
        return "caught " + str(e)


print(exc_in_finally())


def count_finally():
    count = 0
    for i in range(10):
        try:
            if i % 2:
                continue
            if i > 6:
                break
        finally:
            count += 1
    return count


print(count_finally())
