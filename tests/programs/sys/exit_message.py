# sys.exit("message"): the message goes to stderr and the exit status is 1.
import sys


def check(config):
    for key in ("host", "port", "user"):
        print("checking", key)
        if key not in config:
            sys.exit("missing configuration key: " + key)
    return True


print(check({"host": "h", "port": 1, "user": "u"}))
configs = [{"host": "a", "port": 80, "user": "x"}, {"host": "b", "port": 81, "user": "y", "extra": 1}]
for c in configs:
    print("config", sorted(c), check(c))
print("all good so far")
missing = [k for k in ("host", "port", "user") if k not in {"host": "h"}]
print("the next check will fail on", missing[0])
print(check({"host": "h"}))
print("unreachable")
