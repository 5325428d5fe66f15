# float() parsing of decimal text, special values and malformed input.
good = ["0", "1", "-1", "3.5", "  2.25\n", "1e3", "1E3", "-1.5e2", "+.5", "5.", ".25e1",
        "1_000.5", "0.0625", "-0.0", "inf", "-inf", "Infinity", "+INF", "1e-2", "12.5e-1",
        "0000.125", "4_2", "6.25E+0"]
for s in good:
    f = float(s)
    print(repr(s), f, -f, f * 2)
for s in ["nan", "NaN", "-nan"]:
    f = float(s)
    print(s, f, f == f, f != f)
bad = ["", " ", "abc", "1.2.3", "1e", "e5", "--1", "1_", "_1", "1__0", "0x10", "1 2", "in f", ". 5"]
for s in bad:
    try:
        print(float(s))
    except ValueError as e:
        print("ValueError:", e)
print(float("1e30") > 1e29, float("-1e-30") < 0, float("3.75") == 3.75)
print(sum(float(x) for x in "0.5 1.25 2.5 -0.75".split()))
text = "12.5,7.25,-3.5,0.125"
nums = [float(t) for t in text.split(",")]
print(nums, max(nums), min(nums), sum(nums) / len(nums))
