"""Minimal programs: each does one thing and prints its result.

The size reductions (uptc/features.py) keep what a program can reach; a
big program reaches most of the runtime by many paths, so a missing path
shows only in a program that reaches it one way. Each program here calls
one type, uses one builtin or method as a value, or calls through the
generic path, and prints the result.
"""

from __future__ import annotations

from collections.abc import Iterator

from tests.generated import Program

# name -> program text
CASES: dict[str, str] = {
    # builtin types called
    "int_str": "print(int('42'))",
    "int_base": "print(int('ff', 16))",
    "float_str": "print(float('1.5'))",
    "str_int": "print(str(5) + '!')",
    "bytes_int": "print(bytes(3))",
    "bytes_list": "print(bytes([104, 105]))",
    "list_str": "print(list('ab'))",
    "tuple_list": "print(tuple([1, 2]))",
    "dict_kw": "print(dict(a=1))",
    "dict_pairs": "print(dict([(1, 2)]))",
    "set_list": "print(len(set([1, 1, 2])))",
    "frozenset_list": "print(len(frozenset([1, 2])))",
    "range_list": "print(list(range(3)))",
    "bool_int": "print(bool(2), bool(0))",
    "type_of": "print(type(5))",
    "object_new": "print(type(object()) is object)",
    "enumerate_list": "print(list(enumerate('ab')))",
    "zip_list": "print(list(zip('ab', [1, 2])))",
    "map_abs": "print(list(map(abs, [-1, 2])))",
    "filter_none": "print(list(filter(None, [0, 1, 2])))",
    "reversed_list": "print(list(reversed([1, 2])))",
    "sorted_str": "print(sorted('ba'))",
    # exception classes called
    "exc_value_error": "e = ValueError('x')\nprint(e.args, e)",
    "exc_key_error": "print(repr(KeyError(1)))",
    "exc_raise_caught": "try:\n    raise IndexError('no')\nexcept LookupError as e:\n    print(e)",
    "exc_class_value": "k = ZeroDivisionError\ntry:\n    1 // 0\nexcept k:\n    print('caught')",
    # builtins as values
    "abs_value": "f = abs\nprint(f(-3))",
    "len_value": "f = len\nprint(f('abc'))",
    "max_value": "f = max\nprint(f([3, 9, 2]))",
    "sorted_value": "f = sorted\nprint(f([2, 1]))",
    "repr_value": "f = repr\nprint(f('q'))",
    "pow_value": "f = pow\nprint(f(2, -1))",
    "type_value": "t = int\nprint(t('7') + 1)",
    "str_type_value": "t = str\nprint(t(3.5))",
    # methods as values and found by name
    "split_value": "m = 'a,b'.split\nprint(m(','))",
    "append_value": "xs = []\nm = xs.append\nm(1)\nprint(xs)",
    "unbound_upper": "print(str.upper('ab'))",
    "getattr_join": "print(getattr(',', 'jo' + 'in')(['a', 'b']))",
    "getattr_keys": "print(list(getattr({'k': 1}, 'ke' + 'ys')()))",
    "hasattr_computed": "print(hasattr([], 'ap' + 'pend'), hasattr([], 'nope' + ''))",
    # the generic call path
    "call_type": "def call(f, *a):\n    return f(*a)\nprint(call(int, '5'), call(str, 6))",
    "call_method": "def call(f, *a):\n    return f(*a)\nprint(call(str.upper, 'a'))",
    "call_fromkeys": "def call(f, *a):\n    return f(*a)\nprint(call(dict.fromkeys, 'ab'))",
    "call_kwargs": "def call(f, **k):\n    return f(**k)\nprint(call(dict, a=1))",
    # values of unknown type printed, compared, iterated
    "mixed_print": "for v in [1, 'a', 2.5, None, (1,), [2], {3: 4}]:\n    print(v)",
    "mixed_compare": "vs = [1, 2.5, True]\nprint(sorted(vs), max(vs))",
    "mixed_iter": "for v in ['ab', (1, 2), {3: 4}, range(2)]:\n    print(list(v))",
    "mixed_contains": "for c in ['abc', [1, 2], {1: 2}, (1,)]:\n    print(1 in c if c != 'abc' else 'b' in c)",
    # module values
    "math_pi": "import math\nprint(math.pi)",
    "sys_maxsize": "import sys\nprint(sys.maxsize > 2 ** 30)",
}


def programs() -> Iterator[Program]:
    for name, text in sorted(CASES.items()):
        # Floats printed here (1.5, 3.5, 0.5) read the same in single precision;
        # math.pi does not.
        yield Program(name, text + "\n", pyboard=name != "math_pi")
