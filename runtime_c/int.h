// int: small ints (tagged, see obj.h) with arbitrary-precision big ints
// behind them. The fast paths are inline here -- compiled code calls them
// on values the compiler proved to be ints -- and fall back to the _slow
// functions in int.c on overflow or when an operand is a big int.
//
// Operands of up_int_* are int objects (small or big, never bool: compiled
// code converts bools first; the generic binary_op slot accepts bools).
#ifndef UP_INT_H
#define UP_INT_H

#include "obj.h"

// ---- construction and conversion --------------------------------------

up_obj_t up_int_from_cint(up_int_t v);      // small when it fits, else big
up_obj_t up_int_from_i64(int64_t v);
up_obj_t up_int_from_u64(uint64_t v);
up_obj_t up_int_from_float(up_float_t f);   // trunc; OverflowError (inf), ValueError (nan)
// int(text, base): base 0 = guess from the prefix, else 2..36; surrounding
// whitespace and underscores between digits allowed, as CPython.
up_obj_t up_int_from_str(const char *s, size_t len, int base);
// Any int object to a machine int: 0, or -1 with OverflowError.
int up_int_as_cint(up_obj_t o, up_int_t *out);
// Any int object to the nearest float: 0, or -1 with OverflowError.
int up_int_as_float(up_obj_t o, up_float_t *out);
int up_int_sign(up_obj_t o);  // -1, 0, 1
// Any int object to a 64-bit machine int: 0, or -1 with OverflowError
// ("Python int too large to convert to C long" / "can't convert negative
// int to unsigned").
int up_int_as_i64(up_obj_t o, int64_t *out);
int up_int_as_u64(up_obj_t o, uint64_t *out);
// int.from_bytes(bytes, 'big' or 'little', signed=...)
up_obj_t up_int_from_bytes(const uint8_t *p, size_t n, bool big_endian, bool is_signed);

// ---- out-of-line paths -------------------------------------------------

up_obj_t up_int_add_slow(up_obj_t a, up_obj_t b);
up_obj_t up_int_sub_slow(up_obj_t a, up_obj_t b);
up_obj_t up_int_mul_slow(up_obj_t a, up_obj_t b);
up_obj_t up_int_floordiv_slow(up_obj_t a, up_obj_t b);  // ZeroDivisionError
up_obj_t up_int_mod_slow(up_obj_t a, up_obj_t b);       // ZeroDivisionError
up_obj_t up_int_neg_slow(up_obj_t a);
up_obj_t up_int_lshift_slow(up_obj_t a, up_obj_t b);    // ValueError: negative shift count
up_obj_t up_int_rshift_slow(up_obj_t a, up_obj_t b);
up_obj_t up_int_and_slow(up_obj_t a, up_obj_t b);
up_obj_t up_int_or_slow(up_obj_t a, up_obj_t b);
up_obj_t up_int_xor_slow(up_obj_t a, up_obj_t b);
int up_int_compare_slow(up_obj_t a, up_obj_t b);        // -1, 0, 1; never fails

up_obj_t up_int_truediv(up_obj_t a, up_obj_t b);        // -> float; ZeroDivisionError
up_obj_t up_int_pow(up_obj_t a, up_obj_t b);            // b < 0 -> float
up_obj_t up_int_powmod(up_obj_t a, up_obj_t b, up_obj_t m);  // pow(a, b, m)
up_obj_t up_int_divmod(up_obj_t a, up_obj_t b);         // -> (q, r)
up_obj_t up_int_abs(up_obj_t a);
up_obj_t up_int_invert(up_obj_t a);

// hash(n), equal for equal numbers of any type (hash(2) == hash(2.0)):
// CPython's, the value modulo the Mersenne number 2^61 - 1 with the sign of
// the value (-1 becomes -2). On a 32-bit target the modulus is 2^30 - 1, so
// every hash is a small int (CPython's 32-bit builds use 2^31 - 1).
#if UINTPTR_MAX > 0xffffffffu
#define UP_HASH_BITS 61
#else
#define UP_HASH_BITS 30
#endif
#define UP_HASH_MODULUS (((uint64_t)1 << UP_HASH_BITS) - 1)
#define UP_HASH_INF 314159  // hash(inf); hash(-inf) is its negation
up_obj_t up_int_hash(up_obj_t a);
// Exact comparison of an int with a float (2**53 + 1 > 2.0**53): -1, 0, 1,
// or 2 when f is a nan (every comparison but != is then false).
int up_int_compare_float(up_obj_t a, up_float_t f);
// round(a, ndigits) for an int a: ndigits >= 0 gives a, a negative one
// rounds half to even to a multiple of 10^-ndigits.
up_obj_t up_int_round(up_obj_t a, up_obj_t ndigits);
// Digits in base 2, 8, 10 or 16 with an optional prefix ("0x"), e.g. for
// hex()/oct()/bin() and str(); the sign comes first: -0x1f.
up_obj_t up_int_to_str_base(up_obj_t a, int base, const char *prefix);
// The digits of |a| in base 2..36 (lower case), most significant first,
// in a new noscan buffer of *len bytes (not terminated; the caller frees
// it). NULL: MemoryError.
char *up_int_digits(up_obj_t a, int base, size_t *len);
// str(n)/repr(n) to a printer; 0 or -1.
int up_int_print(up_printer_t *p, up_obj_t self, int kind);
// format(n, spec) for the int presentation types b, c, d, o, x, X, n, none
// (and e, E, f, F, g, G, % through float), with fill/align/sign/#/0/width/
// grouping (, _); spec is the text after ':'. 0, or -1 (ValueError).
int up_int_format(up_printer_t *p, up_obj_t n, const char *spec, size_t speclen);

// The generic slot: int/bool operands, or an int and a float (delegated to
// float arithmetic); UP_NOTIMPL otherwise.
up_obj_t up_int_binary_op(int op, up_obj_t a, up_obj_t b);
up_obj_t up_int_unary_op(int op, up_obj_t a);
// int(x) / int(x, base)
up_obj_t up_int_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);

// Methods (builtin calling convention, args[0] is self).
#define UP_INT_METHODS(X) X(bit_length) X(to_bytes)
#define UP_DECLARE_INT_METHOD(name)                                              \
    up_obj_t up_int_m_##name(size_t n, const up_obj_t *args, up_obj_t kwnames); \
    extern const up_builtin_t up_builtin_int_##name;
UP_INT_METHODS(UP_DECLARE_INT_METHOD)

// ---- inline fast paths --------------------------------------------------

static inline bool up_both_small(up_obj_t a, up_obj_t b) {
    return (a & b & 1) != 0;
}

static inline up_obj_t up_int_add(up_obj_t a, up_obj_t b) {
    up_int_t r;
    // (2x+1) + (2y+1) - 1 = 2(x+y) + 1: add the tagged words directly.
    if (up_both_small(a, b) && !__builtin_add_overflow((up_int_t)a, (up_int_t)(b - 1), &r)) {
        return (up_obj_t)r;
    }
    return up_int_add_slow(a, b);
}

static inline up_obj_t up_int_sub(up_obj_t a, up_obj_t b) {
    up_int_t r;
    if (up_both_small(a, b) && !__builtin_sub_overflow((up_int_t)a, (up_int_t)(b - 1), &r)) {
        return (up_obj_t)r;
    }
    return up_int_sub_slow(a, b);
}

static inline up_obj_t up_int_mul(up_obj_t a, up_obj_t b) {
    up_int_t r;
    if (up_both_small(a, b) && !__builtin_mul_overflow(up_small_value(a), up_small_value(b), &r) &&
        up_small_fits(r)) {
        return up_small(r);
    }
    return up_int_mul_slow(a, b);
}

static inline up_obj_t up_int_floordiv(up_obj_t a, up_obj_t b) {
    if (up_both_small(a, b) && b != up_small(0)) {
        up_int_t x = up_small_value(a), y = up_small_value(b);
        up_int_t q = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) {
            q--;
        }
        if (up_small_fits(q)) {
            return up_small(q);
        }
    }
    return up_int_floordiv_slow(a, b);
}

static inline up_obj_t up_int_mod(up_obj_t a, up_obj_t b) {
    if (up_both_small(a, b) && b != up_small(0)) {
        up_int_t x = up_small_value(a), y = up_small_value(b);
        up_int_t r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) {
            r += y;
        }
        return up_small(r);
    }
    return up_int_mod_slow(a, b);
}

static inline up_obj_t up_int_neg(up_obj_t a) {
    if (up_is_small(a) && a != up_small(UP_SMALL_MIN)) {
        return up_small(-up_small_value(a));
    }
    return up_int_neg_slow(a);
}

static inline up_obj_t up_int_lshift(up_obj_t a, up_obj_t b) {
    if (up_both_small(a, b)) {
        up_int_t x = up_small_value(a), s = up_small_value(b);
        if (s >= 0 && s < UP_WORD_BITS - 2) {
            up_int_t r = (up_int_t)((uintptr_t)x << s);
            if ((r >> s) == x && up_small_fits(r)) {
                return up_small(r);
            }
        }
    }
    return up_int_lshift_slow(a, b);
}

static inline up_obj_t up_int_rshift(up_obj_t a, up_obj_t b) {
    if (up_both_small(a, b) && up_small_value(b) >= 0) {
        up_int_t s = up_small_value(b);
        up_int_t x = up_small_value(a);
        return up_small(s >= UP_WORD_BITS ? (x < 0 ? -1 : 0) : x >> s);
    }
    return up_int_rshift_slow(a, b);
}

// The bitwise operations on two small ints stay small, tag bits included.
static inline up_obj_t up_int_and(up_obj_t a, up_obj_t b) {
    return up_both_small(a, b) ? (a & b) : up_int_and_slow(a, b);
}
static inline up_obj_t up_int_or(up_obj_t a, up_obj_t b) {
    return up_both_small(a, b) ? (a | b) : up_int_or_slow(a, b);
}
static inline up_obj_t up_int_xor(up_obj_t a, up_obj_t b) {
    return up_both_small(a, b) ? ((a ^ b) | 1) : up_int_xor_slow(a, b);
}

// Comparisons: tagged small ints order like their values.
static inline int up_int_compare(up_obj_t a, up_obj_t b) {
    if (up_both_small(a, b)) {
        return (up_int_t)a < (up_int_t)b ? -1 : (a != b);
    }
    return up_int_compare_slow(a, b);
}
static inline bool up_int_lt(up_obj_t a, up_obj_t b) {
    return up_both_small(a, b) ? (up_int_t)a < (up_int_t)b : up_int_compare_slow(a, b) < 0;
}
static inline bool up_int_le(up_obj_t a, up_obj_t b) {
    return up_both_small(a, b) ? (up_int_t)a <= (up_int_t)b : up_int_compare_slow(a, b) <= 0;
}
static inline bool up_int_gt(up_obj_t a, up_obj_t b) {
    return up_both_small(a, b) ? (up_int_t)a > (up_int_t)b : up_int_compare_slow(a, b) > 0;
}
static inline bool up_int_ge(up_obj_t a, up_obj_t b) {
    return up_both_small(a, b) ? (up_int_t)a >= (up_int_t)b : up_int_compare_slow(a, b) >= 0;
}
static inline bool up_int_eq(up_obj_t a, up_obj_t b) {
    return a == b || (!up_both_small(a, b) && up_int_compare_slow(a, b) == 0);
}
static inline bool up_int_ne(up_obj_t a, up_obj_t b) {
    return !up_int_eq(a, b);
}
static inline bool up_int_truthy(up_obj_t a) {
    return a != up_small(0);  // a big int is never zero
}

#endif
