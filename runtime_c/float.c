// float: boxing, Python's division/modulo/power semantics, round(), hash,
// conversions, the generic slots, the constructor and the methods.
//
// up_float_t is double on the host and float on the board (UP_FLOAT32);
// the libm calls go through M() so the board uses the single-precision
// functions its FPU runs. Mixed int/float arithmetic converts the int
// (OverflowError when it is too large); mixed comparisons are exact.
#include "up.h"

#include <math.h>

#include "floatrepr.h"

#if defined(UP_FLOAT32) && UP_FLOAT32
#define M(fn) fn##f
#else
#define M(fn) fn
#endif


up_obj_t up_float_new(up_float_t v) {
    up_float_obj_t *o = up_alloc_noscan(sizeof(up_float_obj_t));
    if (o == NULL) {
        return UP_NULL;
    }
    o->base.type = &up_type_float;
    o->value = v;
    return (up_obj_t)o;
}

static bool is_finite(up_float_t v) {
    return v - v == 0;
}

int up_float_coerce(up_obj_t o, up_float_t *out) {
    if (up_is_float(o)) {
        *out = up_float_value(o);
        return 0;
    }
    if (up_is_bool(o)) {
        *out = o == UP_TRUE;
        return 0;
    }
    if (up_is_int(o)) {
        return up_int_as_float(o, out);
    }
    up_raise_fmt(&up_type_TypeError, "must be real number, not %T", o);
    return -1;
}

// float(text) for a str or bytes object, or for C text (orig UP_NULL).
static up_obj_t float_from_text(up_obj_t orig, const char *s, size_t len) {
    up_float_t v;
    int r = up_float_parse(s, len, &v);
    if (r < 0) {
        return UP_NULL;
    }
    if (r > 0) {
        if (orig == UP_NULL) {
            orig = up_str_new(s, len);
            if (orig == UP_NULL) {
                return UP_NULL;
            }
        }
        return up_raise_fmt(&up_type_ValueError, "could not convert string to float: %r", orig);
    }
    return up_float_new(v);
}

up_obj_t up_float_from_str(const char *s, size_t len) {
    return float_from_text(UP_NULL, s, len);
}

up_obj_t up_float_from_obj(up_obj_t x) {
    if (up_is_float(x)) {
        return x;
    }
    if (up_is_str(x) || up_type_is(x, &up_type_bytes)) {
        return float_from_text(x, up_str_data(x), up_str_size(x));
    }
    if (up_is_int(x) || up_is_bool(x)) {
        up_float_t v;
        return up_float_coerce(x, &v) < 0 ? UP_NULL : up_float_new(v);
    }
    return up_unary_op(UP_UOP_FLOAT, x);
}

up_obj_t up_float_to_int(up_float_t v) {
    return up_int_from_float(v);
}

// ---- arithmetic -----------------------------------------------------------------------

static up_float_t float_error(const char *msg) {
    up_raise_msg(&up_type_ZeroDivisionError, msg);
    return UP_FLOAT_ERR;
}

up_float_t up_float_truediv(up_float_t a, up_float_t b) {
    if (b == 0) {
        return float_error("float division by zero");
    }
    return a / b;
}

// Python's divmod on floats (b != 0): the quotient floored, the remainder
// with the sign of b, and both exact where CPython's are.
static void divmod_core(up_float_t a, up_float_t b, up_float_t *q, up_float_t *r) {
    up_float_t mod = M(fmod)(a, b);
    up_float_t div = (a - mod) / b;
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1;
        }
    } else {
        mod = M(copysign)(0, b);
    }
    up_float_t fdiv;
    if (div != 0) {
        fdiv = M(floor)(div);
        if (div - fdiv > (up_float_t)0.5) {
            fdiv += 1;
        }
    } else {
        fdiv = M(copysign)(0, a / b);
    }
    *q = fdiv;
    *r = mod;
}

up_float_t up_float_floordiv(up_float_t a, up_float_t b) {
    if (b == 0) {
        return float_error("float floor division by zero");
    }
    up_float_t q, r;
    divmod_core(a, b, &q, &r);
    return q;
}

up_float_t up_float_mod(up_float_t a, up_float_t b) {
    if (b == 0) {
        return float_error("float modulo");
    }
    up_float_t mod = M(fmod)(a, b);
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
        }
    } else {
        mod = M(copysign)(0, b);
    }
    return mod;
}

up_obj_t up_float_divmod(up_float_t a, up_float_t b) {
    if (b == 0) {
        return up_raise_msg(&up_type_ZeroDivisionError, "float divmod()");
    }
    up_float_t q, r;
    divmod_core(a, b, &q, &r);
    up_obj_t qo = up_float_new(q);
    up_obj_t ro = qo ? up_float_new(r) : UP_NULL;
    return ro ? up_tuple_pack2(qo, ro) : UP_NULL;
}

static bool is_odd_integer(up_float_t w) {
    // w is integral and odd: w mod 2 == 1 (exact in floating point)
    return M(fmod)(M(fabs)(w), 2) == 1;
}

up_float_t up_float_pow(up_float_t a, up_float_t b) {
    if (b == 0) {
        return 1;
    }
    if (a != a) {
        return a;
    }
    if (b != b) {
        return a == 1 ? 1 : b;
    }
    if (!is_finite(b)) {
        up_float_t x = M(fabs)(a);
        if (x == 1) {
            return 1;
        }
        return (b > 0) == (x > 1) ? M(fabs)(b) : 0;
    }
    if (!is_finite(a)) {
        bool odd = is_odd_integer(b);
        if (b > 0) {
            return odd ? a : M(fabs)(a);
        }
        return odd ? M(copysign)(0, a) : 0;
    }
    if (a == 0) {
        if (b < 0) {
            up_raise_msg(&up_type_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return UP_FLOAT_ERR;
        }
        return is_odd_integer(b) ? a : 0;
    }
    bool negate = false;
    if (a < 0) {
        if (b != M(floor)(b)) {
            // CPython gives a complex number; uptc has none.
            up_raise_msg(&up_type_ValueError, "negative number cannot be raised to a fractional power");
            return UP_FLOAT_ERR;
        }
        a = -a;
        negate = is_odd_integer(b);
    }
    if (a == 1) {
        return negate ? -1 : 1;
    }
    up_float_t r = M(pow)(a, b);
    if (!is_finite(r)) {
        // CPython reports the C library's ERANGE as OSError-style args.
        up_obj_t args[2] = {up_small(34), up_str_from_cstr("Numerical result out of range")};
        if (args[1] != UP_NULL) {
            up_obj_t e = up_exc_new(&up_type_OverflowError, 2, args);
            if (e != UP_NULL) {
                up_raise(e);
            }
        }
        return UP_FLOAT_ERR;
    }
    return negate ? -r : r;
}

// ---- round and hash ------------------------------------------------------------------------

// Digits beyond which round(x, n) is x itself, and below which it is 0.
#define NDIGITS_MAX ((-UP_FLOAT_EMIN) * 30103L / 100000)
#define NDIGITS_MIN (-((UP_FLOAT_EMAX + 2) * 30103L / 100000))

up_obj_t up_float_round(up_float_t x, up_obj_t ndigits) {
    if (ndigits == UP_NULL || ndigits == UP_NONE) {
        // half to even, to an int
        up_float_t f = M(floor)(x);
        up_float_t diff = x - f;
        if (diff > (up_float_t)0.5 || (diff == (up_float_t)0.5 && M(fmod)(f, 2) != 0)) {
            f += 1;
        }
        return up_int_from_float(is_finite(x) ? f : x);
    }
    if (up_is_bool(ndigits)) {
        ndigits = up_small(ndigits == UP_TRUE);
    }
    if (!up_is_int(ndigits)) {
        return up_raise_fmt(&up_type_TypeError, "'%T' object cannot be interpreted as an integer", ndigits);
    }
    long n;
    if (up_is_small(ndigits)) {
        up_int_t v = up_small_value(ndigits);
        n = v > 100000 ? 100000 : v < -100000 ? -100000 : (long)v;
    } else {
        n = up_int_sign(ndigits) > 0 ? 100000 : -100000;
    }
    if (n > NDIGITS_MAX || x == 0 || !is_finite(x)) {
        return up_float_new(x);
    }
    if (n < NDIGITS_MIN) {
        return up_float_new(0 * x);
    }
    bool neg = x < 0;
    up_decimal_t d;
    up_float_fixed(neg ? -x : x, (int)n, true, &d);
    up_float_t r;
    if (up_float_from_decimal(neg, d.digits, (size_t)d.n, d.exp, &r) < 0) {
        return UP_NULL;
    }
    if (!is_finite(r)) {
        return up_raise_msg(&up_type_OverflowError, "rounded value too large to represent");
    }
    return up_float_new(r);
}

up_obj_t up_float_hash(up_float_t v) {
    if (v != v) {
        return up_small(0);
    }
    if (!is_finite(v)) {
        return up_small(v > 0 ? UP_HASH_INF : -UP_HASH_INF);
    }
    bool neg = v < 0;
    uint64_t m;
    int e;
    up_float_decompose(neg ? -v : v, &m, &e);
    // m * 2^e modulo 2^N - 1: m is below the modulus, and multiplying by
    // 2^e (e may be negative: 2^N == 1) is a rotation by e mod N bits.
    int r = e % UP_HASH_BITS;
    if (r < 0) {
        r += UP_HASH_BITS;
    }
    uint64_t h = r == 0 ? m : ((m << r) & UP_HASH_MODULUS) | (m >> (UP_HASH_BITS - r));
    if (h >= UP_HASH_MODULUS) {
        h -= UP_HASH_MODULUS;
    }
    up_int_t x = neg ? -(up_int_t)h : (up_int_t)h;
    return up_small(x == -1 ? -2 : x);
}

// ---- printing ------------------------------------------------------------------------------

int up_float_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    char buf[32];
    size_t n = up_float_repr(up_float_value(self), buf);
    up_printer_write(p, buf, n);
    return 0;
}

// ---- the generic slots ----------------------------------------------------------------------

static up_obj_t box(up_float_t v) {
    if (v == UP_FLOAT_ERR && up_exc_pending) {
        return UP_NULL;
    }
    return up_float_new(v);
}

static up_obj_t compare_result(int op, int c) {
    // c: -1, 0, 1, or 2 (unordered: a nan)
    switch (op) {
    case UP_OP_LT:
        return up_bool(c == -1);
    case UP_OP_LE:
        return up_bool(c == -1 || c == 0);
    case UP_OP_EQ:
        return up_bool(c == 0);
    case UP_OP_NE:
        return up_bool(c != 0);
    case UP_OP_GT:
        return up_bool(c == 1);
    default:
        return up_bool(c == 1 || c == 0);
    }
}

up_obj_t up_float_binary_op(int op, up_obj_t a, up_obj_t b) {
    if (op >= UP_OP_IADD && op <= UP_OP_IMATMUL) {
        op = op - UP_OP_IADD + UP_OP_ADD;  // floats are immutable
    }
    bool fa = up_is_float(a), fb = up_is_float(b);
    bool na = fa || up_is_int(a) || up_is_bool(a), nb = fb || up_is_int(b) || up_is_bool(b);
    if (!na || !nb || (!fa && !fb)) {
        return UP_NOTIMPL;
    }
    if (op >= UP_OP_LT && op <= UP_OP_GE) {
        int c;
        if (fa && fb) {
            up_float_t x = up_float_value(a), y = up_float_value(b);
            c = x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
        } else if (fa) {
            c = up_int_compare_float(up_is_bool(b) ? up_small(b == UP_TRUE) : b, up_float_value(a));
            c = c == 2 ? 2 : -c;
        } else {
            c = up_int_compare_float(up_is_bool(a) ? up_small(a == UP_TRUE) : a, up_float_value(b));
        }
        return compare_result(op, c);
    }
    if (op > UP_OP_POW) {
        return UP_NOTIMPL;
    }
    up_float_t x, y;
    if (up_float_coerce(a, &x) < 0 || up_float_coerce(b, &y) < 0) {
        return UP_NULL;
    }
    switch (op) {
    case UP_OP_ADD:
        return up_float_new(x + y);
    case UP_OP_SUB:
        return up_float_new(x - y);
    case UP_OP_MUL:
        return up_float_new(x * y);
    case UP_OP_TRUEDIV:
        return box(up_float_truediv(x, y));
    case UP_OP_FLOORDIV:
        return box(up_float_floordiv(x, y));
    case UP_OP_MOD:
        return box(up_float_mod(x, y));
    default:
        return box(up_float_pow(x, y));
    }
}

up_obj_t up_float_unary_op(int op, up_obj_t a) {
    up_float_t v = up_float_value(a);
    switch (op) {
    case UP_UOP_NEG:
        return up_float_new(-v);
    case UP_UOP_POS:
    case UP_UOP_FLOAT:
        return a;
    case UP_UOP_ABS:
        return up_float_new(M(fabs)(v));
    case UP_UOP_BOOL:
        return up_bool(v != 0);
    case UP_UOP_HASH:
        return up_float_hash(v);
    case UP_UOP_INT:
        return up_int_from_float(v);
    default:
        return UP_NOTIMPL;
    }
}

// float(), float(x)
up_obj_t up_float_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (up_check_args("float", n, kwnames, 0, 1) < 0) {
        return UP_NULL;
    }
    if (n == 0) {
        return up_float_new(0);
    }
    return up_float_from_obj(args[0]);
}

// ---- methods ---------------------------------------------------------------------------------

up_obj_t up_float_m_is_integer(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    up_float_t v = up_float_value(args[0]);
    return up_bool(is_finite(v) && M(floor)(v) == v);
}

const up_builtin_t up_builtin_float_is_integer = {{&up_type_builtin}, "is_integer", 1, 1, 0,
                                                  up_float_m_is_integer};
