# Building, splitting and joining strings.
def run(n):
    words = []
    for i in range(n):
        words.append("w" + str(i % 97))
    text = " ".join(words)
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return len(text), len(counts), counts["w5"]


print(run(200000))
