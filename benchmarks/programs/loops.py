# Nested counting loops with int arithmetic.
def work(n):
    total = 0
    for i in range(n):
        for j in range(100):
            total += (i * j) % 7
    return total


print(work(30000))
