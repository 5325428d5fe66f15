# Counting and grouping with dicts: histograms, inverted indexes, nested counters.
text = """red green blue green red red yellow blue green red
orange blue green red purple yellow""".split()
counts = {}
for w in text:
    counts[w] = counts.get(w, 0) + 1
print(counts)
for w in sorted(counts, key=lambda k: (-counts[k], k)):
    print("%-7s %2d %s" % (w, counts[w], "*" * counts[w]))
index = {}
for pos, w in enumerate(text):
    if w not in index:
        index[w] = []
    index[w].append(pos)
print(index)
by_count = {}
for w, n in counts.items():
    by_count.setdefault(n, []).append(w)
print({n: sorted(ws) for n, ws in sorted(by_count.items())})
pairs = {}
for a, b in zip(text, text[1:]):
    key = (a, b)
    pairs[key] = pairs.get(key, 0) + 1
print(sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
nested = {}
for w in text:
    first = w[0]
    inner = nested.setdefault(first, {})
    inner[w] = inner.get(w, 0) + 1
print(nested)
lengths = {}
for w in counts:
    lengths[len(w)] = lengths.get(len(w), 0) + counts[w]
print(sorted(lengths.items()), sum(lengths.values()) == len(text))
total = sum(counts.values())
for w in sorted(counts):
    print(w, "%5.1f%%" % (counts[w] * 100 / total))
merged = dict(counts)
for w, n in {"red": 10, "black": 1}.items():
    merged[w] = merged.get(w, 0) + n
print(merged)
print(max(counts.items(), key=lambda kv: kv[1]), min(counts, key=counts.get), len(counts))
