// Floats in decimal: the shortest repr, correctly rounded digits for
// formatting and round(), and correctly rounded parsing.
//
// Digits are generated exactly. A finite float is v = f * 2^e; scaled by a
// power of ten k it becomes the ratio r / s of two integers with
// 1/10 <= r/s < 1, and each digit is floor(10 r / s) with r replaced by the
// remainder. The integers live in fixed-size arrays on the stack (no heap,
// so printing a float never allocates), big enough for up_float_t's range.
//
// The shortest repr is Steele & White's free-format algorithm in Burger &
// Dybvig's formulation: m- and m+ are the distances to the midpoints
// between v and its neighbours (the rounding interval of a reader that
// rounds half to even, endpoints included when f is even); digits are
// generated until the prefix so far, or that prefix with its last digit
// raised, lies inside the interval; of the two the closer to v wins (ties
// to even). The output is the shortest that reads back as v, and the
// closest to v among the shortest -- the same digits as CPython's repr.
//
// Parsing is exact too: the common case (at most UP_FLOAT_MANT bits of
// digits and a small power of ten) takes Clinger's fast path, which is
// exact in floating point; anything else is the big-int ratio D / 10^-E
// (or the product D * 10^E) rounded once.
#include "floatrepr.h"

#include "up.h"
#include "bigint.h"

// ---- bits --------------------------------------------------------------------

#if defined(UP_FLOAT32) && UP_FLOAT32
typedef uint32_t fbits_t;
#else
typedef uint64_t fbits_t;
#endif

#define FRAC_BITS (UP_FLOAT_MANT - 1)
#define EXP_MASK ((1u << (sizeof(fbits_t) * 8 - UP_FLOAT_MANT)) - 1)

void up_float_decompose(up_float_t v, uint64_t *m, int *e) {
    fbits_t bits;
    memcpy(&bits, &v, sizeof bits);
    uint64_t frac = bits & (((fbits_t)1 << FRAC_BITS) - 1);
    int biased = (int)((bits >> FRAC_BITS) & EXP_MASK);
    if (biased == 0) {
        *m = frac;
        *e = UP_FLOAT_EMIN;
    } else {
        *m = frac | ((uint64_t)1 << FRAC_BITS);
        *e = biased - 1 + UP_FLOAT_EMIN;
    }
}

up_float_t up_float_make(bool neg, uint64_t m, int e, bool sticky, bool *overflow) {
    *overflow = false;
    fbits_t bits = neg ? (fbits_t)1 << (sizeof(fbits_t) * 8 - 1) : 0;
    if (m != 0) {
        int nb = 64 - __builtin_clzll(m);
        int u = e + nb - UP_FLOAT_MANT;  // the unit of the last kept bit
        if (u < UP_FLOAT_EMIN) {
            u = UP_FLOAT_EMIN;
        }
        int sh = u - e;
        uint64_t q;
        if (sh <= 0) {
            q = m << -sh;
        } else {
            bool half, rest;
            if (sh > 64) {
                q = 0;
                half = false;
                rest = true;
            } else if (sh == 64) {
                q = 0;
                half = (m >> 63) != 0;
                rest = (m << 1) != 0 || sticky;
            } else {
                q = m >> sh;
                half = ((m >> (sh - 1)) & 1) != 0;
                rest = (m & (((uint64_t)1 << (sh - 1)) - 1)) != 0 || sticky;
            }
            if (half && (rest || (q & 1))) {
                q++;
                if (q >> UP_FLOAT_MANT) {
                    q >>= 1;
                    u++;
                }
            }
        }
        if (u > UP_FLOAT_EMAX - UP_FLOAT_MANT + 1) {
            *overflow = true;
            bits |= (fbits_t)EXP_MASK << FRAC_BITS;
        } else if (q >> FRAC_BITS) {
            bits |= ((fbits_t)(u - UP_FLOAT_EMIN + 1) << FRAC_BITS) | (fbits_t)(q & (((uint64_t)1 << FRAC_BITS) - 1));
        } else {
            bits |= (fbits_t)q;  // subnormal (or zero)
        }
    }
    up_float_t v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

// ---- fixed-size big naturals ------------------------------------------------------

// Room for the largest scaled numerator or denominator (see the header
// comment), with slack for the factor 10 of the next digit.
#define FBN_WORDS ((UP_FLOAT_MANT + 2 - UP_FLOAT_EMIN + 96) / 32)

typedef struct {
    int n;  // words in use; w[n - 1] != 0 unless n == 0
    uint32_t w[FBN_WORDS];
} fbn_t;

static void fbn_set(fbn_t *a, uint64_t v) {
    a->w[0] = (uint32_t)v;
    a->w[1] = (uint32_t)(v >> 32);
    a->n = a->w[1] ? 2 : a->w[0] ? 1 : 0;
}

static void fbn_shl(fbn_t *a, int s) {
    if (a->n == 0) {
        return;
    }
    int w = s / 32, b = s % 32;
    int n = a->n;
    a->w[n + w] = 0;
    if (b == 0) {
        for (int i = n - 1; i >= 0; i--) {
            a->w[i + w] = a->w[i];
        }
    } else {
        for (int i = n - 1; i >= 0; i--) {
            a->w[i + w + 1] |= a->w[i] >> (32 - b);
            a->w[i + w] = a->w[i] << b;
        }
    }
    for (int i = 0; i < w; i++) {
        a->w[i] = 0;
    }
    a->n = n + w + 1;
    while (a->n > 0 && a->w[a->n - 1] == 0) {
        a->n--;
    }
}

static void fbn_mul(fbn_t *a, uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < a->n; i++) {
        carry += (uint64_t)a->w[i] * m;
        a->w[i] = (uint32_t)carry;
        carry >>= 32;
    }
    if (carry) {
        a->w[a->n++] = (uint32_t)carry;
    }
}

static void fbn_mul_pow10(fbn_t *a, int k) {
    for (; k >= 9; k -= 9) {
        fbn_mul(a, 1000000000u);
    }
    static const uint32_t small[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    if (k > 0) {
        fbn_mul(a, small[k]);
    }
}

static int fbn_cmp(const fbn_t *a, const fbn_t *b) {
    if (a->n != b->n) {
        return a->n < b->n ? -1 : 1;
    }
    for (int i = a->n - 1; i >= 0; i--) {
        if (a->w[i] != b->w[i]) {
            return a->w[i] < b->w[i] ? -1 : 1;
        }
    }
    return 0;
}

// a -= b, for a >= b
static void fbn_sub(fbn_t *a, const fbn_t *b) {
    uint32_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t t = (uint64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
        a->w[i] = (uint32_t)t;
        borrow = (uint32_t)(t >> 63);
    }
    while (a->n > 0 && a->w[a->n - 1] == 0) {
        a->n--;
    }
}

// r = a + b
static void fbn_add(fbn_t *r, const fbn_t *a, const fbn_t *b) {
    int n = a->n > b->n ? a->n : b->n;
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        carry += (uint64_t)(i < a->n ? a->w[i] : 0) + (i < b->n ? b->w[i] : 0);
        r->w[i] = (uint32_t)carry;
        carry >>= 32;
    }
    r->n = n;
    if (carry) {
        r->w[r->n++] = (uint32_t)carry;
    }
}

// The next digit: r = 10 r; return floor(r / s) and leave r % s in r
// (r < s on entry, so the digit is 0..9).
static int fbn_digit(fbn_t *r, const fbn_t *s) {
    fbn_mul(r, 10);
    int d = 0;
    while (fbn_cmp(r, s) >= 0) {
        fbn_sub(r, s);
        d++;
    }
    return d;
}

// floor(log10(2^x)) + 1 or one less, for |x| < 2^12: a lower estimate of
// the decimal exponent k with 10^(k-1) <= v < 10^k when 2^x <= v < 2^(x+1).
static int estimate_k(int x) {
    return ((x * 78913) >> 18) + 1;  // 78913 / 2^18 = log10(2) - 8e-7
}

// ---- shortest -----------------------------------------------------------------------

void up_float_shortest(up_float_t v, up_decimal_t *out) {
    uint64_t f;
    int e;
    up_float_decompose(v, &f, &e);
    bool even = (f & 1) == 0;
    // At a power of two the gap below v is half the gap above it.
    bool unequal = f == (uint64_t)1 << FRAC_BITS && e > UP_FLOAT_EMIN;
    fbn_t r, s, mp, mm, t;
    int lead = e + (64 - __builtin_clzll(f)) - 1;
    // r / s = v, with mp / s and mm / s half the gaps to the neighbours.
    if (e >= 0) {
        fbn_set(&r, f);
        fbn_shl(&r, e + (unequal ? 2 : 1));
        fbn_set(&s, unequal ? 4 : 2);
        fbn_set(&mp, 1);
        fbn_shl(&mp, e + (unequal ? 1 : 0));
        fbn_set(&mm, 1);
        fbn_shl(&mm, e);
    } else {
        fbn_set(&r, f << (unequal ? 2 : 1));
        fbn_set(&s, 1);
        fbn_shl(&s, (unequal ? 2 : 1) - e);
        fbn_set(&mp, unequal ? 2 : 1);
        fbn_set(&mm, 1);
    }
    int k = estimate_k(lead);
    if (k >= 0) {
        fbn_mul_pow10(&s, k);
    } else {
        fbn_mul_pow10(&r, -k);
        fbn_mul_pow10(&mp, -k);
        fbn_mul_pow10(&mm, -k);
    }
    // Fix k so the upper end of the interval, (r + mp) / s, is below 1
    // (at most 1 when it is excluded) and above 1/10 (at least).
    for (;;) {
        fbn_add(&t, &r, &mp);
        int c = fbn_cmp(&t, &s);
        if (even ? c >= 0 : c > 0) {
            fbn_mul(&s, 10);
            k++;
            continue;
        }
        fbn_mul(&t, 10);
        c = fbn_cmp(&t, &s);
        if (even ? c < 0 : c <= 0) {
            fbn_mul(&r, 10);
            fbn_mul(&mp, 10);
            fbn_mul(&mm, 10);
            k--;
            continue;
        }
        break;
    }
    int n = 0;
    for (;;) {
        int d = fbn_digit(&r, &s);
        fbn_mul(&mp, 10);
        fbn_mul(&mm, 10);
        int c = fbn_cmp(&r, &mm);
        bool low = even ? c <= 0 : c < 0;
        fbn_add(&t, &r, &mp);
        c = fbn_cmp(&t, &s);
        bool high = even ? c >= 0 : c > 0;
        if (!low && !high) {
            out->digits[n++] = (char)('0' + d);
            continue;
        }
        if (low && high) {
            fbn_add(&t, &r, &r);
            c = fbn_cmp(&t, &s);
            high = c > 0 || (c == 0 && (d & 1));
        }
        out->digits[n++] = (char)('0' + d + (high ? 1 : 0));
        break;
    }
    out->n = n;
    out->exp = k;
}

// ---- fixed precision -----------------------------------------------------------------

void up_float_fixed(up_float_t v, int ndigits, bool after_point, up_decimal_t *out) {
    out->n = 0;
    out->exp = 0;
    if (v == 0) {
        return;
    }
    uint64_t f;
    int e;
    up_float_decompose(v, &f, &e);
    fbn_t r, s, t;
    fbn_set(&r, f);
    fbn_set(&s, 1);
    if (e >= 0) {
        fbn_shl(&r, e);
    } else {
        fbn_shl(&s, -e);
    }
    int k = estimate_k(e + (64 - __builtin_clzll(f)) - 1);
    if (k >= 0) {
        fbn_mul_pow10(&s, k);
    } else {
        fbn_mul_pow10(&r, -k);
    }
    for (;;) {
        if (fbn_cmp(&r, &s) >= 0) {
            fbn_mul(&s, 10);
            k++;
            continue;
        }
        t = r;
        fbn_mul(&t, 10);
        if (fbn_cmp(&t, &s) < 0) {
            fbn_mul(&r, 10);
            k--;
            continue;
        }
        break;
    }
    // Now v = r / s * 10^k with 1/10 <= r / s < 1.
    long count = after_point ? (long)k + ndigits : ndigits;
    if (count < 0) {
        return;
    }
    if (count > UP_FLOAT_DIGITS_MAX) {
        count = UP_FLOAT_DIGITS_MAX;  // the exact expansion ends before this
    }
    int n = 0;
    while (n < count && r.n != 0) {
        out->digits[n++] = (char)('0' + fbn_digit(&r, &s));
    }
    if (r.n != 0) {
        // Round the rest (r / s of a unit in the last place) half to even.
        fbn_add(&t, &r, &r);
        int c = fbn_cmp(&t, &s);
        bool up = c > 0 || (c == 0 && n > 0 && ((out->digits[n - 1] - '0') & 1));
        if (up) {
            int i = n - 1;
            while (i >= 0 && out->digits[i] == '9') {
                out->digits[i--] = '0';
            }
            if (i < 0) {
                // 99.9 -> 100: one digit, one place further left
                out->digits[0] = '1';
                n = n > 0 ? n : 1;
                k++;
            } else {
                out->digits[i]++;
            }
        }
    }
    while (n > 0 && out->digits[n - 1] == '0') {
        n--;
    }
    out->n = n;
    out->exp = n ? k : 0;
}

// ---- parsing ------------------------------------------------------------------------

static up_float_t pow10_exact(int k) {
    up_float_t p = 1;
    for (int i = 0; i < k; i++) {
        p *= 10;
    }
    return p;
}

int up_float_from_decimal(bool neg, const char *digits, size_t n, long exp, up_float_t *out) {
    while (n > 0 && digits[0] == '0') {
        digits++;
        n--;
        exp--;
    }
    while (n > 0 && digits[n - 1] == '0') {
        n--;
    }
    bool ovf;
    // value in [10^(exp-1), 10^exp): zero below half the smallest
    // subnormal, infinite above the largest float.
    if (n == 0 || exp < -(long)((-UP_FLOAT_EMIN + 1) * 30103L / 100000) - 1) {
        *out = neg ? -(up_float_t)0 : 0;
        return 0;
    }
    if (exp > (long)((UP_FLOAT_EMAX + 1) * 30103L / 100000) + 1) {
        *out = up_float_make(neg, 1, UP_FLOAT_EMAX + 1, false, &ovf);
        return 0;
    }
    long p10 = exp - (long)n;  // value = D * 10^p10
    if (n <= 19) {
        uint64_t d = 0;
        for (size_t i = 0; i < n; i++) {
            d = d * 10 + (uint64_t)(digits[i] - '0');
        }
        if (d >> UP_FLOAT_MANT == 0 && p10 >= -UP_FLOAT_POW10_EXACT && p10 <= UP_FLOAT_POW10_EXACT) {
            // Clinger: d and 10^|p10| are exact, so one rounding.
            up_float_t x = (up_float_t)d;
            x = p10 >= 0 ? x * pow10_exact((int)p10) : x / pow10_exact((int)-p10);
            *out = neg ? -x : x;
            return 0;
        }
    }
    up_obj_t big = up_bigint_from_digits(digits, n, 10, false);
    if (big == UP_NULL) {
        return -1;
    }
    up_obj_t scale = up_bigint_pow10((unsigned)(p10 >= 0 ? p10 : -p10));
    if (scale == UP_NULL) {
        return -1;
    }
    if (p10 >= 0) {
        big = up_bigint_mul(big, scale);
        scale = up_small(1);
        if (big == UP_NULL) {
            return -1;
        }
    }
    return up_bigint_ratio_to_float(big, scale, neg, out) < 0 ? -1 : 0;
}

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Case-insensitive match of the whole of [s, e) against word.
static bool word_is(const char *s, const char *e, const char *word) {
    for (; s < e && *word; s++, word++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (c != *word) {
            return false;
        }
    }
    return s == e && *word == 0;
}

// Digits with single underscores between them, from *p; returns how many
// digits (0: none, or a misplaced underscore -- *p then stops before it).
static size_t scan_digits(const char **p, const char *e) {
    const char *s = *p;
    size_t n = 0;
    while (s < e && is_digit(*s)) {
        n++;
        s++;
        if (s + 1 < e && *s == '_' && is_digit(s[1])) {
            s++;
        }
    }
    *p = s;
    return n;
}

static void copy_digits(char *dst, const char *s, const char *e) {
    for (; s < e; s++) {
        if (*s != '_') {
            *dst++ = *s;
        }
    }
}

int up_float_parse(const char *s, size_t len, up_float_t *out) {
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
    if (word_is(s, e, "inf") || word_is(s, e, "infinity")) {
        bool ovf;
        *out = up_float_make(neg, 1, UP_FLOAT_EMAX + 1, false, &ovf);
        return 0;
    }
    if (word_is(s, e, "nan")) {
        fbits_t bits = ((fbits_t)EXP_MASK << FRAC_BITS) | ((fbits_t)1 << (FRAC_BITS - 1));
        if (neg) {
            bits |= (fbits_t)1 << (sizeof(fbits_t) * 8 - 1);
        }
        memcpy(out, &bits, sizeof bits);
        return 0;
    }
    const char *int_start = s;
    size_t nint = scan_digits(&s, e);
    const char *int_end = s;
    const char *frac_start = s, *frac_end = s;
    size_t nfrac = 0;
    if (s < e && *s == '.') {
        s++;
        frac_start = s;
        nfrac = scan_digits(&s, e);
        frac_end = s;
    }
    if (nint + nfrac == 0) {
        return 1;
    }
    long exp = 0;
    if (s < e && (*s == 'e' || *s == 'E')) {
        s++;
        bool eneg = false;
        if (s < e && (*s == '+' || *s == '-')) {
            eneg = *s == '-';
            s++;
        }
        const char *es = s;
        if (scan_digits(&s, e) == 0) {
            return 1;
        }
        for (; es < s; es++) {
            if (*es != '_' && exp < 100000000L) {
                exp = exp * 10 + (*es - '0');
            }
        }
        exp = eneg ? -exp : exp;
    }
    if (s != e) {
        return 1;
    }
    size_t n = nint + nfrac;
    char small[40];
    char *digits = small;
    if (n > sizeof small) {
        digits = up_alloc_noscan(n);
        if (digits == NULL) {
            return -1;
        }
    }
    copy_digits(digits, int_start, int_end);
    copy_digits(digits + nint, frac_start, frac_end);
    int r = up_float_from_decimal(neg, digits, n, exp + (long)nint, out);
    if (digits != small) {
        up_free(digits);
    }
    return r;
}

// ---- repr -----------------------------------------------------------------------------

static char *put_exponent(char *p, int x) {
    *p++ = 'e';
    *p++ = x < 0 ? '-' : '+';
    unsigned u = (unsigned)(x < 0 ? -x : x);
    if (u >= 100) {
        *p++ = (char)('0' + u / 100);
    }
    *p++ = (char)('0' + u / 10 % 10);
    *p++ = (char)('0' + u % 10);
    return p;
}

size_t up_float_repr(up_float_t v, char *buf) {
    char *p = buf;
    if (v != v) {
        memcpy(buf, "nan", 4);
        return 3;
    }
    if (__builtin_signbit(v)) {
        *p++ = '-';
        v = -v;
    }
    if (v - v != 0) {
        memcpy(p, "inf", 4);
        return (size_t)(p - buf) + 3;
    }
    if (v == 0) {
        memcpy(p, "0.0", 4);
        return (size_t)(p - buf) + 3;
    }
    up_decimal_t d;
    up_float_shortest(v, &d);
    int x = d.exp - 1;  // scientific exponent
    if (x < -4 || x >= 16) {
        *p++ = d.digits[0];
        if (d.n > 1) {
            *p++ = '.';
            memcpy(p, d.digits + 1, (size_t)d.n - 1);
            p += d.n - 1;
        }
        p = put_exponent(p, x);
    } else if (d.exp <= 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = 0; i < -d.exp; i++) {
            *p++ = '0';
        }
        memcpy(p, d.digits, (size_t)d.n);
        p += d.n;
    } else if (d.exp >= d.n) {
        memcpy(p, d.digits, (size_t)d.n);
        p += d.n;
        for (int i = d.n; i < d.exp; i++) {
            *p++ = '0';
        }
        *p++ = '.';
        *p++ = '0';
    } else {
        memcpy(p, d.digits, (size_t)d.exp);
        p += d.exp;
        *p++ = '.';
        memcpy(p, d.digits + d.exp, (size_t)(d.n - d.exp));
        p += d.n - d.exp;
    }
    *p = 0;
    return (size_t)(p - buf);
}
