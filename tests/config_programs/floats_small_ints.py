# Floats with ints that stay small, run without big ints (UP_CFG_BIGINT=0):
# int / int of operands beyond the float's mantissa rounds correctly, and
# comparisons, conversions and float parsing agree with CPython.
nums = [2**53 + 1, 4611686018427387903, -4611686018427387904, 3**39, 10**18 + 3, 12345, -7, 0]
dens = [3, -7, 2**61 + 5, 10**9 + 7, 2**53 - 1, 1]
for a in nums:
    print(a, float(a), [a / b for b in dens])
    print(a < 2.0**53, a == float(a), a > 9.2e18, a <= -4.6e18, a >= 1e18, a != 3.0**39)
for f in [0.5, -0.5, 1e18, -4.6e18, 2.0**61, 123456789.75, -1.5]:
    print(f, int(f), round(f), f == int(f), int(f) < f, hash(f) == hash(int(f)))
print(hash(2.0**40) == hash(2**40), nums[1] == 2.0**62, nums[2] == -(2.0**62))
print(float("1.5e300"), float("123456789012345678901234567890"), float("-0.000000000000000000000000012345"))
print(float("2.2250738585072011e-308"), float("9007199254740993"), float("1e-320"))
