// format(number, spec): the format-spec mini-language for ints and floats
// ([[fill]align][sign][z][#][0][width][grouping][.precision][type]), as
// CPython's Python/formatter_unicode.c and pystrtod.c define it.
//
// A formatted number is laid out as
//   <lpad> <sign> <prefix> <spad> <grouped digits> <decimal point> <rest> <rpad>
// where "digits" are the integer digits (grouped by , or _, and zero-padded
// to the width when the fill is 0 and the alignment =) and "rest" is the
// fraction, exponent and % (or the character of 'c', or inf/nan). Only one
// of the three paddings is non-empty.
#include "up.h"

#include <limits.h>

#include "floatrepr.h"

// ---- the spec -----------------------------------------------------------------------

typedef struct {
    const char *fill;  // UTF-8 of the fill character
    size_t fill_len;
    char align;        // '<' '>' '^' '='
    char sign;         // 0, '+', '-', ' '
    bool no_neg_zero;  // z
    bool alt;          // #
    long width;        // -1: none
    char grouping;     // 0, ',', '_'
    int group;         // digits per group: 3, or 4 for _ with b o x X
    long prec;         // -1: none
    char type;         // 0: none
    uint32_t type_cp;  // the type as a code point (for the error message)
} spec_t;

static bool is_align(char c) {
    return c == '<' || c == '>' || c == '^' || c == '=';
}

static size_t utf8_len(const char *s, size_t avail) {
    uint8_t c = (uint8_t)s[0];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return n > avail ? avail : n;
}

static uint32_t utf8_cp(const char *s, size_t n) {
    uint32_t cp = (uint8_t)s[0];
    if (n > 1) {
        cp &= 0x3Fu >> (n - 1);
        for (size_t i = 1; i < n; i++) {
            cp = (cp << 6) | ((uint8_t)s[i] & 0x3F);
        }
    }
    return cp;
}

static int read_int(const char *s, size_t len, size_t *pos, long *out) {
    size_t start = *pos;
    long v = 0;
    while (*pos < len && s[*pos] >= '0' && s[*pos] <= '9') {
        if (v > (LONG_MAX - 9) / 10 || v > 0x7FFFFFFFL) {
            up_raise_msg(&up_type_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (s[*pos] - '0');
        (*pos)++;
    }
    *out = v;
    return (int)(*pos - start);
}

// cp in hex, lower case, into buf (12 bytes).
static const char *hex_of(uint32_t cp, char *buf) {
    char *e = buf + 11;
    *e = 0;
    do {
        *--e = "0123456789abcdef"[cp & 15];
        cp >>= 4;
    } while (cp);
    return e;
}

static int separator_error(char sep, uint32_t type) {
    if (type > 32 && type < 128) {
        up_raise_fmt(&up_type_ValueError, "Cannot specify '%c' with '%c'.", sep, (int)type);
    } else {
        char hex[12];
        up_raise_fmt(&up_type_ValueError, "Cannot specify '%c' with '\\x%s'.", sep, hex_of(type, hex));
    }
    return -1;
}

static int parse_spec(const char *s, size_t len, spec_t *sp, const char *type_name) {
    sp->fill = " ";
    sp->fill_len = 1;
    sp->align = '>';
    sp->sign = 0;
    sp->no_neg_zero = false;
    sp->alt = false;
    sp->width = -1;
    sp->grouping = 0;
    sp->group = 3;
    sp->prec = -1;
    sp->type = 0;
    sp->type_cp = 0;
    size_t pos = 0;
    bool fill_given = false, align_given = false;
    size_t first = len ? utf8_len(s, len) : 0;
    if (len > first && is_align(s[first])) {
        sp->fill = s;
        sp->fill_len = first;
        sp->align = s[first];
        fill_given = align_given = true;
        pos = first + 1;
    } else if (len >= 1 && is_align(s[0])) {
        sp->align = s[0];
        align_given = true;
        pos = 1;
    }
    if (pos < len && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) {
        sp->sign = s[pos++];
    }
    if (pos < len && s[pos] == 'z') {
        sp->no_neg_zero = true;
        pos++;
    }
    if (pos < len && s[pos] == '#') {
        sp->alt = true;
        pos++;
    }
    if (!fill_given && pos < len && s[pos] == '0') {
        sp->fill = "0";
        sp->fill_len = 1;
        if (!align_given) {
            sp->align = '=';
        }
        pos++;
    }
    long v;
    int got = read_int(s, len, &pos, &v);
    if (got < 0) {
        return -1;
    }
    if (got > 0) {
        sp->width = v;
    }
    if (pos < len && s[pos] == ',') {
        sp->grouping = ',';
        pos++;
    }
    if (pos < len && s[pos] == '_') {
        if (sp->grouping) {
            up_raise_msg(&up_type_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        sp->grouping = '_';
        pos++;
    }
    if (pos < len && s[pos] == ',' && sp->grouping == '_') {
        up_raise_msg(&up_type_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (pos < len && s[pos] == '.') {
        pos++;
        got = read_int(s, len, &pos, &v);
        if (got < 0) {
            return -1;
        }
        if (got == 0) {
            up_raise_msg(&up_type_ValueError, "Format specifier missing precision");
            return -1;
        }
        sp->prec = v;
    }
    if (pos < len) {
        size_t n = utf8_len(s + pos, len - pos);
        if (pos + n < len) {
            up_obj_t text = up_str_new(s, len);
            if (text != UP_NULL) {
                up_raise_fmt(&up_type_ValueError, "Invalid format specifier '%q' for object of type '%s'", text,
                             type_name);
            }
            return -1;
        }
        sp->type_cp = utf8_cp(s + pos, n);
        sp->type = n == 1 ? s[pos] : '?';
    }
    if (sp->grouping) {
        switch (sp->type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case 0:
            break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (sp->grouping == '_') {
                sp->group = 4;
                break;
            }
            return separator_error(sp->grouping, sp->type_cp);
        default:
            return separator_error(sp->grouping, sp->type_cp);
        }
    }
    return 0;
}

static int unknown_code(const spec_t *sp, const char *type_name) {
    if (sp->type_cp > 32 && sp->type_cp < 128) {
        up_raise_fmt(&up_type_ValueError, "Unknown format code '%c' for object of type '%s'", (int)sp->type_cp,
                     type_name);
    } else {
        char hex[12];
        up_raise_fmt(&up_type_ValueError, "Unknown format code '\\x%s' for object of type '%s'",
                     hex_of(sp->type_cp, hex), type_name);
    }
    return -1;
}

// ---- layout -------------------------------------------------------------------------

static void put_fill(up_printer_t *p, const spec_t *sp, long n) {
    for (long i = 0; i < n; i++) {
        up_printer_write(p, sp->fill, sp->fill_len);
    }
}

// CPython's grouping walk (_PyUnicode_InsertThousandsGrouping): groups of
// sp->group taken from the right, zeros added while the result is shorter
// than min_width. Emits (when out != NULL) into out, written backwards from
// its end; returns the length.
static long group_digits(char *out_end, const char *d, long n, long min_width, const spec_t *sp) {
    long count = 0, remaining = n;
    bool sep = false;
    for (;;) {
        long l = sp->grouping ? sp->group : 0;
        bool last = l == 0;
        long lim = remaining > min_width ? remaining : min_width;
        if (lim < 1) {
            lim = 1;
        }
        if (last || l > lim) {
            l = lim;
        }
        long zeros = l - remaining > 0 ? l - remaining : 0;
        long chars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
        if (out_end != NULL) {
            if (sep) {
                *--out_end = sp->grouping;
            }
            for (long i = 0; i < chars; i++) {
                *--out_end = d[remaining - 1 - i];
            }
            for (long i = 0; i < zeros; i++) {
                *--out_end = '0';
            }
        }
        count += (sep ? 1 : 0) + zeros + chars;
        sep = true;
        remaining -= chars;
        min_width -= l;
        if (last || (remaining <= 0 && min_width <= 0)) {
            break;
        }
        min_width -= 1;
    }
    return count;
}

// Lay out a number: sign_char is '-' or 0; digits the integer digits (may
// be empty); rest what follows them (starting with '.' when has_decimal).
static int emit_number(up_printer_t *p, const spec_t *sp, char sign_char, const char *prefix, const char *digits,
                       long ndigits, const char *rest, long nrest) {
    char sign = 0;
    if (sp->sign == '+') {
        sign = sign_char == '-' ? '-' : '+';
    } else if (sp->sign == ' ') {
        sign = sign_char == '-' ? '-' : ' ';
    } else if (sign_char == '-') {
        sign = '-';
    }
    long nprefix = (long)strlen(prefix);
    long rest_chars = 0;  // rest is ASCII but for 'c'
    for (long i = 0; i < nrest; i++) {
        rest_chars += ((uint8_t)rest[i] & 0xC0) != 0x80;
    }
    long fixed = (sign ? 1 : 0) + nprefix + rest_chars;
    long min_width = 0;
    if (sp->fill_len == 1 && sp->fill[0] == '0' && sp->align == '=') {
        min_width = sp->width - fixed;
    }
    long ngrouped = ndigits ? group_digits(NULL, digits, ndigits, min_width, sp) : 0;
    long pad = sp->width - (fixed + ngrouped);
    long lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        switch (sp->align) {
        case '<':
            rpad = pad;
            break;
        case '^':
            lpad = pad / 2;
            rpad = pad - lpad;
            break;
        case '=':
            spad = pad;
            break;
        default:
            lpad = pad;
            break;
        }
    }
    char small[96];
    char *g = small;
    if (ngrouped > (long)sizeof small) {
        g = up_alloc_noscan((size_t)ngrouped);
        if (g == NULL) {
            return -1;
        }
    }
    if (ndigits) {
        group_digits(g + ngrouped, digits, ndigits, min_width, sp);
    }
    put_fill(p, sp, lpad);
    if (sign) {
        up_printer_putc(p, sign);
    }
    up_printer_write(p, prefix, (size_t)nprefix);
    put_fill(p, sp, spad);
    up_printer_write(p, g, (size_t)ngrouped);
    up_printer_write(p, rest, (size_t)nrest);
    put_fill(p, sp, rpad);
    if (g != small) {
        up_free(g);
    }
    return 0;
}

// ---- floats ----------------------------------------------------------------------------

// PyOS_double_to_string's layout of the digits of |v| (no sign): code is
// 'e', 'f', 'g' or 'r' (shortest); add_dot_0 keeps a ".0" on integral
// fixed-point results; alt is #. Writes into buf (of size cap) and returns
// the length, or -1 when cap is too small (*need then says how much).
static long float_body(char *buf, long cap, long *need, up_float_t v, char code, long prec, bool add_dot_0,
                       bool alt, bool upper) {
    up_decimal_t d;
    long decpt;
    if (v == 0) {
        d.n = 1;
        d.digits[0] = '0';
        decpt = 1;
    } else if (code == 'r') {
        up_float_shortest(v, &d);
        decpt = d.exp;
    } else if (code == 'f') {
        up_float_fixed(v, (int)(prec > 100000 ? 100000 : prec), true, &d);
        decpt = d.n ? d.exp : -prec;
    } else {
        // e: prec + 1 significant digits; g: prec (at least 1)
        long nd = code == 'e' ? prec + 1 : (prec == 0 ? 1 : prec);
        up_float_fixed(v, (int)(nd > UP_FLOAT_DIGITS_MAX ? UP_FLOAT_DIGITS_MAX : nd), false, &d);
        decpt = d.exp;
    }
    long ndig = d.n;
    bool use_exp = false;
    long vend = ndig;
    switch (code) {
    case 'e':
        use_exp = true;
        vend = prec + 1;
        break;
    case 'f':
        vend = decpt + prec;
        break;
    case 'g': {
        long p = prec == 0 ? 1 : prec;
        if (decpt <= -4 || decpt > (add_dot_0 ? p - 1 : p)) {
            use_exp = true;
        }
        if (alt) {
            vend = p;
        }
        break;
    }
    default:
        if (decpt <= -4 || decpt > 16) {
            use_exp = true;
        }
        break;
    }
    long exp = 0;
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    long vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0) {
        vend = vend > decpt ? vend : decpt + 1;
    } else {
        vend = vend > decpt ? vend : decpt;
    }
    *need = (vend - vstart) + 2 + 8;
    if (*need > cap) {
        return -1;
    }
    char *p = buf;
    if (decpt <= 0) {
        for (long i = 0; i < decpt - vstart; i++) {
            *p++ = '0';
        }
        *p++ = '.';
        for (long i = 0; i < -decpt; i++) {
            *p++ = '0';
        }
    } else {
        for (long i = 0; i < -vstart; i++) {
            *p++ = '0';
        }
    }
    if (0 < decpt && decpt <= ndig) {
        memcpy(p, d.digits, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, d.digits + decpt, (size_t)(ndig - decpt));
        p += ndig - decpt;
    } else {
        memcpy(p, d.digits, (size_t)ndig);
        p += ndig;
    }
    if (ndig < decpt) {
        for (long i = 0; i < decpt - ndig; i++) {
            *p++ = '0';
        }
        *p++ = '.';
        for (long i = 0; i < vend - decpt; i++) {
            *p++ = '0';
        }
    } else {
        for (long i = 0; i < vend - ndig; i++) {
            *p++ = '0';
        }
    }
    if (p[-1] == '.' && !alt) {
        p--;
    }
    if (use_exp) {
        *p++ = upper ? 'E' : 'e';
        *p++ = exp < 0 ? '-' : '+';
        long u = exp < 0 ? -exp : exp;
        if (u >= 100) {
            *p++ = (char)('0' + u / 100);
        }
        *p++ = (char)('0' + u / 10 % 10);
        *p++ = (char)('0' + u % 10);
    }
    return p - buf;
}

static int format_float(up_printer_t *p, up_float_t v, const spec_t *sp) {
    char type = sp->type;
    char code;
    long prec = sp->prec;
    bool add_dot_0 = false, pct = false, upper = false;
    switch (type) {
    case 0:
        add_dot_0 = true;
        code = prec < 0 ? 'r' : 'g';
        break;
    case 'n':
    case 'g':
    case 'G':
        code = 'g';
        break;
    case 'e':
    case 'E':
        code = 'e';
        break;
    case '%':
        pct = true;
        v *= 100;
        code = 'f';
        break;
    default:
        code = 'f';
        break;
    }
    upper = type == 'E' || type == 'F' || type == 'G';
    if (prec < 0) {
        prec = 6;
    }
    bool neg = __builtin_signbit(v);
    if (neg) {
        v = -v;
    }
    char small[64];
    char *buf = small;
    long n;
    if (v != v || v - v != 0) {
        memcpy(buf, v != v ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3);
        n = 3;
        if (v != v) {
            neg = false;  // CPython never shows a nan's sign
        }
    } else {
        long need;
        n = float_body(buf, (long)sizeof small - 1, &need, v, code, prec, add_dot_0, sp->alt, upper);
        if (n < 0) {
            buf = up_alloc_noscan((size_t)need + 1);
            if (buf == NULL) {
                return -1;
            }
            n = float_body(buf, need, &need, v, code, prec, add_dot_0, sp->alt, upper);
        }
        if (neg && sp->no_neg_zero) {
            // z: no sign when the digits came out all zeros
            bool zero = true;
            for (long i = 0; i < n && buf[i] != 'e' && buf[i] != 'E'; i++) {
                zero &= buf[i] == '0' || buf[i] == '.';
            }
            neg = !zero;
        }
    }
    if (pct) {
        buf[n++] = '%';
    }
    long ndigits = 0;
    while (ndigits < n && buf[ndigits] >= '0' && buf[ndigits] <= '9') {
        ndigits++;
    }
    int r = emit_number(p, sp, neg ? '-' : 0, "", buf, ndigits, buf + ndigits, n - ndigits);
    if (buf != small) {
        up_free(buf);
    }
    return r;
}

static bool float_type(char t) {
    return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%' || t == 'n' || t == 0;
}

int up_float_format(up_printer_t *p, up_float_t v, const char *spec, size_t speclen) {
    spec_t sp;
    if (parse_spec(spec, speclen, &sp, "float") < 0) {
        return -1;
    }
    if (!float_type(sp.type) || sp.type_cp >= 128) {
        return unknown_code(&sp, "float");
    }
    return format_float(p, v, &sp);
}

// ---- ints ---------------------------------------------------------------------------------

int up_int_format(up_printer_t *p, up_obj_t n, const char *spec, size_t speclen) {
    if (speclen == 0) {
        return up_print_obj(p, n, UP_PRINT_STR);
    }
    if (up_is_bool(n)) {
        n = up_small(n == UP_TRUE);
    }
    spec_t sp;
    if (parse_spec(spec, speclen, &sp, "int") < 0) {
        return -1;
    }
    char type = sp.type_cp >= 128 ? '?' : sp.type;
    int base = 10;
    const char *prefix = "";
    switch (type) {
    case 0:
    case 'd':
    case 'n':
        break;
    case 'b':
        base = 2;
        prefix = "0b";
        break;
    case 'o':
        base = 8;
        prefix = "0o";
        break;
    case 'x':
        base = 16;
        prefix = "0x";
        break;
    case 'X':
        base = 16;
        prefix = "0X";
        break;
    case 'c':
        break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
        if (!UP_CFG_FLOAT) {
            UP_FLOAT_DISABLED();
            return -1;
        }
        up_float_t f;
        if (up_int_as_float(n, &f) < 0) {
            return -1;
        }
        return format_float(p, f, &sp);
    }
    default:
        return unknown_code(&sp, "int");
    }
    if (sp.prec >= 0) {
        up_raise_msg(&up_type_ValueError, "Precision not allowed in integer format specifier");
        return -1;
    }
    if (sp.no_neg_zero) {
        up_raise_msg(&up_type_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        return -1;
    }
    if (type == 'c') {
        if (sp.sign) {
            up_raise_msg(&up_type_ValueError, "Sign not allowed with integer format specifier 'c'");
            return -1;
        }
        if (sp.alt) {
            up_raise_msg(&up_type_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
            return -1;
        }
        int64_t cp;
        if (up_int_as_i64(n, &cp) < 0) {
            return -1;
        }
        if (cp < 0 || cp > 0x10FFFF) {
            up_raise_msg(&up_type_OverflowError, "%c arg not in range(0x110000)");
            return -1;
        }
        up_obj_t ch = up_str_chr((up_int_t)cp);
        if (ch == UP_NULL) {
            return -1;
        }
        return emit_number(p, &sp, 0, "", "", 0, up_str_data(ch), (long)up_str_size(ch));
    }
    if (!sp.alt) {
        prefix = "";
    }
    size_t nd;
    char *digits = up_int_digits(n, base, &nd);
    if (digits == NULL) {
        return -1;
    }
    if (type == 'X') {
        for (size_t i = 0; i < nd; i++) {
            if (digits[i] >= 'a') {
                digits[i] = (char)(digits[i] - 'a' + 'A');
            }
        }
    }
    int r = emit_number(p, &sp, up_int_sign(n) < 0 ? '-' : 0, prefix, digits, (long)nd, "", 0);
    up_free(digits);
    return r;
}
