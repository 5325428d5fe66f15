# Methods may only use @staticmethod, @classmethod, @property and @name.setter.
def logged(fn):
    return fn


class Service:
    @logged
    def start(self):
        return "started"
