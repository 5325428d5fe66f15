# Only the try body is guarded: an import in the handler must resolve.
try:
    import sys
except ImportError:
    import io
print(sys.platform)
