# The first program: print to the console (stdout on the host, the UART on
# the pyboard).
import sys


def greet(name):
    return "Hello, " + name + "!"


print(greet("world"))
print("uptc compiled this program ahead of time; it runs on", sys.platform)
