# Int arithmetic whose values stay in the small-int range of every target
# (31 bits on the pyboard), with no floats and no formatting: built with
# UP_CFG_BIGINT=0, UP_CFG_FLOAT=0 and UP_CFG_FORMAT=0 the output must still
# be CPython's.


def ops(a, b):
    print(a, b, a + b, a - b, a // b, a % b, divmod(a, b), a >> 3, a & b, a | b, a ^ b, ~a, -a, abs(a))
    print(a < b, a <= b, a == b, a != b, a > b, a >= b)


vals = [0, 1, -1, 7, -7, 12345, -12345, 2**28 + 3, -(2**28) - 5, 2**29, -(2**29)]
for a in vals:
    for b in [1, -1, 3, -3, 7, 1000, -65536]:
        ops(a, b)
for a in [3, -3, 1000, -1000, 2**14, -(2**14)]:
    for b in [5, -5, 2**14 - 1]:
        print(a * b, a << 5, a << 14)
for a in [0, 1, -1, 2**29 - 1, -(2**29)]:
    print(a >> 0, a >> 1, a >> 30, a >> 100, a << 0)

# powers
print(2**10, (-3) ** 5, 7**0, 0**0, 10**8, (-2) ** 29, 1**1000000, (-1) ** 1000001)
print(pow(12345, 67891, 2**29 - 3), pow(3, -1, 7), pow(-5, 3, -7), pow(2, 100, 1), pow(5, 0, 3))
print(pow(2**28 + 1, 2**28 + 7, 2**29 - 1), pow(-(2**28), 3, 1000003), pow(10, -1, 2**29 - 3))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)

# rounding to tens, hundreds... (half to even)
for n in [123456, -125, 135, 5, 15, 25, -25, 2**29 - 1, -(2**29)]:
    print(round(n, -1), round(n, -2), round(n, -9), round(n, -30), round(n, 2))

# bytes
print((1000).to_bytes(2, "big"), (1000).to_bytes(4, "little"), (-1000).to_bytes(4, "little", signed=True))
print((-128).to_bytes(1, "big", signed=True), (255).to_bytes(1, "big"), (-1).to_bytes(3, "big", signed=True))
print((2**29).to_bytes(12, "big"), (-(2**29)).to_bytes(9, "little", signed=True))
for n, length, signed in [(256, 1, False), (128, 1, True), (-129, 1, True), (-1, 2, False)]:
    try:
        n.to_bytes(length, "big", signed=signed)
    except OverflowError as e:
        print("OverflowError", e)
print((0).bit_length(), (255).bit_length(), (-(2**28)).bit_length(), (2**29).bit_length())

# text
print(int("123"), int("-0x1f", 0), int("  42  "), int("1_000"), int("zz", 36), int("0b101", 0))
print(int("-536870912"), int("000000000000000000000000012"), int("+7"), int("-0"))
print(hex(-255), oct(8), bin(5), hex(2**29), bin(-(2**29)), str(-(2**29)), repr(2**29 - 1))
print(hash(12345), hash(-1), hash(-2), hash(2**29), hash(True))

# ordering, containers
print(sorted(vals), min(vals), max(vals), sum([1, 2, 3, -(2**29)]))
print({v: v % 7 for v in vals})
