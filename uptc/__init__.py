"""uptc: ahead-of-time compiler from MicroPython-style Python to C and pyboard firmware."""

__version__ = "0.1.0"
