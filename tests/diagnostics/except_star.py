# except* (exception groups) is not supported.
try:
    print("body")
except* ValueError:
    print("handler")
