# while/for with else clauses, break skipping else, continue, nested loop exits.
for i in range(3):
    print("for", i)
else:
    print("for-else ran")
for i in range(10):
    if i == 4:
        print("break at", i)
        break
else:
    print("not printed")
for i in []:
    print("never")
else:
    print("empty for-else ran")
n = 0
while n < 3:
    print("while", n)
    n += 1
else:
    print("while-else ran", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("not printed")
print("after while", n)


def find(haystack, needle):
    for idx, item in enumerate(haystack):
        if item == needle:
            break
    else:
        return -1
    return idx


print(find([5, 6, 7], 7), find([5, 6, 7], 8), find([], 1))
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
count = 0
while count < 10:
    count += 1
    if count % 2:
        continue
    if count == 8:
        break
    print("even", count)
else:
    print("not printed")
i = 0
while i < 5:
    i += 1
    if i == 10:
        break
else:
    print("while-else after full run", i)
total = 0
for row in range(5):
    for col in range(5):
        if col > row:
            break
        if (row + col) % 3 == 0:
            continue
        total += row * col
    else:
        print("inner loop finished for row", row)
print("total", total)
