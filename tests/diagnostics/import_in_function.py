# An import inside a function resolves at build time like one at the top.
def load():
    import io
    return io


load()
