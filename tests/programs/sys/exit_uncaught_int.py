# raise SystemExit(4) directly at top level: exit status 4, no traceback.
def prepare(n):
    steps = []
    for i in range(n):
        steps.append(i * i)
        print("prepared", i)
    return steps


data = prepare(4)
codes = [n % 5 for n in data]
print("codes:", codes, "exit code will be", codes[-1])
print("data:", data, "sum:", sum(data))
print("about to raise SystemExit(4)")
try:
    print("inside try")
    raise SystemExit(4)
finally:
    print("finally before exiting")
print("unreachable")
