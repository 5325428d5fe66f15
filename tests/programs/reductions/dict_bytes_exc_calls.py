# uncaught exit: builtin types and exception classes called, nothing printed.
import sys

d = dict(a=1)
b = bytes(3)
e = ValueError("x")
sys.exit(0 if (d == {"a": 1} and b == b"\x00\x00\x00" and e.args == ("x",)) else 3)
