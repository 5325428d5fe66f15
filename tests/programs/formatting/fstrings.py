# f-strings: expressions, conversions, format specs including nested {x:{w}}.
name = "World"
n = 42
x = 3.75
items = ["a", "b", "c"]
d = {"key": 7}
print(f"Hello, {name}!", f"{n}", f"{n + 1} {n * 2} {n // 5} {n % 5}")
print(f"{name!r} {name!s} {name.upper()} {len(name)} {name[::-1]}")
print(f"{items} {items[1]} {items[-1]!r} {d['key']} {d}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{n:x}|{n:#b}|{n:,}")
print(f"{x:.1f}|{x:8.3f}|{x:e}|{x:g}|{x:%}|{x:+.2f}")
w = 10
p = 3
print(f"[{x:{w}}] [{x:{w}.{p}f}] [{name:>{w}}] [{name:{'*'}^{w}}] [{n:{'0'}{w}d}]")
for width in (4, 6, 8):
    print(f"|{n:{width}}|{name:<{width}}|{x:^{width}.1f}|")
print(f"{'nested ' + name}", f"{'yes' if n > 40 else 'no'}", f"{[i * i for i in range(4)]}")
print(f"{{braces}} {{{n}}}", f"{n}{n}", f"a{n}b{x}c")
print(f"{3 + 4}", f"{(lambda v: v * 2)(5)}")
print(f"{sum(range(10))} {max(items)} {','.join(items)} {sorted(d.items())}")
print(f"{True} {None} {1 == 1.0} {not n}")


class Temp:
    def __init__(self, c):
        self.c = c

    def __str__(self):
        return f"{self.c:.1f}C"

    def __repr__(self):
        return f"Temp({self.c!r})"


t = Temp(21.5)
print(f"{t} {t!r} {t!s} {t.c:>8.2f}")
rows = [("alpha", 1, 0.5), ("beta", 22, 12.25), ("gamma", 333, 100.125)]
for a, b, c in rows:
    print(f"{a:<8}|{b:>5}|{c:>10.3f}|{b:03d}|{a[0].upper()}")
print(f"{'end':-^20}")
