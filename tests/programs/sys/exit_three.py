# sys.exit(3): the process exits with status 3 after flushing its output.
import sys



def report(values):
    for v in values:
        print("value", v, "square", v * v)
    return sum(values)


print("report sum:", report([2, 3, 4]))
total = 0
for i in range(1, 6):
    total += i
    print("total", total)
if total > 10:
    print("exiting with 3")
    sys.exit(3)
print("unreachable")
print("still unreachable")
