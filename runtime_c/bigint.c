// Big ints: the object layout, normalization, and the algorithms on
// magnitudes (little-endian arrays of 32-bit digits): schoolbook addition,
// subtraction and multiplication, Knuth's algorithm D for division, shifts,
// conversion to and from digit text, and correctly rounded division to a
// float. See bigint.h for the invariants of a big int object.
//
// Everything here is word-size independent: digits are uint32_t and digit
// products uint64_t on the host and on the board alike; only the small-int
// range (UP_SMALL_MAX) differs.
#include "bigint.h"

#include "up.h"
#include "floatrepr.h"

// ---- objects ------------------------------------------------------------------

void up_bigint_view(up_intview_t *v, up_obj_t o) {
    if (up_is_small(o)) {
        up_int_t x = up_small_value(o);
        uint64_t m = x < 0 ? -(uint64_t)(int64_t)x : (uint64_t)x;
        v->neg = x < 0;
        v->buf[0] = (up_digit_t)m;
        v->buf[1] = (up_digit_t)(m >> 32);
        v->n = v->buf[1] ? 2 : v->buf[0] ? 1 : 0;
        v->d = v->buf;
    } else {
        const up_bigint_t *b = (const up_bigint_t *)o;
        v->neg = b->size < 0;
        v->n = (size_t)(b->size < 0 ? -(int64_t)b->size : b->size);
        v->d = b->d;
    }
}

up_bigint_t *up_bigint_alloc(size_t n) {
    if (n > (size_t)INT32_MAX) {
        up_raise_memory_error();
        return NULL;
    }
    up_bigint_t *b = up_alloc_noscan(sizeof(up_bigint_t) + (n ? n : 1) * sizeof(up_digit_t));
    if (b == NULL) {
        return NULL;
    }
    b->base.type = &up_type_int;
    return b;
}

up_obj_t up_bigint_finish(up_bigint_t *b, size_t n, bool neg) {
    n = up_bigint_mag_trim(b->d, n);
    if (n <= 2) {
        uint64_t m = b->d[0];
        if (n == 2) {
            m |= (uint64_t)b->d[1] << 32;
        }
        if (n == 0 || m <= (uint64_t)UP_SMALL_MAX + (neg ? 1 : 0)) {
            up_free(b);
            return up_small(neg ? (up_int_t)-(int64_t)m : (up_int_t)m);
        }
    }
    b->size = neg ? -(int32_t)n : (int32_t)n;
    return (up_obj_t)b;
}

up_obj_t up_bigint_from_mag(const up_digit_t *d, size_t n, bool neg) {
    up_bigint_t *b = up_bigint_alloc(n);
    if (b == NULL) {
        return UP_NULL;
    }
    memcpy(b->d, d, n * sizeof(up_digit_t));
    return up_bigint_finish(b, n, neg);
}

// ---- magnitudes -----------------------------------------------------------------

size_t up_bigint_mag_trim(const up_digit_t *d, size_t n) {
    while (n > 0 && d[n - 1] == 0) {
        n--;
    }
    return n;
}

size_t up_bigint_mag_bitlen(const up_digit_t *d, size_t n) {
    if (n == 0) {
        return 0;
    }
    return (n - 1) * UP_DIGIT_BITS + (size_t)(32 - __builtin_clz(d[n - 1]));
}

int up_bigint_mag_cmp(const up_digit_t *a, size_t na, const up_digit_t *b, size_t nb) {
    if (na != nb) {
        return na < nb ? -1 : 1;
    }
    while (na-- > 0) {
        if (a[na] != b[na]) {
            return a[na] < b[na] ? -1 : 1;
        }
    }
    return 0;
}

size_t up_bigint_mag_add(up_digit_t *r, const up_digit_t *a, size_t na, const up_digit_t *b, size_t nb) {
    up_ddigit_t carry = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        carry += (up_ddigit_t)a[i] + b[i];
        r[i] = (up_digit_t)carry;
        carry >>= UP_DIGIT_BITS;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = (up_digit_t)carry;
        carry >>= UP_DIGIT_BITS;
    }
    r[na] = (up_digit_t)carry;
    return na + 1;
}

void up_bigint_mag_sub(up_digit_t *r, const up_digit_t *a, size_t na, const up_digit_t *b, size_t nb) {
    up_digit_t borrow = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        up_ddigit_t t = (up_ddigit_t)a[i] - b[i] - borrow;
        r[i] = (up_digit_t)t;
        borrow = (up_digit_t)(t >> 63);
    }
    for (; i < na; i++) {
        up_ddigit_t t = (up_ddigit_t)a[i] - borrow;
        r[i] = (up_digit_t)t;
        borrow = (up_digit_t)(t >> 63);
    }
}

void up_bigint_mag_mul(up_digit_t *r, const up_digit_t *a, size_t na, const up_digit_t *b, size_t nb) {
    memset(r, 0, (na + nb) * sizeof(up_digit_t));
    for (size_t i = 0; i < na; i++) {
        up_ddigit_t carry = 0;
        up_ddigit_t x = a[i];
        if (x == 0) {
            continue;
        }
        for (size_t j = 0; j < nb; j++) {
            carry += x * b[j] + r[i + j];
            r[i + j] = (up_digit_t)carry;
            carry >>= UP_DIGIT_BITS;
        }
        r[i + nb] = (up_digit_t)carry;
    }
}

up_digit_t up_bigint_mag_muladd1(up_digit_t *a, size_t n, up_digit_t m, up_digit_t add) {
    up_ddigit_t carry = add;
    for (size_t i = 0; i < n; i++) {
        carry += (up_ddigit_t)a[i] * m;
        a[i] = (up_digit_t)carry;
        carry >>= UP_DIGIT_BITS;
    }
    return (up_digit_t)carry;
}

up_digit_t up_bigint_mag_divrem1(up_digit_t *q, const up_digit_t *a, size_t n, up_digit_t d) {
    up_ddigit_t rem = 0;
    while (n-- > 0) {
        up_ddigit_t cur = (rem << UP_DIGIT_BITS) | a[n];
        q[n] = (up_digit_t)(cur / d);
        rem = cur % d;
    }
    return (up_digit_t)rem;
}

// Knuth, TAOCP vol. 2, 4.3.1, algorithm D: normalize so the divisor's top
// bit is set, then estimate each quotient digit from the top two digits of
// the remainder and the top digit of the divisor (corrected with the second
// one, so it is at most one too large), multiply-subtract, and add back in
// the rare case the estimate was still one too large.
int up_bigint_mag_divrem(up_digit_t *q, up_digit_t *r, const up_digit_t *a, size_t na,
                         const up_digit_t *b, size_t nb) {
    up_digit_t *u = up_alloc_noscan((na + 1 + nb + 1) * sizeof(up_digit_t));
    if (u == NULL) {
        return -1;
    }
    up_digit_t *v = u + na + 1;  // nb + 1 digits
    int s = __builtin_clz(b[nb - 1]);
    up_bigint_mag_shl(v, b, nb, (size_t)s);  // writes nb + 1 digits: the last is 0
    up_bigint_mag_shl(u, a, na, (size_t)s);  // na + 1 digits
    up_ddigit_t vtop = v[nb - 1], vnext = v[nb - 2];
    for (size_t j = na - nb + 1; j-- > 0;) {
        up_ddigit_t num = ((up_ddigit_t)u[j + nb] << UP_DIGIT_BITS) | u[j + nb - 1];
        up_ddigit_t qhat = num / vtop;
        up_ddigit_t rhat = num % vtop;
        while (qhat >> UP_DIGIT_BITS ||
               qhat * vnext > ((rhat << UP_DIGIT_BITS) | u[j + nb - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat >> UP_DIGIT_BITS) {
                break;
            }
        }
        // u[j .. j+nb] -= qhat * v
        up_ddigit_t carry = 0;
        up_digit_t borrow = 0;
        for (size_t i = 0; i < nb; i++) {
            up_ddigit_t p = qhat * v[i] + carry;
            carry = p >> UP_DIGIT_BITS;
            up_ddigit_t t = (up_ddigit_t)u[i + j] - (up_digit_t)p - borrow;
            u[i + j] = (up_digit_t)t;
            borrow = (up_digit_t)(t >> 63);
        }
        up_ddigit_t t = (up_ddigit_t)u[j + nb] - carry - borrow;
        u[j + nb] = (up_digit_t)t;
        if (t >> 63) {
            // The estimate was one too large: add v back.
            qhat--;
            up_ddigit_t c = 0;
            for (size_t i = 0; i < nb; i++) {
                c += (up_ddigit_t)u[i + j] + v[i];
                u[i + j] = (up_digit_t)c;
                c >>= UP_DIGIT_BITS;
            }
            u[j + nb] += (up_digit_t)c;
        }
        if (q != NULL) {
            q[j] = (up_digit_t)qhat;
        }
    }
    if (r != NULL) {
        up_bigint_mag_shr(r, u, nb, (size_t)s);
    }
    up_free(u);
    return 0;
}

void up_bigint_mag_shl(up_digit_t *r, const up_digit_t *a, size_t na, size_t s) {
    size_t w = s / UP_DIGIT_BITS;
    unsigned bits = (unsigned)(s % UP_DIGIT_BITS);
    // From the top down, so r may equal a.
    if (bits == 0) {
        r[na + w] = 0;
        for (size_t i = na; i-- > 0;) {
            r[i + w] = a[i];
        }
    } else {
        up_digit_t hi = 0;
        for (size_t i = na; i-- > 0;) {
            r[i + w + 1] = hi | (a[i] >> (UP_DIGIT_BITS - bits));
            hi = a[i] << bits;
        }
        r[w] = hi;
    }
    for (size_t i = 0; i < w; i++) {
        r[i] = 0;
    }
}

bool up_bigint_mag_shr(up_digit_t *r, const up_digit_t *a, size_t na, size_t s) {
    size_t w = s / UP_DIGIT_BITS;
    unsigned bits = (unsigned)(s % UP_DIGIT_BITS);
    bool lost = false;
    for (size_t i = 0; i < w && i < na; i++) {
        lost |= a[i] != 0;
    }
    if (w >= na) {
        return lost;
    }
    size_t n = na - w;
    if (bits == 0) {
        for (size_t i = 0; i < n; i++) {
            r[i] = a[i + w];
        }
    } else {
        lost |= (a[w] & ((1u << bits) - 1)) != 0;
        for (size_t i = 0; i < n; i++) {
            up_digit_t hi = i + w + 1 < na ? a[i + w + 1] << (UP_DIGIT_BITS - bits) : 0;
            r[i] = (a[i + w] >> bits) | hi;
        }
    }
    return lost;
}

// ---- text -----------------------------------------------------------------------

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// The largest power of base that fits a digit; its exponent goes to *per.
static up_digit_t chunk_of(int base, int *per) {
    up_digit_t p = (up_digit_t)base;
    int k = 1;
    while ((up_ddigit_t)p * (up_digit_t)base <= 0xFFFFFFFFu) {
        p *= (up_digit_t)base;
        k++;
    }
    *per = k;
    return p;
}

char *up_bigint_mag_to_text(const up_digit_t *d, size_t n, int base, size_t *len) {
    if (n == 0) {
        char *t = up_alloc_noscan(1);
        if (t != NULL) {
            t[0] = '0';
            *len = 1;
        }
        return t;
    }
    size_t bits = up_bigint_mag_bitlen(d, n);
    // Digits needed: bits / log2(base), rounded up generously.
    int lg = 0;
    while ((1 << (lg + 1)) <= base) {
        lg++;
    }
    size_t cap = bits / (size_t)lg + 2;
    char *text = up_alloc_noscan(cap);
    if (text == NULL) {
        return NULL;
    }
    char *end = text + cap, *p = end;
    if ((base & (base - 1)) == 0) {
        // A power of two: lg bits per digit, straight from the magnitude.
        for (size_t bit = 0; bit < bits; bit += (size_t)lg) {
            size_t w = bit / UP_DIGIT_BITS;
            unsigned o = (unsigned)(bit % UP_DIGIT_BITS);
            up_ddigit_t x = d[w] >> o;
            if (o + (unsigned)lg > UP_DIGIT_BITS && w + 1 < n) {
                x |= (up_ddigit_t)d[w + 1] << (UP_DIGIT_BITS - o);
            }
            *--p = digit_chars[x & (up_ddigit_t)(base - 1)];
        }
    } else {
        // Repeated division by the largest power of base that fits a digit.
        int per;
        up_digit_t chunk = chunk_of(base, &per);
        up_digit_t *t = up_alloc_noscan(n * sizeof(up_digit_t));
        if (t == NULL) {
            up_free(text);
            return NULL;
        }
        memcpy(t, d, n * sizeof(up_digit_t));
        size_t m = n;
        while (m > 0) {
            up_digit_t rem = up_bigint_mag_divrem1(t, t, m, chunk);
            m = up_bigint_mag_trim(t, m);
            for (int i = 0; i < per && (m > 0 || rem != 0); i++) {
                *--p = digit_chars[rem % (up_digit_t)base];
                rem /= (up_digit_t)base;
            }
        }
        up_free(t);
    }
    while (p < end - 1 && *p == '0') {
        p++;
    }
    *len = (size_t)(end - p);
    memmove(text, p, *len);
    return text;
}

static int digit_value(char c) {
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

up_obj_t up_bigint_from_digits(const char *s, size_t len, int base, bool neg) {
    int lg = 0;
    while ((1 << (lg + 1)) <= base) {
        lg++;
    }
    // Digits needed: len * log2(base) / 32, with log2(base) <= lg + 1.
    size_t cap = (len * (size_t)(lg + 1)) / UP_DIGIT_BITS + 2;
    up_bigint_t *b = up_bigint_alloc(cap);
    if (b == NULL) {
        return UP_NULL;
    }
    int per;
    chunk_of(base, &per);
    size_t n = 0;
    size_t i = 0;
    while (i < len) {
        up_digit_t acc = 0, mul = 1;
        for (int k = 0; k < per && i < len; k++, i++) {
            acc = acc * (up_digit_t)base + (up_digit_t)digit_value(s[i]);
            mul *= (up_digit_t)base;
        }
        up_digit_t carry = up_bigint_mag_muladd1(b->d, n, mul, acc);
        if (carry != 0) {
            b->d[n++] = carry;
        }
    }
    return up_bigint_finish(b, n, neg);
}

// ---- products (for float parsing: they work without UP_CFG_BIGINT too) ----------

up_obj_t up_bigint_mul(up_obj_t a, up_obj_t b) {
    up_intview_t va, vb;
    up_bigint_view(&va, a);
    up_bigint_view(&vb, b);
    if (va.n == 0 || vb.n == 0) {
        return up_small(0);
    }
    up_bigint_t *r = up_bigint_alloc(va.n + vb.n);
    if (r == NULL) {
        return UP_NULL;
    }
    up_bigint_mag_mul(r->d, va.d, va.n, vb.d, vb.n);
    return up_bigint_finish(r, va.n + vb.n, va.neg != vb.neg);
}

up_obj_t up_bigint_pow10(unsigned k) {
    up_obj_t result = up_small(1), p = up_small(10);
    for (; k != 0; k >>= 1) {
        if ((k & 1) && (result = up_bigint_mul(result, p)) == UP_NULL) {
            return UP_NULL;
        }
        if (k > 1 && (p = up_bigint_mul(p, p)) == UP_NULL) {
            return UP_NULL;
        }
    }
    return result;
}

// ---- floats -----------------------------------------------------------------------

int up_bigint_to_float(up_obj_t a, up_float_t *out) {
    up_intview_t v;
    up_bigint_view(&v, a);
    size_t bits = up_bigint_mag_bitlen(v.d, v.n);
    uint64_t m;
    int e = 0;
    bool sticky = false;
    if (bits <= 64) {
        m = v.n > 0 ? v.d[0] : 0;
        if (v.n > 1) {
            m |= (uint64_t)v.d[1] << 32;
        }
    } else {
        // The top 64 bits, and whether anything below them is set.
        size_t sh = bits - 64;
        size_t w = sh / UP_DIGIT_BITS;
        unsigned b = (unsigned)(sh % UP_DIGIT_BITS);
        uint64_t lo = v.d[w] | (uint64_t)v.d[w + 1] << 32;
        m = lo;
        if (b != 0) {
            m = (lo >> b) | ((uint64_t)v.d[w + 2] << (64 - b));
            sticky = (v.d[w] & ((1u << b) - 1)) != 0;
        }
        for (size_t i = 0; i < w; i++) {
            sticky |= v.d[i] != 0;
        }
        e = (int)(sh > 100000 ? 100000 : sh);
    }
    bool ovf;
    *out = up_float_make(v.neg, m, e, sticky, &ovf);
    return ovf ? 1 : 0;
}

int up_bigint_ratio_to_float(up_obj_t a, up_obj_t b, bool neg, up_float_t *out) {
    up_intview_t va, vb;
    up_bigint_view(&va, a);
    up_bigint_view(&vb, b);
    if (va.n == 0) {
        *out = neg ? -(up_float_t)0 : 0;
        return 0;
    }
    long la = (long)up_bigint_mag_bitlen(va.d, va.n);
    long lb = (long)up_bigint_mag_bitlen(vb.d, vb.n);
    // The quotient is below 2^(la - lb + 1): far below the smallest
    // subnormal it rounds to zero, far above the largest float it overflows.
    if (la - lb < UP_FLOAT_EMIN - 2) {
        *out = neg ? -(up_float_t)0 : 0;
        return 0;
    }
    if (la - lb > UP_FLOAT_EMAX + 2) {
        bool ovf;
        *out = up_float_make(neg, 1, UP_FLOAT_EMAX + 2, false, &ovf);
        return 1;
    }
    // q = floor(|a| * 2^sh / |b|) with UP_FLOAT_MANT + 3 or 4 bits: enough
    // for rounding once the remainder is folded into a sticky bit.
    long sh = UP_FLOAT_MANT + 3 - (la - lb);
    size_t nnum = va.n + (sh > 0 ? (size_t)sh / UP_DIGIT_BITS + 1 : 0);
    size_t nden = vb.n + (sh < 0 ? (size_t)-sh / UP_DIGIT_BITS + 1 : 0);
    size_t need = nnum + nden + nnum + 1;
    up_digit_t stack_buf[24];  // small operands (the common case) need no heap
    up_digit_t *num = stack_buf;
    if (need > sizeof stack_buf / sizeof stack_buf[0]) {
        num = up_alloc_noscan(need * sizeof(up_digit_t));
        if (num == NULL) {
            return -1;
        }
    }
    up_digit_t *den = num + nnum;
    up_digit_t *q = den + nden;
    if (sh > 0) {
        up_bigint_mag_shl(num, va.d, va.n, (size_t)sh);
    } else {
        memcpy(num, va.d, va.n * sizeof(up_digit_t));
    }
    if (sh < 0) {
        up_bigint_mag_shl(den, vb.d, vb.n, (size_t)-sh);
    } else {
        memcpy(den, vb.d, vb.n * sizeof(up_digit_t));
    }
    nnum = up_bigint_mag_trim(num, nnum);
    nden = up_bigint_mag_trim(den, nden);
    bool sticky;
    if (nden == 1) {
        sticky = up_bigint_mag_divrem1(q, num, nnum, den[0]) != 0;
    } else {
        up_digit_t *r = up_alloc_noscan(nden * sizeof(up_digit_t));
        if (r == NULL || up_bigint_mag_divrem(q, r, num, nnum, den, nden) < 0) {
            return -1;
        }
        sticky = up_bigint_mag_trim(r, nden) != 0;
        up_free(r);
    }
    size_t nq = up_bigint_mag_trim(q, nnum - nden + 1);
    uint64_t m = q[0] | (nq > 1 ? (uint64_t)q[1] << 32 : 0);
    if (num != stack_buf) {
        up_free(num);
    }
    bool ovf;
    *out = up_float_make(neg, m, (int)-sh, sticky, &ovf);
    return ovf ? 1 : 0;
}
