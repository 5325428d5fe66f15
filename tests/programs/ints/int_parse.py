# int() from strings: bases 2..36, base 0 with prefixes, underscores, signs, spaces.
print(int("0"), int("-0"), int("123"), int("  -45  "), int("+7"))
print(int("1010", 2), int("777", 8), int("ff", 16), int("FF", 16), int("zz", 36), int("Zz", 36))
print(int("0x1F", 16), int("0o17", 8), int("0b101", 2), int("-0xff", 16))
print(int("0x1F", 0), int("0o17", 0), int("0b101", 0), int("42", 0), int("-0b11", 0), int("0", 0))
print(int("1_000", 0), int("1_000_000"), int("ff_ff", 16), int("0x_ff", 16), int("0b_1_0", 0))
print(int("10", 3), int("10", 36), int("11", 7), int("abc", 13))
print(int("123456789012345678901234567890"), int("-99999999999999999999"))
print(int("1" * 40, 2), int("f" * 20, 16), int("0x" + "f" * 20, 0))
print(int("z" * 15, 36))
bad = ["", " ", "abc", "12a", "1__0", "_1", "1_", "0x", "--1", "1 2", "0b2", "3.5"]
for s in bad:
    try:
        print(int(s))
    except ValueError as e:
        print("ValueError:", e)
for s, base in [("2", 2), ("9", 8), ("g", 16), ("08", 0), ("0x10", 10), ("z", 35)]:
    try:
        print(int(s, base))
    except ValueError as e:
        print("ValueError:", e)
print(int(3.99), int(-3.99), int(True), int(False), int(10 ** 20))
print(int("0010"), int("00", 0), int("0_0", 0))
for base in (2, 8, 10, 16, 36):
    print(base, int("11", base), int("-11", base))
