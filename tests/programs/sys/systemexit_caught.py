# SystemExit raised by sys.exit() can be caught and inspected; the program then ends normally.
import sys

for arg in (0, 3, "text", None):
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print("caught SystemExit, code =", repr(e.code), "args =", e.args)
try:
    raise SystemExit(7)
except SystemExit as e:
    print("explicit SystemExit", e.code, type(e).__name__, isinstance(e, BaseException))
try:
    try:
        sys.exit(2)
    except Exception:
        print("Exception does not catch SystemExit")
except SystemExit:
    print("outer handler saw SystemExit")
try:
    sys.exit(1)
except BaseException as e:
    print("BaseException catches it:", type(e).__name__, e.code)
print("finished normally")
