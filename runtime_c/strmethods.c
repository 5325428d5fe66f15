// str: the operator slots (+ * % comparisons `in`, len/bool/hash, indexing,
// slicing, iteration) and the methods listed in UP_STR_METHODS (str.h),
// except format, which lives with the rest of the formatting in strformat.c.
//
// Text is UTF-8 and every position a method takes or returns counts code
// points. A string with nchars == len is ASCII: positions are byte offsets
// (the fast paths). Other strings are walked from the start. Searching
// compares bytes: UTF-8 is self-synchronising, so a match of a valid UTF-8
// needle always starts and ends on character boundaries.
//
// Character classes and case mappings are CPython's for ASCII and Latin-1
// (U+0000..U+00FF, e.g. 'ß'.upper() == 'SS', 'ÿ'.upper() == 'Ÿ'); whitespace
// is the full set str.isspace() knows. Code points above U+00FF are uncased
// and neither letters nor digits (MicroPython knows ASCII only).
//
// A result equal to self is self (strings are immutable), an empty result is
// the ROM '' and a one-character ASCII result is a ROM character, so many
// calls allocate nothing.
#include "up.h"

#include "bytes.h"

UP_ROM_STR(static, empty_str, "");
#define EMPTY ((up_obj_t)&empty_str)

// ---- UTF-8 --------------------------------------------------------------------

static inline bool is_cont(uint8_t c) {
    return (c & 0xC0) == 0x80;
}

static inline bool is_ascii(up_obj_t s) {
    return up_str_len(s) == up_str_size(s);
}

static inline const uint8_t *bytes_of(up_obj_t s) {
    return (const uint8_t *)up_str_data(s);
}

// The code point at p (valid UTF-8); *n gets its length in bytes.
static uint32_t utf8_get(const uint8_t *p, size_t *n) {
    uint8_t c = p[0];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    if (c < 0xE0) {
        *n = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (c < 0xF0) {
        *n = 3;
        return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *n = 4;
    return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
           ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

// Encodes cp into out (room for 4 bytes); returns the length.
static size_t utf8_put(uint32_t cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

// Byte offset of code point i (0 <= i <= nchars).
static size_t byte_at(up_obj_t s, size_t i) {
    size_t len = up_str_size(s);
    if (up_str_len(s) == len || i == 0) {
        return i;
    }
    if (i >= up_str_len(s)) {
        return len;
    }
    const uint8_t *d = bytes_of(s);
    for (size_t off = 1;; off++) {
        if (!is_cont(d[off]) && --i == 0) {
            return off;
        }
    }
}

// Number of code points in the first `off` bytes of s.
static size_t chars_in(up_obj_t s, size_t off) {
    if (is_ascii(s)) {
        return off;
    }
    const uint8_t *d = bytes_of(s);
    size_t n = 0;
    for (size_t i = 0; i < off; i++) {
        n += !is_cont(d[i]);
    }
    return n;
}

// The start of the character that ends just before byte offset off (> 0).
static size_t prev_char(const uint8_t *d, size_t off) {
    do {
        off--;
    } while (off > 0 && is_cont(d[off]));
    return off;
}

// A str of the len bytes at p (whole UTF-8 characters): '' and ASCII
// characters come from ROM.
static up_obj_t make_sub(const char *p, size_t len) {
    if (len == 0) {
        return EMPTY;
    }
    if (len == 1 && (uint8_t)p[0] < 0x80) {
        return up_str_chr((uint8_t)p[0]);
    }
    return up_str_new(p, len);
}

// s[from:to] in bytes; s itself when that is all of it.
static up_obj_t sub_bytes(up_obj_t s, size_t from, size_t to) {
    if (from == 0 && to == up_str_size(s)) {
        return s;
    }
    return make_sub(up_str_data(s) + from, to - from);
}

// Strings are at most UINT32_MAX bytes (the length field).
static up_obj_t too_long(void) {
    return up_raise_msg(&up_type_OverflowError, "string is too long");
}

// ---- character classes and case mapping (ASCII + Latin-1) ---------------------

enum { C_UPPER = 1, C_LOWER = 2, C_DIGIT = 4, C_NUMERIC = 8, C_SPACE = 16 };
#define C_CASED (C_UPPER | C_LOWER)

// Unicode whitespace above Latin-1 (str.isspace()).
static bool is_wide_space(uint32_t cp) {
    return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

static unsigned char_class(uint32_t cp) {
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') {
            return C_UPPER;
        }
        if (cp >= 'a' && cp <= 'z') {
            return C_LOWER;
        }
        if (cp >= '0' && cp <= '9') {
            return C_DIGIT;
        }
        if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F)) {
            return C_SPACE;
        }
        return 0;
    }
    if (cp < 0x100) {
        if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
            return C_UPPER;
        }
        if ((cp >= 0xDF && cp != 0xF7) || cp == 0xAA || cp == 0xB5 || cp == 0xBA) {
            return C_LOWER;  // ª º µ ß are lowercase; ª and º have no uppercase
        }
        if (cp == 0xB2 || cp == 0xB3 || cp == 0xB9) {
            return C_DIGIT;  // superscripts ² ³ ¹
        }
        if (cp >= 0xBC && cp <= 0xBE) {
            return C_NUMERIC;  // ¼ ½ ¾
        }
        if (cp == 0x85 || cp == 0xA0) {
            return C_SPACE;
        }
        return 0;
    }
    return is_wide_space(cp) ? C_SPACE : 0;
}

enum { TO_LOWER, TO_UPPER, TO_TITLE };

// The case mapping of cp (one or two code points) as UTF-8 into out (room
// for 4 bytes); returns its length. For Latin-1 the mapping has as many
// bytes as cp itself, so mapped strings keep their size.
static size_t case_map(uint32_t cp, int to, char *out) {
    unsigned cls = char_class(cp);
    if (to == TO_LOWER) {
        if (cls & C_UPPER) {
            cp += 32;
        }
    } else if (cls & C_LOWER) {
        if (cp == 0xDF) {  // ß -> SS (Ss as titlecase)
            out[0] = 'S';
            out[1] = to == TO_UPPER ? 'S' : 's';
            return 2;
        }
        if (cp == 0xB5) {
            cp = 0x39C;  // µ -> GREEK CAPITAL LETTER MU
        } else if (cp == 0xFF) {
            cp = 0x178;  // ÿ -> LATIN CAPITAL LETTER Y WITH DIAERESIS
        } else if (cp != 0xAA && cp != 0xBA) {
            cp -= 32;
        }
    }
    return utf8_put(cp, out);
}

// ---- argument helpers -------------------------------------------------------------

// An integer argument as a machine int (PyNumber_AsSsize_t): ints, bools
// and objects with __index__; OverflowError when it does not fit.
static int arg_int(up_obj_t o, up_int_t *out) {
    if (up_is_small(o)) {
        *out = up_small_value(o);
        return 0;
    }
    if (up_is_bool(o)) {
        *out = o == UP_TRUE;
        return 0;
    }
    if (up_is_int(o)) {
        up_raise_msg(&up_type_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    const up_type_t *t = up_type_of(o);
    if ((t->flags & UP_TF_USER) && up_type_lookup(t, UP_Q(__index__)) != UP_NULL) {
        up_obj_t r = up_call_method(UP_Q(__index__), 1, &o, UP_NULL);
        if (r == UP_NULL) {
            return -1;
        }
        if (!up_is_int(r)) {
            up_raise_fmt(&up_type_TypeError, "__index__ returned non-int (type %T)", r);
            return -1;
        }
        return arg_int(r, out);
    }
    up_raise_fmt(&up_type_TypeError, "'%T' object cannot be interpreted as an integer", o);
    return -1;
}

// A start/end argument of find, count, startswith...: None keeps *out;
// huge ints clamp (as _PyEval_SliceIndex).
static int arg_slice_index(up_obj_t o, up_int_t *out) {
    if (o == UP_NONE) {
        return 0;
    }
    if (up_is_int(o) && !up_is_small(o)) {
        *out = up_int_sign(o) < 0 ? UP_SMALL_MIN : UP_SMALL_MAX;
        return 0;
    }
    if (up_is_small(o) || up_is_bool(o) ||
        ((up_type_of(o)->flags & UP_TF_USER) && up_type_lookup(up_type_of(o), UP_Q(__index__)))) {
        return arg_int(o, out);
    }
    up_raise_msg(&up_type_TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
}

// The optional (start, end) pair at args[i], args[i + 1] (when present),
// adjusted against nchars like a slice: 0 <= *start, *end <= nchars, but
// *start may exceed *end (or nchars): callers test end - start first.
static int arg_range(up_obj_t s, size_t n, const up_obj_t *args, size_t i, up_int_t *start,
                     up_int_t *end) {
    up_int_t len = (up_int_t)up_str_len(s);
    *start = 0;
    *end = len;
    if ((n > i && arg_slice_index(args[i], start) < 0) ||
        (n > i + 1 && arg_slice_index(args[i + 1], end) < 0)) {
        return -1;
    }
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end = *end + len < 0 ? 0 : *end + len;
    }
    if (*start < 0) {
        *start = *start + len < 0 ? 0 : *start + len;
    }
    return 0;
}

static int need_str(up_obj_t o) {
    if (!up_is_str(o)) {
        up_raise_fmt(&up_type_TypeError, "must be str, not %T", o);
        return -1;
    }
    return 0;
}

// Bind positional and keyword arguments for the few methods that take
// keywords: out[i] gets parameter names[i] (after self) or UP_NULL.
static int bind_kw(const char *fname, size_t n, const up_obj_t *args, up_obj_t kwnames,
                   const char *const *names, size_t nnames, up_obj_t *out) {
    size_t npos = up_npos(n, kwnames);
    for (size_t i = 0; i < nnames; i++) {
        out[i] = i + 1 < npos ? args[i + 1] : UP_NULL;
    }
    if (kwnames == UP_NULL) {
        return 0;
    }
    const up_tuple_t *kw = (const up_tuple_t *)kwnames;
    if (npos - 1 + kw->len > nnames) {
        up_raise_fmt(&up_type_TypeError, "%s() takes at most %d argument%s (%d given)", fname, (up_int_t)nnames,
                     nnames == 1 ? "" : "s", (up_int_t)(npos - 1 + kw->len));
        return -1;
    }
    for (size_t k = 0; k < kw->len; k++) {
        size_t i = 0;
        while (i < nnames && !up_str_eq_cstr(kw->items[k], names[i])) {
            i++;
        }
        if (i == nnames) {
            up_raise_fmt(&up_type_TypeError, "'%q' is an invalid keyword argument for %s()", kw->items[k],
                         fname);
            return -1;
        }
        if (out[i] != UP_NULL) {
            up_raise_fmt(&up_type_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                         fname, names[i], (up_int_t)(i + 1));
            return -1;
        }
        out[i] = args[npos + k];
    }
    return 0;
}

// ---- searching ------------------------------------------------------------------

// First / last occurrence of the nl bytes at nd in h[from:to]; -1 if none.
static ptrdiff_t search(const char *h, size_t from, size_t to, const char *nd, size_t nl) {
    if (nl == 0) {
        return (ptrdiff_t)from;
    }
    if (to < from + nl) {
        return -1;
    }
    const char *p = h + from, *last = h + to - nl;
    while (p <= last) {
        p = memchr(p, nd[0], (size_t)(last - p) + 1);
        if (p == NULL) {
            return -1;
        }
        if (memcmp(p + 1, nd + 1, nl - 1) == 0) {
            return p - h;
        }
        p++;
    }
    return -1;
}

static ptrdiff_t rsearch(const char *h, size_t from, size_t to, const char *nd, size_t nl) {
    if (to < from + nl) {
        return -1;
    }
    for (size_t i = to - nl + 1; i-- > from;) {
        if (h[i] == nd[0] && memcmp(h + i, nd, nl) == 0) {
            return (ptrdiff_t)i;
        }
        if (nl == 0) {
            return (ptrdiff_t)to;
        }
    }
    return -1;
}

// find/rfind/index/rindex: the code point index, -1 when absent (or
// ValueError for index).
static up_obj_t find_common(size_t n, const up_obj_t *args, bool reverse, bool raise) {
    up_obj_t s = args[0], sub = args[1];
    up_int_t start, end;
    if (need_str(sub) < 0 || arg_range(s, n, args, 2, &start, &end) < 0) {
        return UP_NULL;
    }
    up_int_t found = -1;
    if (end - start >= (up_int_t)up_str_len(sub)) {
        size_t from = byte_at(s, (size_t)start), to = byte_at(s, (size_t)end);
        const char *d = up_str_data(s);
        ptrdiff_t at = reverse ? rsearch(d, from, to, up_str_data(sub), up_str_size(sub))
                               : search(d, from, to, up_str_data(sub), up_str_size(sub));
        if (at >= 0) {
            found = (up_int_t)chars_in(s, (size_t)at);
        }
    }
    if (found < 0 && raise) {
        return up_raise_msg(&up_type_ValueError, "substring not found");
    }
    return up_small(found);
}

up_obj_t up_str_m_find(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return find_common(n, args, false, false);
}

up_obj_t up_str_m_rfind(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return find_common(n, args, true, false);
}

up_obj_t up_str_m_index(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return find_common(n, args, false, true);
}

up_obj_t up_str_m_rindex(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return find_common(n, args, true, true);
}

up_obj_t up_str_m_count(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_obj_t s = args[0], sub = args[1];
    up_int_t start, end;
    if (need_str(sub) < 0 || arg_range(s, n, args, 2, &start, &end) < 0) {
        return UP_NULL;
    }
    if (end - start < (up_int_t)up_str_len(sub)) {
        return up_small(0);
    }
    if (up_str_size(sub) == 0) {
        return up_small(end - start + 1);
    }
    size_t from = byte_at(s, (size_t)start), to = byte_at(s, (size_t)end);
    size_t nl = up_str_size(sub);
    up_int_t count = 0;
    for (;;) {
        ptrdiff_t at = search(up_str_data(s), from, to, up_str_data(sub), nl);
        if (at < 0) {
            break;
        }
        count++;
        from = (size_t)at + nl;
    }
    return up_small(count);
}

int up_str_contains(up_obj_t s, up_obj_t sub) {
    if (!up_is_str(sub)) {
        up_raise_fmt(&up_type_TypeError, "'in <string>' requires string as left operand, not %T", sub);
        return -1;
    }
    return search(up_str_data(s), 0, up_str_size(s), up_str_data(sub), up_str_size(sub)) >= 0;
}

// Does s[start:end] (code points) start / end with the str prefix?
static bool tail_match(up_obj_t s, up_obj_t prefix, up_int_t start, up_int_t end, bool at_end) {
    if (end - start < (up_int_t)up_str_len(prefix)) {
        return false;
    }
    size_t pl = up_str_size(prefix);
    size_t from = byte_at(s, (size_t)start), to = byte_at(s, (size_t)end);
    if (to - from < pl) {
        return false;
    }
    size_t at = at_end ? to - pl : from;
    return memcmp(up_str_data(s) + at, up_str_data(prefix), pl) == 0;
}

static up_obj_t starts_ends(size_t n, const up_obj_t *args, bool at_end) {
    const char *name = at_end ? "endswith" : "startswith";
    up_obj_t s = args[0], x = args[1];
    up_int_t start, end;
    if (!up_is_str(x) && !up_is_tuple(x)) {
        return up_raise_fmt(&up_type_TypeError, "%s first arg must be str or a tuple of str, not %T", name,
                            x);
    }
    if (arg_range(s, n, args, 2, &start, &end) < 0) {
        return UP_NULL;
    }
    if (up_is_str(x)) {
        return up_bool(tail_match(s, x, start, end, at_end));
    }
    for (size_t i = 0; i < up_tuple_len(x); i++) {
        up_obj_t p = up_tuple_item(x, i);
        if (!up_is_str(p)) {
            return up_raise_fmt(&up_type_TypeError, "tuple for %s must only contain str, not %T", name, p);
        }
        if (tail_match(s, p, start, end, at_end)) {
            return UP_TRUE;
        }
    }
    return UP_FALSE;
}

up_obj_t up_str_m_startswith(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return starts_ends(n, args, false);
}

up_obj_t up_str_m_endswith(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return starts_ends(n, args, true);
}

// ---- character class predicates ------------------------------------------------------

// Every code point of a non-empty s has a class in `any`.
static up_obj_t all_chars(up_obj_t s, unsigned any) {
    const uint8_t *d = bytes_of(s);
    size_t len = up_str_size(s);
    if (len == 0) {
        return UP_FALSE;
    }
    for (size_t i = 0; i < len;) {
        size_t k;
        if (!(char_class(utf8_get(d + i, &k)) & any)) {
            return UP_FALSE;
        }
        i += k;
    }
    return UP_TRUE;
}

up_obj_t up_str_m_isalpha(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return all_chars(args[0], C_CASED);
}

up_obj_t up_str_m_isalnum(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return all_chars(args[0], C_CASED | C_DIGIT | C_NUMERIC);
}

up_obj_t up_str_m_isdigit(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return all_chars(args[0], C_DIGIT);
}

up_obj_t up_str_m_isspace(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return all_chars(args[0], C_SPACE);
}

// islower / isupper: at least one cased character, none of the other case.
static up_obj_t is_case(up_obj_t s, unsigned want, unsigned other) {
    const uint8_t *d = bytes_of(s);
    size_t len = up_str_size(s);
    bool seen = false;
    for (size_t i = 0; i < len;) {
        size_t k;
        unsigned c = char_class(utf8_get(d + i, &k));
        if (c & other) {
            return UP_FALSE;
        }
        seen |= (c & want) != 0;
        i += k;
    }
    return up_bool(seen);
}

up_obj_t up_str_m_islower(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return is_case(args[0], C_LOWER, C_UPPER);
}

up_obj_t up_str_m_isupper(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return is_case(args[0], C_UPPER, C_LOWER);
}

// ---- case mapping ----------------------------------------------------------------------

enum { MAP_LOWER, MAP_UPPER, MAP_SWAP, MAP_TITLE, MAP_CAPITALIZE };

static up_obj_t map_case(up_obj_t s, int mode) {
    size_t len = up_str_size(s);
    if (len == 0) {
        return s;
    }
    char *out;
    up_obj_t r = up_str_alloc(len, &out);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    const uint8_t *d = bytes_of(s);
    bool prev_cased = false;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t k;
        uint32_t cp = utf8_get(d + i, &k);
        unsigned cls = char_class(cp);
        int to;
        switch (mode) {
        case MAP_LOWER:
            to = TO_LOWER;
            break;
        case MAP_UPPER:
            to = TO_UPPER;
            break;
        case MAP_SWAP:
            to = (cls & C_UPPER) ? TO_LOWER : TO_UPPER;
            break;
        case MAP_TITLE:
            to = prev_cased ? TO_LOWER : TO_TITLE;
            break;
        default:
            to = i == 0 ? TO_TITLE : TO_LOWER;
            break;
        }
        prev_cased = (cls & C_CASED) != 0;
        o += case_map(cp, to, out + o);
        i += k;
    }
    if (memcmp(out, d, len) == 0) {
        up_free((void *)r);
        return s;
    }
    return up_str_finish(r);
}

up_obj_t up_str_m_lower(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return map_case(args[0], MAP_LOWER);
}

up_obj_t up_str_m_upper(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return map_case(args[0], MAP_UPPER);
}

up_obj_t up_str_m_swapcase(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return map_case(args[0], MAP_SWAP);
}

up_obj_t up_str_m_title(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return map_case(args[0], MAP_TITLE);
}

up_obj_t up_str_m_capitalize(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return map_case(args[0], MAP_CAPITALIZE);
}

// ---- padding ---------------------------------------------------------------------------

// s with `left` and `right` copies of the one-character str fill around it.
static up_obj_t pad(up_obj_t s, size_t left, size_t right, up_obj_t fill) {
    if (left == 0 && right == 0) {
        return s;
    }
    size_t fl = up_str_size(fill), len = up_str_size(s);
    size_t total = len + (left + right) * fl;
    if (total > UINT32_MAX) {
        return too_long();
    }
    char *out;
    up_obj_t r = up_str_alloc(total, &out);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    const char *f = up_str_data(fill);
    for (size_t i = 0; i < left; i++, out += fl) {
        memcpy(out, f, fl);
    }
    memcpy(out, up_str_data(s), len);
    out += len;
    for (size_t i = 0; i < right; i++, out += fl) {
        memcpy(out, f, fl);
    }
    return up_str_finish(r);
}

// center/ljust/rjust(width[, fillchar]): *extra gets width - len (or 0).
static int pad_args(size_t n, const up_obj_t *args, up_int_t *extra, up_obj_t *fill) {
    up_int_t width;
    if (arg_int(args[1], &width) < 0) {
        return -1;
    }
    *fill = up_str_chr(' ');
    if (n > 2) {
        *fill = args[2];
        if (!up_is_str(*fill)) {
            up_raise_fmt(&up_type_TypeError, "The fill character must be a unicode character, not %T", *fill);
            return -1;
        }
        if (up_str_len(*fill) != 1) {
            up_raise_msg(&up_type_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
    }
    up_int_t len = (up_int_t)up_str_len(args[0]);
    *extra = width > len ? width - len : 0;
    return 0;
}

up_obj_t up_str_m_ljust(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_int_t extra;
    up_obj_t fill;
    if (pad_args(n, args, &extra, &fill) < 0) {
        return UP_NULL;
    }
    return pad(args[0], 0, (size_t)extra, fill);
}

up_obj_t up_str_m_rjust(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_int_t extra;
    up_obj_t fill;
    if (pad_args(n, args, &extra, &fill) < 0) {
        return UP_NULL;
    }
    return pad(args[0], (size_t)extra, 0, fill);
}

up_obj_t up_str_m_center(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_int_t extra;
    up_obj_t fill;
    if (pad_args(n, args, &extra, &fill) < 0) {
        return UP_NULL;
    }
    // CPython's rule: the odd space goes left when the width is odd.
    up_int_t width = extra + (up_int_t)up_str_len(args[0]);
    up_int_t left = extra / 2 + (extra & width & 1);
    return pad(args[0], (size_t)left, (size_t)(extra - left), fill);
}

up_obj_t up_str_m_zfill(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    up_obj_t s = args[0];
    up_int_t width;
    if (arg_int(args[1], &width) < 0) {
        return UP_NULL;
    }
    up_int_t len = (up_int_t)up_str_len(s);
    if (width <= len) {
        return s;
    }
    up_obj_t r = pad(s, (size_t)(width - len), 0, up_str_chr('0'));
    if (r == UP_NULL) {
        return UP_NULL;
    }
    char *d = (char *)up_str_data(r);
    size_t fill = (size_t)(width - len);
    if (d[fill] == '+' || d[fill] == '-') {
        d[0] = d[fill];
        d[fill] = '0';
        ((up_str_t *)r)->hash = up_str_hash_bytes(d, up_str_size(r));
    }
    return r;
}

// Not yet in UP_STR_METHODS (str.h): declared here until it is listed.
UP_DECLARE_STR_METHOD(expandtabs)

up_obj_t up_str_m_expandtabs(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    static const char *const names[] = {"tabsize"};
    up_obj_t a[1];
    up_int_t tab = 8;
    if (bind_kw("expandtabs", n, args, kwnames, names, 1, a) < 0 || (a[0] != UP_NULL && arg_int(a[0], &tab) < 0)) {
        return UP_NULL;
    }
    up_obj_t s = args[0];
    const uint8_t *d = bytes_of(s);
    size_t len = up_str_size(s);
    if (memchr(d, '\t', len) == NULL) {
        return s;
    }
    // Two passes: measure, then write. The column counts code points and
    // restarts after \n and \r.
    char *out = NULL;
    up_obj_t r = UP_NULL;
    for (int pass = 0; pass < 2; pass++) {
        uint64_t o = 0;
        up_int_t col = 0;
        for (size_t i = 0; i < len; i++) {
            uint8_t c = d[i];
            if (c == '\t') {
                up_int_t spaces = tab > 0 ? tab - col % tab : 0;
                if (out != NULL) {
                    memset(out + o, ' ', (size_t)spaces);
                }
                o += (uint64_t)spaces;
                col += spaces;
                continue;
            }
            if (out != NULL) {
                out[o] = (char)c;
            }
            o++;
            col = (c == '\n' || c == '\r') ? 0 : col + !is_cont(c);
        }
        if (pass == 0) {
            if (o > UINT32_MAX) {
                return too_long();
            }
            r = up_str_alloc((size_t)o, &out);
            if (r == UP_NULL) {
                return UP_NULL;
            }
        }
    }
    return up_str_finish(r);
}

// ---- stripping ---------------------------------------------------------------------------

// Is the code point at p one of chars (a str), or whitespace (chars UP_NULL)?
static bool strip_match(uint32_t cp, up_obj_t chars) {
    if (chars == UP_NULL) {
        return (char_class(cp) & C_SPACE) != 0;
    }
    const uint8_t *c = bytes_of(chars);
    size_t len = up_str_size(chars);
    for (size_t i = 0; i < len;) {
        size_t k;
        if (utf8_get(c + i, &k) == cp) {
            return true;
        }
        i += k;
    }
    return false;
}

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2 };

// The byte range of s left after stripping chars (UP_NULL: whitespace).
static void strip_range(up_obj_t s, up_obj_t chars, int which, size_t *from, size_t *to) {
    const uint8_t *d = bytes_of(s);
    size_t i = 0, j = up_str_size(s);
    if (which & STRIP_LEFT) {
        while (i < j) {
            size_t k;
            if (!strip_match(utf8_get(d + i, &k), chars)) {
                break;
            }
            i += k;
        }
    }
    if (which & STRIP_RIGHT) {
        while (j > i) {
            size_t p = prev_char(d, j), k;
            if (!strip_match(utf8_get(d + p, &k), chars)) {
                break;
            }
            j = p;
        }
    }
    *from = i;
    *to = j;
}

static up_obj_t strip_common(size_t n, const up_obj_t *args, int which, const char *name) {
    up_obj_t chars = n > 1 && args[1] != UP_NONE ? args[1] : UP_NULL;
    if (chars != UP_NULL && !up_is_str(chars)) {
        return up_raise_fmt(&up_type_TypeError, "%s arg must be None or str", name);
    }
    size_t from, to;
    strip_range(args[0], chars, which, &from, &to);
    return sub_bytes(args[0], from, to);
}

up_obj_t up_str_m_strip(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return strip_common(n, args, STRIP_LEFT | STRIP_RIGHT, "strip");
}

up_obj_t up_str_m_lstrip(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return strip_common(n, args, STRIP_LEFT, "lstrip");
}

up_obj_t up_str_m_rstrip(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return strip_common(n, args, STRIP_RIGHT, "rstrip");
}

// ---- splitting -----------------------------------------------------------------------------

// Appends s[from:to] (bytes) to the list; 0 or -1.
static int append_sub(up_obj_t list, up_obj_t s, size_t from, size_t to) {
    up_obj_t part = sub_bytes(s, from, to);
    return part == UP_NULL ? -1 : up_list_append(list, part);
}

static void reverse_list(up_obj_t list) {
    up_list_t *l = (up_list_t *)list;
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        up_obj_t t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

// Whitespace length of the character at d[i] (0 when it is not a space).
static size_t space_at(const uint8_t *d, size_t i) {
    size_t k;
    uint32_t cp = utf8_get(d + i, &k);
    return (char_class(cp) & C_SPACE) ? k : 0;
}

// split() / rsplit() without a separator: runs of whitespace separate,
// leading and trailing whitespace is dropped (up to maxsplit splits; the
// rest is kept as it is apart from whitespace on the split side).
static up_obj_t split_ws(up_obj_t s, up_int_t maxsplit, bool reverse) {
    up_obj_t list = up_list_new(0);
    if (list == UP_NULL) {
        return UP_NULL;
    }
    const uint8_t *d = bytes_of(s);
    size_t len = up_str_size(s);
    if (!reverse) {
        size_t i = 0;
        for (;;) {
            size_t k;
            while (i < len && (k = space_at(d, i)) != 0) {
                i += k;
            }
            if (i == len) {
                break;
            }
            if (maxsplit == 0) {
                if (append_sub(list, s, i, len) < 0) {
                    return UP_NULL;
                }
                break;
            }
            size_t j = i;
            while (j < len && space_at(d, j) == 0) {
                utf8_get(d + j, &k);
                j += k;
            }
            if (append_sub(list, s, i, j) < 0) {
                return UP_NULL;
            }
            maxsplit--;
            i = j;
        }
        return list;
    }
    size_t j = len;
    for (;;) {
        while (j > 0 && space_at(d, prev_char(d, j)) != 0) {
            j = prev_char(d, j);
        }
        if (j == 0) {
            break;
        }
        if (maxsplit == 0) {
            if (append_sub(list, s, 0, j) < 0) {
                return UP_NULL;
            }
            break;
        }
        size_t i = j;
        while (i > 0 && space_at(d, prev_char(d, i)) == 0) {
            i = prev_char(d, i);
        }
        if (append_sub(list, s, i, j) < 0) {
            return UP_NULL;
        }
        maxsplit--;
        j = i;
    }
    reverse_list(list);
    return list;
}

static up_obj_t split_sep(up_obj_t s, up_obj_t sep, up_int_t maxsplit, bool reverse) {
    size_t sl = up_str_size(sep);
    if (sl == 0) {
        return up_raise_msg(&up_type_ValueError, "empty separator");
    }
    up_obj_t list = up_list_new(0);
    if (list == UP_NULL) {
        return UP_NULL;
    }
    const char *d = up_str_data(s), *sd = up_str_data(sep);
    size_t i = 0, j = up_str_size(s);
    while (maxsplit != 0) {
        ptrdiff_t at = reverse ? rsearch(d, i, j, sd, sl) : search(d, i, j, sd, sl);
        if (at < 0) {
            break;
        }
        int r = reverse ? append_sub(list, s, (size_t)at + sl, j) : append_sub(list, s, i, (size_t)at);
        if (r < 0) {
            return UP_NULL;
        }
        if (reverse) {
            j = (size_t)at;
        } else {
            i = (size_t)at + sl;
        }
        maxsplit--;
    }
    if (append_sub(list, s, i, j) < 0) {
        return UP_NULL;
    }
    if (reverse) {
        reverse_list(list);
    }
    return list;
}

static up_obj_t split_common(const char *name, size_t n, const up_obj_t *args, up_obj_t kwnames,
                             bool reverse) {
    static const char *const names[] = {"sep", "maxsplit"};
    up_obj_t a[2];
    if (bind_kw(name, n, args, kwnames, names, 2, a) < 0) {
        return UP_NULL;
    }
    up_int_t maxsplit = -1;
    if (a[1] != UP_NULL && arg_int(a[1], &maxsplit) < 0) {
        return UP_NULL;
    }
    if (maxsplit < 0) {
        maxsplit = UP_SMALL_MAX;
    }
    if (a[0] == UP_NULL || a[0] == UP_NONE) {
        return split_ws(args[0], maxsplit, reverse);
    }
    if (!up_is_str(a[0])) {
        return up_raise_fmt(&up_type_TypeError, "must be str or None, not %T", a[0]);
    }
    return split_sep(args[0], a[0], maxsplit, reverse);
}

up_obj_t up_str_m_split(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return split_common("split", n, args, kwnames, false);
}

up_obj_t up_str_m_rsplit(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return split_common("rsplit", n, args, kwnames, true);
}

// Length of the line break at d[i] (\r\n counts as one), 0 if none:
// \n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.
static size_t line_break_at(const uint8_t *d, size_t i, size_t len) {
    uint8_t c = d[i];
    if (c == '\r') {
        return i + 1 < len && d[i + 1] == '\n' ? 2 : 1;
    }
    if (c == '\n' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E)) {
        return 1;
    }
    if (c == 0xC2 && d[i + 1] == 0x85) {
        return 2;
    }
    if (c == 0xE2 && d[i + 1] == 0x80 && (d[i + 2] == 0xA8 || d[i + 2] == 0xA9)) {
        return 3;
    }
    return 0;
}

up_obj_t up_str_m_splitlines(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    static const char *const names[] = {"keepends"};
    up_obj_t a[1];
    up_int_t keep = 0;
    if (bind_kw("splitlines", n, args, kwnames, names, 1, a) < 0 ||
        (a[0] != UP_NULL && arg_int(a[0], &keep) < 0)) {
        return UP_NULL;
    }
    up_obj_t s = args[0];
    up_obj_t list = up_list_new(0);
    if (list == UP_NULL) {
        return UP_NULL;
    }
    const uint8_t *d = bytes_of(s);
    size_t len = up_str_size(s), start = 0, i = 0;
    while (i < len) {
        size_t br = line_break_at(d, i, len);
        if (br == 0) {
            i++;
            continue;
        }
        if (append_sub(list, s, start, keep ? i + br : i) < 0) {
            return UP_NULL;
        }
        i += br;
        start = i;
    }
    if (start < len && append_sub(list, s, start, len) < 0) {
        return UP_NULL;
    }
    return list;
}

static up_obj_t partition_common(up_obj_t s, up_obj_t sep, bool reverse) {
    if (need_str(sep) < 0) {
        return UP_NULL;
    }
    size_t sl = up_str_size(sep), len = up_str_size(s);
    if (sl == 0) {
        return up_raise_msg(&up_type_ValueError, "empty separator");
    }
    const char *d = up_str_data(s);
    ptrdiff_t at = reverse ? rsearch(d, 0, len, up_str_data(sep), sl) : search(d, 0, len, up_str_data(sep), sl);
    up_obj_t parts[3];
    if (at < 0) {
        parts[0] = reverse ? EMPTY : s;
        parts[1] = EMPTY;
        parts[2] = reverse ? s : EMPTY;
    } else {
        parts[0] = sub_bytes(s, 0, (size_t)at);
        parts[1] = sep;
        parts[2] = parts[0] == UP_NULL ? UP_NULL : sub_bytes(s, (size_t)at + sl, len);
        if (parts[2] == UP_NULL) {
            return UP_NULL;
        }
    }
    return up_tuple_from_items(3, parts);
}

up_obj_t up_str_m_partition(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return partition_common(args[0], args[1], false);
}

up_obj_t up_str_m_rpartition(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return partition_common(args[0], args[1], true);
}

// ---- replace and join ---------------------------------------------------------------------

up_obj_t up_str_m_replace(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_obj_t s = args[0], old = args[1], new = args[2];
    if (!up_is_str(old)) {
        return up_raise_fmt(&up_type_TypeError, "replace() argument 1 must be str, not %T", old);
    }
    if (!up_is_str(new)) {
        return up_raise_fmt(&up_type_TypeError, "replace() argument 2 must be str, not %T", new);
    }
    up_int_t maxcount = -1;
    if (n > 3 && arg_int(args[3], &maxcount) < 0) {
        return UP_NULL;
    }
    if (maxcount < 0) {
        maxcount = UP_SMALL_MAX;
    }
    const char *d = up_str_data(s);
    size_t len = up_str_size(s), ol = up_str_size(old), nl = up_str_size(new);
    // Count the replacements first, to allocate the result once.
    up_int_t count = 0;
    if (ol == 0) {
        count = (up_int_t)up_str_len(s) + 1;
        count = count < maxcount ? count : maxcount;
    } else {
        for (size_t i = 0; count < maxcount;) {
            ptrdiff_t at = search(d, i, len, up_str_data(old), ol);
            if (at < 0) {
                break;
            }
            count++;
            i = (size_t)at + ol;
        }
    }
    if (count == 0) {
        return s;
    }
    uint64_t total = (uint64_t)len + (uint64_t)count * nl - (uint64_t)count * ol;
    if (total > UINT32_MAX) {
        return too_long();
    }
    char *out;
    up_obj_t r = up_str_alloc((size_t)total, &out);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    d = up_str_data(s);
    size_t i = 0;
    for (up_int_t k = 0; k < count; k++) {
        size_t at;
        if (ol == 0) {
            // before each character: copy the previous character first
            at = i;
            if (k > 0) {
                size_t step;
                utf8_get((const uint8_t *)d + i, &step);
                at = i + step;
            }
        } else {
            at = (size_t)search(d, i, len, up_str_data(old), ol);
        }
        memcpy(out, d + i, at - i);
        out += at - i;
        memcpy(out, up_str_data(new), nl);
        out += nl;
        i = at + ol;
    }
    memcpy(out, d + i, len - i);
    return up_str_finish(r);
}

up_obj_t up_str_join(up_obj_t sep, up_obj_t iterable) {
    up_obj_t seq = iterable;
    if (!up_is_list(seq) && !up_is_tuple(seq)) {
        up_obj_t it = up_getiter(seq);
        if (it == UP_NULL) {
            if (up_exc_type(up_exc_pending) == &up_type_TypeError) {
                up_exc_fetch();
                up_raise_msg(&up_type_TypeError, "can only join an iterable");
            }
            return UP_NULL;
        }
        seq = up_list_from_iter(it);
        if (seq == UP_NULL) {
            return UP_NULL;
        }
    }
    const up_obj_t *items;
    size_t count;
    if (up_is_list(seq)) {
        items = ((const up_list_t *)seq)->items;
        count = up_list_len(seq);
    } else {
        items = ((const up_tuple_t *)seq)->items;
        count = up_tuple_len(seq);
    }
    if (count == 1 && up_is_str(items[0])) {
        return items[0];
    }
    size_t sl = up_str_size(sep);
    uint64_t total = count > 0 ? (uint64_t)sl * (count - 1) : 0;
    for (size_t i = 0; i < count; i++) {
        if (!up_is_str(items[i])) {
            return up_raise_fmt(&up_type_TypeError, "sequence item %d: expected str instance, %T found",
                                (up_int_t)i, items[i]);
        }
        total += up_str_size(items[i]);
    }
    if (total == 0) {
        return EMPTY;
    }
    if (total > UINT32_MAX) {
        return too_long();
    }
    char *out;
    up_obj_t r = up_str_alloc((size_t)total, &out);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    for (size_t i = 0; i < count; i++) {
        if (i > 0) {
            memcpy(out, up_str_data(sep), sl);
            out += sl;
        }
        memcpy(out, up_str_data(items[i]), up_str_size(items[i]));
        out += up_str_size(items[i]);
    }
    return up_str_finish(r);
}

up_obj_t up_str_m_join(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return up_str_join(args[0], args[1]);
}

up_obj_t up_str_m_encode(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    static const char *const names[] = {"encoding", "errors"};
    up_obj_t a[2];
    if (bind_kw("encode", n, args, kwnames, names, 2, a) < 0) {
        return UP_NULL;
    }
    for (int i = 0; i < 2; i++) {
        if (a[i] != UP_NULL && !up_is_str(a[i])) {
            return up_raise_fmt(&up_type_TypeError, "encode() argument '%s' must be str, not %T", names[i],
                                a[i]);
        }
    }
    return up_str_encode(args[0], a[0], a[1]);
}

// ---- operators ---------------------------------------------------------------------------------

up_obj_t up_str_repeat(up_obj_t s, up_int_t n) {
    size_t len = up_str_size(s);
    if (n <= 0 || len == 0) {
        return EMPTY;
    }
    if (n == 1) {
        return s;
    }
    up_int_t total;
    if (__builtin_mul_overflow((up_int_t)len, n, &total)) {
        return up_raise_msg(&up_type_OverflowError, "repeated string is too long");
    }
    if ((uint64_t)total > UINT32_MAX) {
        return too_long();
    }
    char *out;
    up_obj_t r = up_str_alloc((size_t)total, &out);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    const char *d = up_str_data(s);
    if (len == 1) {
        memset(out, d[0], (size_t)total);
    } else {
        // copy the text once, then double the copied part
        memcpy(out, d, len);
        for (size_t done = len; done < (size_t)total;) {
            size_t k = done < (size_t)total - done ? done : (size_t)total - done;
            memcpy(out + done, out, k);
            done += k;
        }
    }
    up_str_t *rs = (up_str_t *)r;
    rs->nchars = (uint32_t)(up_str_len(s) * (size_t)n);
    rs->hash = up_str_hash_bytes(out, (size_t)total);
    return r;
}

// Does the other operand of a binary operator get its own chance first (a
// user class with the reflected method)?
static bool defers_to(up_obj_t o, up_obj_t rname) {
    const up_type_t *t = up_type_of(o);
    return (t->flags & UP_TF_USER) && up_type_lookup(t, rname) != UP_NULL;
}

// s * n for either operand order.
static up_obj_t mul(up_obj_t s, up_obj_t n) {
    if (up_is_small(n)) {
        return up_str_repeat(s, up_small_value(n));
    }
    if (up_is_bool(n)) {
        return up_str_repeat(s, n == UP_TRUE);
    }
    if (up_is_int(n)) {
        return up_raise_msg(&up_type_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    if (defers_to(n, UP_Q(__rmul__))) {
        return UP_NOTIMPL;
    }
    if ((up_type_of(n)->flags & UP_TF_USER) && up_type_lookup(up_type_of(n), UP_Q(__index__))) {
        up_int_t k;
        return arg_int(n, &k) < 0 ? UP_NULL : up_str_repeat(s, k);
    }
    return up_raise_fmt(&up_type_TypeError, "can't multiply sequence by non-int of type '%T'", n);
}

up_obj_t up_str_binary_op(int op, up_obj_t a, up_obj_t b) {
    bool a_str = up_is_str(a), b_str = up_is_str(b);
    switch (op) {
    case UP_OP_ADD:
    case UP_OP_IADD:
        if (!a_str) {
            return UP_NOTIMPL;
        }
        if (!b_str) {
            if (defers_to(b, UP_Q(__radd__))) {
                return UP_NOTIMPL;
            }
            return up_raise_fmt(&up_type_TypeError, "can only concatenate str (not \"%T\") to str", b);
        }
        return up_str_concat(a, b);
    case UP_OP_MUL:
    case UP_OP_IMUL:
        if (a_str) {
            return mul(a, b);
        }
        if (up_is_int(a) || up_is_bool(a) || !defers_to(a, UP_Q(__mul__))) {
            return mul(b, a);
        }
        return UP_NOTIMPL;
    case UP_OP_MOD:
    case UP_OP_IMOD:
        if (!a_str || !UP_CFG_FORMAT) {
            return UP_NOTIMPL;  // (without formatting: TypeError, see config.h)
        }
        return up_str_mod(a, b);
    case UP_OP_EQ:
    case UP_OP_NE:
        if (!a_str || !b_str) {
            return UP_NOTIMPL;
        }
        return up_bool(up_str_eq(a, b) == (op == UP_OP_EQ));
    case UP_OP_LT:
    case UP_OP_LE:
    case UP_OP_GT:
    case UP_OP_GE: {
        if (!a_str || !b_str) {
            return UP_NOTIMPL;
        }
        int c = up_str_compare(a, b);
        bool r = op == UP_OP_LT ? c < 0 : op == UP_OP_LE ? c <= 0 : op == UP_OP_GT ? c > 0 : c >= 0;
        return up_bool(r);
    }
    case UP_OP_CONTAINS: {
        if (!a_str) {
            return UP_NOTIMPL;
        }
        int r = up_str_contains(a, b);
        return r < 0 ? UP_NULL : up_bool(r);
    }
    default:
        return UP_NOTIMPL;
    }
}

up_obj_t up_str_unary_op(int op, up_obj_t a) {
    switch (op) {
    case UP_UOP_LEN:
        return up_small((up_int_t)up_str_len(a));
    case UP_UOP_BOOL:
        return up_bool(up_str_size(a) != 0);
    case UP_UOP_HASH:
        return up_small((up_int_t)(up_str_hash(a) & (uint32_t)UP_SMALL_MAX));  // (31-bit small ints on the board)
    default:
        return UP_NOTIMPL;
    }
}

// ---- indexing, slicing -------------------------------------------------------------------------

up_obj_t up_str_getitem_cint(up_obj_t s, up_int_t i) {
    up_int_t len = (up_int_t)up_str_len(s);
    if (i < 0) {
        i += len;
    }
    if (i < 0 || i >= len) {
        return up_raise_msg(&up_type_IndexError, "string index out of range");
    }
    const char *d = up_str_data(s);
    if (is_ascii(s)) {
        return up_str_chr((uint8_t)d[i]);
    }
    size_t off = byte_at(s, (size_t)i), k;
    utf8_get((const uint8_t *)d + off, &k);
    return make_sub(d + off, k);
}

// Copies every step-th code point of s from code point `start` (count of
// them) into out, or only measures them when out is NULL; returns the bytes.
static size_t gather(up_obj_t s, up_int_t start, up_int_t step, up_int_t count, char *out) {
    const uint8_t *d = bytes_of(s);
    size_t pos = byte_at(s, (size_t)start), total = 0;
    for (up_int_t k = 0; k < count; k++) {
        size_t len;
        utf8_get(d + pos, &len);
        if (out != NULL) {
            memcpy(out + total, d + pos, len);
        }
        total += len;
        if (k + 1 == count) {
            break;
        }
        // move |step| code points forward or back
        for (up_int_t m = step < 0 ? -step : step; m > 0; m--) {
            if (step > 0) {
                utf8_get(d + pos, &len);
                pos += len;
            } else {
                pos = prev_char(d, pos);
            }
        }
    }
    return total;
}

static up_obj_t slice_resolved(up_obj_t s, up_int_t start, up_int_t step, up_int_t count) {
    if (count <= 0) {
        return EMPTY;
    }
    if (step == 1) {
        size_t from = byte_at(s, (size_t)start);
        size_t to = is_ascii(s) ? (size_t)(start + count) : byte_at(s, (size_t)(start + count));
        return sub_bytes(s, from, to);
    }
    if (count == 1) {
        return up_str_getitem_cint(s, start);
    }
    char *out;
    if (is_ascii(s)) {
        up_obj_t r = up_str_alloc((size_t)count, &out);
        if (r == UP_NULL) {
            return UP_NULL;
        }
        const char *d = up_str_data(s);
        for (up_int_t k = 0; k < count; k++) {
            out[k] = d[start + k * step];
        }
        return up_str_finish(r);
    }
    size_t total = gather(s, start, step, count, NULL);
    up_obj_t r = up_str_alloc(total, &out);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    gather(s, start, step, count, out);
    return up_str_finish(r);
}

up_obj_t up_str_slice(up_obj_t s, up_obj_t start, up_obj_t stop, up_obj_t step) {
    up_int_t b, e, st, count;
    if (up_slice_adjust(start, stop, step, (up_int_t)up_str_len(s), &b, &e, &st, &count) < 0) {
        return UP_NULL;
    }
    return slice_resolved(s, b, st, count);
}

up_obj_t up_str_subscr(up_obj_t self, up_obj_t index, up_obj_t value) {
    if (value != UP_NULL) {
        return UP_NOTIMPL;  // immutable: the generic TypeError
    }
    if (up_is_small(index)) {
        return up_str_getitem_cint(self, up_small_value(index));
    }
    if (up_is_bool(index)) {
        return up_str_getitem_cint(self, index == UP_TRUE);
    }
    if (up_is_int(index)) {
        return up_raise_msg(&up_type_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    if (up_is_slice(index)) {
        up_int_t b, e, st, count;
        if (up_slice_indices(index, (up_int_t)up_str_len(self), &b, &e, &st, &count) < 0) {
            return UP_NULL;
        }
        return slice_resolved(self, b, st, count);
    }
    const up_type_t *t = up_type_of(index);
    if ((t->flags & UP_TF_USER) && up_type_lookup(t, UP_Q(__index__)) != UP_NULL) {
        up_int_t i;
        return arg_int(index, &i) < 0 ? UP_NULL : up_str_getitem_cint(self, i);
    }
    return up_raise_fmt(&up_type_TypeError, "string indices must be integers, not '%T'", index);
}

// ---- iteration ----------------------------------------------------------------------------------

typedef struct {
    up_base_t base;
    up_obj_t str;
    size_t pos;  // byte offset of the next character
} str_iter_t;


static up_obj_t str_iternext(up_obj_t self) {
    str_iter_t *it = (str_iter_t *)self;
    if (it->pos >= up_str_size(it->str)) {
        return UP_STOP;
    }
    const char *p = up_str_data(it->str) + it->pos;
    if ((uint8_t)*p < 0x80) {
        it->pos++;
        return up_str_chr((uint8_t)*p);
    }
    size_t k;
    utf8_get((const uint8_t *)p, &k);
    it->pos += k;
    return up_str_new(p, k);
}

static const up_type_t str_iter_type = {
    .base = {&up_type_type},
    .name = "str_iterator",
    .parent = &up_type_object,
    .flags = UP_TF_ITERATOR,
    .iternext = str_iternext,
};

up_obj_t up_str_getiter(up_obj_t self) {
    str_iter_t *it = up_alloc(sizeof(str_iter_t));
    if (it == NULL) {
        return UP_NULL;
    }
    it->base.type = &str_iter_type;
    it->str = self;
    it->pos = 0;
    return (up_obj_t)it;
}

// ---- the builtin objects for the method table ---------------------------------------------------

#define METHOD(name, min, max, kw) \
    const up_builtin_t up_builtin_str_##name = {{&up_type_builtin}, #name, min, max, kw, up_str_m_##name};

METHOD(capitalize, 1, 1, 0)
METHOD(center, 2, 3, 0)
METHOD(count, 2, 4, 0)
METHOD(encode, 1, 3, 1)
METHOD(expandtabs, 1, 2, 1)
METHOD(endswith, 2, 4, 0)
METHOD(find, 2, 4, 0)
METHOD(index, 2, 4, 0)
METHOD(isalnum, 1, 1, 0)
METHOD(isalpha, 1, 1, 0)
METHOD(isdigit, 1, 1, 0)
METHOD(islower, 1, 1, 0)
METHOD(isspace, 1, 1, 0)
METHOD(isupper, 1, 1, 0)
METHOD(join, 2, 2, 0)
METHOD(ljust, 2, 3, 0)
METHOD(lower, 1, 1, 0)
METHOD(lstrip, 1, 2, 0)
METHOD(partition, 2, 2, 0)
METHOD(replace, 3, 4, 0)
METHOD(rfind, 2, 4, 0)
METHOD(rindex, 2, 4, 0)
METHOD(rjust, 2, 3, 0)
METHOD(rpartition, 2, 2, 0)
METHOD(rsplit, 1, 3, 1)
METHOD(rstrip, 1, 2, 0)
METHOD(split, 1, 3, 1)
METHOD(splitlines, 1, 2, 1)
METHOD(startswith, 2, 4, 0)
METHOD(strip, 1, 2, 0)
METHOD(swapcase, 1, 1, 0)
METHOD(title, 1, 1, 0)
METHOD(upper, 1, 1, 0)
METHOD(zfill, 2, 2, 0)
