# Ints beyond 31 bits that stay in the host's 63-bit small-int range, run
# without big ints (UP_CFG_BIGINT=0): the output must be CPython's. (No
# intermediate result may leave the range either: 2**62 - 1 would.)
MAX = 4611686018427387903
MIN = -4611686018427387904
vals = [2**40 + 7, -(2**40) - 9, 2**61, MIN, MAX, 3**39, 10**18]
for a in vals:
    print(a, hash(a), a // 7, a % 7, a // -1000003, a % -1000003, a >> 17, a & 0xFFFF, -a if a > MIN else 0)
    print(hex(a), oct(a), bin(a), str(a), a.bit_length(), round(a, -19), round(a, -20))
    if MIN < a < MAX:  # (rounding MAX up would leave the range)
        print(round(a, -5), round(a, -18))
    print(a.to_bytes(9, "big", signed=True), abs(a) if a > MIN else 0)
print(pow(2**40 + 3, 2**40 + 9, 2**61 - 1), pow(3, -1, 2**61 - 1), pow(-(2**60), 5, MIN))
print(int("4611686018427387903"), int("-4611686018427387904"), int("3fffffffffffffff", 16) >> 2)
print(sorted(vals), sum(vals[:3]))
