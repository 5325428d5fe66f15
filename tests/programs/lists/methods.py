# append extend insert pop remove index count reverse clear copy, with edge cases.
a = [3, 1, 4]
a.append(1)
a.append([5, 9])
print(a, len(a))
a.extend([2, 6])
a.extend("ab")
a.extend(range(2))
a.extend((7,))
print(a, len(a))
a.insert(0, "first")
a.insert(3, "mid")
a.insert(-1, "before-last")
a.insert(100, "end")
a.insert(-100, "start")
print(a)
print(a.pop(), a.pop(0), a.pop(2), a.pop(-2), a)
a.remove(1)
print(a, a.index(1), a.count(1), a.count("zz"), a.index("a"), a.index(2, 3))
for bad in ("missing", 99):
    try:
        a.remove(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    a.index(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].pop(5)
except IndexError as e:
    print("IndexError:", e)
b = [1, 2, 3, 4, 5]
b.reverse()
print(b)
c = b.copy()
c.append(0)
print(b, c, b == c[:-1])
c.clear()
print(c, len(c), bool(c))
nums = []
for i in range(10):
    nums.append(i * i)
    if i % 3 == 0:
        nums.insert(0, -i)
print(nums)
while nums:
    x = nums.pop()
    if x < 10:
        break
print(x, nums)
stack = []
for tok in "1 2 + 3 4 * +".split():
    if tok in "+*":
        r = stack.pop()
        l = stack.pop()
        stack.append(l + r if tok == "+" else l * r)
    else:
        stack.append(int(tok))
    print(tok, stack)
print([1, 2, 3].index(3), [[1], [2]].index([2]), ["x", "y", "x"].count("x"))
