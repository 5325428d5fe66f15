# str.format reached through a name only, and a format field's attribute.
f = getattr("{:>6.2f}|{:x}", "for" + "mat")
print(f(2.5, 255))
fmt = "{0}-{1}"
print(fmt.format(1, 2))
