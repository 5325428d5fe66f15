# Nested classes are not supported.
class Outer:
    x = 1

    class Inner:
        y = 2
