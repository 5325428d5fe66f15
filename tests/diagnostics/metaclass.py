# Metaclasses are not supported (MicroPython has none either).
class Meta(type):
    pass


class Model(metaclass=Meta):
    pass
