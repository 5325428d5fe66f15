// Floats at the bit level and in decimal, private to the number files
// (float.c, floatrepr.c, int.c, bigint.c, numformat.c).
//
// up_float_t is IEEE binary64 on the host and binary32 on the board
// (UP_FLOAT32); the parameters below describe whichever it is, so every
// algorithm here works for both.
#ifndef UP_FLOATREPR_H
#define UP_FLOATREPR_H

#include "obj.h"

#if defined(UP_FLOAT32) && UP_FLOAT32
#define UP_FLOAT_MANT 24     // significand bits, the hidden bit included
#define UP_FLOAT_EMIN (-149) // a finite value is m * 2^e with e >= EMIN
#define UP_FLOAT_EMAX 127    // every finite value is below 2^(EMAX + 1)
#define UP_FLOAT_POW10_EXACT 10  // 10^k is exact for k <= this
#define UP_FLOAT_DIGITS_MAX 120  // significant digits of the longest exact expansion (112)
#else
#define UP_FLOAT_MANT 53
#define UP_FLOAT_EMIN (-1074)
#define UP_FLOAT_EMAX 1023
#define UP_FLOAT_POW10_EXACT 22
#define UP_FLOAT_DIGITS_MAX 780  // 767
#endif

// v == m * 2^e exactly, for finite v >= 0: m < 2^UP_FLOAT_MANT, e >= UP_FLOAT_EMIN
// (m has its top bit at UP_FLOAT_MANT - 1 unless v is subnormal or zero).
void up_float_decompose(up_float_t v, uint64_t *m, int *e);
// (m + t) * 2^e, where 0 < t < 1 when sticky and t == 0 otherwise, rounded
// to nearest-even. *overflow tells whether it rounded to infinity (the
// result is then +-inf). Correct whenever m has more than UP_FLOAT_MANT + 1
// significant bits or sticky is false.
up_float_t up_float_make(bool neg, uint64_t m, int e, bool sticky, bool *overflow);

// A decimal value 0.d1 d2 ... dn * 10^exp (digits '0'..'9', d1 != 0 unless
// n == 0, which means zero; no trailing zeros).
typedef struct {
    int n;
    int exp;
    char digits[UP_FLOAT_DIGITS_MAX];
} up_decimal_t;

// The shortest digits that read back as v (finite, > 0), the closest to v
// among those (Steele & White / Burger & Dybvig free-format, exact).
void up_float_shortest(up_float_t v, up_decimal_t *out);
// The exact value of v (finite, >= 0) correctly rounded (half to even):
// to ndigits significant digits (ndigits >= 1) when after_point is false,
// else to ndigits digits after the decimal point (ndigits may be negative).
void up_float_fixed(up_float_t v, int ndigits, bool after_point, up_decimal_t *out);

// The float nearest to the decimal +-0.digits * 10^exp (digits: '0'..'9',
// any count). 0, or -1 with MemoryError; overflow gives +-inf.
int up_float_from_decimal(bool neg, const char *digits, size_t n, long exp, up_float_t *out);
// Parse a float literal the way float(str) does (surrounding whitespace,
// sign, underscores between digits, inf/infinity/nan). 0; 1 when the text
// is not a float (nothing raised); -1 with MemoryError.
int up_float_parse(const char *s, size_t len, up_float_t *out);

#endif
