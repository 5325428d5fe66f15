# Sorting algorithms written in Python: quicksort, mergesort, heapsort, insertion sort.
def quicksort(a):
    if len(a) <= 1:
        return a[:]
    pivot = a[len(a) // 2]
    smaller = quicksort([x for x in a if x < pivot])
    return smaller + [x for x in a if x == pivot] + quicksort([x for x in a if x > pivot])


def mergesort(a, key=lambda x: x):
    if len(a) <= 1:
        return a[:]
    mid = len(a) // 2
    left = mergesort(a[:mid], key)
    right = mergesort(a[mid:], key)
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def heapsort(a):
    a = a[:]
    n = len(a)

    def sift(start, end):
        root = start
        while 2 * root + 1 <= end:
            child = 2 * root + 1
            if child + 1 <= end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return

    for start in range(n // 2 - 1, -1, -1):
        sift(start, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end - 1)
    return a


def insertion_sort(a):
    a = a[:]
    for i in range(1, len(a)):
        v = a[i]
        j = i - 1
        while j >= 0 and a[j] > v:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = v
    return a


seed = 7
data = []
for _ in range(300):
    seed = (seed * 48271) % 2147483647
    data.append(seed % 1000 - 500)
expected = sorted(data)
for name, fn in (("quick", quicksort), ("merge", mergesort), ("heap", heapsort), ("insertion", insertion_sort)):
    out = fn(data)
    print(name, out == expected, out[:6], out[-3:])
for case in ([], [1], [2, 1], [3, 3, 3], [5, 4, 3, 2, 1], list("sorting"), [2 ** 65, -1, 2 ** 31]):
    print(case, quicksort(case), mergesort(case), heapsort(case), insertion_sort(case))
people = [("ann", 3), ("bob", 1), ("cid", 3), ("dee", 2), ("eve", 1)]
print(mergesort(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1]) == mergesort(people, key=lambda p: p[1]))
print(data[:10], expected[:5], expected[-5:])
