// Big ints, private to the number files (int.c, bigint.c, float.c,
// floatrepr.c, numformat.c): the object layout and the magnitude
// algorithms. Nothing outside those files relies on this header.
//
// A big int is sign-magnitude over 32-bit digits (least significant first)
// on every target: a digit product fits a uint64_t, which the Cortex-M4 does
// in one instruction (UMULL), so the same code runs on the host and the
// board. Invariants of every big int object:
//   - size != 0, |size| digits in use, d[|size| - 1] != 0 (no leading zero);
//   - its value is outside the small-int range (see obj.h): a value that
//     fits is always a tagged small int, so equal ints have one form.
// The object is one noscan block (the type pointer leads to ROM), so the GC
// never scans digits.
#ifndef UP_BIGINT_H
#define UP_BIGINT_H

#include "obj.h"

typedef uint32_t up_digit_t;
typedef uint64_t up_ddigit_t;
#define UP_DIGIT_BITS 32

typedef struct {
    up_base_t base;  // &up_type_int
    int32_t size;    // digits in use; negative for a negative value
    up_digit_t d[];
} up_bigint_t;

// A read-only view of any int object (small or big) as sign and magnitude.
// d points into the big int, or into buf for a small int: never copy a view
// (its d would keep pointing at the original's buf).
typedef struct {
    const up_digit_t *d;
    size_t n;  // digits; 0 for zero
    bool neg;
    up_digit_t buf[2];
} up_intview_t;

void up_bigint_view(up_intview_t *v, up_obj_t o);

// A new big int with room for n digits, all zero (NULL: MemoryError).
up_bigint_t *up_bigint_alloc(size_t n);
// Make b (n digits, possibly with leading zeros) a normalized int object:
// the small int when it fits (b is then given back), else b itself.
up_obj_t up_bigint_finish(up_bigint_t *b, size_t n, bool neg);
// An int object from a magnitude (copied) and a sign.
up_obj_t up_bigint_from_mag(const up_digit_t *d, size_t n, bool neg);

// ---- magnitudes: little-endian digit arrays ---------------------------------

// Digits in use (leading zeros dropped).
size_t up_bigint_mag_trim(const up_digit_t *d, size_t n);
size_t up_bigint_mag_bitlen(const up_digit_t *d, size_t n);  // n trimmed
int up_bigint_mag_cmp(const up_digit_t *a, size_t na, const up_digit_t *b, size_t nb);  // trimmed
// r = a + b, na >= nb; r has room for na + 1 digits; returns the digits written (na + 1).
size_t up_bigint_mag_add(up_digit_t *r, const up_digit_t *a, size_t na, const up_digit_t *b, size_t nb);
// r = a - b, a >= b (so na >= nb); r has room for na digits (may be a).
void up_bigint_mag_sub(up_digit_t *r, const up_digit_t *a, size_t na, const up_digit_t *b, size_t nb);
// r = a * b; r has room for na + nb digits and must not overlap a or b.
void up_bigint_mag_mul(up_digit_t *r, const up_digit_t *a, size_t na, const up_digit_t *b, size_t nb);
// a = a * m + add in place over n digits; returns the carry out.
up_digit_t up_bigint_mag_muladd1(up_digit_t *a, size_t n, up_digit_t m, up_digit_t add);
// q = a / d (q may be a), returns a % d; d != 0.
up_digit_t up_bigint_mag_divrem1(up_digit_t *q, const up_digit_t *a, size_t n, up_digit_t d);
// q = a / b, r = a % b for trimmed a, b with na >= nb >= 2: q has room for
// na - nb + 1 digits, r for nb (either may be NULL). 0, or -1 (MemoryError).
int up_bigint_mag_divrem(up_digit_t *q, up_digit_t *r, const up_digit_t *a, size_t na,
                         const up_digit_t *b, size_t nb);
// r = a << s over na digits; r has room for na + s/32 + 1 digits (all written).
void up_bigint_mag_shl(up_digit_t *r, const up_digit_t *a, size_t na, size_t s);
// r = a >> s; r has room for na - s/32 digits (s/32 < na); returns whether
// any 1 bit was shifted out.
bool up_bigint_mag_shr(up_digit_t *r, const up_digit_t *a, size_t na, size_t s);

// ---- text -------------------------------------------------------------------

// Digits of |v| in base 2..36 (lower case), most significant first, into a
// new noscan buffer of *len bytes (not terminated). NULL: MemoryError.
char *up_bigint_mag_to_text(const up_digit_t *d, size_t n, int base, size_t *len);
// The value of the digit string s (only valid digits of base, no
// underscores), as an int object.
up_obj_t up_bigint_from_digits(const char *s, size_t len, int base, bool neg);

// ---- products ---------------------------------------------------------------

// a * b and 10^k for any int objects, big results included even without
// UP_CFG_BIGINT (float parsing needs them; the int API then stays small).
up_obj_t up_bigint_mul(up_obj_t a, up_obj_t b);
up_obj_t up_bigint_pow10(unsigned k);

// ---- floats -----------------------------------------------------------------

// An int object to the nearest float: 0, or 1 when it overflows (*out is
// then +-inf).
int up_bigint_to_float(up_obj_t a, up_float_t *out);
// |a| / |b| (int objects) correctly rounded to up_float_t
// (b != 0), with the sign neg. Returns 0, 1 when the result overflows (*out
// is then inf), or -1 (MemoryError).
int up_bigint_ratio_to_float(up_obj_t a, up_obj_t b, bool neg, up_float_t *out);

#endif
