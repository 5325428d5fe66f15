# A name the module does not have, outside try/except ImportError.
from time import no_such_function

no_such_function()
