# Classes must be defined at the top level of a module, not inside an if.
DEBUG = True
if DEBUG:
    class Logger:
        pass
print("ok")
