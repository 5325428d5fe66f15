# Format specs for ints: width, fill, align, sign, grouping, '#', types d x X o b c n.
vals = [0, 7, -7, 255, -255, 65535, 1234567, -1234567890, 2 ** 40]
for v in vals:
    print("[{:d}] [{:8d}] [{:<8d}] [{:^8d}] [{:08d}] [{:+d}] [{: d}]".format(v, v, v, v, v, v, v))
for v in vals:
    print("[{:x}] [{:X}] [{:#x}] [{:o}] [{:#o}] [{:b}] [{:#b}]".format(v, v, v, v, v, v, v))
for v in vals:
    print("[{:,}] [{:_}] [{:,d}] [{:_x}] [{:_b}] [{:>15,}] [{:015,}]".format(v, v, v, v, v, v, v))
print("{:*>10}|{:-<10}|{:0^10}|{:=+10}|{:=10}".format(42, 42, 42, 42, -42))
print("{:c}{:c}{:c}".format(72, 105, 233), "{:5c}|".format(65))
print("{:#010x} {:#010b} {:+#x} {:-x} {: x}".format(255, 5, 255, -255, 255))
print("{:3}|{:1}|{:>1}|".format(12345, 12345, 12345))
print("{:.3}|{:10.2}|".format("abcdef", "abcdef"))
w = 7
print("{:{}}|{:>{w}}|{:{fill}{align}{width}}|".format(3, w, 4, 5, w=w, fill="#", align="^", width=9))
print(format(255, "x"), format(255, "#06x"), format(-5, "+"), format(1000000, ","), format(7))
print(format(True, "d"), format(False, ">5"), "{:d}".format(True))
for b in (2, 8, 16):
    spec = {2: "b", 8: "o", 16: "x"}[b]
    print(b, [format(n, spec) for n in (1, 5, 10, 100, 1000)])
try:
    print("{:,b}".format(5))
except ValueError as e:
    print("ValueError:", e)
try:
    print("{:.2d}".format(5))
except ValueError as e:
    print("ValueError:", e)
