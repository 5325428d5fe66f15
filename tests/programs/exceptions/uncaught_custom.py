# An uncaught user-defined exception after partial output, raised from a method.
class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__("invalid %s: %r" % (field, value))
        self.field = field


class Form:
    def __init__(self, **fields):
        self.fields = fields

    def validate(self):
        for name in sorted(self.fields):
            value = self.fields[name]
            print("checking", name, value)
            if isinstance(value, int) and value < 0:
                raise ValidationError(name, value)
        return True


ok = Form(age=30, height=180)
print("first form valid:", ok.validate())
bad = Form(age=30, weight=-5, zip=12345)
try:
    bad.validate()
except ValidationError as e:
    print("handled once:", e, e.field)
print("validating again without a handler")
bad.validate()
print("unreachable")
