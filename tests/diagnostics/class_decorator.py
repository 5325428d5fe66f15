# Classes are bound once, by their class statement: no class decorators.
def register(cls):
    return cls


@register
class Plugin:
    pass
