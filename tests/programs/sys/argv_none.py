# sys.argv without extra arguments: only the program name is there.
import sys

print(len(sys.argv))
print(sys.argv[1:])
print(sys.argv[1:] == [], len(sys.argv[0]) > 0, isinstance(sys.argv[0], str))
args = sys.argv[1:]
name = args[0] if args else "default"
print("name:", name)
try:
    print(sys.argv[1])
except IndexError as e:
    print("IndexError:", e)
verbose = "-v" in sys.argv
print("verbose:", verbose)
options = {"count": 3}
for a in args:
    if a.startswith("--count="):
        options["count"] = int(a.split("=")[1])
print(options)
for i in range(options["count"]):
    print("iteration", i)
print("end")
