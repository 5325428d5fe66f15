// int: the out-of-line paths behind the inline fast paths of int.h (small
// ints that overflow, big-int operands), conversions, hashing, text, the
// generic slots, the constructor and the methods.
//
// Every result goes through up_bigint_finish, so a value in the small-int
// range is always a tagged small int (see bigint.h): equality of small
// ints is word equality, and a big int is never zero.
//
// Semantics are CPython's: floor division and a modulo with the sign of
// the divisor; shifts and bitwise operations act on the infinite two's
// complement form of negative numbers; int / int is correctly rounded;
// a negative exponent gives a float.
//
// Configurations (config.h): without big ints (UP_CFG_BIGINT=0) every int
// is small, so SMALL() is constant true and the big-int paths are dead
// code; each slow path starts with its small-int version, and a result
// outside the small-int range raises OverflowError("int too large")
// instead of making a big int. Without floats (UP_CFG_FLOAT=0), int / int,
// int ** -int and float(int) raise TypeError.
#include "up.h"

#include "bigint.h"
#include "floatrepr.h"

// An int operand (never a bool) is a small int.
#define SMALL(o) (!UP_CFG_BIGINT || up_is_small(o))

static up_obj_t too_large(void) {
    return up_raise_msg(&up_type_OverflowError, "int too large");
}

// Without big ints: the int v (a machine int), or OverflowError.
static up_obj_t small_or_raise(up_int_t v) {
    return up_small_fits(v) ? up_small(v) : too_large();
}

// ---- conversions ------------------------------------------------------------------

up_obj_t up_int_from_cint(up_int_t v) {
    return up_small_fits(v) ? up_small(v) : up_int_from_i64((int64_t)v);
}

static up_obj_t from_mag64(uint64_t m, bool neg) {
    up_digit_t d[2] = {(up_digit_t)m, (up_digit_t)(m >> 32)};
    return up_bigint_from_mag(d, 2, neg);
}

up_obj_t up_int_from_i64(int64_t v) {
    if (v >= UP_SMALL_MIN && v <= UP_SMALL_MAX) {
        return up_small((up_int_t)v);
    }
    if (!UP_CFG_BIGINT) {
        return too_large();
    }
    return from_mag64(v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0);
}

up_obj_t up_int_from_u64(uint64_t v) {
    if (v <= (uint64_t)UP_SMALL_MAX) {
        return up_small((up_int_t)v);
    }
    if (!UP_CFG_BIGINT) {
        return too_large();
    }
    return from_mag64(v, false);
}

// |o| when it fits 64 bits: true, else false.
static bool mag64(const up_intview_t *v, uint64_t *m) {
    if (v->n > 2) {
        return false;
    }
    *m = v->n > 0 ? v->d[0] : 0;
    if (v->n > 1) {
        *m |= (uint64_t)v->d[1] << 32;
    }
    return true;
}

int up_int_as_i64(up_obj_t o, int64_t *out) {
    if (SMALL(o)) {
        *out = up_small_value(o);
        return 0;
    }
    up_intview_t v;
    up_bigint_view(&v, o);
    uint64_t m;
    if (!mag64(&v, &m) || m > (uint64_t)INT64_MAX + v.neg) {
        up_raise_msg(&up_type_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = v.neg ? (int64_t)-m : (int64_t)m;
    return 0;
}

int up_int_as_u64(up_obj_t o, uint64_t *out) {
    if (up_int_sign(o) < 0) {
        up_raise_msg(&up_type_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    if (SMALL(o)) {
        *out = (uint64_t)up_small_value(o);
        return 0;
    }
    up_intview_t v;
    up_bigint_view(&v, o);
    if (!mag64(&v, out)) {
        up_raise_msg(&up_type_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return 0;
}

int up_int_as_cint(up_obj_t o, up_int_t *out) {
    if (SMALL(o)) {
        *out = up_small_value(o);
        return 0;
    }
    int64_t v;
    if (up_int_as_i64(o, &v) < 0) {
        return -1;
    }
    if (v < INTPTR_MIN || v > INTPTR_MAX) {
        up_raise_msg(&up_type_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = (up_int_t)v;
    return 0;
}

int up_int_as_float(up_obj_t o, up_float_t *out) {
    if (SMALL(o)) {
        up_int_t v = up_small_value(o);
        // exact, or (no big ints) rounded to nearest by the conversion
        if (!UP_CFG_BIGINT ||
            (v > -((up_int_t)1 << (UP_FLOAT_MANT - 1)) && v < ((up_int_t)1 << (UP_FLOAT_MANT - 1)))) {
            *out = (up_float_t)v;
            return 0;
        }
    }
    if (up_bigint_to_float(o, out) != 0) {
        up_raise_msg(&up_type_OverflowError, "int too large to convert to float");
        return -1;
    }
    return 0;
}

int up_int_sign(up_obj_t o) {
    if (SMALL(o)) {
        up_int_t v = up_small_value(o);
        return v < 0 ? -1 : v > 0;
    }
    return ((const up_bigint_t *)o)->size < 0 ? -1 : 1;
}

up_obj_t up_int_from_float(up_float_t f) {
    if (f != f) {
        return up_raise_msg(&up_type_ValueError, "cannot convert float NaN to integer");
    }
    if (f - f != 0) {
        return up_raise_msg(&up_type_OverflowError, "cannot convert float infinity to integer");
    }
    if (!UP_CFG_BIGINT) {
        const up_float_t lim = (up_float_t)((up_int_t)1 << (UP_WORD_BITS - 2));  // -UP_SMALL_MIN, exact
        return f >= -lim && f < lim ? up_small((up_int_t)f) : too_large();
    }
    bool neg = f < 0;
    uint64_t m;
    int e;
    up_float_decompose(neg ? -f : f, &m, &e);
    if (e < 0) {
        return up_int_from_i64(e <= -64 ? 0 : neg ? -(int64_t)(m >> -e) : (int64_t)(m >> -e));
    }
    up_digit_t d[2] = {(up_digit_t)m, (up_digit_t)(m >> 32)};
    up_bigint_t *b = up_bigint_alloc(2 + (size_t)e / UP_DIGIT_BITS + 1);
    if (b == NULL) {
        return UP_NULL;
    }
    up_bigint_mag_shl(b->d, d, 2, (size_t)e);
    return up_bigint_finish(b, 2 + (size_t)e / UP_DIGIT_BITS + 1, neg);
}

up_obj_t up_int_from_bytes(const uint8_t *p, size_t n, bool big_endian, bool is_signed) {
    if (!UP_CFG_BIGINT) {
        // Most significant byte first; a negative value starts from -1 (all
        // ones), so leading 0xff bytes keep it at -1.
        up_int_t v = is_signed && n > 0 && (p[big_endian ? 0 : n - 1] & 0x80) ? -1 : 0;
        for (size_t i = 0; i < n; i++) {
            uint8_t byte = p[big_endian ? i : n - 1 - i];
            if (__builtin_mul_overflow(v, 256, &v) || __builtin_add_overflow(v, byte, &v)) {
                return too_large();
            }
        }
        return small_or_raise(v);
    }
    up_bigint_t *b = up_bigint_alloc(n / 4 + 1);
    if (b == NULL) {
        return UP_NULL;
    }
    for (size_t i = 0; i < n; i++) {
        uint8_t byte = p[big_endian ? n - 1 - i : i];
        b->d[i / 4] |= (up_digit_t)byte << (8 * (i % 4));
    }
    size_t nd = n / 4 + 1;
    bool neg = false;
    if (is_signed && n > 0 && (p[big_endian ? 0 : n - 1] & 0x80)) {
        // Two's complement: the value is the bytes minus 2^(8n).
        neg = true;
        for (size_t i = n; i < nd * 4; i++) {
            b->d[i / 4] |= (up_digit_t)0xFF << (8 * (i % 4));
        }
        up_ddigit_t c = 1;
        for (size_t i = 0; i < nd; i++) {
            c += (up_digit_t)~b->d[i];
            b->d[i] = (up_digit_t)c;
            c >>= UP_DIGIT_BITS;
        }
    }
    return up_bigint_finish(b, nd, neg);
}

// ---- addition, subtraction, multiplication -----------------------------------------------

// a + b, or a - b when negate_b.
static up_obj_t add_sub(up_obj_t a, up_obj_t b, bool negate_b) {
    up_intview_t va, vb;
    up_bigint_view(&va, a);
    up_bigint_view(&vb, b);
    bool bneg = vb.neg != negate_b;
    size_t n = (va.n > vb.n ? va.n : vb.n) + 1;
    up_bigint_t *r = up_bigint_alloc(n);
    if (r == NULL) {
        return UP_NULL;
    }
    if (va.neg == bneg) {
        if (va.n >= vb.n) {
            up_bigint_mag_add(r->d, va.d, va.n, vb.d, vb.n);
        } else {
            up_bigint_mag_add(r->d, vb.d, vb.n, va.d, va.n);
        }
        return up_bigint_finish(r, n, va.neg);
    }
    if (up_bigint_mag_cmp(va.d, va.n, vb.d, vb.n) >= 0) {
        up_bigint_mag_sub(r->d, va.d, va.n, vb.d, vb.n);
        return up_bigint_finish(r, va.n, va.neg);
    }
    up_bigint_mag_sub(r->d, vb.d, vb.n, va.d, va.n);
    return up_bigint_finish(r, vb.n, bneg);
}

// (Without big ints the sum or difference of two small ints cannot
// overflow a machine int: they have two bits to spare.)
up_obj_t up_int_add_slow(up_obj_t a, up_obj_t b) {
    if (!UP_CFG_BIGINT) {
        return small_or_raise(up_small_value(a) + up_small_value(b));
    }
    return add_sub(a, b, false);
}

up_obj_t up_int_sub_slow(up_obj_t a, up_obj_t b) {
    if (!UP_CFG_BIGINT) {
        return small_or_raise(up_small_value(a) - up_small_value(b));
    }
    return add_sub(a, b, true);
}

up_obj_t up_int_mul_slow(up_obj_t a, up_obj_t b) {
    if (!UP_CFG_BIGINT) {
        up_int_t r;
        if (__builtin_mul_overflow(up_small_value(a), up_small_value(b), &r)) {
            return too_large();
        }
        return small_or_raise(r);
    }
    return up_bigint_mul(a, b);
}

up_obj_t up_int_neg_slow(up_obj_t a) {
    if (!UP_CFG_BIGINT) {
        return small_or_raise(-up_small_value(a));
    }
    up_intview_t v;
    up_bigint_view(&v, a);
    return up_bigint_from_mag(v.d, v.n, !v.neg && v.n > 0);
}

up_obj_t up_int_abs(up_obj_t a) {
    if (SMALL(a)) {
        up_int_t v = up_small_value(a);
        return v >= 0 ? a : up_int_neg(a);
    }
    return ((const up_bigint_t *)a)->size > 0 ? a : up_int_neg_slow(a);
}

up_obj_t up_int_invert(up_obj_t a) {
    if (SMALL(a)) {
        return up_small(~up_small_value(a));  // ~x stays in range
    }
    return up_int_sub_slow(up_int_neg_slow(a), up_small(1));
}

// ---- division ----------------------------------------------------------------------------

// Floor division and modulo (Python's: the remainder has the divisor's
// sign). b != 0. q or r may be NULL when not wanted. 0 or -1.
static int divmod_floor(up_obj_t a, up_obj_t b, up_obj_t *q, up_obj_t *r) {
    up_intview_t va, vb;
    up_bigint_view(&va, a);
    up_bigint_view(&vb, b);
    size_t nq = va.n >= vb.n ? va.n - vb.n + 1 : 1;
    up_bigint_t *qb = up_bigint_alloc(nq + 1);  // + 1: the floor adjustment may carry
    up_bigint_t *rb = up_bigint_alloc(vb.n);
    if (qb == NULL || rb == NULL) {
        return -1;
    }
    size_t nr;
    if (va.n < vb.n) {
        memcpy(rb->d, va.d, va.n * sizeof(up_digit_t));
        nr = va.n;
    } else if (vb.n == 1) {
        rb->d[0] = up_bigint_mag_divrem1(qb->d, va.d, va.n, vb.d[0]);
        nr = 1;
    } else {
        if (up_bigint_mag_divrem(qb->d, rb->d, va.d, va.n, vb.d, vb.n) < 0) {
            return -1;
        }
        nr = vb.n;
    }
    nr = up_bigint_mag_trim(rb->d, nr);
    bool qneg = va.neg != vb.neg;
    if (qneg && nr > 0) {
        // Truncation went toward zero; floor is one further: q = -(|q| + 1)
        // and r = |b| - |r| with b's sign.
        up_digit_t one = 1;
        up_bigint_mag_add(qb->d, qb->d, nq, &one, 1);
        nq++;
        up_bigint_mag_sub(rb->d, vb.d, vb.n, rb->d, nr);
        nr = vb.n;
    }
    if (q != NULL) {
        *q = up_bigint_finish(qb, nq, qneg);
    }
    if (r != NULL) {
        *r = up_bigint_finish(rb, nr, vb.neg);
    }
    return 0;
}

up_obj_t up_int_floordiv_slow(up_obj_t a, up_obj_t b) {
    if (b == up_small(0)) {
        return up_raise_msg(&up_type_ZeroDivisionError, "integer division or modulo by zero");
    }
    if (!UP_CFG_BIGINT) {
        up_int_t x = up_small_value(a), y = up_small_value(b);
        up_int_t q = x / y;  // x / y cannot overflow: |x| < 2^(bits-2)
        return small_or_raise(q - (x % y != 0 && (x < 0) != (y < 0)));
    }
    up_obj_t q;
    return divmod_floor(a, b, &q, NULL) < 0 ? UP_NULL : q;
}

up_obj_t up_int_mod_slow(up_obj_t a, up_obj_t b) {
    if (b == up_small(0)) {
        return up_raise_msg(&up_type_ZeroDivisionError, "integer modulo by zero");
    }
    if (!UP_CFG_BIGINT) {
        return up_int_mod(a, b);  // the inline path: small operands, b != 0
    }
    up_obj_t r;
    return divmod_floor(a, b, NULL, &r) < 0 ? UP_NULL : r;
}

up_obj_t up_int_divmod(up_obj_t a, up_obj_t b) {
    if (b == up_small(0)) {
        return up_raise_msg(&up_type_ZeroDivisionError, "integer division or modulo by zero");
    }
    up_obj_t q, r;
    if (!UP_CFG_BIGINT || up_both_small(a, b)) {
        q = up_int_floordiv(a, b);
        r = up_int_mod(a, b);
    } else if (divmod_floor(a, b, &q, &r) < 0) {
        return UP_NULL;
    }
    if (q == UP_NULL || r == UP_NULL) {
        return UP_NULL;
    }
    return up_tuple_pack2(q, r);
}

// Without big ints: |x| / |y| for small ints, correctly rounded (y != 0).
// The quotient's leading UP_FLOAT_MANT + 4 bits by long division, the rest
// folded into a sticky bit, then rounded once by up_float_make.
static up_obj_t small_ratio(up_int_t x, up_int_t y) {
    bool neg = (x < 0) != (y < 0);
    uintptr_t a = x < 0 ? -(uintptr_t)x : (uintptr_t)x, b = y < 0 ? -(uintptr_t)y : (uintptr_t)y;
    uintptr_t q = a / b, r = a % b;  // (a machine-word division, < 2^(bits-2))
    const int want = UP_FLOAT_MANT + 4;
    int e = 0, bits = q ? 64 - __builtin_clzll((uint64_t)q) : 0;
    bool sticky = false;
    if (a == 0) {
        return up_float_new(neg ? -(up_float_t)0 : 0);
    }
    if (bits > want) {
        int sh = bits - want;
        sticky = (q & (((uint64_t)1 << sh) - 1)) != 0;
        q >>= sh;
        e = sh;
    } else {
        for (; bits < want; bits += q != 0) {
            r <<= 1;  // r < b <= 2^(bits-2): no overflow
            q = q << 1 | (r >= b);
            r -= r >= b ? b : 0;
            e--;
        }
    }
    bool ovf;
    return up_float_new(up_float_make(neg, q, e, sticky || r != 0, &ovf));
}

up_obj_t up_int_truediv(up_obj_t a, up_obj_t b) {
    if (b == up_small(0)) {
        return up_raise_msg(&up_type_ZeroDivisionError, "division by zero");
    }
    if (!UP_CFG_FLOAT) {
        return UP_FLOAT_DISABLED();
    }
    if (SMALL(a) && SMALL(b)) {
        up_int_t x = up_small_value(a), y = up_small_value(b);
        const up_int_t lim = (up_int_t)1 << (UP_FLOAT_MANT - 1);
        if (x > -lim && x < lim && y > -lim && y < lim) {
            return up_float_new((up_float_t)x / (up_float_t)y);  // exact operands, one rounding
        }
        if (!UP_CFG_BIGINT) {
            return small_ratio(x, y);
        }
    }
    up_float_t f;
    int r = up_bigint_ratio_to_float(a, b, (up_int_sign(a) < 0) != (up_int_sign(b) < 0), &f);
    if (r < 0) {
        return UP_NULL;
    }
    if (r > 0) {
        return up_raise_msg(&up_type_OverflowError, "integer division result too large for a float");
    }
    return up_float_new(f);
}

// ---- powers -----------------------------------------------------------------------------

// The exponent of a ** b as a float power (b < 0, or a float operand).
static up_obj_t float_pow(up_obj_t a, up_obj_t b) {
    if (!UP_CFG_FLOAT) {
        return UP_FLOAT_DISABLED();
    }
    up_float_t x, y;
    if (up_int_as_float(a, &x) < 0 || up_int_as_float(b, &y) < 0) {
        return UP_NULL;
    }
    up_float_t r = up_float_pow(x, y);
    if (r == UP_FLOAT_ERR && up_exc_pending) {
        return UP_NULL;
    }
    return up_float_new(r);
}

up_obj_t up_int_pow(up_obj_t a, up_obj_t b) {
    int bs = up_int_sign(b);
    if (bs < 0) {
        return float_pow(a, b);
    }
    if (!SMALL(b)) {
        // A huge exponent: only 0, 1 and -1 have a representable power.
        if (a == up_small(0) || a == up_small(1)) {
            return a;
        }
        if (a == up_small(-1)) {
            return (((const up_bigint_t *)b)->d[0] & 1) ? a : up_small(1);
        }
        up_raise_memory_error();
        return UP_NULL;
    }
    up_int_t e = up_small_value(b);
    up_obj_t result = up_small(1);
    // Left to right over the exponent's bits: square, then multiply.
    for (int bit = UP_WORD_BITS - 1; bit >= 0; bit--) {
        if (result != up_small(1)) {
            result = up_int_mul(result, result);
            if (result == UP_NULL) {
                return UP_NULL;
            }
        }
        if ((e >> bit) & 1) {
            result = up_int_mul(result, a);
            if (result == UP_NULL) {
                return UP_NULL;
            }
        }
    }
    return result;
}

// The inverse of a modulo m (m > 1, 0 <= a < m): extended Euclid. (With
// m > 0, up_int_mod's result is always in [0, m).)
static up_obj_t mod_inverse(up_obj_t a, up_obj_t m) {
    up_obj_t r0 = m, r1 = a, t0 = up_small(0), t1 = up_small(1);
    while (r1 != up_small(0)) {
        up_obj_t q = up_int_floordiv(r0, r1);
        if (q == UP_NULL) {
            return UP_NULL;
        }
        up_obj_t qr = up_int_mul(q, r1);
        up_obj_t qt = qr ? up_int_mul(q, t1) : UP_NULL;
        if (qt == UP_NULL) {
            return UP_NULL;
        }
        up_obj_t r2 = up_int_sub(r0, qr);
        up_obj_t t2 = r2 ? up_int_sub(t0, qt) : UP_NULL;
        if (t2 == UP_NULL) {
            return UP_NULL;
        }
        r0 = r1;
        r1 = r2;
        t0 = t1;
        t1 = t2;
    }
    if (r0 != up_small(1)) {
        return up_raise_msg(&up_type_ValueError, "base is not invertible for the given modulus");
    }
    return up_int_mod(t0, m);
}

// Without big ints: x * y mod m for x, y < m <= 2^(bits-2), by doubling
// (no intermediate exceeds 2m).
static uintptr_t mulmod_small(uintptr_t x, uintptr_t y, uintptr_t m) {
    uintptr_t r = 0;
    for (int bit = UP_WORD_BITS - 1; bit >= 0; bit--) {
        r = r >= m - r ? r - (m - r) : r + r;
        if ((y >> bit) & 1) {
            r = r >= m - x ? r - (m - x) : r + x;
        }
    }
    return r;
}

// pow(a, b, m) without big ints (m != 0).
static up_obj_t powmod_small(up_int_t a, up_int_t b, up_int_t m) {
    uintptr_t am = m < 0 ? -(uintptr_t)m : (uintptr_t)m;
    up_int_t base = a % (up_int_t)am;  // am <= 2^(bits-2) fits
    uintptr_t x = (uintptr_t)(base < 0 ? base + (up_int_t)am : base);
    uintptr_t e = b < 0 ? -(uintptr_t)b : (uintptr_t)b;
    if (b < 0) {
        // the inverse of x modulo am: extended Euclid (|t| stays below am)
        up_int_t r0 = (up_int_t)am, r1 = (up_int_t)x, t0 = 0, t1 = 1;
        while (r1 != 0) {
            up_int_t q = r0 / r1, r2 = r0 - q * r1, t2 = t0 - q * t1;
            r0 = r1;
            r1 = r2;
            t0 = t1;
            t1 = t2;
        }
        if (r0 != 1) {
            return up_raise_msg(&up_type_ValueError, "base is not invertible for the given modulus");
        }
        x = (uintptr_t)(t0 < 0 ? t0 + (up_int_t)am : t0) % am;
    }
    uintptr_t result = 1 % am;
    for (int bit = UP_WORD_BITS - 1; bit >= 0; bit--) {
        result = mulmod_small(result, result, am);
        if ((e >> bit) & 1) {
            result = mulmod_small(result, x, am);
        }
    }
    up_int_t r = (up_int_t)result;
    return up_small(m < 0 && r != 0 ? r + m : r);  // into (m, 0] for a negative m
}

up_obj_t up_int_powmod(up_obj_t a, up_obj_t b, up_obj_t m) {
    int ms = up_int_sign(m);
    if (ms == 0) {
        return up_raise_msg(&up_type_ValueError, "pow() 3rd argument cannot be 0");
    }
    if (!UP_CFG_BIGINT) {
        return powmod_small(up_small_value(a), up_small_value(b), up_small_value(m));
    }
    up_obj_t am = ms < 0 ? up_int_neg(m) : m;  // |m|
    if (am == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t base = up_int_mod(a, am);
    if (base == UP_NULL) {
        return UP_NULL;
    }
    if (up_int_sign(b) < 0) {
        b = up_int_neg(b);
        base = b ? mod_inverse(base, am) : UP_NULL;
        if (base == UP_NULL) {
            return UP_NULL;
        }
    }
    up_obj_t result = up_int_mod(up_small(1), am);  // 0 when |m| == 1
    up_intview_t vb;
    up_bigint_view(&vb, b);
    for (size_t i = vb.n; i-- > 0;) {
        for (int bit = UP_DIGIT_BITS - 1; bit >= 0; bit--) {
            result = up_int_mul(result, result);
            result = result ? up_int_mod(result, am) : UP_NULL;
            if (result != UP_NULL && ((vb.d[i] >> bit) & 1)) {
                result = up_int_mul(result, base);
                result = result ? up_int_mod(result, am) : UP_NULL;
            }
            if (result == UP_NULL) {
                return UP_NULL;
            }
        }
    }
    if (ms < 0 && result != up_small(0)) {
        result = up_int_add(result, m);  // into (m, 0]
    }
    return result;
}

// ---- shifts and bitwise operations -------------------------------------------------------

up_obj_t up_int_lshift_slow(up_obj_t a, up_obj_t b) {
    if (up_int_sign(b) < 0) {
        return up_raise_msg(&up_type_ValueError, "negative shift count");
    }
    if (a == up_small(0)) {
        return a;
    }
    if (!UP_CFG_BIGINT) {
        // a != 0 << b fits only below the word size
        up_int_t s = up_small_value(b), r;
        if (s >= UP_WORD_BITS - 1 || __builtin_mul_overflow(up_small_value(a), (up_int_t)1 << s, &r)) {
            return too_large();
        }
        return small_or_raise(r);
    }
    if (!up_is_small(b)) {
        return up_raise_msg(&up_type_OverflowError, "too many digits in integer");
    }
    size_t s = (size_t)up_small_value(b);
    up_intview_t va;
    up_bigint_view(&va, a);
    size_t n = va.n + s / UP_DIGIT_BITS + 1;
    up_bigint_t *r = up_bigint_alloc(n);
    if (r == NULL) {
        return UP_NULL;
    }
    up_bigint_mag_shl(r->d, va.d, va.n, s);
    return up_bigint_finish(r, n, va.neg);
}

up_obj_t up_int_rshift_slow(up_obj_t a, up_obj_t b) {
    if (up_int_sign(b) < 0) {
        return up_raise_msg(&up_type_ValueError, "negative shift count");
    }
    if (!UP_CFG_BIGINT) {
        up_int_t x = up_small_value(a), s = up_small_value(b);
        return up_small(s >= UP_WORD_BITS ? (x < 0 ? -1 : 0) : x >> s);
    }
    up_intview_t va;
    up_bigint_view(&va, a);
    size_t s = up_is_small(b) ? (size_t)up_small_value(b) : SIZE_MAX;
    if (s / UP_DIGIT_BITS >= va.n) {
        return up_small(va.neg ? -1 : 0);
    }
    size_t n = va.n - s / UP_DIGIT_BITS;
    up_bigint_t *r = up_bigint_alloc(n + 1);
    if (r == NULL) {
        return UP_NULL;
    }
    bool lost = up_bigint_mag_shr(r->d, va.d, va.n, s);
    if (va.neg && lost) {
        // floor: -(|a| >> s) - 1 when bits were shifted out
        up_digit_t one = 1;
        up_bigint_mag_add(r->d, r->d, n, &one, 1);
        n++;
    }
    return up_bigint_finish(r, n, va.neg);
}

// Digit i of the two's complement form of a view (infinitely sign-extended);
// *carry starts at 1 and carries the +1 of -m = ~m + 1.
static up_digit_t tc_digit(const up_intview_t *v, size_t i, up_ddigit_t *carry) {
    up_digit_t m = i < v->n ? v->d[i] : 0;
    if (!v->neg) {
        return m;
    }
    *carry += (up_digit_t)~m;
    up_digit_t d = (up_digit_t)*carry;
    *carry >>= UP_DIGIT_BITS;
    return d;
}

static up_obj_t bitwise(int op, up_obj_t a, up_obj_t b) {
    up_intview_t va, vb;
    up_bigint_view(&va, a);
    up_bigint_view(&vb, b);
    size_t n = (va.n > vb.n ? va.n : vb.n) + 1;
    bool neg;
    switch (op) {
    case UP_OP_AND:
        neg = va.neg && vb.neg;
        break;
    case UP_OP_OR:
        neg = va.neg || vb.neg;
        break;
    default:
        neg = va.neg != vb.neg;
        break;
    }
    up_bigint_t *r = up_bigint_alloc(n);
    if (r == NULL) {
        return UP_NULL;
    }
    up_ddigit_t ca = 1, cb = 1, cr = 1;
    for (size_t i = 0; i < n; i++) {
        up_digit_t x = tc_digit(&va, i, &ca), y = tc_digit(&vb, i, &cb);
        up_digit_t d = op == UP_OP_AND ? x & y : op == UP_OP_OR ? x | y : x ^ y;
        if (neg) {
            // back from two's complement: |r| = ~d + 1
            cr += (up_digit_t)~d;
            d = (up_digit_t)cr;
            cr >>= UP_DIGIT_BITS;
        }
        r->d[i] = d;
    }
    return up_bigint_finish(r, n, neg);
}

// (Small operands, tag bits included, as the inline paths in int.h.)
up_obj_t up_int_and_slow(up_obj_t a, up_obj_t b) {
    return !UP_CFG_BIGINT ? a & b : bitwise(UP_OP_AND, a, b);
}

up_obj_t up_int_or_slow(up_obj_t a, up_obj_t b) {
    return !UP_CFG_BIGINT ? a | b : bitwise(UP_OP_OR, a, b);
}

up_obj_t up_int_xor_slow(up_obj_t a, up_obj_t b) {
    return !UP_CFG_BIGINT ? (a ^ b) | 1 : bitwise(UP_OP_XOR, a, b);
}

// ---- comparisons and hashing ----------------------------------------------------------------

int up_int_compare_slow(up_obj_t a, up_obj_t b) {
    if (!UP_CFG_BIGINT) {
        return (up_int_t)a < (up_int_t)b ? -1 : a != b;  // tagged small ints order like their values
    }
    up_intview_t va, vb;
    up_bigint_view(&va, a);
    up_bigint_view(&vb, b);
    if (va.neg != vb.neg) {
        return va.neg ? -1 : 1;
    }
    int c = up_bigint_mag_cmp(va.d, va.n, vb.d, vb.n);
    return va.neg ? -c : c;
}

// Digit i of m * 2^e (e >= 0).
static up_digit_t shifted_digit(uint64_t m, int e, size_t i) {
    long lo = (long)i * UP_DIGIT_BITS - e;  // bit of m that lands on bit 0 of digit i
    if (lo >= 64 || lo <= -UP_DIGIT_BITS) {
        return 0;
    }
    return (up_digit_t)(lo >= 0 ? m >> lo : m << -lo);
}

int up_int_compare_float(up_obj_t a, up_float_t f) {
    if (f != f) {
        return 2;
    }
    if (f - f != 0) {
        return f > 0 ? -1 : 1;
    }
    if (SMALL(a)) {
        up_int_t v = up_small_value(a);
        const up_int_t lim = (up_int_t)1 << (UP_FLOAT_MANT - 1);
        if (v > -lim && v < lim) {
            up_float_t x = (up_float_t)v;
            return x < f ? -1 : x > f;
        }
        if (!UP_CFG_BIGINT) {
            // Compare with trunc(f) (exact: a float below 2^(bits-1) in
            // magnitude converts exactly), then with the fraction.
            const up_float_t word = (up_float_t)((uintptr_t)1 << (UP_WORD_BITS - 1));  // exact
            if (f >= word || f < -word) {
                return f > 0 ? -1 : 1;
            }
            up_int_t t = (up_int_t)f;
            if (v != t) {
                return v < t ? -1 : 1;
            }
            up_float_t frac = f - (up_float_t)t;
            return frac > 0 ? -1 : frac < 0;
        }
    }
    up_intview_t va;
    up_bigint_view(&va, a);
    int sa = va.n == 0 ? 0 : va.neg ? -1 : 1;
    int sf = f < 0 ? -1 : f > 0;
    if (sa != sf || sa == 0) {
        return sa < sf ? -1 : sa > sf;
    }
    uint64_t m;
    int e;
    up_float_decompose(f < 0 ? -f : f, &m, &e);
    int c;  // |a| vs |f|
    if (e < 0) {
        uint64_t ipart = e <= -64 ? 0 : m >> -e;
        bool frac = e <= -64 ? m != 0 : (m & (((uint64_t)1 << -e) - 1)) != 0;
        uint64_t am;
        if (!mag64(&va, &am) || am > ipart) {
            c = 1;
        } else if (am < ipart) {
            c = -1;
        } else {
            c = frac ? -1 : 0;
        }
    } else {
        size_t bits = (size_t)(64 - __builtin_clzll(m)) + (size_t)e;
        size_t nf = (bits + UP_DIGIT_BITS - 1) / UP_DIGIT_BITS;
        c = 0;
        if (va.n != nf) {
            c = va.n < nf ? -1 : 1;
        }
        for (size_t i = nf; c == 0 && i-- > 0;) {
            up_digit_t x = va.d[i], y = shifted_digit(m, e, i);
            c = x < y ? -1 : x > y;
        }
    }
    return sa < 0 ? -c : c;
}

// x mod (2^N - 1) for x < 2^64
static uint64_t hash_reduce(uint64_t x) {
    x = (x & UP_HASH_MODULUS) + (x >> UP_HASH_BITS);
    x = (x & UP_HASH_MODULUS) + (x >> UP_HASH_BITS);
    return x >= UP_HASH_MODULUS ? x - UP_HASH_MODULUS : x;
}

up_obj_t up_int_hash(up_obj_t a) {
    if (!UP_CFG_BIGINT) {
        up_int_t v = up_small_value(a);
        up_int_t h = (up_int_t)hash_reduce(v < 0 ? -(uint64_t)v : (uint64_t)v);
        h = v < 0 ? -h : h;
        return up_small(h == -1 ? -2 : h);
    }
    up_intview_t v;
    up_bigint_view(&v, a);
    uint64_t h = 0;
    // Horner over the digits; multiplying by 2^32 modulo 2^N - 1 is a
    // rotation by 32 mod N bits within N bits.
    const int rot = UP_DIGIT_BITS % UP_HASH_BITS;
    for (size_t i = v.n; i-- > 0;) {
        h = ((h << rot) & UP_HASH_MODULUS) | (h >> (UP_HASH_BITS - rot));
        h = hash_reduce(h + v.d[i]);
    }
    up_int_t r = v.neg ? -(up_int_t)h : (up_int_t)h;
    return up_small(r == -1 ? -2 : r);
}

// ---- rounding ------------------------------------------------------------------------------

up_obj_t up_int_round(up_obj_t a, up_obj_t ndigits) {
    if (ndigits == UP_NONE || ndigits == UP_NULL || up_int_sign(ndigits) >= 0) {
        return a;
    }
    if (!UP_CFG_BIGINT) {
        // |a| rounded half to even to a multiple of p = 10^k. A p too big
        // for a machine word exceeds 2|a| (|a| <= 2^(bits-2)): zero.
        up_int_t v = up_small_value(a), k = -up_small_value(ndigits);
        uintptr_t m = v < 0 ? -(uintptr_t)v : (uintptr_t)v, p = 1;
        for (; k > 0; k--) {
            if (p > UINTPTR_MAX / 10) {
                return up_small(0);
            }
            p *= 10;
        }
        uintptr_t q = m / p, r = m % p;
        if (r > p - r || (r == p - r && (q & 1))) {
            q++;
        }
        uintptr_t res;
        if (__builtin_mul_overflow(q, p, &res) || res > (uintptr_t)UP_SMALL_MAX) {
            return too_large();
        }
        return up_small(v < 0 ? -(up_int_t)res : (up_int_t)res);
    }
    up_obj_t k = up_int_neg(ndigits);
    if (k == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t p = up_int_pow(up_small(10), k);
    if (p == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t q, r;
    if (divmod_floor(a, p, &q, &r) < 0) {
        return UP_NULL;
    }
    // round half to even: compare 2r with p
    up_obj_t r2 = up_int_add(r, r);
    if (r2 == UP_NULL) {
        return UP_NULL;
    }
    int c = up_int_compare(r2, p);
    if (c > 0 || (c == 0 && up_int_and(q, up_small(1)) == up_small(1))) {
        q = up_int_add(q, up_small(1));
        if (q == UP_NULL) {
            return UP_NULL;
        }
    }
    return up_int_mul(q, p);
}

// ---- text ----------------------------------------------------------------------------------

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int digit_of(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

// int(text, base) of s[0..len); 1 when the text is not a valid literal
// (nothing raised), else the result in *out (UP_NULL: MemoryError).
static int parse_int(const char *s, size_t len, int base, up_obj_t *out) {
    const char *e = s + len;
    while (s < e && is_space(*s)) {
        s++;
    }
    while (e > s && is_space(e[-1])) {
        e--;
    }
    bool neg = false;
    if (s < e && (*s == '+' || *s == '-')) {
        neg = *s == '-';
        s++;
    }
    bool prefixed = false;
    if (e - s >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb != 0 && (base == 0 || base == pb)) {
            base = pb;
            s += 2;
            prefixed = true;
        }
    }
    bool guess_decimal = base == 0;
    if (base == 0) {
        base = 10;
    }
    // Digits with single underscores between them (and one allowed right
    // after a base prefix).
    if (prefixed && s < e && *s == '_') {
        s++;
    }
    if (s == e) {
        return 1;
    }
    size_t n = 0;
    bool nonzero = false;
    for (const char *p = s; p < e; p++) {
        if (*p == '_') {
            if (p + 1 == e || p == s || p[-1] == '_') {
                return 1;
            }
            continue;
        }
        int d = digit_of(*p);
        if (d >= base) {
            return 1;
        }
        nonzero |= d != 0;
        n++;
    }
    if (guess_decimal && !prefixed && s[0] == '0' && nonzero) {
        return 1;  // "010" is not a literal in base 0
    }
    char buf[40];
    char *digits = n <= sizeof buf ? buf : up_alloc_noscan(n);
    if (digits == NULL) {
        *out = UP_NULL;
        return 0;
    }
    size_t k = 0;
    for (const char *p = s; p < e; p++) {
        if (*p != '_') {
            digits[k++] = *p;
        }
    }
    if (!UP_CFG_BIGINT) {
        uintptr_t m = 0;
        bool ovf = false;
        for (size_t i = 0; i < n; i++) {
            ovf |= __builtin_mul_overflow(m, (uintptr_t)base, &m) ||
                   __builtin_add_overflow(m, (uintptr_t)digit_of(digits[i]), &m);
        }
        // (the magnitude of UP_SMALL_MIN is UP_SMALL_MAX + 1)
        bool fits = !ovf && m <= (uintptr_t)UP_SMALL_MAX + neg;
        *out = fits ? up_small(neg ? -(up_int_t)m : (up_int_t)m) : too_large();
    } else if (n <= 18 && base == 10) {
        int64_t v = 0;
        for (size_t i = 0; i < n; i++) {
            v = v * 10 + (digits[i] - '0');
        }
        *out = up_int_from_i64(neg ? -v : v);
    } else {
        *out = up_bigint_from_digits(digits, n, base, neg);
    }
    if (digits != buf) {
        up_free(digits);
    }
    return 0;
}

// The "invalid literal" error, quoting the text like CPython: the repr of
// its first 200 characters, itself cut to 200 characters.
static up_obj_t invalid_literal(up_obj_t text, const char *s, size_t len, int base) {
    size_t cut = 0;
    for (size_t chars = 0; cut < len && chars < 200; chars++) {
        cut++;
        while (cut < len && ((uint8_t)s[cut] & 0xC0) == 0x80) {
            cut++;  // whole UTF-8 characters
        }
    }
    if (text == UP_NULL || cut < len) {
        text = text != UP_NULL && up_type_is(text, &up_type_bytes) ? text : up_str_new(s, cut);
        if (text == UP_NULL) {
            return UP_NULL;
        }
    }
    up_obj_t r = up_obj_repr(text);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    if (up_str_len(r) > 200) {
        const char *q = up_str_data(r);
        size_t b = 0;
        for (size_t chars = 0; chars < 200; chars++) {
            b++;
            while (((uint8_t)q[b] & 0xC0) == 0x80) {
                b++;
            }
        }
        r = up_str_new(q, b);
        if (r == UP_NULL) {
            return UP_NULL;
        }
    }
    return up_raise_fmt(&up_type_ValueError, "invalid literal for int() with base %d: %q", (up_int_t)base, r);
}

static up_obj_t int_from_text(up_obj_t text, const char *s, size_t len, int base) {
    if (base != 0 && (base < 2 || base > 36)) {
        return up_raise_msg(&up_type_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    up_obj_t r;
    if (parse_int(s, len, base, &r) != 0) {
        return invalid_literal(text, s, len, base);
    }
    return r;
}

up_obj_t up_int_from_str(const char *s, size_t len, int base) {
    return int_from_text(UP_NULL, s, len, base);
}

char *up_int_digits(up_obj_t a, int base, size_t *len) {
    if (SMALL(a)) {
        up_int_t v = up_small_value(a);
        uintptr_t m = v < 0 ? -(uintptr_t)v : (uintptr_t)v;  // (no 64-bit division on the board)
        char buf[64];
        size_t n = 0;
        do {
            buf[sizeof buf - ++n] = "0123456789abcdefghijklmnopqrstuvwxyz"[m % (unsigned)base];
            m /= (unsigned)base;
        } while (m);
        char *out = up_alloc_noscan(n);
        if (out != NULL) {
            memcpy(out, buf + sizeof buf - n, n);
            *len = n;
        }
        return out;
    }
    up_intview_t v;
    up_bigint_view(&v, a);
    return up_bigint_mag_to_text(v.d, v.n, base, len);
}

up_obj_t up_int_to_str_base(up_obj_t a, int base, const char *prefix) {
    size_t n;
    char *digits = up_int_digits(a, base, &n);
    if (digits == NULL) {
        return UP_NULL;
    }
    bool neg = up_int_sign(a) < 0;
    size_t plen = prefix ? strlen(prefix) : 0;
    char *d;
    up_obj_t s = up_str_alloc(neg + plen + n, &d);
    if (s == UP_NULL) {
        return UP_NULL;
    }
    if (neg) {
        *d++ = '-';
    }
    memcpy(d, prefix, plen);
    memcpy(d + plen, digits, n);
    up_free(digits);
    return up_str_finish(s);
}

int up_int_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    if (SMALL(self)) {
        up_printer_int(p, up_small_value(self));
        return 0;
    }
    size_t n;
    char *digits = up_int_digits(self, 10, &n);
    if (digits == NULL) {
        return -1;
    }
    if (up_int_sign(self) < 0) {
        up_printer_putc(p, '-');
    }
    up_printer_write(p, digits, n);
    up_free(digits);
    return 0;
}

// ---- the generic slots ----------------------------------------------------------------------

up_obj_t up_int_binary_op(int op, up_obj_t a, up_obj_t b) {
    if (op >= UP_OP_IADD && op <= UP_OP_IMATMUL) {
        op = op - UP_OP_IADD + UP_OP_ADD;  // ints are immutable
    }
    bool ia = up_is_int(a) || up_is_bool(a), ib = up_is_int(b) || up_is_bool(b);
    if (!ia || !ib) {
        if ((ia && up_is_float(b)) || (ib && up_is_float(a))) {
            return up_float_binary_op(op, a, b);
        }
        return UP_NOTIMPL;
    }
    if (up_is_bool(a) && up_is_bool(b) && (op == UP_OP_AND || op == UP_OP_OR || op == UP_OP_XOR)) {
        bool x = a == UP_TRUE, y = b == UP_TRUE;
        return up_bool(op == UP_OP_AND ? x && y : op == UP_OP_OR ? x || y : x != y);
    }
    if (up_is_bool(a)) {
        a = up_small(a == UP_TRUE);
    }
    if (up_is_bool(b)) {
        b = up_small(b == UP_TRUE);
    }
    if (op >= UP_OP_LT && op <= UP_OP_GE) {
        int c = up_int_compare(a, b);
        switch (op) {
        case UP_OP_LT:
            return up_bool(c < 0);
        case UP_OP_LE:
            return up_bool(c <= 0);
        case UP_OP_EQ:
            return up_bool(c == 0);
        case UP_OP_NE:
            return up_bool(c != 0);
        case UP_OP_GT:
            return up_bool(c > 0);
        default:
            return up_bool(c >= 0);
        }
    }
    if (op > UP_OP_XOR) {
        return UP_NOTIMPL;
    }
    // The common small cases inline; everything else (the slow paths take
    // small operands too) through a table.
    if (up_both_small(a, b)) {
        switch (op) {
        case UP_OP_ADD:
            return up_int_add(a, b);
        case UP_OP_SUB:
            return up_int_sub(a, b);
        case UP_OP_MUL:
            return up_int_mul(a, b);
        case UP_OP_FLOORDIV:
            return up_int_floordiv(a, b);
        case UP_OP_MOD:
            return up_int_mod(a, b);
        case UP_OP_LSHIFT:
            return up_int_lshift(a, b);
        case UP_OP_RSHIFT:
            return up_int_rshift(a, b);
        case UP_OP_AND:
            return a & b;
        case UP_OP_OR:
            return a | b;
        case UP_OP_XOR:
            return (a ^ b) | 1;
        default:
            break;
        }
    }
    static up_obj_t (*const ops[])(up_obj_t, up_obj_t) = {
        up_int_add_slow, up_int_sub_slow, up_int_mul_slow, up_int_truediv, up_int_floordiv_slow, up_int_mod_slow,
        up_int_pow, up_int_lshift_slow, up_int_rshift_slow, up_int_and_slow, up_int_or_slow, up_int_xor_slow,
    };
    return ops[op](a, b);
}

up_obj_t up_int_unary_op(int op, up_obj_t a) {
    if (up_is_bool(a)) {
        a = up_small(a == UP_TRUE);
    }
    switch (op) {
    case UP_UOP_NEG:
        return up_int_neg(a);
    case UP_UOP_POS:
    case UP_UOP_INT:
        return a;
    case UP_UOP_INVERT:
        return up_int_invert(a);
    case UP_UOP_ABS:
        return up_int_abs(a);
    case UP_UOP_BOOL:
        return up_bool(up_int_truthy(a));
    case UP_UOP_HASH:
        return up_int_hash(a);
    case UP_UOP_FLOAT: {
        if (!UP_CFG_FLOAT) {
            return UP_FLOAT_DISABLED();
        }
        up_float_t f;
        return up_int_as_float(a, &f) < 0 ? UP_NULL : up_float_new(f);
    }
    default:
        return UP_NOTIMPL;
    }
}

// int(), int(x), int(text, base)
up_obj_t up_int_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    size_t npos = up_npos(n, kwnames);
    up_obj_t base_obj = npos > 1 ? args[1] : UP_NULL;
    if (kwnames) {
        const up_tuple_t *kw = (const up_tuple_t *)kwnames;
        for (size_t i = 0; i < kw->len; i++) {
            if (!up_str_eq_cstr(kw->items[i], "base") || base_obj != UP_NULL) {
                return up_raise_fmt(&up_type_TypeError, "'%q' is an invalid keyword argument for int()",
                                    kw->items[i]);
            }
            base_obj = args[npos + i];
        }
    }
    if (npos > 2) {
        return up_raise_fmt(&up_type_TypeError, "int() takes at most 2 arguments (%d given)", (up_int_t)n);
    }
    if (npos == 0) {
        if (base_obj != UP_NULL) {
            return up_raise_msg(&up_type_TypeError, "int() missing string argument");
        }
        return up_small(0);
    }
    up_obj_t x = args[0];
    bool text = up_is_str(x) || up_type_is(x, &up_type_bytes);
    if (base_obj == UP_NULL) {
        if (up_is_int(x)) {
            return x;
        }
        if (!text) {
            return up_unary_op(UP_UOP_INT, x);
        }
    }
    up_int_t base = 10;
    if (base_obj != UP_NULL) {
        if (!up_is_int(base_obj) && !up_is_bool(base_obj)) {
            return up_raise_fmt(&up_type_TypeError, "'%T' object cannot be interpreted as an integer",
                                base_obj);
        }
        if (up_is_bool(base_obj)) {
            base = base_obj == UP_TRUE;
        } else if (!up_is_small(base_obj)) {
            base = -1;
        } else {
            base = up_small_value(base_obj);
        }
        if (!text) {
            return up_raise_msg(&up_type_TypeError, "int() can't convert non-string with explicit base");
        }
    }
    return int_from_text(x, up_str_data(x), up_str_size(x), (int)(base < 0 || base > 99 ? -1 : base));
}

// ---- methods -------------------------------------------------------------------------------

up_obj_t up_int_m_bit_length(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    up_obj_t a = up_is_bool(args[0]) ? up_small(args[0] == UP_TRUE) : args[0];
    if (SMALL(a)) {
        up_int_t x = up_small_value(a);
        uint64_t m = x < 0 ? -(uint64_t)x : (uint64_t)x;
        return up_small(m ? 64 - __builtin_clzll(m) : 0);
    }
    up_intview_t v;
    up_bigint_view(&v, a);
    return up_int_from_u64(up_bigint_mag_bitlen(v.d, v.n));
}

const up_builtin_t up_builtin_int_bit_length = {{&up_type_builtin}, "bit_length", 1, 1, 0, up_int_m_bit_length};

// x.to_bytes(len, ...) without big ints: the same checks and bytes as the
// big-int code below, from a machine int.
static up_obj_t small_to_bytes(up_int_t x, up_int_t len, bool big_endian, bool is_signed) {
    if (x < 0 && !is_signed) {
        return up_raise_msg(&up_type_OverflowError, "can't convert negative int to unsigned");
    }
    uint64_t m = x < 0 ? -(uint64_t)x : (uint64_t)x;
    size_t bits = m ? (size_t)(64 - __builtin_clzll(m)) : 0;
    if (is_signed && m > 0) {
        bits += x < 0 && (m & (m - 1)) == 0 ? 0 : 1;  // -2^k needs no extra sign bit
        if (x == -1) {
            bits = 0;
        }
    }
    if (bits > (size_t)len * 8) {
        return up_raise_msg(&up_type_OverflowError, "int too big to convert");
    }
    char *data;
    up_obj_t r = up_bytes_alloc((size_t)len, &data);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    for (size_t i = 0; i < (size_t)len; i++) {
        // byte i of the two's complement form, sign-extended
        uint8_t byte = i < sizeof(uint64_t) ? (uint8_t)((uint64_t)(int64_t)x >> (8 * i)) : x < 0 ? 0xff : 0;
        data[big_endian ? (size_t)len - 1 - i : i] = (char)byte;
    }
    return up_bytes_finish(r);
}

// to_bytes(length=1, byteorder='big', *, signed=False)
up_obj_t up_int_m_to_bytes(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    size_t npos = up_npos(n, kwnames);
    up_obj_t length = npos > 1 ? args[1] : UP_NULL;
    up_obj_t order = npos > 2 ? args[2] : UP_NULL;
    up_obj_t sign = UP_NULL;
    if (kwnames) {
        const up_tuple_t *kw = (const up_tuple_t *)kwnames;
        for (size_t i = 0; i < kw->len; i++) {
            up_obj_t name = kw->items[i], v = args[npos + i];
            if (up_str_eq_cstr(name, "length") && length == UP_NULL) {
                length = v;
            } else if (up_str_eq_cstr(name, "byteorder") && order == UP_NULL) {
                order = v;
            } else if (up_str_eq_cstr(name, "signed") && sign == UP_NULL) {
                sign = v;
            } else {
                return up_raise_fmt(&up_type_TypeError, "'%q' is an invalid keyword argument for to_bytes()",
                                    name);
            }
        }
    }
    up_int_t len = 1;
    if (length != UP_NULL) {
        if (!up_is_int(length) && !up_is_bool(length)) {
            return up_raise_fmt(&up_type_TypeError, "'%T' object cannot be interpreted as an integer", length);
        }
        if (up_int_sign(length) < 0) {
            return up_raise_msg(&up_type_ValueError, "length argument must be non-negative");
        }
        if (up_int_as_cint(up_is_bool(length) ? up_small(length == UP_TRUE) : length, &len) < 0) {
            return UP_NULL;
        }
    }
    bool big_endian = true;
    if (order != UP_NULL) {
        if (!up_is_str(order)) {
            return up_raise_fmt(&up_type_TypeError, "to_bytes() argument 'byteorder' must be str, not %T", order);
        }
        if (up_str_eq_cstr(order, "little")) {
            big_endian = false;
        } else if (!up_str_eq_cstr(order, "big")) {
            return up_raise_msg(&up_type_ValueError, "byteorder must be either 'little' or 'big'");
        }
    }
    bool is_signed = false;
    if (sign != UP_NULL) {
        int t = up_truthy(sign);
        if (t < 0) {
            return UP_NULL;
        }
        is_signed = t != 0;
    }
    up_obj_t a = up_is_bool(args[0]) ? up_small(args[0] == UP_TRUE) : args[0];
    if (!UP_CFG_BIGINT) {
        return small_to_bytes(up_small_value(a), len, big_endian, is_signed);
    }
    up_intview_t v;
    up_bigint_view(&v, a);
    if (v.neg && !is_signed) {
        return up_raise_msg(&up_type_OverflowError, "can't convert negative int to unsigned");
    }
    // Bits needed: the magnitude's, plus a sign bit when signed (except for
    // -2^k, whose two's complement form needs no more bits than 2^k - 1).
    size_t bits = up_bigint_mag_bitlen(v.d, v.n);
    if (is_signed && v.n > 0) {
        bool exact_pow2 = true;
        for (size_t i = 0; i + 1 < v.n; i++) {
            exact_pow2 &= v.d[i] == 0;
        }
        up_digit_t top = v.d[v.n - 1];
        exact_pow2 &= (top & (top - 1)) == 0;
        bits += v.neg && exact_pow2 ? 0 : 1;
        if (v.neg && v.n == 1 && v.d[0] == 1) {
            bits = 0;  // -1 is all sign bits: it fits even in no bytes
        }
    }
    if (bits > (size_t)len * 8) {
        return up_raise_msg(&up_type_OverflowError, "int too big to convert");
    }
    char *data;
    up_obj_t r = up_bytes_alloc((size_t)len, &data);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    up_ddigit_t carry = 1;
    for (size_t i = 0; i < (size_t)len; i++) {
        size_t w = i / 4;
        up_digit_t d = w < v.n ? v.d[w] : 0;
        if (v.neg && i % 4 == 0) {
            carry += (up_digit_t)~d;
        }
        up_digit_t tc = v.neg ? (up_digit_t)carry : d;
        data[big_endian ? (size_t)len - 1 - i : i] = (char)(uint8_t)(tc >> (8 * (i % 4)));
        if (v.neg && i % 4 == 3) {
            carry >>= UP_DIGIT_BITS;
        }
    }
    return up_bytes_finish(r);
}

const up_builtin_t up_builtin_int_to_bytes = {{&up_type_builtin}, "to_bytes", 1, 3, 1, up_int_m_to_bytes};
