# A class may have one base class.
class Walker:
    def walk(self):
        return "walk"


class Swimmer:
    def swim(self):
        return "swim"


class Duck(Walker, Swimmer):
    pass
