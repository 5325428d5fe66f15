# Tuples as lightweight records: sorting, grouping, zip/unzip, returning and comparing.
employees = [
    ("Ann", "eng", 120, 2015),
    ("Bob", "ops", 95, 2018),
    ("Cid", "eng", 135, 2012),
    ("Dee", "sales", 88, 2020),
    ("Eve", "ops", 101, 2016),
    ("Fay", "eng", 120, 2019),
]
for name, dept, salary, year in sorted(employees, key=lambda e: (e[1], -e[2], e[0])):
    print("%-4s %-6s %4d %d" % (name, dept, salary, year))
by_dept = {}
for e in employees:
    by_dept.setdefault(e[1], []).append(e)
for dept in sorted(by_dept):
    group = by_dept[dept]
    total = sum(e[2] for e in group)
    print(dept, len(group), total, total // len(group), max(group, key=lambda e: e[2])[0])
names, depts, salaries, years = zip(*employees)
print(names, depts[:2], sum(salaries), min(years), max(years))
print(list(zip(names, years))[:3])
oldest = min(employees, key=lambda e: e[3])
print(oldest, oldest[0], oldest[-1], oldest[1:3])


def stats(values):
    n = len(values)
    mean_x100 = sum(values) * 100 // n
    s = sorted(values)
    median = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) // 2
    return n, min(values), max(values), mean_x100, median


count, lo, hi, mean_x100, median = stats(list(salaries))
print(count, lo, hi, mean_x100, median)
print(stats([5, 1, 3]), stats([4, 2]))
point_a = (1, 2, 3)
point_b = (1, 2, 4)
print(point_a < point_b, max(point_a, point_b), point_a + point_b, point_a * 2)
print(tuple(a + b for a, b in zip(point_a, point_b)), tuple(reversed(point_a)))
raises = [(n, s * 110 // 100) for n, d, s, y in employees if y < 2017]
print(raises)
ranked = [(rank, e[0]) for rank, e in enumerate(sorted(employees, key=lambda e: -e[2]), 1)]
print(ranked)
print(("x",) * 3, ("a", "b") + ("c",), (1, 2) == tuple([1, 2]), len(employees[0]))
