# Conway's Game of Life on a small torus grid, printed for several generations.
def parse(rows):
    return {(r, c) for r, line in enumerate(rows) for c, ch in enumerate(line) if ch == "#"}


def step(live, h, w):
    counts = {}
    for r, c in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = ((r + dr) % h, (c + dc) % w)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}


def show(live, h, w):
    for r in range(h):
        print("".join("#" if (r, c) in live else "." for c in range(w)))


H, W = 8, 10
glider = parse([
    ".#........",
    "..#.......",
    "###.......",
])
blinker = {(5, 6), (5, 7), (5, 8)}
world = glider | blinker
for gen in range(5):
    print("generation", gen, "population", len(world))
    show(world, H, W)
    world = step(world, H, W)
history = []
for gen in range(5, 20):
    history.append(len(world))
    if gen == 11:
        print("generation 11, just before the collision ends")
        show(world, H, W)
        print(sorted(world))
    world = step(world, H, W)
print("populations 5..19:", history)
lone = glider
for gen in range(40):
    lone = step(lone, H, W)
moved = sorted(((r + 10) % H, (c + 10) % W) for r, c in glider)
print("a lone glider after 40 generations:", len(lone), sorted(lone) == moved)
still = parse(["##", "##"])
print(step(still, 6, 6) == still, len(step({(0, 0)}, 5, 5)))
