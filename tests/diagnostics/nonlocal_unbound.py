# nonlocal must name a variable of an enclosing function.
def outer():
    def inner():
        nonlocal missing
        missing = 1
    inner()


outer()
