# Text statistics over a multi-line string: words, lines, frequencies, longest words.
TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair.

We had everything before us, we had nothing before us."""

lines = TEXT.split("\n")
print("lines:", len(lines), "non-empty:", len([ln for ln in lines if ln.strip()]))
print("characters:", len(TEXT), "letters:", sum(1 for c in TEXT if c.isalpha()))
words = []
for line in lines:
    for raw in line.split():
        w = raw.strip(".,;:!?").lower()
        if w:
            words.append(w)
print("words:", len(words), "unique:", len(set(words)))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
for w, n in top:
    print("%-8s %3d %s" % (w, n, "#" * n))
longest = max(words, key=len)
print("longest word:", longest, len(longest))
print("average word length: %.2f" % (sum(len(w) for w in words) / len(words)))
by_len = {}
for w in set(words):
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, sorted(by_len[n]))
letters = {}
for c in TEXT.lower():
    if c.isalpha():
        letters[c] = letters.get(c, 0) + 1
print("".join(sorted(letters, key=lambda c: (-letters[c], c)))[:10])
for i, line in enumerate(lines, 1):
    print("%2d: %2d words, %3d chars | %s" % (i, len(line.split()), len(line), line[:30]))
caps = [w.strip(".,") for w in TEXT.split() if w[0].isupper()]
print("capitalized:", caps)
sentences = [s.strip() for s in TEXT.replace("\n", " ").split(".") if s.strip()]
print("sentences:", len(sentences), [len(s.split()) for s in sentences])
