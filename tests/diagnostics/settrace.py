# Compiled code has no tracing hook.
import sys


def tracer(frame, event, arg):
    return tracer


sys.settrace(tracer)
