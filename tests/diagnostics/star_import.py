# from ... import * is not supported: import the names you use.
from math import *

print(sqrt(4))
