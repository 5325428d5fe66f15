# Relative imports are not supported.
from . import helpers

print(helpers)
