// float: up_float_t (double on the host, float on the pyboard's FPU, as
// MicroPython does). Compiled code keeps proven floats unboxed as C values
// and boxes them with up_float_new only where an object is needed.
#ifndef UP_FLOAT_H
#define UP_FLOAT_H

#include "obj.h"

// Returned by the scalar functions below when they raised (check
// up_exc_pending: the value itself is an ordinary float).
#define UP_FLOAT_ERR ((up_float_t)-113.0)

up_obj_t up_float_new(up_float_t v);
static inline up_float_t up_float_value(up_obj_t o) {
    return ((const up_float_obj_t *)o)->value;
}
// float, int or bool to a C float: 0, or -1 with TypeError
// ("must be real number, not str") / OverflowError (huge int).
int up_float_coerce(up_obj_t o, up_float_t *out);
// float(x) for any x: numbers, numeric strings ("1e3", " -inf ", "nan").
up_obj_t up_float_from_obj(up_obj_t x);
up_obj_t up_float_from_str(const char *s, size_t len);  // ValueError

// Python semantics (the sign of % follows the divisor; floor division);
// ZeroDivisionError -> UP_FLOAT_ERR with the exception pending.
up_float_t up_float_truediv(up_float_t a, up_float_t b);
up_float_t up_float_floordiv(up_float_t a, up_float_t b);
up_float_t up_float_mod(up_float_t a, up_float_t b);
// a ** b; a negative base with a fractional exponent gives a complex number
// in CPython: uptc raises ValueError instead (documented difference).
up_float_t up_float_pow(up_float_t a, up_float_t b);
up_obj_t up_float_divmod(up_float_t a, up_float_t b);

// round(x) -> int (banker's rounding), round(x, n) -> float
up_obj_t up_float_round(up_float_t x, up_obj_t ndigits);
up_obj_t up_float_hash(up_float_t v);  // equals up_int_hash for integral values
up_obj_t up_float_to_int(up_float_t v); // int(x): trunc; OverflowError/ValueError

// repr: the shortest string that reads back to the same value ("0.1",
// "1e+16", "inf", "nan", "-0.0"), computed for up_float_t's precision.
// buf needs 32 bytes; returns the length.
size_t up_float_repr(up_float_t v, char *buf);
int up_float_print(up_printer_t *p, up_obj_t self, int kind);

// format(x, spec) for the float presentation types e, E, f, F, g, G, %, n
// and none, with fill/align/sign/#/0/width/,/_/precision; also used by %
// formatting. spec is the text after ':'.
int up_float_format(up_printer_t *p, up_float_t v, const char *spec, size_t speclen);

#define UP_FLOAT_METHODS(X) X(is_integer)
#define UP_DECLARE_FLOAT_METHOD(name)                                              \
    up_obj_t up_float_m_##name(size_t n, const up_obj_t *args, up_obj_t kwnames); \
    extern const up_builtin_t up_builtin_float_##name;
UP_FLOAT_METHODS(UP_DECLARE_FLOAT_METHOD)

up_obj_t up_float_binary_op(int op, up_obj_t a, up_obj_t b);
up_obj_t up_float_unary_op(int op, up_obj_t a);
// What the number code does where a float would be made when the program
// has no floats (UP_CFG_FLOAT=0, see config.h): raise (UP_NULL).
#define UP_FLOAT_DISABLED() up_raise_msg(&up_type_TypeError, "float support disabled")
// float(x)
up_obj_t up_float_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);

#endif
