# User exception classes: plain, with __init__ and extra attributes, super().__init__, __str__.
class AppError(Exception):
    pass


class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__("bad config key %r: %s" % (key, reason))
        self.key = key
        self.reason = reason


class HttpError(AppError):
    def __init__(self, status, body=""):
        self.status = status
        self.body = body

    def __str__(self):
        return "HTTP %d %s" % (self.status, self.body)


class QuietError(AppError):
    def __init__(self):
        super().__init__()


class Detailed(ValueError):
    def __init__(self, msg, *details):
        super().__init__(msg, *details)
        self.details = details


errors = [AppError("plain"), AppError(), AppError("two", "args"), ConfigError("port", "not a number"),
          HttpError(404, "Not Found"), HttpError(500), QuietError(), Detailed("d", 1, 2)]
for err in errors:
    try:
        raise err
    except AppError as e:
        print("AppError:", type(e).__name__, "|", str(e), "|", e.args)
    except ValueError as e:
        print("ValueError:", type(e).__name__, "|", str(e), "|", e.args, e.details)
try:
    raise ConfigError("timeout", "negative")
except ConfigError as e:
    print(e.key, e.reason, e, isinstance(e, AppError), isinstance(e, Exception))
try:
    raise HttpError(418, "teapot")
except Exception as e:
    print(repr(str(e)), e.status, e.body, type(e).__name__)
print(issubclass(ConfigError, AppError), issubclass(HttpError, ConfigError), issubclass(Detailed, Exception))
e = ConfigError("a", "b")
print(e.args, len(e.args))


def risky(n):
    if n == 0:
        raise QuietError
    if n == 1:
        raise HttpError(n * 100, "info")
    if n == 2:
        raise ConfigError("n", "is two")
    return n


for n in range(4):
    try:
        print("ok", risky(n))
    except HttpError as e:
        print("http", e.status)
    except AppError as e:
        print("app", type(e).__name__, e.args)
print(repr(AppError("x")), repr(QuietError()))
