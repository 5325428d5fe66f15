# str, repr and int() of huge values; base conversions; digit sums.
vals = [2 ** 200, -(2 ** 200), 10 ** 50, 10 ** 50 - 1, -(10 ** 50) + 1, 3 ** 300, 7 ** 100]
for v in vals:
    s = str(v)
    print(len(s), s[:15], s[-15:], repr(v) == s, int(s) == v)
print(2 ** 200)
print(-(3 ** 150))
print(hex(2 ** 200), oct(2 ** 100), bin(2 ** 70))
print(hex(-(2 ** 100) - 1), bin(-(2 ** 65)))
print(int(hex(3 ** 100), 16) == 3 ** 100, int(bin(7 ** 40), 2) == 7 ** 40, int(oct(5 ** 60), 8) == 5 ** 60)
print(int(hex(3 ** 100), 0) == 3 ** 100, int("-" + hex(3 ** 100)[2:], 16) == -(3 ** 100))
digits = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n, base):
    if n == 0:
        return "0"
    sign = ""
    if n < 0:
        sign = "-"
        n = -n
    out = []
    while n:
        n, d = divmod(n, base)
        out.append(digits[d])
    return sign + "".join(reversed(out))


for base in (2, 3, 7, 16, 36):
    s = to_base(12345678901234567890123, base)
    print(base, s, int(s, base))
print(to_base(-(2 ** 100), 36), int(to_base(-(2 ** 100), 36), 36) == -(2 ** 100))
print(sum(int(ch) for ch in str(2 ** 1000)))
print([len(str(10 ** k)) for k in range(0, 100, 9)])
print(f"{2 ** 100}", "%d" % (3 ** 70), "{}".format(-(5 ** 50)))
print(str(10 ** 18), str(10 ** 19), str(-(10 ** 19)), str(9223372036854775807), str(9223372036854775808))
