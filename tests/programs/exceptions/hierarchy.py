# The built-in exception hierarchy: raising each class explicitly, catching it by its bases.
classes = [BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError,
           LookupError, IndexError, KeyError, ValueError, TypeError, AttributeError, NameError,
           RuntimeError, NotImplementedError, StopIteration, AssertionError, MemoryError,
           SystemExit, KeyboardInterrupt, RecursionError, UnboundLocalError, OSError]
for cls in classes:
    try:
        raise cls("msg")
    except Exception as e:
        print(cls.__name__, "caught as Exception:", type(e).__name__, e)
    except BaseException as e:
        print(cls.__name__, "caught as BaseException only:", type(e).__name__, e)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(OverflowError, ArithmeticError))
print(issubclass(IndexError, LookupError), issubclass(KeyError, LookupError))
print(issubclass(NotImplementedError, RuntimeError), issubclass(RecursionError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(KeyboardInterrupt, Exception))
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
print(issubclass(StopIteration, Exception), issubclass(MemoryError, Exception))
print(issubclass(ValueError, (TypeError, Exception)), issubclass(TypeError, ValueError))
try:
    raise ZeroDivisionError("custom")
except ArithmeticError as e:
    print("ArithmeticError handler got", type(e).__name__, e)
try:
    raise KeyError("k")
except LookupError as e:
    print("LookupError handler got", type(e).__name__, e)
try:
    raise MemoryError
except MemoryError as e:
    print("MemoryError", repr(e), e.args)
try:
    raise KeyboardInterrupt
except KeyboardInterrupt:
    print("KeyboardInterrupt caught")
try:
    raise SystemExit(5)
except SystemExit as e:
    print("SystemExit caught, code", e.code)
try:
    try:
        raise KeyboardInterrupt("stop")
    except Exception:
        print("not here")
except BaseException as e:
    print("outer BaseException:", type(e).__name__, e)
for cls in (ValueError, IndexError, RuntimeError):
    e = cls("a", 1)
    print(type(e).__name__, e.args, str(e), repr(e), isinstance(e, Exception))
print(repr(ValueError()), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
print(isinstance(IndexError(), LookupError), isinstance(OSError(), Exception))
