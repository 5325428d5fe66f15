# Classes must be defined at the top level of a module, not inside a function.
def make():
    class Local:
        pass
    return Local()


print(make())
