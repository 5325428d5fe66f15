# Sets in practice: de-duplication keeping order, membership filters, graph reachability.
def dedupe(items):
    seen = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


print(dedupe([3, 1, 3, 2, 1, 5, 2]), dedupe("abracadabra"), dedupe([]))
stop = {"the", "a", "of", "and", "to"}
text = "the cat and the dog went to the park a bit of a walk"
print([w for w in text.split() if w not in stop])
print(sorted(set(text.split()) - stop), len(set(text.split()) & stop))
graph = {
    "a": ["b", "c"],
    "b": ["d"],
    "c": ["d", "e"],
    "d": ["f"],
    "e": ["f", "a"],
    "f": [],
    "g": ["h"],
    "h": ["g"],
}


def reachable(start):
    seen = {start}
    todo = [start]
    while todo:
        node = todo.pop()
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


for node in "adgf":
    print(node, sorted(reachable(node)))
components = []
left = set(graph)
while left:
    start = min(left)
    comp = reachable(start) & left
    components.append(sorted(comp))
    left -= comp
print(components)
a = set(range(0, 30, 2))
b = set(range(0, 30, 3))
c = set(range(0, 30, 5))
print(sorted(a & b & c), sorted((a | b) - c)[:10], len(a ^ b ^ c))
print(sorted({x for x in a if x in b}), all(x % 6 == 0 for x in a & b))
letters_per_word = [set(w) for w in ["apple", "plead", "ample"]]
common = letters_per_word[0]
for s in letters_per_word[1:]:
    common = common & s
everything = set()
for s in letters_per_word:
    everything |= s
print(sorted(common), sorted(everything))
