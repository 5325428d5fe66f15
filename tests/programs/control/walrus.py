# Assignment expressions (:=) in while, if, comprehensions and arguments.
data = [3, 8, 1, 9, 4, 7]
i = 0
while (v := data[i]) != 9:
    print("value", v)
    i += 1
print("stopped at", v, "index", i)
if (n := len(data)) > 5:
    print("long list", n)
filtered = [y for x in data if (y := x * 2) > 8]
print(filtered, y)
total = 0
sums = [total := total + x for x in data]
print(sums, total)
chunks = []
pos = 0
text = "abcdefghij"
while chunk := text[pos:pos + 3]:
    chunks.append(chunk)
    pos += 3
print(chunks)


def process(vals):
    if (m := max(vals)) > 5 and (k := vals.index(m)) > 0:
        return m, k
    return None


print(process([1, 9, 3]), process([2, 3]), process([9, 1]))
print((w := 10) + w, w)
stack = [1, 2, 3]
while stack and (top := stack.pop()) != 2:
    print("popped", top)
print(stack, top)
