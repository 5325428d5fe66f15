# Generator pipelines over text: read lines, parse, filter, aggregate; generators with state.
LOG = """2024-01-01 INFO start
2024-01-01 WARN disk 81
2024-01-02 INFO tick
2024-01-02 ERROR disk 97
2024-01-03 WARN mem 75
2024-01-03 INFO tick
2024-01-04 ERROR net 1
2024-01-04 WARN disk 85"""


def lines(text):
    for line in text.split("\n"):
        yield line


def parse(src):
    for line in src:
        date, level, *rest = line.split()
        yield {"date": date, "level": level, "words": rest}


def only(levels, records):
    for r in records:
        if r["level"] in levels:
            yield r


def numbered(src, start=1):
    n = start
    for item in src:
        yield n, item
        n += 1


for n, rec in numbered(only(("WARN", "ERROR"), parse(lines(LOG)))):
    print(n, rec["date"], rec["level"], " ".join(rec["words"]))
levels = {}
for rec in parse(lines(LOG)):
    levels[rec["level"]] = levels.get(rec["level"], 0) + 1
print(levels)
disk = [int(r["words"][1]) for r in parse(lines(LOG)) if r["words"][0] == "disk"]
print(disk, max(disk), sum(disk) // len(disk))


def window(src, size):
    buf = []
    for item in src:
        buf.append(item)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)


print(list(window(range(6), 3)), list(window("ab", 3)))


def running_max(src):
    best = None
    for v in src:
        if best is None or v > best:
            best = v
        yield best


print(list(running_max([3, 1, 4, 1, 5, 9, 2, 6])))
dates = sorted(set(r["date"] for r in parse(lines(LOG))))
print(dates, len(dates))
gen = parse(lines(LOG))
first = next(gen)
rest = list(gen)
print(first["level"], len(rest), rest[-1]["words"])
