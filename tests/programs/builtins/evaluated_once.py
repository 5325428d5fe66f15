# Every argument of a builtin call is evaluated exactly once, whatever path
# the call takes (a fast path for known types, or the generic call).
log = []


def arg(v):
    log.append(v)
    return v


class Num:
    def __init__(self, v):
        self.v = v

    def __abs__(self):
        return abs(self.v)

    def __len__(self):
        return self.v

    def __index__(self):
        return self.v

    def __int__(self):
        return self.v

    def __float__(self):
        return float(self.v)

    def __bool__(self):
        return self.v != 0

    def __repr__(self):
        return "Num(%d)" % self.v


it = iter([1, -2, 3])
print(abs(next(it)), next(it))
print(abs(arg(-4)), abs(arg(-2.5)), abs(arg(Num(-6))), abs(arg(True)))
print(len(arg("abc")), len(arg([1, 2])), len(arg((1,))), len(arg(Num(5))), len(arg({1: 2})))
print(str(arg(7)), repr(arg("q")), int(arg("12")), int(arg(3.9)), int(arg(Num(8))))
print(float(arg(2)), float(arg("1.5")), float(arg(Num(3))), bool(arg(Num(0))), bool(arg([])))
print(list(arg((1, 2))), tuple(arg([3])), isinstance(arg(3), arg(int)))
print(min(arg(3), arg(1)), max(arg([4, 9])), sum(arg([1, 2]), arg(10)), hex(arg(Num(255))))
print(divmod(arg(7), arg(2)), pow(arg(2), arg(5)), round(arg(2.675), arg(1)), chr(arg(65)))
print(sorted(arg([3, 1]), reverse=arg(True)), any(arg([0, 1])), all(arg([])))
print(log)
