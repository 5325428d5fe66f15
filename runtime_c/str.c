// str, the core: construction, hashing, equality, ordering, concatenation,
// printing (str and repr), and the string builder. The methods and
// formatting live in strmethods.c and strformat.c.
//
// Invariants: data[len] == 0; nchars counts UTF-8 lead bytes; a heap
// string's hash is computed when it is made, so hash == 0 only for ROM
// strings written in C (their hash is computed on use, never stored).
#include "up.h"

UP_ROM_STR(static, empty_str, "");

uint32_t up_str_hash_bytes(const char *s, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (uint8_t)s[i];
        h *= 16777619u;
    }
    return h == 0 ? 1 : h;
}

static size_t count_chars(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += ((uint8_t)s[i] & 0xC0) != 0x80;
    }
    return n;
}

up_obj_t up_str_alloc(size_t len, char **data) {
    up_str_t *s = up_alloc_noscan(sizeof(up_str_t) + len + 1);
    if (s == NULL) {
        return UP_NULL;
    }
    s->base.type = &up_type_str;
    s->len = (uint32_t)len;
    char *d = (char *)(s + 1);
    d[len] = 0;
    s->data = d;
    *data = d;
    return (up_obj_t)s;
}

up_obj_t up_str_finish(up_obj_t o) {
    up_str_t *s = (up_str_t *)o;
    s->nchars = (uint32_t)count_chars(s->data, s->len);
    s->hash = up_str_hash_bytes(s->data, s->len);
    return o;
}

up_obj_t up_str_new(const char *text, size_t len) {
    char *d;
    up_obj_t s = up_str_alloc(len, &d);
    if (s == UP_NULL) {
        return UP_NULL;
    }
    memcpy(d, text, len);
    return up_str_finish(s);
}

up_obj_t up_str_from_cstr(const char *s) {
    return up_str_new(s, strlen(s));
}

uint32_t up_str_hash(up_obj_t o) {
    const up_str_t *s = (const up_str_t *)o;
    return s->hash ? s->hash : up_str_hash_bytes(s->data, s->len);
}

bool up_str_eq(up_obj_t a, up_obj_t b) {
    if (a == b) {
        return true;
    }
    const up_str_t *x = (const up_str_t *)a, *y = (const up_str_t *)b;
    if (x->len != y->len || (x->hash && y->hash && x->hash != y->hash)) {
        return false;
    }
    return memcmp(x->data, y->data, x->len) == 0;
}

bool up_str_eq_cstr(up_obj_t a, const char *s) {
    size_t n = strlen(s);
    return up_str_size(a) == n && memcmp(up_str_data(a), s, n) == 0;
}

int up_str_compare(up_obj_t a, up_obj_t b) {
    // UTF-8 byte order is code point order.
    size_t la = up_str_size(a), lb = up_str_size(b);
    int c = memcmp(up_str_data(a), up_str_data(b), la < lb ? la : lb);
    if (c == 0) {
        return la < lb ? -1 : la > lb;
    }
    return c < 0 ? -1 : 1;
}

up_obj_t up_str_concat(up_obj_t a, up_obj_t b) {
    size_t la = up_str_size(a), lb = up_str_size(b);
    if (la == 0) {
        return b;
    }
    if (lb == 0) {
        return a;
    }
    char *d;
    up_obj_t s = up_str_alloc(la + lb, &d);
    if (s == UP_NULL) {
        return UP_NULL;
    }
    memcpy(d, up_str_data(a), la);
    memcpy(d + la, up_str_data(b), lb);
    up_str_t *r = (up_str_t *)s;
    r->nchars = ((const up_str_t *)a)->nchars + ((const up_str_t *)b)->nchars;
    r->hash = up_str_hash_bytes(d, la + lb);
    return s;
}

up_obj_t up_str_concat_n(size_t n, const up_obj_t *parts) {
    size_t len = 0, nchars = 0;
    for (size_t i = 0; i < n; i++) {
        len += up_str_size(parts[i]);
        nchars += up_str_len(parts[i]);
    }
    char *d;
    up_obj_t s = up_str_alloc(len, &d);
    if (s == UP_NULL) {
        return UP_NULL;
    }
    for (size_t i = 0; i < n; i++) {
        memcpy(d, up_str_data(parts[i]), up_str_size(parts[i]));
        d += up_str_size(parts[i]);
    }
    up_str_t *r = (up_str_t *)s;
    r->nchars = (uint32_t)nchars;
    r->hash = up_str_hash_bytes(r->data, len);
    return s;
}

// The 128 one-character ASCII strings, in ROM.
static const char ascii_chars[256] =
    "\0\0\1\0\2\0\3\0\4\0\5\0\6\0\7\0\10\0\11\0\12\0\13\0\14\0\15\0\16\0\17\0"
    "\20\0\21\0\22\0\23\0\24\0\25\0\26\0\27\0\30\0\31\0\32\0\33\0\34\0\35\0\36\0\37\0"
    " \0!\0\"\0#\0$\0%\0&\0'\0(\0)\0*\0+\0,\0-\0.\0/\0"
    "0\0001\0002\0003\0004\0005\0006\0007\0008\0009\0:\0;\0<\0=\0>\0?\0"
    "@\0A\0B\0C\0D\0E\0F\0G\0H\0I\0J\0K\0L\0M\0N\0O\0"
    "P\0Q\0R\0S\0T\0U\0V\0W\0X\0Y\0Z\0[\0\\\0]\0^\0_\0"
    "`\0a\0b\0c\0d\0e\0f\0g\0h\0i\0j\0k\0l\0m\0n\0o\0"
    "p\0q\0r\0s\0t\0u\0v\0w\0x\0y\0z\0{\0|\0}\0~\0\177";

#define C1(i) {{&up_type_str}, 0, 1, 1, &ascii_chars[2 * (i)]}
#define C4(i) C1(i), C1(i + 1), C1(i + 2), C1(i + 3)
#define C16(i) C4(i), C4(i + 4), C4(i + 8), C4(i + 12)
static const up_str_t ascii_strs[128] = {
    C16(0), C16(16), C16(32), C16(48), C16(64), C16(80), C16(96), C16(112),
};

up_obj_t up_str_chr(up_int_t cp) {
    if (cp >= 0 && cp < 128) {
        return (up_obj_t)&ascii_strs[cp];
    }
    if (cp < 0 || cp > 0x10FFFF) {
        return up_raise_msg(&up_type_ValueError, "chr() arg not in range(0x110000)");
    }
    char b[4];
    size_t n;
    if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return up_str_new(b, n);
}

// ---- printing ---------------------------------------------------------------

static const char hexdigits[] = "0123456789abcdef";

// Decode one UTF-8 sequence at s (trusted valid); returns its length.
static size_t utf8_decode(const char *s, uint32_t *cp) {
    uint8_t c = (uint8_t)s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xE0) {
        *cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c < 0xF0) {
        *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
          ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
}

// Printable as CPython's str.isprintable for the code points we can judge:
// ASCII controls, DEL and the C1 controls are escaped; other non-ASCII is
// shown as is.
static void repr_escape(up_printer_t *p, uint32_t cp) {
    char buf[10];
    int digits = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
    buf[0] = '\\';
    buf[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int i = 0; i < digits; i++) {
        buf[2 + i] = hexdigits[(cp >> (4 * (digits - 1 - i))) & 0xF];
    }
    up_printer_write(p, buf, (size_t)(2 + digits));
}

int up_str_print(up_printer_t *p, up_obj_t self, int kind) {
    const char *s = up_str_data(self);
    size_t len = up_str_size(self);
    if (kind == UP_PRINT_STR) {
        up_printer_write(p, s, len);
        return 0;
    }
    // repr: single quotes unless the text has ' and no ".
    char q = (memchr(s, '\'', len) && !memchr(s, '"', len)) ? '"' : '\'';
    up_printer_putc(p, q);
    size_t run = 0;  // start of a run of bytes printed as they are
    size_t i = 0;
    while (i < len) {
        uint8_t c = (uint8_t)s[i];
        const char *esc = NULL;
        uint32_t cp = c;
        size_t n = 1;
        if (c >= 0x80) {
            n = utf8_decode(s + i, &cp);
        }
        if (c == (uint8_t)q || c == '\\') {
            esc = c == '\\' ? "\\\\" : (q == '\'' ? "\\'" : "\\\"");
        } else if (c == '\n') {
            esc = "\\n";
        } else if (c == '\r') {
            esc = "\\r";
        } else if (c == '\t') {
            esc = "\\t";
        }
        bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xAD;
        if (esc != NULL || control) {
            up_printer_write(p, s + run, i - run);
            if (esc != NULL) {
                up_printer_puts(p, esc);
            } else {
                repr_escape(p, cp);
            }
            run = i + n;
        }
        i += n;
    }
    up_printer_write(p, s + run, len - run);
    up_printer_putc(p, q);
    return 0;
}

// ---- the string builder ---------------------------------------------------------

static void strbuf_write(up_printer_t *p, const char *s, size_t n) {
    up_strbuf_add((up_strbuf_t *)p, s, n);
}

void up_strbuf_init(up_strbuf_t *sb) {
    sb->base.write = strbuf_write;
    sb->buf = NULL;
    sb->len = 0;
    sb->alloc = 0;
    sb->failed = false;
}

void up_strbuf_add(up_strbuf_t *sb, const char *s, size_t n) {
    if (sb->failed || n == 0) {
        return;
    }
    if (sb->len + n + 1 > sb->alloc) {
        size_t want = sb->alloc ? sb->alloc * 2 : 16;
        while (want < sb->len + n + 1) {
            want *= 2;
        }
        char *nb = sb->buf ? up_realloc(sb->buf, want) : up_alloc_noscan(want);
        if (nb == NULL) {
            sb->failed = true;
            return;
        }
        sb->buf = nb;
        sb->alloc = want;
    }
    memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
}

void up_strbuf_addc(up_strbuf_t *sb, char c) {
    up_strbuf_add(sb, &c, 1);
}

up_obj_t up_strbuf_finish(up_strbuf_t *sb) {
    if (sb->failed) {
        return UP_NULL;
    }
    up_obj_t s = up_str_new(sb->buf ? sb->buf : "", sb->len);
    up_free(sb->buf);
    sb->buf = NULL;
    return s;
}

// ---- str(x), repr(x) ------------------------------------------------------------

static up_obj_t render(up_obj_t o, int kind) {
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    if (up_print_obj(&sb.base, o, kind) < 0) {
        up_free(sb.buf);
        return UP_NULL;
    }
    return up_strbuf_finish(&sb);
}

up_obj_t up_obj_str(up_obj_t o) {
    if (up_is_str(o)) {
        return o;
    }
    return render(o, UP_PRINT_STR);
}

up_obj_t up_obj_repr(up_obj_t o) {
    return render(o, UP_PRINT_REPR);
}

up_obj_t up_obj_ascii(up_obj_t o) {
    up_obj_t r = up_obj_repr(o);
    if (r == UP_NULL || up_str_len(r) == up_str_size(r)) {
        return r;
    }
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    const char *s = up_str_data(r);
    size_t len = up_str_size(r);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, &cp);
        if (cp < 0x80) {
            up_strbuf_addc(&sb, (char)cp);
        } else {
            repr_escape(&sb.base, cp);
        }
        i += n;
    }
    return up_strbuf_finish(&sb);
}

up_obj_t up_str_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (up_check_args("str", n, kwnames, 0, 1) < 0) {
        return UP_NULL;
    }
    if (n == 0) {
        return (up_obj_t)&empty_str;
    }
    return up_obj_str(args[0]);
}
