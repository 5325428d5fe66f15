# Format specs for floats: f e E g G %, precision, width, sign, grouping, zero padding.
vals = [0.0, 1.5, -2.25, 1234.5, 0.03125, 100.0, -0.0, 1e6, 0.0009765625]
for v in vals:
    print("[{:f}] [{:.2f}] [{:10.3f}] [{:+.1f}] [{:e}] [{:.3e}] [{:E}]".format(v, v, v, v, v, v, v))
for v in vals:
    print("[{:g}] [{:.3g}] [{:G}] [{:10.4g}] [{:%}] [{:.1%}] [{:,.2f}]".format(v, v, v, v, v, v, v))
print("{:08.2f}|{:<10.1f}|{:^10.1f}|{:*>10.2f}|{:=+10.2f}".format(3.5, 3.5, 3.5, 3.5, -3.5))
print("{:.0f} {:.0f} {:.0f} {:.0f} {:.0e}".format(0.5, 1.5, 2.5, -0.5, 2.5))
print("{:.1f} {:.2f} {:.3f}".format(0.25, 0.125, 0.0625))
print("{:g} {:g} {:g} {:g} {:g}".format(1e-5, 1e-4, 123456.0, 1234567.0, 1e16))
print("{:g} {:.3g} {:.0%} {:5.1%}".format(1.0, 2.0, 0.5, 0.125))
print("{} {} {}".format(1.0, 1e16, 1.5e-7 * 0 + 2.5))
print("{:f} {:.3f} {:e}".format(3, -7, 12), "{:.2f}".format(True))
print("{:12,.3f}|{:_.1f}|{:,}".format(1234567.125, 987654.5, 1234.5))
print(format(2.5, ".3f"), format(-1.25, "e"), format(0.5, "%"), format(1.75), format(8.0, "g"))
for p in range(6):
    print(p, "{:.{p}f}".format(2.5, p=p), "{:.{p}e}".format(1234.5, p=p), "{:.{p}g}".format(0.0625, p=p))
print("{:.3s}|{:>8.2f}|{:<+8.1e}|".format("floaty", 9.875, 0.0009765625))
prices = [("tea", 2.5), ("cake", 3.75), ("water", 1.0), ("pie", 12.125)]
total = 0.0
for item, price in prices:
    total += price
    print("{:<8}{:>8.2f}{:>10.3e}{:>8.0%}".format(item, price, price, price / 8))
print("{:<8}{:>8.2f}".format("total", total), "{:=^20.1f}".format(total))
