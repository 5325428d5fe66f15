# sys.argv: the runner passes the arguments in argv.args (alpha beta 42).
import sys

print(len(sys.argv))
print(sys.argv[1:])
args = sys.argv[1:]
for i, a in enumerate(args):
    print(i, a, a.isdigit(), len(a))
numbers = [int(a) for a in args if a.isdigit()]
words = [a for a in args if not a.isdigit()]
print("numbers:", numbers, "sum:", sum(numbers))
print("words:", words, "joined:", "+".join(words))
if len(args) >= 3:
    print("third argument doubled:", int(args[2]) * 2)
print(type(sys.argv).__name__, all(isinstance(a, str) for a in sys.argv))
print(sorted(args), args[::-1], " ".join(args).upper())
count = {}
for a in args:
    for ch in a:
        count[ch] = count.get(ch, 0) + 1
print(sorted(count.items()))
print("done")
