# Tuples as dict keys and set members: coordinates, memo tables, grouping.
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (1, 1) in grid, (3, 3) in grid, len(grid))
print(sorted(grid)[:4], list(grid.items())[:3])
memo = {}


def paths(r, c):
    if r == 0 or c == 0:
        return 1
    if (r, c) in memo:
        return memo[(r, c)]
    v = paths(r - 1, c) + paths(r, c - 1)
    memo[(r, c)] = v
    return v


print(paths(10, 10), paths(16, 16), len(memo))
seen = set()
pairs = [(1, 2), (2, 1), (1, 2), (3, 3), (2, 1)]
for p in pairs:
    if p in seen:
        print("dup", p)
    seen.add(p)
print(sorted(seen))
groups = {}
for word in ["ab", "ba", "abc", "cab", "xy", "bca", "yx"]:
    key = tuple(sorted(word))
    groups.setdefault(key, []).append(word)
for k in groups:
    print(k, groups[k])
d = {(1, (2, 3)): "nested", (): "empty", ("a",): "one"}
print(d[(1, (2, 3))], d[()], d["a",], d)
try:
    d[[1, 2]] = 5
except TypeError as e:
    print("TypeError:", e)
moves = [(0, 1), (1, 0), (0, -1), (-1, 0)]
pos = (0, 0)
visited = {pos: 0}
for step in range(1, 13):
    dr, dc = moves[step % 4]
    pos = (pos[0] + dr * step, pos[1] + dc * step)
    visited[pos] = step
print(pos, len(visited), sorted(visited.items())[:4])
