// Names the runtime itself looks up (special methods, attributes). Each is a
// ROM str object up_q_<name>; the compiler refers to these same objects when
// a program uses one of the names, so lookups compare pointers. The list is
// read by the compiler (uptc/backend_c/names.py) -- keep one X() per name.
#ifndef UP_QSTR_H
#define UP_QSTR_H

#include "obj.h"

#define UP_QSTRS(X)                                                                          \
    X(__init__) X(__new__) X(__repr__) X(__str__) X(__format__) X(__hash__) X(__bool__)     \
    X(__len__) X(__getitem__) X(__setitem__) X(__delitem__) X(__contains__) X(__iter__)     \
    X(__next__) X(__call__) X(__eq__) X(__ne__) X(__lt__) X(__le__) X(__gt__) X(__ge__)     \
    X(__add__) X(__sub__) X(__mul__) X(__truediv__) X(__floordiv__) X(__mod__) X(__pow__)   \
    X(__lshift__) X(__rshift__) X(__and__) X(__or__) X(__xor__) X(__matmul__)              \
    X(__radd__) X(__rsub__) X(__rmul__) X(__rtruediv__) X(__rfloordiv__) X(__rmod__)       \
    X(__rpow__) X(__rlshift__) X(__rrshift__) X(__rand__) X(__ror__) X(__rxor__)           \
    X(__rmatmul__) X(__iadd__) X(__isub__) X(__imul__) X(__itruediv__) X(__ifloordiv__)    \
    X(__imod__) X(__ipow__) X(__ilshift__) X(__irshift__) X(__iand__) X(__ior__)           \
    X(__ixor__) X(__imatmul__) X(__neg__) X(__pos__) X(__invert__) X(__abs__) X(__int__)   \
    X(__float__) X(__index__) X(__enter__) X(__exit__) X(__getattr__) X(__setattr__)       \
    X(__name__) X(__class__) X(__dict__) X(__doc__) X(__module__) X(__qualname__)          \
    X(__cause__) X(__context__) X(__traceback__) X(__main__) X(__get__) X(__set__)         \
    X(args) X(value) X(code) X(errno) X(send) X(throw) X(close) X(keys) X(items) X(values) \
    X(append) X(extend) X(real) X(imag)

#define UP_Q(name) ((up_obj_t)&up_q_##name)
#define UP_DECLARE_QSTR(name) extern const up_str_t up_q_##name;
UP_QSTRS(UP_DECLARE_QSTR)

#endif
