# Nested loops with flags, early exits from functions, multiplication table, pattern printing.
for i in range(1, 6):
    print(" ".join("%3d" % (i * j) for j in range(1, 6)))
for n in range(1, 6):
    print(" " * (5 - n) + "*" * (2 * n - 1))


def find_pair(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return (i, j)
    return None


print(find_pair([2, 7, 11, 15], 9), find_pair([1, 2, 3], 7), find_pair([3, 3], 6))
found = False
for a in range(1, 30):
    for b in range(a, 30):
        c2 = a * a + b * b
        c = 1
        while c * c < c2:
            c += 1
        if c * c == c2 and c < 30:
            print("triple", a, b, c)
            if a + b + c == 24:
                found = True
                break
    if found:
        break
print("found", found, a, b)
count = 0
i = 0
while i < 5:
    j = 0
    while j < 5:
        if (i + j) % 2 == 0:
            count += 1
        j += 1
    i += 1
print(count)
grid = ["#..#", ".##.", "#..#"]
for r, line in enumerate(grid):
    for c, ch in enumerate(line):
        if ch == "#":
            print((r, c), end=" ")
print()
n = 0
for i in range(4):
    for j in range(4):
        for k in range(4):
            if i < j < k:
                n += 1
print("combinations", n)
