// bytes: the type (construction, b'...' printing, + * comparisons `in`,
// indexing to ints, slicing, iteration), its methods (UP_BYTES_METHODS),
// and the text codecs used by str.encode and bytes.decode.
//
// Invariants (see bytes.h): str's layout, nchars == len, data[len] == 0, a
// heap object's hash is set when it is made. Methods work on bytes with
// ASCII-only notions of whitespace and case, as CPython's bytes methods.
#include "up.h"

#include "bytes.h"

static const up_str_t empty_bytes = UP_ROM_BYTES_INIT("");
#define EMPTY ((up_obj_t)&empty_bytes)

// ---- construction ----------------------------------------------------------------------

up_obj_t up_bytes_alloc(size_t len, char **data) {
    if (len > UINT32_MAX) {
        return up_raise_msg(&up_type_OverflowError, "bytes object is too long");
    }
    up_str_t *b = up_alloc_noscan(sizeof(up_str_t) + len + 1);
    if (b == NULL) {
        return UP_NULL;
    }
    b->base.type = &up_type_bytes;
    b->len = (uint32_t)len;
    b->nchars = (uint32_t)len;
    char *d = (char *)(b + 1);
    d[len] = 0;
    b->data = d;
    *data = d;
    return (up_obj_t)b;
}

up_obj_t up_bytes_finish(up_obj_t o) {
    up_str_t *b = (up_str_t *)o;
    b->hash = up_str_hash_bytes(b->data, b->len);
    return o;
}

up_obj_t up_bytes_new(const char *data, size_t len) {
    if (len == 0) {
        return EMPTY;
    }
    char *d;
    up_obj_t b = up_bytes_alloc(len, &d);
    if (b == UP_NULL) {
        return UP_NULL;
    }
    memcpy(d, data, len);
    return up_bytes_finish(b);
}

// b[from:to], b itself when that is all of it.
static up_obj_t sub(up_obj_t b, size_t from, size_t to) {
    if (from == 0 && to == up_bytes_len(b)) {
        return b;
    }
    return up_bytes_new(up_bytes_data(b) + from, to - from);
}

up_obj_t up_bytes_concat(up_obj_t a, up_obj_t b) {
    size_t la = up_bytes_len(a), lb = up_bytes_len(b);
    if (la == 0) {
        return b;
    }
    if (lb == 0) {
        return a;
    }
    char *d;
    up_obj_t r = up_bytes_alloc(la + lb, &d);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    memcpy(d, up_bytes_data(a), la);
    memcpy(d + la, up_bytes_data(b), lb);
    return up_bytes_finish(r);
}

up_obj_t up_bytes_repeat(up_obj_t b, up_int_t n) {
    size_t len = up_bytes_len(b);
    if (n <= 0 || len == 0) {
        return EMPTY;
    }
    if (n == 1) {
        return b;
    }
    up_int_t total;
    if (__builtin_mul_overflow((up_int_t)len, n, &total)) {
        return up_raise_msg(&up_type_OverflowError, "repeated bytes are too long");
    }
    char *d;
    up_obj_t r = up_bytes_alloc((size_t)total, &d);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    for (up_int_t i = 0; i < n; i++) {
        memcpy(d + (size_t)i * len, up_bytes_data(b), len);
    }
    return up_bytes_finish(r);
}

// An int argument that must be a byte value (0..255): 0, or -1 raised.
static int byte_value(up_obj_t o, const char *msg, uint8_t *out) {
    if (up_is_bool(o)) {
        *out = o == UP_TRUE;
        return 0;
    }
    if (up_is_int(o)) {
        if (!up_is_small(o) || up_small_value(o) < 0 || up_small_value(o) > 255) {
            up_raise_msg(&up_type_ValueError, msg);
            return -1;
        }
        *out = (uint8_t)up_small_value(o);
        return 0;
    }
    up_raise_fmt(&up_type_TypeError, "'%T' object cannot be interpreted as an integer", o);
    return -1;
}

static up_obj_t from_iterable(up_obj_t src) {
    up_obj_t list = up_list_from_iter(src);
    if (list == UP_NULL) {
        return UP_NULL;
    }
    size_t n = up_list_len(list);
    char *d;
    up_obj_t r = up_bytes_alloc(n, &d);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    for (size_t i = 0; i < n; i++) {
        uint8_t v;
        if (byte_value(((const up_list_t *)list)->items[i], "bytes must be in range(0, 256)", &v) < 0) {
            return UP_NULL;
        }
        d[i] = (char)v;
    }
    return up_bytes_finish(r);
}

// Binds (source, encoding, errors) for bytes(...) and (encoding, errors)
// for decode: out[i] gets names[i] or UP_NULL.
static int bind(const char *fname, size_t npos, const up_obj_t *args, up_obj_t kwnames,
                const char *const *names, size_t nnames, up_obj_t *out) {
    for (size_t i = 0; i < nnames; i++) {
        out[i] = i < npos ? args[i] : UP_NULL;
    }
    if (kwnames == UP_NULL) {
        return 0;
    }
    const up_tuple_t *kw = (const up_tuple_t *)kwnames;
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
            up_raise_fmt(&up_type_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                         names[i], (up_int_t)(i + 1));
            return -1;
        }
        out[i] = args[npos + k];
    }
    return 0;
}

static int check_str_args(const char *fname, const char *const *names, const up_obj_t *a, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (a[i] != UP_NULL && !up_is_str(a[i])) {
            up_raise_fmt(&up_type_TypeError, "%s() argument '%s' must be str, not %T", fname, names[i], a[i]);
            return -1;
        }
    }
    return 0;
}

up_obj_t up_bytes_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    static const char *const names[] = {"source", "encoding", "errors"};
    size_t npos = up_npos(n, kwnames);
    if (n > 3) {
        return up_raise_fmt(&up_type_TypeError, "bytes() takes at most 3 arguments (%d given)", (up_int_t)n);
    }
    up_obj_t a[3];
    if (bind("bytes", npos, args, kwnames, names, 3, a) < 0 || check_str_args("bytes", names + 1, a + 1, 2) < 0) {
        return UP_NULL;
    }
    up_obj_t src = a[0];
    if (src == UP_NULL) {
        if (a[1] != UP_NULL || a[2] != UP_NULL) {
            return up_raise_msg(&up_type_TypeError,
                                a[1] != UP_NULL ? "encoding without a string argument"
                                                : "errors without a string argument");
        }
        return EMPTY;
    }
    if (up_is_str(src)) {
        if (a[1] == UP_NULL) {
            return up_raise_msg(&up_type_TypeError, "string argument without an encoding");
        }
        return up_str_encode(src, a[1], a[2]);
    }
    if (a[1] != UP_NULL || a[2] != UP_NULL) {
        return up_raise_msg(&up_type_TypeError,
                            a[1] != UP_NULL ? "encoding without a string argument"
                                            : "errors without a string argument");
    }
    if (up_is_bytes(src)) {
        return src;
    }
    if (up_is_int(src) || up_is_bool(src)) {
        if (!up_is_small(src) && !up_is_bool(src)) {
            return up_raise_msg(&up_type_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        up_int_t count = up_is_bool(src) ? src == UP_TRUE : up_small_value(src);
        if (count < 0) {
            return up_raise_msg(&up_type_ValueError, "negative count");
        }
        if (count == 0) {
            return EMPTY;
        }
        char *d;
        up_obj_t r = up_bytes_alloc((size_t)count, &d);
        if (r == UP_NULL) {
            return UP_NULL;
        }
        memset(d, 0, (size_t)count);
        return up_bytes_finish(r);
    }
    const up_type_t *t = up_type_of(src);
    if (t->getiter == NULL && !(t->flags & UP_TF_ITERATOR)) {
        return up_raise_fmt(&up_type_TypeError, "cannot convert '%T' object to bytes", src);
    }
    return from_iterable(src);
}

// ---- printing ------------------------------------------------------------------------------

int up_bytes_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;  // str(b) is repr(b)
    const uint8_t *s = (const uint8_t *)up_bytes_data(self);
    size_t len = up_bytes_len(self);
    char q = (memchr(s, '\'', len) && !memchr(s, '"', len)) ? '"' : '\'';
    up_printer_putc(p, 'b');
    up_printer_putc(p, q);
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        char esc[4] = {'\\', 0, 0, 0};
        size_t el = 2;
        if (c == (uint8_t)q || c == '\\') {
            esc[1] = (char)c;
        } else if (c == '\n') {
            esc[1] = 'n';
        } else if (c == '\r') {
            esc[1] = 'r';
        } else if (c == '\t') {
            esc[1] = 't';
        } else if (c < 0x20 || c >= 0x7F) {
            esc[1] = 'x';
            esc[2] = "0123456789abcdef"[c >> 4];
            esc[3] = "0123456789abcdef"[c & 15];
            el = 4;
        } else {
            continue;
        }
        up_printer_write(p, (const char *)s + run, i - run);
        up_printer_write(p, esc, el);
        run = i + 1;
    }
    up_printer_write(p, (const char *)s + run, len - run);
    up_printer_putc(p, q);
    return 0;
}

// ---- searching -------------------------------------------------------------------------------

static ptrdiff_t search(const char *h, size_t from, size_t to, const char *nd, size_t nl) {
    if (to < from + nl) {
        return -1;
    }
    for (size_t i = from; i + nl <= to; i++) {
        if (memcmp(h + i, nd, nl) == 0) {
            return (ptrdiff_t)i;
        }
    }
    return -1;
}

static ptrdiff_t rsearch(const char *h, size_t from, size_t to, const char *nd, size_t nl) {
    if (to < from + nl) {
        return -1;
    }
    for (size_t i = to - nl + 1; i-- > from;) {
        if (memcmp(h + i, nd, nl) == 0) {
            return (ptrdiff_t)i;
        }
    }
    return -1;
}

int up_bytes_contains(up_obj_t b, up_obj_t x) {
    if (up_is_bytes(x)) {
        return search(up_bytes_data(b), 0, up_bytes_len(b), up_bytes_data(x), up_bytes_len(x)) >= 0;
    }
    if (up_is_int(x) || up_is_bool(x)) {
        uint8_t v;
        if (byte_value(x, "byte must be in range(0, 256)", &v) < 0) {
            return -1;
        }
        return memchr(up_bytes_data(b), v, up_bytes_len(b)) != NULL;
    }
    up_raise_fmt(&up_type_TypeError, "a bytes-like object is required, not '%T'", x);
    return -1;
}

// A start/end argument (None, an int; huge ints clamp).
static int slice_index(up_obj_t o, up_int_t *out) {
    if (o == UP_NONE) {
        return 0;
    }
    if (up_is_small(o)) {
        *out = up_small_value(o);
        return 0;
    }
    if (up_is_bool(o)) {
        *out = o == UP_TRUE;
        return 0;
    }
    if (up_is_int(o)) {
        *out = up_int_sign(o) < 0 ? UP_SMALL_MIN : UP_SMALL_MAX;
        return 0;
    }
    up_raise_msg(&up_type_TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
}

// The byte range args[i], args[i+1] (optional start, end) as a slice of b;
// *from may exceed *to.
static int arg_range(up_obj_t b, size_t n, const up_obj_t *args, size_t i, up_int_t *from, up_int_t *to) {
    up_int_t len = (up_int_t)up_bytes_len(b);
    *from = 0;
    *to = len;
    if ((n > i && slice_index(args[i], from) < 0) || (n > i + 1 && slice_index(args[i + 1], to) < 0)) {
        return -1;
    }
    if (*to > len) {
        *to = len;
    } else if (*to < 0) {
        *to = *to + len < 0 ? 0 : *to + len;
    }
    if (*from < 0) {
        *from = *from + len < 0 ? 0 : *from + len;
    }
    return 0;
}

// The needle of find/count/index: bytes, or an int (one byte) stored in buf.
static int needle(up_obj_t x, char *buf, const char **nd, size_t *nl) {
    if (up_is_bytes(x)) {
        *nd = up_bytes_data(x);
        *nl = up_bytes_len(x);
        return 0;
    }
    if (up_is_int(x) || up_is_bool(x)) {
        uint8_t v;
        if (byte_value(x, "byte must be in range(0, 256)", &v) < 0) {
            return -1;
        }
        buf[0] = (char)v;
        *nd = buf;
        *nl = 1;
        return 0;
    }
    up_raise_fmt(&up_type_TypeError, "argument should be integer or bytes-like object, not '%T'", x);
    return -1;
}

static up_obj_t find_common(size_t n, const up_obj_t *args, bool reverse, bool raise) {
    char buf[1];
    const char *nd;
    size_t nl;
    up_int_t from, to;
    if (needle(args[1], buf, &nd, &nl) < 0 || arg_range(args[0], n, args, 2, &from, &to) < 0) {
        return UP_NULL;
    }
    ptrdiff_t at = -1;
    if (to - from >= (up_int_t)nl) {
        at = reverse ? rsearch(up_bytes_data(args[0]), (size_t)from, (size_t)to, nd, nl)
                     : search(up_bytes_data(args[0]), (size_t)from, (size_t)to, nd, nl);
    }
    if (at < 0 && raise) {
        return up_raise_msg(&up_type_ValueError, "subsection not found");
    }
    return up_small(at);
}

up_obj_t up_bytes_m_find(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return find_common(n, args, false, false);
}

up_obj_t up_bytes_m_rfind(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return find_common(n, args, true, false);
}

up_obj_t up_bytes_m_index(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return find_common(n, args, false, true);
}

up_obj_t up_bytes_m_rindex(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return find_common(n, args, true, true);
}

up_obj_t up_bytes_m_count(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    char buf[1];
    const char *nd;
    size_t nl;
    up_int_t from, to;
    if (needle(args[1], buf, &nd, &nl) < 0 || arg_range(args[0], n, args, 2, &from, &to) < 0) {
        return UP_NULL;
    }
    if (to - from < (up_int_t)nl) {
        return up_small(0);
    }
    if (nl == 0) {
        return up_small(to - from + 1);
    }
    up_int_t count = 0;
    for (size_t i = (size_t)from;;) {
        ptrdiff_t at = search(up_bytes_data(args[0]), i, (size_t)to, nd, nl);
        if (at < 0) {
            return up_small(count);
        }
        count++;
        i = (size_t)at + nl;
    }
}

static up_obj_t starts_ends(size_t n, const up_obj_t *args, bool at_end) {
    up_obj_t b = args[0], x = args[1];
    if (!up_is_bytes(x) && !up_is_tuple(x)) {
        return up_raise_fmt(&up_type_TypeError, "%s first arg must be bytes or a tuple of bytes, not %T",
                            at_end ? "endswith" : "startswith", x);
    }
    up_int_t from, to;
    if (arg_range(b, n, args, 2, &from, &to) < 0) {
        return UP_NULL;
    }
    size_t count = up_is_tuple(x) ? up_tuple_len(x) : 1;
    for (size_t i = 0; i < count; i++) {
        up_obj_t p = up_is_tuple(x) ? up_tuple_item(x, i) : x;
        if (!up_is_bytes(p)) {
            return up_raise_fmt(&up_type_TypeError, "a bytes-like object is required, not '%T'", p);
        }
        up_int_t pl = (up_int_t)up_bytes_len(p);
        if (to - from >= pl &&
            memcmp(up_bytes_data(b) + (at_end ? to - pl : from), up_bytes_data(p), (size_t)pl) == 0) {
            return UP_TRUE;
        }
    }
    return UP_FALSE;
}

up_obj_t up_bytes_m_startswith(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return starts_ends(n, args, false);
}

up_obj_t up_bytes_m_endswith(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return starts_ends(n, args, true);
}

// ---- transforming ----------------------------------------------------------------------------

static int need_bytes(up_obj_t x) {
    if (!up_is_bytes(x)) {
        up_raise_fmt(&up_type_TypeError, "a bytes-like object is required, not '%T'", x);
        return -1;
    }
    return 0;
}

static bool is_space(uint8_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2 };

static up_obj_t strip_common(size_t n, const up_obj_t *args, int which) {
    up_obj_t b = args[0];
    up_obj_t chars = n > 1 && args[1] != UP_NONE ? args[1] : UP_NULL;
    if (chars != UP_NULL && need_bytes(chars) < 0) {
        return UP_NULL;
    }
    const uint8_t *d = (const uint8_t *)up_bytes_data(b);
    size_t i = 0, j = up_bytes_len(b);
#define STRIPPED(c) (chars == UP_NULL ? is_space(c) : memchr(up_bytes_data(chars), (c), up_bytes_len(chars)) != NULL)
    while ((which & STRIP_LEFT) && i < j && STRIPPED(d[i])) {
        i++;
    }
    while ((which & STRIP_RIGHT) && j > i && STRIPPED(d[j - 1])) {
        j--;
    }
#undef STRIPPED
    return sub(b, i, j);
}

up_obj_t up_bytes_m_strip(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return strip_common(n, args, STRIP_LEFT | STRIP_RIGHT);
}

up_obj_t up_bytes_m_lstrip(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return strip_common(n, args, STRIP_LEFT);
}

up_obj_t up_bytes_m_rstrip(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return strip_common(n, args, STRIP_RIGHT);
}

static up_obj_t append_sub(up_obj_t list, up_obj_t b, size_t from, size_t to) {
    up_obj_t part = sub(b, from, to);
    if (part == UP_NULL || up_list_append(list, part) < 0) {
        return UP_NULL;
    }
    return list;
}

// split / rsplit: by runs of ASCII whitespace (sep None) or by sep.
static up_obj_t split_common(const char *fname, size_t n, const up_obj_t *args, up_obj_t kwnames, bool reverse) {
    static const char *const names[] = {"sep", "maxsplit"};
    up_obj_t a[2];
    if (bind(fname, up_npos(n, kwnames) - 1, args + 1, kwnames, names, 2, a) < 0) {
        return UP_NULL;
    }
    up_obj_t b = args[0], sep = a[0] == UP_NONE ? UP_NULL : a[0];
    up_int_t maxsplit = -1;
    if (a[1] != UP_NULL) {
        if (!up_is_small(a[1]) && !up_is_bool(a[1])) {
            return up_raise_fmt(&up_type_TypeError, "'%T' object cannot be interpreted as an integer", a[1]);
        }
        maxsplit = up_is_bool(a[1]) ? a[1] == UP_TRUE : up_small_value(a[1]);
    }
    if (maxsplit < 0) {
        maxsplit = UP_SMALL_MAX;
    }
    if (sep != UP_NULL) {
        if (need_bytes(sep) < 0) {
            return UP_NULL;
        }
        if (up_bytes_len(sep) == 0) {
            return up_raise_msg(&up_type_ValueError, "empty separator");
        }
    }
    up_obj_t list = up_list_new(0);
    if (list == UP_NULL) {
        return UP_NULL;
    }
    const uint8_t *d = (const uint8_t *)up_bytes_data(b);
    size_t i = 0, j = up_bytes_len(b);
    if (sep == UP_NULL) {
        // trim the side splitting starts from; each round takes one word
        for (;;) {
            if (!reverse) {
                while (i < j && is_space(d[i])) {
                    i++;
                }
            } else {
                while (j > i && is_space(d[j - 1])) {
                    j--;
                }
            }
            if (i == j) {
                break;
            }
            if (maxsplit-- == 0) {
                if (append_sub(list, b, i, j) == UP_NULL) {
                    return UP_NULL;
                }
                break;
            }
            size_t k = reverse ? j : i;
            if (!reverse) {
                while (k < j && !is_space(d[k])) {
                    k++;
                }
                if (append_sub(list, b, i, k) == UP_NULL) {
                    return UP_NULL;
                }
                i = k;
            } else {
                while (k > i && !is_space(d[k - 1])) {
                    k--;
                }
                if (append_sub(list, b, k, j) == UP_NULL) {
                    return UP_NULL;
                }
                j = k;
            }
        }
    } else {
        const char *sd = up_bytes_data(sep);
        size_t sl = up_bytes_len(sep);
        for (; maxsplit > 0; maxsplit--) {
            ptrdiff_t at = reverse ? rsearch((const char *)d, i, j, sd, sl) : search((const char *)d, i, j, sd, sl);
            if (at < 0) {
                break;
            }
            if (!reverse) {
                if (append_sub(list, b, i, (size_t)at) == UP_NULL) {
                    return UP_NULL;
                }
                i = (size_t)at + sl;
            } else {
                if (append_sub(list, b, (size_t)at + sl, j) == UP_NULL) {
                    return UP_NULL;
                }
                j = (size_t)at;
            }
        }
        if (append_sub(list, b, i, j) == UP_NULL) {
            return UP_NULL;
        }
    }
    if (reverse) {
        up_list_t *l = (up_list_t *)list;
        for (size_t x = 0, y = l->len; x + 1 < y; x++, y--) {
            up_obj_t t = l->items[x];
            l->items[x] = l->items[y - 1];
            l->items[y - 1] = t;
        }
    }
    return list;
}

up_obj_t up_bytes_m_split(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return split_common("split", n, args, kwnames, false);
}

up_obj_t up_bytes_m_rsplit(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return split_common("rsplit", n, args, kwnames, true);
}

up_obj_t up_bytes_m_join(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    up_obj_t sep = args[0];
    up_obj_t it = up_getiter(args[1]);
    if (it == UP_NULL) {
        if (up_exc_type(up_exc_pending) == &up_type_TypeError) {
            up_exc_fetch();
            up_raise_msg(&up_type_TypeError, "can only join an iterable");
        }
        return UP_NULL;
    }
    up_obj_t list = up_list_from_iter(it);
    if (list == UP_NULL) {
        return UP_NULL;
    }
    const up_obj_t *items = ((const up_list_t *)list)->items;
    size_t count = up_list_len(list), total = 0, sl = up_bytes_len(sep);
    for (size_t i = 0; i < count; i++) {
        if (!up_is_bytes(items[i])) {
            return up_raise_fmt(&up_type_TypeError, "sequence item %d: expected a bytes-like object, %T found",
                                (up_int_t)i, items[i]);
        }
        total += up_bytes_len(items[i]) + (i > 0 ? sl : 0);
    }
    char *d;
    up_obj_t r = up_bytes_alloc(total, &d);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    for (size_t i = 0; i < count; i++) {
        if (i > 0) {
            memcpy(d, up_bytes_data(sep), sl);
            d += sl;
        }
        memcpy(d, up_bytes_data(items[i]), up_bytes_len(items[i]));
        d += up_bytes_len(items[i]);
    }
    return up_bytes_finish(r);
}

up_obj_t up_bytes_m_replace(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_obj_t b = args[0], old = args[1], new = args[2];
    if (need_bytes(old) < 0 || need_bytes(new) < 0) {
        return UP_NULL;
    }
    up_int_t maxcount = -1;
    if (n > 3) {
        if (!up_is_small(args[3]) && !up_is_bool(args[3])) {
            return up_raise_fmt(&up_type_TypeError, "'%T' object cannot be interpreted as an integer", args[3]);
        }
        maxcount = up_is_bool(args[3]) ? args[3] == UP_TRUE : up_small_value(args[3]);
    }
    if (maxcount < 0) {
        maxcount = UP_SMALL_MAX;
    }
    const char *d = up_bytes_data(b), *od = up_bytes_data(old);
    size_t len = up_bytes_len(b), ol = up_bytes_len(old), nl = up_bytes_len(new);
    // Two passes: measure, then build. An empty `old` matches before every
    // byte and at the end.
    size_t out_len = 0;
    char *out = NULL;
    up_obj_t r = UP_NULL;
    for (int pass = 0; pass < 2; pass++) {
        size_t i = 0, o = 0;
        up_int_t done = 0;
        while (done < maxcount) {
            ptrdiff_t at = ol == 0 ? (i <= len ? (ptrdiff_t)i : -1) : search(d, i, len, od, ol);
            if (at < 0) {
                break;
            }
            if (out != NULL) {
                memcpy(out + o, d + i, (size_t)at - i);
                memcpy(out + o + ((size_t)at - i), up_bytes_data(new), nl);
            }
            o += (size_t)at - i + nl;
            i = (size_t)at + ol;
            done++;
            if (ol == 0 && i < len) {
                // copy the byte the empty match stood before
                if (out != NULL) {
                    out[o] = d[i];
                }
                o++;
                i++;
            } else if (ol == 0) {
                i = len + 1;
            }
        }
        if (pass == 0 && done == 0) {
            return b;
        }
        size_t rest = i < len ? len - i : 0;
        if (out != NULL) {
            memcpy(out + o, d + i, rest);
        }
        out_len = o + rest;
        if (pass == 0) {
            r = up_bytes_alloc(out_len, &out);
            if (r == UP_NULL) {
                return UP_NULL;
            }
        }
    }
    return up_bytes_finish(r);
}

static up_obj_t map_case(up_obj_t b, bool upper) {
    size_t len = up_bytes_len(b);
    char *d;
    up_obj_t r = up_bytes_alloc(len, &d);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    const char *s = up_bytes_data(b);
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (upper && c >= 'a' && c <= 'z') {
            c = (char)(c - 32);
        } else if (!upper && c >= 'A' && c <= 'Z') {
            c = (char)(c + 32);
        }
        d[i] = c;
    }
    return up_bytes_finish(r);
}

up_obj_t up_bytes_m_lower(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return map_case(args[0], false);
}

up_obj_t up_bytes_m_upper(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    return map_case(args[0], true);
}

up_obj_t up_bytes_m_hex(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n, (void)kwnames;
    size_t len = up_bytes_len(args[0]);
    char *d;
    up_obj_t r = up_str_alloc(2 * len, &d);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    const uint8_t *s = (const uint8_t *)up_bytes_data(args[0]);
    for (size_t i = 0; i < len; i++) {
        d[2 * i] = "0123456789abcdef"[s[i] >> 4];
        d[2 * i + 1] = "0123456789abcdef"[s[i] & 15];
    }
    return up_str_finish(r);
}

up_obj_t up_bytes_m_decode(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    static const char *const names[] = {"encoding", "errors"};
    up_obj_t a[2];
    if (bind("decode", up_npos(n, kwnames) - 1, args + 1, kwnames, names, 2, a) < 0 ||
        check_str_args("decode", names, a, 2) < 0) {
        return UP_NULL;
    }
    return up_bytes_decode(args[0], a[0], a[1]);
}

// ---- codecs ---------------------------------------------------------------------------------

enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1 };
enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_UNKNOWN };

static const char *const codec_names[] = {"utf-8", "ascii", "latin-1"};

// The codec an encoding name means (CPython's normalisation: case, '-'
// and ' ' as '_'); -1 with LookupError when unknown.
static int codec_lookup(up_obj_t name) {
    if (name == UP_NULL) {
        return CODEC_UTF8;
    }
    static const struct {
        const char *name;
        int codec;
    } aliases[] = {
        {"utf_8", CODEC_UTF8},         {"utf8", CODEC_UTF8},       {"u8", CODEC_UTF8},
        {"utf", CODEC_UTF8},           {"ascii", CODEC_ASCII},     {"us_ascii", CODEC_ASCII},
        {"646", CODEC_ASCII},          {"latin_1", CODEC_LATIN1},  {"latin1", CODEC_LATIN1},
        {"latin", CODEC_LATIN1},       {"l1", CODEC_LATIN1},       {"iso_8859_1", CODEC_LATIN1},
        {"iso8859_1", CODEC_LATIN1},   {"8859", CODEC_LATIN1},     {"cp819", CODEC_LATIN1},
    };
    char norm[16];
    size_t len = up_str_size(name);
    const char *s = up_str_data(name);
    if (len < sizeof norm) {
        for (size_t i = 0; i < len; i++) {
            char c = s[i];
            norm[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (c == '-' || c == ' ') ? '_' : c;
        }
        norm[len] = 0;
        for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
            if (strcmp(norm, aliases[i].name) == 0) {
                return aliases[i].codec;
            }
        }
    }
    up_raise_fmt(&up_type_LookupError, "unknown encoding: %q", name);
    return -1;
}

static int error_mode(up_obj_t errors) {
    if (errors == UP_NULL || up_str_eq_cstr(errors, "strict")) {
        return ERR_STRICT;
    }
    if (up_str_eq_cstr(errors, "ignore")) {
        return ERR_IGNORE;
    }
    if (up_str_eq_cstr(errors, "replace")) {
        return ERR_REPLACE;
    }
    return ERR_UNKNOWN;  // an error only if it is needed (as CPython)
}

static int unknown_handler(up_obj_t errors) {
    up_raise_fmt(&up_type_LookupError, "unknown error handler name '%q'", errors);
    return -1;
}

// "'ascii' codec can't encode character '\xe9' in position 1: ..." (one
// character) or "characters in position 1-2" (a run).
static void encode_error(int codec, uint32_t cp, size_t from, size_t to, const char *reason) {
    if (to - from == 1) {
        char esc[12];
        int digits = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
        esc[0] = '\\';
        esc[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
        for (int i = 0; i < digits; i++) {
            esc[2 + i] = "0123456789abcdef"[(cp >> (4 * (digits - 1 - i))) & 15];
        }
        esc[2 + digits] = 0;
        up_raise_fmt(&up_type_UnicodeError, "'%s' codec can't encode character '%s' in position %d: %s",
                     codec_names[codec], esc, (up_int_t)from, reason);
    } else {
        up_raise_fmt(&up_type_UnicodeError, "'%s' codec can't encode characters in position %d-%d: %s",
                     codec_names[codec], (up_int_t)from, (up_int_t)(to - 1), reason);
    }
}

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
    return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
           (p[3] & 0x3F);
}

// Can code point cp be encoded by the codec? (UTF-8: anything but surrogates.)
static bool encodable(int codec, uint32_t cp) {
    switch (codec) {
    case CODEC_ASCII:
        return cp < 0x80;
    case CODEC_LATIN1:
        return cp < 0x100;
    default:
        return cp < 0xD800 || cp > 0xDFFF;
    }
}

up_obj_t up_str_encode(up_obj_t s, up_obj_t encoding, up_obj_t errors) {
    int codec = codec_lookup(encoding);
    if (codec < 0) {
        return UP_NULL;
    }
    const uint8_t *d = (const uint8_t *)up_str_data(s);
    size_t len = up_str_size(s);
    if (codec == CODEC_UTF8 && up_str_len(s) == len) {
        return up_bytes_new((const char *)d, len);  // ASCII: nothing to check
    }
    // Two passes: measure (or fail), then write.
    int mode = ERR_STRICT;
    char *out = NULL;
    up_obj_t r = UP_NULL;
    for (int pass = 0; pass < 2; pass++) {
        size_t o = 0, pos = 0;
        for (size_t i = 0; i < len; pos++) {
            size_t k;
            uint32_t cp = utf8_get(d + i, &k);
            if (!encodable(codec, cp)) {
                // the run of characters that cannot be encoded
                size_t run_end = pos + 1, j = i + k;
                while (j < len) {
                    size_t k2;
                    uint32_t c2 = utf8_get(d + j, &k2);
                    if (encodable(codec, c2)) {
                        break;
                    }
                    j += k2;
                    run_end++;
                }
                if (pass == 0) {
                    mode = error_mode(errors);
                    if (mode == ERR_UNKNOWN) {
                        unknown_handler(errors);
                        return UP_NULL;
                    }
                    if (mode == ERR_STRICT) {
                        encode_error(codec, cp, pos, run_end,
                                     codec == CODEC_UTF8      ? "surrogates not allowed"
                                     : codec == CODEC_ASCII ? "ordinal not in range(128)"
                                                            : "ordinal not in range(256)");
                        return UP_NULL;
                    }
                }
                if (mode == ERR_REPLACE) {
                    for (size_t c = pos; c < run_end; c++) {
                        if (out != NULL) {
                            out[o] = '?';
                        }
                        o++;
                    }
                }
                pos = run_end - 1;
                i = j;
                continue;
            }
            if (codec == CODEC_UTF8) {
                if (out != NULL) {
                    memcpy(out + o, d + i, k);
                }
                o += k;
            } else {
                if (out != NULL) {
                    out[o] = (char)cp;
                }
                o++;
            }
            i += k;
        }
        if (pass == 0) {
            r = up_bytes_alloc(o, &out);
            if (r == UP_NULL) {
                return UP_NULL;
            }
        }
    }
    return up_bytes_finish(r);
}

// The length of a valid UTF-8 sequence at d[i], or 0 when invalid; then
// *bad gets the length of the maximal invalid prefix and *reason why.
static size_t utf8_check(const uint8_t *d, size_t i, size_t len, size_t *bad, const char **reason) {
    uint8_t c = d[i];
    if (c < 0x80) {
        return 1;
    }
    size_t need;
    uint8_t lo = 0x80, hi = 0xBF;  // range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        *bad = 1;
        *reason = "invalid start byte";
        return 0;
    }
    for (size_t k = 1; k < need; k++) {
        if (i + k >= len) {
            *bad = k;
            *reason = "unexpected end of data";
            return 0;
        }
        uint8_t b = d[i + k];
        if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) {
            *bad = k;
            *reason = "invalid continuation byte";
            return 0;
        }
    }
    return need;
}

static void decode_error(int codec, const uint8_t *d, size_t from, size_t n, const char *reason) {
    if (n == 1) {
        char hex[3] = {"0123456789abcdef"[d[from] >> 4], "0123456789abcdef"[d[from] & 15], 0};
        up_raise_fmt(&up_type_UnicodeError, "'%s' codec can't decode byte 0x%s in position %d: %s",
                     codec_names[codec], hex, (up_int_t)from, reason);
    } else {
        up_raise_fmt(&up_type_UnicodeError, "'%s' codec can't decode bytes in position %d-%d: %s",
                     codec_names[codec], (up_int_t)from, (up_int_t)(from + n - 1), reason);
    }
}

up_obj_t up_bytes_decode(up_obj_t b, up_obj_t encoding, up_obj_t errors) {
    UP_ROM_STR(static, empty_str, "");
    if (up_bytes_len(b) == 0) {
        return (up_obj_t)&empty_str;  // CPython doesn't look the codec up either
    }
    int codec = codec_lookup(encoding);
    if (codec < 0) {
        return UP_NULL;
    }
    const uint8_t *d = (const uint8_t *)up_bytes_data(b);
    size_t len = up_bytes_len(b);
    // Two passes: measure (or fail), then write. Valid UTF-8 and ASCII come
    // out as the same bytes; Latin-1 bytes >= 0x80 take two.
    int mode = ERR_STRICT;
    char *out = NULL;
    up_obj_t r = UP_NULL;
    for (int pass = 0; pass < 2; pass++) {
        size_t o = 0;
        for (size_t i = 0; i < len;) {
            size_t k = 1, bad = 0;
            const char *reason = "ordinal not in range(128)";
            if (codec == CODEC_UTF8) {
                k = utf8_check(d, i, len, &bad, &reason);
            } else if (d[i] >= 0x80) {
                if (codec == CODEC_ASCII) {
                    k = 0;
                    bad = 1;
                } else {
                    if (out != NULL) {
                        out[o] = (char)(0xC0 | (d[i] >> 6));
                        out[o + 1] = (char)(0x80 | (d[i] & 0x3F));
                    }
                    o += 2;
                    i++;
                    continue;
                }
            }
            if (k == 0) {
                if (pass == 0) {
                    mode = error_mode(errors);
                    if (mode == ERR_UNKNOWN) {
                        unknown_handler(errors);
                        return UP_NULL;
                    }
                    if (mode == ERR_STRICT) {
                        decode_error(codec, d, i, bad, reason);
                        return UP_NULL;
                    }
                }
                if (mode == ERR_REPLACE) {
                    if (out != NULL) {
                        memcpy(out + o, "\xEF\xBF\xBD", 3);  // U+FFFD
                    }
                    o += 3;
                }
                i += bad;
                continue;
            }
            if (out != NULL) {
                memcpy(out + o, d + i, k);
            }
            o += k;
            i += k;
        }
        if (pass == 0) {
            if (o == len && mode == ERR_STRICT) {
                return up_str_new((const char *)d, len);
            }
            r = up_str_alloc(o, &out);
            if (r == UP_NULL) {
                return UP_NULL;
            }
        }
    }
    return up_str_finish(r);
}

// ---- operators ---------------------------------------------------------------------------------

up_obj_t up_bytes_binary_op(int op, up_obj_t a, up_obj_t b) {
    bool ab = up_is_bytes(a), bb = up_is_bytes(b);
    switch (op) {
    case UP_OP_ADD:
    case UP_OP_IADD:
        if (!ab) {
            return UP_NOTIMPL;
        }
        if (!bb) {
            return up_raise_fmt(&up_type_TypeError, "can't concat %T to bytes", b);
        }
        return up_bytes_concat(a, b);
    case UP_OP_MUL:
    case UP_OP_IMUL: {
        up_obj_t seq = ab ? a : b, n = ab ? b : a;
        if (up_is_small(n)) {
            return up_bytes_repeat(seq, up_small_value(n));
        }
        if (up_is_bool(n)) {
            return up_bytes_repeat(seq, n == UP_TRUE);
        }
        if (up_is_int(n)) {
            return up_raise_msg(&up_type_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        if (up_type_of(n)->flags & UP_TF_USER) {
            return UP_NOTIMPL;
        }
        return up_raise_fmt(&up_type_TypeError, "can't multiply sequence by non-int of type '%T'", n);
    }
    case UP_OP_CONTAINS: {
        if (!ab) {
            return UP_NOTIMPL;
        }
        int r = up_bytes_contains(a, b);
        return r < 0 ? UP_NULL : up_bool(r);
    }
    case UP_OP_EQ:
    case UP_OP_NE:
    case UP_OP_LT:
    case UP_OP_LE:
    case UP_OP_GT:
    case UP_OP_GE: {
        if (!ab || !bb) {
            return UP_NOTIMPL;
        }
        size_t la = up_bytes_len(a), lb = up_bytes_len(b);
        int c = memcmp(up_bytes_data(a), up_bytes_data(b), la < lb ? la : lb);
        if (c == 0) {
            c = la < lb ? -1 : la > lb;
        }
        bool r = op == UP_OP_EQ   ? c == 0
                 : op == UP_OP_NE ? c != 0
                 : op == UP_OP_LT ? c < 0
                 : op == UP_OP_LE ? c <= 0
                 : op == UP_OP_GT ? c > 0
                                  : c >= 0;
        return up_bool(r);
    }
    default:
        return UP_NOTIMPL;
    }
}

up_obj_t up_bytes_unary_op(int op, up_obj_t a) {
    switch (op) {
    case UP_UOP_LEN:
        return up_small((up_int_t)up_bytes_len(a));
    case UP_UOP_BOOL:
        return up_bool(up_bytes_len(a) != 0);
    case UP_UOP_HASH:
        return up_small((up_int_t)(up_str_hash(a) & (uint32_t)UP_SMALL_MAX));  // (31-bit small ints on the board)
    default:
        return UP_NOTIMPL;
    }
}

up_obj_t up_bytes_getitem_cint(up_obj_t b, up_int_t i) {
    up_int_t len = (up_int_t)up_bytes_len(b);
    if (i < 0) {
        i += len;
    }
    if (i < 0 || i >= len) {
        return up_raise_msg(&up_type_IndexError, "index out of range");
    }
    return up_small((uint8_t)up_bytes_data(b)[i]);
}

static up_obj_t slice_resolved(up_obj_t b, up_int_t start, up_int_t step, up_int_t count) {
    if (count <= 0) {
        return EMPTY;
    }
    if (step == 1) {
        return sub(b, (size_t)start, (size_t)(start + count));
    }
    char *d;
    up_obj_t r = up_bytes_alloc((size_t)count, &d);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    const char *s = up_bytes_data(b);
    for (up_int_t k = 0; k < count; k++) {
        d[k] = s[start + k * step];
    }
    return up_bytes_finish(r);
}

up_obj_t up_bytes_slice(up_obj_t b, up_obj_t start, up_obj_t stop, up_obj_t step) {
    up_int_t s, e, st, count;
    if (up_slice_adjust(start, stop, step, (up_int_t)up_bytes_len(b), &s, &e, &st, &count) < 0) {
        return UP_NULL;
    }
    return slice_resolved(b, s, st, count);
}

up_obj_t up_bytes_subscr(up_obj_t self, up_obj_t index, up_obj_t value) {
    if (value != UP_NULL) {
        return UP_NOTIMPL;  // immutable: the generic TypeError
    }
    if (up_is_small(index)) {
        return up_bytes_getitem_cint(self, up_small_value(index));
    }
    if (up_is_bool(index)) {
        return up_bytes_getitem_cint(self, index == UP_TRUE);
    }
    if (up_is_int(index)) {
        return up_raise_msg(&up_type_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    if (up_is_slice(index)) {
        up_int_t s, e, st, count;
        if (up_slice_indices(index, (up_int_t)up_bytes_len(self), &s, &e, &st, &count) < 0) {
            return UP_NULL;
        }
        return slice_resolved(self, s, st, count);
    }
    return up_raise_fmt(&up_type_TypeError, "byte indices must be integers or slices, not %T", index);
}

// ---- iteration ----------------------------------------------------------------------------------

typedef struct {
    up_base_t base;
    up_obj_t bytes;
    size_t pos;
} bytes_iter_t;


static up_obj_t bytes_iternext(up_obj_t self) {
    bytes_iter_t *it = (bytes_iter_t *)self;
    if (it->pos >= up_bytes_len(it->bytes)) {
        return UP_STOP;
    }
    return up_small((uint8_t)up_bytes_data(it->bytes)[it->pos++]);
}

static const up_type_t bytes_iter_type = {
    .base = {&up_type_type},
    .name = "bytes_iterator",
    .parent = &up_type_object,
    .flags = UP_TF_ITERATOR,
    .iternext = bytes_iternext,
};

up_obj_t up_bytes_getiter(up_obj_t self) {
    bytes_iter_t *it = up_alloc(sizeof(bytes_iter_t));
    if (it == NULL) {
        return UP_NULL;
    }
    it->base.type = &bytes_iter_type;
    it->bytes = self;
    it->pos = 0;
    return (up_obj_t)it;
}

// ---- the builtin objects for the method table ---------------------------------------------------

#define METHOD(name, min, max, kw) \
    const up_builtin_t up_builtin_bytes_##name = {{&up_type_builtin}, #name, min, max, kw, up_bytes_m_##name};

METHOD(count, 2, 4, 0)
METHOD(decode, 1, 3, 1)
METHOD(endswith, 2, 4, 0)
METHOD(find, 2, 4, 0)
METHOD(hex, 1, 1, 0)
METHOD(index, 2, 4, 0)
METHOD(join, 2, 2, 0)
METHOD(lower, 1, 1, 0)
METHOD(lstrip, 1, 2, 0)
METHOD(replace, 3, 4, 0)
METHOD(rfind, 2, 4, 0)
METHOD(rindex, 2, 4, 0)
METHOD(rsplit, 1, 3, 1)
METHOD(rstrip, 1, 2, 0)
METHOD(split, 1, 3, 1)
METHOD(startswith, 2, 4, 0)
METHOD(strip, 1, 2, 0)
METHOD(upper, 1, 1, 0)
