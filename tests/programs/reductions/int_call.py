# uncaught exit: a type object called, in a program that reaches nothing
# else (the slot groups must keep what calling a type needs). The exit
# status says whether it worked.
import sys

x = int("42")
sys.exit(0 if x == 42 else 3)
