// The math module with CPython 3.11's semantics and errors, computed in
// up_float_t: libm's single-precision functions (sqrtf...) on the board,
// double on the host.
//
// Errors follow CPython's rule for libm results: a NaN from a non-NaN
// argument is "math domain error" (ValueError); an infinity from finite
// arguments is "math range error" (OverflowError) for functions that can
// overflow, a domain error otherwise (poles such as log(0), atanh(1)).
// Integer functions (gcd, factorial, floor, ceil, trunc) return ints of any
// size; logarithms accept ints too large for a float.
#include <math.h>

#include "up.h"

#if defined(UP_FLOAT32) && UP_FLOAT32
#define M(fn) fn##f  // the float flavour of libm function fn
#else
#define M(fn) fn
#endif

#define PI_VALUE 3.141592653589793238462643383279502884
#define E_VALUE 2.718281828459045235360287471352662498

// ---- arguments and errors ---------------------------------------------------------

static up_obj_t domain_error(void) {
    return up_raise_msg(&up_type_ValueError, "math domain error");
}

static up_obj_t range_error(void) {
    return up_raise_msg(&up_type_OverflowError, "math range error");
}

// A real number argument: float, int, bool, or an object with __float__.
static int real_arg(up_obj_t o, up_float_t *out) {
    if (up_is_float(o)) {
        *out = up_float_value(o);
        return 0;
    }
    if (up_is_small(o)) {
        *out = (up_float_t)up_small_value(o);
        return 0;
    }
    if (up_type_of(o)->flags & UP_TF_USER) {
        up_obj_t f = up_unary_op(UP_UOP_FLOAT, o);
        if (f == UP_NULL) {
            if (up_exc_type(up_exc_pending) != &up_type_TypeError) {
                return -1;
            }
            up_exc_fetch();
        } else if (up_is_float(f)) {
            *out = up_float_value(f);
            return 0;
        }
    }
    return up_float_coerce(o, out);
}

// Argument count for the functions CPython checks as "atan2 expected 2
// arguments, got 1" (and "math.atan2() takes no keyword arguments").
static int nargs(const char *name, size_t n, up_obj_t kwnames, size_t min, size_t max) {
    if (kwnames) {
        up_raise_fmt(&up_type_TypeError, "math.%s() takes no keyword arguments", name);
        return -1;
    }
    return up_check_nargs(name, n, UP_NULL, min, max);
}

// f(x) for a one-argument function, with the error rule above.
static up_obj_t math_1(const char *name, size_t n, const up_obj_t *args, up_obj_t kwnames,
                       up_float_t (*f)(up_float_t), bool can_overflow) {
    up_float_t x;
    if (up_check_args(name, n, kwnames, 1, 1) < 0 || real_arg(args[0], &x) < 0) {
        return UP_NULL;
    }
    up_float_t r = f(x);
    if (isnan(r) && !isnan(x)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        return can_overflow ? range_error() : domain_error();
    }
    return up_float_new(r);
}

#define MATH_1(name, can_overflow)                                                   \
    up_obj_t up_math_m_##name(size_t n, const up_obj_t *args, up_obj_t kwnames) {   \
        return math_1("math." #name, n, args, kwnames, M(name), can_overflow); \
    }

MATH_1(sqrt, false)
MATH_1(sin, false)
MATH_1(cos, false)
MATH_1(tan, false)
MATH_1(asin, false)
MATH_1(acos, false)
MATH_1(atan, false)
MATH_1(exp, true)
MATH_1(fabs, false)
MATH_1(sinh, true)
MATH_1(cosh, true)
MATH_1(tanh, false)
MATH_1(asinh, false)
MATH_1(acosh, false)
MATH_1(atanh, false)
MATH_1(expm1, true)
MATH_1(log1p, false)
MATH_1(erf, false)
MATH_1(erfc, false)

static up_float_t degrees_fn(up_float_t x) {
    return x * (up_float_t)(180.0 / PI_VALUE);
}

static up_float_t radians_fn(up_float_t x) {
    return x * (up_float_t)(PI_VALUE / 180.0);
}

// degrees/radians never raise (an overflow gives inf, as in CPython).
up_obj_t up_math_m_degrees(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_float_t x;
    if (up_check_args("math.degrees", n, kwnames, 1, 1) < 0 || real_arg(args[0], &x) < 0) {
        return UP_NULL;
    }
    return up_float_new(degrees_fn(x));
}

up_obj_t up_math_m_radians(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_float_t x;
    if (up_check_args("math.radians", n, kwnames, 1, 1) < 0 || real_arg(args[0], &x) < 0) {
        return UP_NULL;
    }
    return up_float_new(radians_fn(x));
}

// ---- logarithms ---------------------------------------------------------------------

// f(o) for the logarithm f, for any positive real o (ints beyond the float
// range included: o = m * 2**e with m in [0.5, 1) gives f(m) + f(2) * e).
// 0, or -1 with the error raised.
static int log_of(up_obj_t o, up_float_t (*f)(up_float_t), up_float_t *out) {
    if (up_is_bool(o)) {
        o = up_small(o == UP_TRUE);
    }
    if (up_is_int(o) && !up_is_small(o)) {
        if (up_int_sign(o) <= 0) {
            domain_error();
            return -1;
        }
        up_float_t x;
        if (up_int_as_float(o, &x) == 0) {
            *out = f(x);
            return 0;
        }
        up_exc_fetch();  // too large for a float
        up_obj_t bits = up_int_m_bit_length(1, &o, UP_NULL);
        if (bits == UP_NULL) {
            return -1;
        }
        up_int_t e = up_small_value(bits), shift = e - 64;
        up_obj_t top = up_int_rshift(o, up_small(shift));  // the leading 64 bits
        if (top == UP_NULL || up_int_as_float(top, &x) < 0) {
            return -1;
        }
        *out = f(M(ldexp)(x, -64)) + f(2) * (up_float_t)e;
        return 0;
    }
    up_float_t x;
    if (real_arg(o, &x) < 0) {
        return -1;
    }
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return 0;
    }
    if (x <= 0) {
        domain_error();
        return -1;
    }
    *out = f(x);
    return 0;
}

// math.log(x[, base])
up_obj_t up_math_m_log(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (kwnames) {
        return up_raise_msg(&up_type_TypeError, "log() takes no keyword arguments");
    }
    if (n < 1 || n > 2) {
        return up_raise_msg(&up_type_TypeError, "math.log requires 1 to 2 arguments");
    }
    up_float_t num, den;
    if (log_of(args[0], M(log), &num) < 0) {
        return UP_NULL;
    }
    if (n == 2) {
        if (log_of(args[1], M(log), &den) < 0) {
            return UP_NULL;
        }
        if (den == 0) {
            return up_raise_msg(&up_type_ZeroDivisionError, "float division by zero");
        }
        num = num / den;
    }
    return up_float_new(num);
}

up_obj_t up_math_m_log2(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_float_t r;
    if (up_check_args("math.log2", n, kwnames, 1, 1) < 0 || log_of(args[0], M(log2), &r) < 0) {
        return UP_NULL;
    }
    return up_float_new(r);
}

up_obj_t up_math_m_log10(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_float_t r;
    if (up_check_args("math.log10", n, kwnames, 1, 1) < 0 || log_of(args[0], M(log10), &r) < 0) {
        return UP_NULL;
    }
    return up_float_new(r);
}

// ---- two-argument functions ---------------------------------------------------------

static int two_reals(const char *name, size_t n, const up_obj_t *args, up_obj_t kwnames, up_float_t *x,
                     up_float_t *y) {
    if (nargs(name, n, kwnames, 2, 2) < 0 || real_arg(args[0], x) < 0 || real_arg(args[1], y) < 0) {
        return -1;
    }
    return 0;
}

up_obj_t up_math_m_atan2(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_float_t y, x;
    if (two_reals("atan2", n, args, kwnames, &y, &x) < 0) {
        return UP_NULL;
    }
    return up_float_new(M(atan2)(y, x));
}

up_obj_t up_math_m_copysign(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_float_t x, y;
    if (two_reals("copysign", n, args, kwnames, &x, &y) < 0) {
        return UP_NULL;
    }
    return up_float_new(M(copysign)(x, y));
}

up_obj_t up_math_m_fmod(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_float_t x, y;
    if (two_reals("fmod", n, args, kwnames, &x, &y) < 0) {
        return UP_NULL;
    }
    if (isinf(y) && isfinite(x)) {
        return up_float_new(x);
    }
    up_float_t r = M(fmod)(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();
    }
    return up_float_new(r);
}

// math.pow: C99's rules for infinities and NaNs (1**nan == 1, nan**0 == 1),
// ValueError for a negative base with a non-integer exponent and for 0 to a
// negative power, OverflowError when a finite result does not fit.
up_obj_t up_math_m_pow(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_float_t x, y, r;
    if (two_reals("pow", n, args, kwnames, &x, &y) < 0) {
        return UP_NULL;
    }
    if (isfinite(x) && isfinite(y)) {
        r = M(pow)(x, y);
        if (isnan(r)) {
            return domain_error();
        }
        if (isinf(r)) {
            return x == 0 ? domain_error() : range_error();
        }
    } else if (isnan(x)) {
        r = y == 0 ? 1 : x;
    } else if (isnan(y)) {
        r = x == 1 ? 1 : y;
    } else if (isinf(x)) {
        bool odd_y = isfinite(y) && M(fmod)(M(fabs)(y), 2) == 1;
        if (y > 0) {
            r = odd_y ? x : M(fabs)(x);
        } else if (y == 0) {
            r = 1;
        } else {
            r = odd_y ? M(copysign)(0, x) : 0;
        }
    } else {  // y is infinite, x finite
        up_float_t ax = M(fabs)(x);
        if (ax == 1) {
            r = 1;
        } else if ((y > 0) == (ax > 1)) {
            r = (up_float_t)INFINITY;
        } else {
            r = 0;
        }
    }
    return up_float_new(r);
}

// hypot(*coordinates): the Euclidean norm, nearly always correctly rounded
// (as CPython 3.11's): the coordinates are scaled by a power of two (exact)
// so that the largest is in [0.5, 1), their squares are summed exactly
// enough as a double-word (fma gives each square's rounding error), and
// the square root gets one Newton correction from the residual.
up_obj_t up_math_m_hypot(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (kwnames) {
        return up_raise_msg(&up_type_TypeError, "math.hypot() takes no keyword arguments");
    }
    // The coordinates as floats: on the stack when few (the board's stack
    // is small), on the heap otherwise.
    up_float_t buf[8];
    up_float_t *v = buf;
    if (n > sizeof buf / sizeof buf[0]) {
        v = up_alloc_noscan(n * sizeof(up_float_t));
        if (v == NULL) {
            return UP_NULL;
        }
    }
    up_float_t max = 0;
    bool any_nan = false;
    for (size_t i = 0; i < n; i++) {
        if (real_arg(args[i], &v[i]) < 0) {
            return UP_NULL;
        }
        v[i] = M(fabs)(v[i]);
        if (isnan(v[i])) {
            any_nan = true;
        } else if (v[i] > max) {
            max = v[i];
        }
    }
    if (isinf(max)) {
        return up_float_new(max);
    }
    if (any_nan) {
        return up_float_new((up_float_t)NAN);
    }
    if (n <= 1 || max == 0) {
        return up_float_new(max);
    }
    int e;
    M(frexp)(max, &e);
    up_float_t hi = 0, lo = 0;
    for (size_t i = 0; i < n; i++) {
        up_float_t x = M(ldexp)(v[i], -e);
        up_float_t p = x * x;
        up_float_t perr = M(fma)(x, x, -p);  // x*x == p + perr exactly
        // (hi, lo) += p + perr: hi + p exactly as t + its rounding error
        up_float_t t = hi + p;
        up_float_t bp = t - hi;
        lo += (hi - (t - bp)) + (p - bp) + perr;
        hi = t;
    }
    up_float_t sum = hi + lo;
    lo = lo - (sum - hi);
    up_float_t h = M(sqrt)(sum);
    // residual of h*h against the double-word sum
    up_float_t r = M(fma)(-h, h, sum) + lo;
    h += r / (2 * h);
    return up_float_new(M(ldexp)(h, e));
}

// ---- float decomposition ------------------------------------------------------------

up_obj_t up_math_m_modf(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_float_t x, ip;
    if (up_check_args("math.modf", n, kwnames, 1, 1) < 0 || real_arg(args[0], &x) < 0) {
        return UP_NULL;
    }
    up_float_t frac = M(modf)(x, &ip);
    up_obj_t a = up_float_new(frac);
    up_obj_t b = a == UP_NULL ? UP_NULL : up_float_new(ip);
    return b == UP_NULL ? UP_NULL : up_tuple_pack2(a, b);
}

up_obj_t up_math_m_frexp(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_float_t x;
    if (up_check_args("math.frexp", n, kwnames, 1, 1) < 0 || real_arg(args[0], &x) < 0) {
        return UP_NULL;
    }
    int e = 0;
    up_float_t m = x;
    if (isfinite(x) && x != 0) {
        m = M(frexp)(x, &e);
    }
    up_obj_t mo = up_float_new(m);
    return mo == UP_NULL ? UP_NULL : up_tuple_pack2(mo, up_small(e));
}

up_obj_t up_math_m_ldexp(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_float_t x;
    if (nargs("ldexp", n, kwnames, 2, 2) < 0 || real_arg(args[0], &x) < 0) {
        return UP_NULL;
    }
    up_obj_t i = args[1];
    if (up_is_bool(i)) {
        i = up_small(i == UP_TRUE);
    }
    if (!up_is_int(i)) {
        return up_raise_msg(&up_type_TypeError, "Expected an int as second argument to ldexp.");
    }
    if (x == 0 || !isfinite(x)) {
        return up_float_new(x);
    }
    // Exponents beyond +-100000 overflow or underflow any float.
    up_int_t e = up_is_small(i) ? up_small_value(i) : up_int_sign(i) * (up_int_t)100000;
    if (e > 100000) {
        e = 100000;
    } else if (e < -100000) {
        e = -100000;
    }
    up_float_t r = M(ldexp)(x, (int)e);
    if (isinf(r)) {
        return range_error();
    }
    return up_float_new(r);
}

// ---- predicates, isclose ----------------------------------------------------------

static up_obj_t predicate(const char *name, size_t n, const up_obj_t *args, up_obj_t kwnames, int which) {
    up_float_t x;
    if (up_check_args(name, n, kwnames, 1, 1) < 0 || real_arg(args[0], &x) < 0) {
        return UP_NULL;
    }
    return up_bool(which == 0 ? isnan(x) : which == 1 ? isinf(x) : isfinite(x));
}

up_obj_t up_math_m_isnan(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return predicate("math.isnan", n, args, kwnames, 0);
}

up_obj_t up_math_m_isinf(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return predicate("math.isinf", n, args, kwnames, 1);
}

up_obj_t up_math_m_isfinite(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return predicate("math.isfinite", n, args, kwnames, 2);
}

static const char *const isclose_names[] = {"a", "b", "rel_tol", "abs_tol"};
static const up_argspec_t isclose_spec = {"isclose", 4, 0, 2, 2, isclose_names};

up_obj_t up_math_m_isclose(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_obj_t p[4];
    up_float_t a, b, rel_tol = (up_float_t)1e-09, abs_tol = 0;
    if (up_parse_args(&isclose_spec, n, args, kwnames, p) < 0 || real_arg(p[0], &a) < 0 ||
        real_arg(p[1], &b) < 0 || (p[2] != UP_NULL && real_arg(p[2], &rel_tol) < 0) ||
        (p[3] != UP_NULL && real_arg(p[3], &abs_tol) < 0)) {
        return UP_NULL;
    }
    if (rel_tol < 0 || abs_tol < 0) {
        return up_raise_msg(&up_type_ValueError, "tolerances must be non-negative");
    }
    if (a == b) {
        return UP_TRUE;
    }
    if (isinf(a) || isinf(b)) {
        return UP_FALSE;
    }
    up_float_t diff = M(fabs)(b - a);
    return up_bool(diff <= M(fabs)(rel_tol * b) || diff <= M(fabs)(rel_tol * a) || diff <= abs_tol);
}

// ---- to integers --------------------------------------------------------------------

// floor/ceil/trunc: ints pass through, floats are rounded by f and
// converted (OverflowError for inf, ValueError for nan).
static up_obj_t to_int(const char *name, size_t n, const up_obj_t *args, up_obj_t kwnames,
                       up_float_t (*f)(up_float_t), bool is_trunc) {
    if (up_check_args(name, n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    up_obj_t o = args[0];
    if (up_is_int(o)) {
        return o;
    }
    if (up_is_bool(o)) {
        return up_small(o == UP_TRUE);
    }
    up_float_t x;
    if (is_trunc && !up_is_float(o) && !(up_type_of(o)->flags & UP_TF_USER)) {
        return up_raise_fmt(&up_type_TypeError, "type %s doesn't define __trunc__ method", up_type_name(o));
    }
    if (real_arg(o, &x) < 0) {
        return UP_NULL;
    }
    return up_int_from_float(f(x));
}

up_obj_t up_math_m_floor(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return to_int("math.floor", n, args, kwnames, M(floor), false);
}

up_obj_t up_math_m_ceil(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return to_int("math.ceil", n, args, kwnames, M(ceil), false);
}

up_obj_t up_math_m_trunc(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return to_int("math.trunc", n, args, kwnames, M(trunc), true);
}

// ---- gcd, factorial -----------------------------------------------------------------

static uintptr_t gcd_word(uintptr_t a, uintptr_t b) {
    while (b != 0) {
        uintptr_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static uintptr_t abs_small(up_obj_t o) {
    up_int_t v = up_small_value(o);
    return v < 0 ? -(uintptr_t)v : (uintptr_t)v;
}

// gcd of two ints, >= 0: Euclid on machine words once both are small.
static up_obj_t gcd2(up_obj_t a, up_obj_t b) {
    if (!up_is_small(a)) {
        a = up_int_abs(a);
    }
    if (!up_is_small(b)) {
        b = up_int_abs(b);
    }
    while (a != UP_NULL && b != UP_NULL && !up_both_small(a, b)) {
        if (b == up_small(0)) {
            return a;
        }
        up_obj_t t = up_int_mod(a, b);
        a = b;
        b = t;
    }
    if (a == UP_NULL || b == UP_NULL) {
        return UP_NULL;
    }
    return up_int_from_u64(gcd_word(abs_small(a), abs_small(b)));
}

up_obj_t up_math_m_gcd(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (kwnames) {
        return up_raise_msg(&up_type_TypeError, "math.gcd() takes no keyword arguments");
    }
    up_obj_t g = up_small(0);
    for (size_t i = 0; i < n; i++) {
        up_obj_t x = up_index_obj(args[i]);
        if (x == UP_NULL) {
            return UP_NULL;
        }
        g = gcd2(g, x);
        if (g == UP_NULL) {
            return UP_NULL;
        }
    }
    return g;
}

// factorial(n): consecutive factors are multiplied in a machine word until
// it would overflow, then folded into the (big) product.
up_obj_t up_math_m_factorial(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("math.factorial", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    up_obj_t x = up_index_obj(args[0]);
    if (x == UP_NULL) {
        return UP_NULL;
    }
    if (up_int_sign(x) < 0) {
        return up_raise_msg(&up_type_ValueError, "factorial() not defined for negative values");
    }
    if (!up_is_small(x)) {
        return up_raise_fmt(&up_type_OverflowError, "factorial() argument should not exceed %d",
                            (up_int_t)INTPTR_MAX);
    }
    up_int_t k = up_small_value(x);
    up_obj_t acc = up_small(1);
    up_int_t word = 1;
    for (up_int_t i = 2; i <= k; i++) {
        up_int_t w;
        if (!__builtin_mul_overflow(word, i, &w)) {
            word = w;
            continue;
        }
        acc = up_int_mul(acc, up_int_from_cint(word));
        if (acc == UP_NULL) {
            return UP_NULL;
        }
        word = i;
    }
    return up_int_mul(acc, up_int_from_cint(word));
}

// ---- the module -----------------------------------------------------------------

static const up_float_obj_t math_pi = {{&up_type_float}, (up_float_t)PI_VALUE};
static const up_float_obj_t math_e = {{&up_type_float}, (up_float_t)E_VALUE};
static const up_float_obj_t math_tau = {{&up_type_float}, (up_float_t)(2 * PI_VALUE)};
static const up_float_obj_t math_inf = {{&up_type_float}, (up_float_t)INFINITY};
static const up_float_obj_t math_nan = {{&up_type_float}, (up_float_t)NAN};

// Every function, in name order (the attribute table lists them so).
#define MATH_FUNCS(X)                                                                                   \
    X(acos) X(acosh) X(asin) X(asinh) X(atan) X(atan2) X(atanh) X(ceil) X(copysign) X(cos) X(cosh)    \
    X(degrees) X(erf) X(erfc) X(exp) X(expm1) X(fabs) X(factorial) X(floor) X(fmod) X(frexp)          \
    X(gcd) X(hypot) X(isclose) X(isfinite) X(isinf) X(isnan) X(ldexp) X(log) X(log10)       \
    X(log1p) X(log2) X(modf) X(pow) X(radians) X(sin) X(sinh) X(sqrt) X(tan) X(tanh) X(trunc)

#define BUILTIN(name) \
    const up_builtin_t up_builtin_math_##name = {{&up_type_builtin}, #name, 0, UP_ARGS_ANY, 1, up_math_m_##name};
#define NAME(name) UP_ROM_STR(static, name_##name, #name);
#define ENTRY(name) {(up_obj_t)&name_##name, (up_obj_t)&up_builtin_math_##name},

MATH_FUNCS(BUILTIN)
MATH_FUNCS(NAME)
NAME(e)
NAME(inf)
NAME(nan)
NAME(pi)
NAME(tau)

static const up_method_t math_attr_entries[] = {
    MATH_FUNCS(ENTRY)
    {(up_obj_t)&name_e, (up_obj_t)&math_e},
    {(up_obj_t)&name_inf, (up_obj_t)&math_inf},
    {(up_obj_t)&name_nan, (up_obj_t)&math_nan},
    {(up_obj_t)&name_pi, (up_obj_t)&math_pi},
    {(up_obj_t)&name_tau, (up_obj_t)&math_tau},
};
static const up_methods_t math_attrs = {sizeof math_attr_entries / sizeof math_attr_entries[0], math_attr_entries};
UP_ROM_STR(static, name_module_math, "math");

const up_module_t up_module_math = {{&up_type_module}, (up_obj_t)&name_module_math, &math_attrs, NULL};
