// Formatting text: format(value, spec) (up_format) and the format spec
// mini-language for str values; str.format; and printf-style `fmt % args`
// (up_str_mod). Numbers are formatted by up_int_format / up_float_format
// (numformat.c); this file parses the surrounding syntax, fetches the
// arguments and pads.
//
// Format strings are UTF-8: every delimiter ({ } % [ ] . ! :) is ASCII, so
// scanning bytes never splits a character; widths, precisions and error
// positions count code points, as CPython's do.
//
// Output goes into an up_strbuf_t (noscan memory: it only ever holds bytes);
// the objects being formatted stay in locals and argument arrays.
#include "up.h"

UP_ROM_STR(static, empty_str, "");
#define EMPTY ((up_obj_t)&empty_str)

// ---- helpers ------------------------------------------------------------------------

static size_t count_chars(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += ((uint8_t)s[i] & 0xC0) != 0x80;
    }
    return n;
}

// Byte length of the first `chars` code points of s (or all of it).
static size_t prefix_bytes(const char *s, size_t len, size_t chars) {
    size_t i = 0;
    while (i < len && chars > 0) {
        i++;
        while (i < len && ((uint8_t)s[i] & 0xC0) == 0x80) {
            i++;
        }
        chars--;
    }
    return i;
}

static size_t utf8_len(uint8_t lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

static uint32_t utf8_get(const char *p) {
    const uint8_t *s = (const uint8_t *)p;
    switch (utf8_len(s[0])) {
    case 1:
        return s[0];
    case 2:
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    case 3:
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    default:
        return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
               ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
}

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

// count copies of the fl bytes at fill.
static void put_fill(up_printer_t *p, const char *fill, size_t fl, up_int_t count) {
    for (; count > 0; count--) {
        up_printer_write(p, fill, fl);
    }
}

// "0x1f" style hex for error messages.
static const char *hex_text(uint32_t v, char *buf) {
    char tmp[8];
    int n = 0;
    do {
        tmp[n++] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    char *o = buf;
    while (n > 0) {
        *o++ = tmp[--n];
    }
    *o = 0;
    return buf;
}

// Decimal digits at s[*i..len) as a machine int; *i moves past them.
// Returns -1 on overflow, else the number of digits read.
static int read_digits(const char *s, size_t len, size_t *i, up_int_t *out) {
    up_int_t v = 0;
    int n = 0;
    while (*i < len && s[*i] >= '0' && s[*i] <= '9') {
        if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, s[*i] - '0', &v)) {
            return -1;
        }
        (*i)++;
        n++;
    }
    *out = v;
    return n;
}

// ---- format specs for str ------------------------------------------------------------

// A parsed standard format spec: [[fill]align][sign][z][#][0][width]
// [grouping][.precision][type].
typedef struct {
    char fill[4];
    size_t fill_len;
    char align;  // '<' '>' '^' '=' or 0
    char sign;   // '+' '-' ' ' or 0
    bool no_neg_zero;
    bool alt;
    char grouping;  // ',' '_' or 0
    up_int_t width;  // -1 when absent
    up_int_t prec;   // -1 when absent
    uint32_t type;   // code point, 0 when absent
} spec_t;

static bool is_align(char c) {
    return c == '<' || c == '>' || c == '^' || c == '=';
}

static int invalid_grouping(char g, uint32_t type) {
    if (type > 32 && type < 128) {
        up_raise_fmt(&up_type_ValueError, "Cannot specify '%c' with '%c'.", g, (int)type);
    } else {
        char buf[12];
        up_raise_fmt(&up_type_ValueError, "Cannot specify '%c' with '\\x%s'.", g, hex_text(type, buf));
    }
    return -1;
}

// Parses spec as CPython does for a str value (default type 's', default
// alignment '<'); 0 or -1 (ValueError).
static int parse_spec(const char *s, size_t len, spec_t *sp) {
    sp->fill[0] = ' ';
    sp->fill_len = 1;
    sp->align = 0;
    sp->sign = 0;
    sp->no_neg_zero = false;
    sp->alt = false;
    sp->grouping = 0;
    sp->width = -1;
    sp->prec = -1;
    sp->type = 0;
    size_t i = 0;
    bool fill_given = false;
    size_t k = len > 0 ? utf8_len((uint8_t)s[0]) : 0;
    if (len > k && is_align(s[k])) {
        memcpy(sp->fill, s, k);
        sp->fill_len = k;
        sp->align = s[k];
        fill_given = true;
        i = k + 1;
    } else if (len > 0 && is_align(s[0])) {
        sp->align = s[0];
        i = 1;
    }
    if (i < len && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) {
        sp->sign = s[i++];
    }
    if (i < len && s[i] == 'z') {
        sp->no_neg_zero = true;
        i++;
    }
    if (i < len && s[i] == '#') {
        sp->alt = true;
        i++;
    }
    if (!fill_given && i < len && s[i] == '0') {
        sp->fill[0] = '0';
        sp->fill_len = 1;
        i++;  // (for numbers this would also default the alignment to '=')
    }
    int nd = read_digits(s, len, &i, &sp->width);
    if (nd < 0) {
        up_raise_msg(&up_type_ValueError, "Too many decimal digits in format string");
        return -1;
    }
    if (nd == 0) {
        sp->width = -1;
    }
    if (i < len && s[i] == ',') {
        sp->grouping = ',';
        i++;
    }
    if (i < len && s[i] == '_') {
        if (sp->grouping) {
            up_raise_msg(&up_type_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        sp->grouping = '_';
        i++;
    }
    if (i < len && s[i] == ',' && sp->grouping == '_') {
        up_raise_msg(&up_type_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (i < len && s[i] == '.') {
        i++;
        nd = read_digits(s, len, &i, &sp->prec);
        if (nd < 0) {
            up_raise_msg(&up_type_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        if (nd == 0) {
            up_raise_msg(&up_type_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (i < len) {
        if (len - i > utf8_len((uint8_t)s[i])) {
            up_obj_t text = up_str_new(s, len);
            if (text != UP_NULL) {
                up_raise_fmt(&up_type_ValueError, "Invalid format specifier '%q' for object of type 'str'",
                             text);
            }
            return -1;
        }
        sp->type = utf8_get(s + i);
    }
    if (sp->grouping) {
        uint32_t t = sp->type ? sp->type : 's';
        if (!(t == 'd' || t == 'e' || t == 'f' || t == 'g' || t == 'E' || t == 'G' || t == '%' || t == 'F' ||
              (sp->grouping == '_' && (t == 'b' || t == 'o' || t == 'x' || t == 'X')))) {
            return invalid_grouping(sp->grouping, t);
        }
    }
    return 0;
}

// Writes the text (chars code points in len bytes) padded per the spec.
static void put_aligned(up_printer_t *p, const char *text, size_t len, size_t chars, const spec_t *sp,
                        char default_align) {
    up_int_t extra = sp->width > (up_int_t)chars ? sp->width - (up_int_t)chars : 0;
    char align = sp->align ? sp->align : default_align;
    up_int_t left = align == '>' ? extra : align == '^' ? extra / 2 : 0;
    put_fill(p, sp->fill, sp->fill_len, left);
    up_printer_write(p, text, len);
    put_fill(p, sp->fill, sp->fill_len, extra - left);
}

static int unknown_code(uint32_t type, const char *tname) {
    if (type > 32 && type < 128) {
        up_raise_fmt(&up_type_ValueError, "Unknown format code '%c' for object of type '%s'", (int)type, tname);
    } else {
        char buf[12];
        up_raise_fmt(&up_type_ValueError, "Unknown format code '\\x%s' for object of type '%s'",
                     hex_text(type, buf), tname);
    }
    return -1;
}

int up_str_format_spec(up_printer_t *p, up_obj_t s, const char *spec, size_t speclen) {
    spec_t sp;
    if (parse_spec(spec, speclen, &sp) < 0) {
        return -1;
    }
    if (sp.type != 0 && sp.type != 's') {
        return unknown_code(sp.type, "str");
    }
    if (sp.sign) {
        up_raise_msg(&up_type_ValueError, sp.sign == ' ' ? "Space not allowed in string format specifier"
                                                          : "Sign not allowed in string format specifier");
        return -1;
    }
    if (sp.no_neg_zero) {
        up_raise_msg(&up_type_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
        return -1;
    }
    if (sp.alt) {
        up_raise_msg(&up_type_ValueError, "Alternate form (#) not allowed in string format specifier");
        return -1;
    }
    if (sp.align == '=') {
        up_raise_msg(&up_type_ValueError, "'=' alignment not allowed in string format specifier");
        return -1;
    }
    const char *text = up_str_data(s);
    size_t len = up_str_size(s), chars = up_str_len(s);
    if (sp.prec >= 0 && (size_t)sp.prec < chars) {
        len = prefix_bytes(text, len, (size_t)sp.prec);
        chars = (size_t)sp.prec;
    }
    put_aligned(p, text, len, chars, &sp, '<');
    return 0;
}

// ---- format() ---------------------------------------------------------------------------

// Without formatting (UP_CFG_FORMAT=0, see config.h) a format spec for a
// builtin type raises instead.
static int spec_disabled(void) {
    up_raise_msg(&up_type_ValueError, "format specs disabled");
    return -1;
}

// format(value, spec) into a printer; spec is spec_len bytes (spec_obj the
// same text as a str, or UP_NULL if not made yet).
static int format_to(up_printer_t *p, up_obj_t v, const char *spec, size_t spec_len, up_obj_t spec_obj) {
    if (up_is_str(v)) {
        if (spec_len == 0) {
            up_printer_write(p, up_str_data(v), up_str_size(v));
            return 0;
        }
        return UP_CFG_FORMAT ? up_str_format_spec(p, v, spec, spec_len) : spec_disabled();
    }
    if (up_is_int(v) || up_is_bool(v)) {
        if (spec_len == 0) {
            return up_print_obj(p, v, UP_PRINT_STR);  // True, not 1
        }
        return UP_CFG_FORMAT ? up_int_format(p, v, spec, spec_len) : spec_disabled();
    }
    if (up_is_float(v)) {
        if (spec_len == 0) {
            return up_print_obj(p, v, UP_PRINT_STR);
        }
        return UP_CFG_FORMAT ? up_float_format(p, up_float_value(v), spec, spec_len) : spec_disabled();
    }
    const up_type_t *t = up_type_of(v);
    if ((t->flags & UP_TF_USER) && up_type_lookup(t, UP_Q(__format__)) != UP_NULL) {
        if (spec_obj == UP_NULL) {
            spec_obj = spec_len ? up_str_new(spec, spec_len) : EMPTY;
            if (spec_obj == UP_NULL) {
                return -1;
            }
        }
        up_obj_t args[2] = {v, spec_obj};
        up_obj_t r = up_call_method(UP_Q(__format__), 2, args, UP_NULL);
        if (r == UP_NULL) {
            return -1;
        }
        if (!up_is_str(r)) {
            up_raise_fmt(&up_type_TypeError, "__format__ must return a str, not %T", r);
            return -1;
        }
        up_printer_write(p, up_str_data(r), up_str_size(r));
        return 0;
    }
    if (spec_len > 0) {
        up_raise_fmt(&up_type_TypeError, "unsupported format string passed to %T.__format__", v);
        return -1;
    }
    return up_print_obj(p, v, UP_PRINT_STR);
}

up_obj_t up_format(up_obj_t value, up_obj_t spec) {
    if (spec != UP_NULL && !up_is_str(spec)) {
        return up_raise_fmt(&up_type_TypeError, "format() argument 2 must be str, not %T", spec);
    }
    size_t spec_len = spec == UP_NULL ? 0 : up_str_size(spec);
    if (spec_len == 0 && (up_is_str(value) || up_is_int(value))) {
        return up_obj_str(value);
    }
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    if (format_to(&sb.base, value, spec_len ? up_str_data(spec) : "", spec_len, spec) < 0) {
        up_free(sb.buf);
        return UP_NULL;
    }
    return up_strbuf_finish(&sb);
}

// ---- str.format -------------------------------------------------------------------------

typedef struct {
    const up_obj_t *args;    // positional arguments (after self)
    size_t nargs;
    const up_obj_t *kwvals;  // keyword values, named by kwnames
    up_obj_t kwnames;        // tuple of str or UP_NULL
    int numbering;           // how fields are numbered so far
    size_t next_auto;        // the next automatic field number
} fmt_ctx_t;

enum { NUM_INIT, NUM_AUTO, NUM_MANUAL };

static int value_error(const char *msg) {
    up_raise_msg(&up_type_ValueError, msg);
    return -1;
}

// All decimal digits (and at least one)? Returns 1 with *out set, 0 if
// not a number, -1 on overflow (ValueError).
static int field_number(const char *s, size_t len, up_int_t *out) {
    if (len == 0) {
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    size_t i = 0;
    if (read_digits(s, len, &i, out) < 0) {
        return value_error("Too many decimal digits in format string");
    }
    return 1;
}

static up_obj_t raise_key_error(const char *name, size_t len) {
    up_obj_t key = up_str_new(name, len);
    if (key == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t exc = up_exc_new(&up_type_KeyError, 1, &key);
    return exc == UP_NULL ? UP_NULL : up_raise(exc);
}

// The object a field name ("0", "", "name", "0.attr[key][1]") refers to.
static up_obj_t field_value(fmt_ctx_t *ctx, const char *s, size_t len) {
    size_t first = 0;
    while (first < len && s[first] != '.' && s[first] != '[') {
        first++;
    }
    up_int_t index = -1;
    int numeric = field_number(s, first, &index);
    if (numeric < 0) {
        return UP_NULL;
    }
    up_obj_t obj;
    if (first == 0 || numeric) {
        int want = first == 0 ? NUM_AUTO : NUM_MANUAL;
        if (ctx->numbering == NUM_INIT) {
            ctx->numbering = want;
        } else if (ctx->numbering != want) {
            value_error(want == NUM_AUTO
                            ? "cannot switch from manual field specification to automatic field numbering"
                            : "cannot switch from automatic field numbering to manual field specification");
            return UP_NULL;
        }
        if (first == 0) {
            index = (up_int_t)ctx->next_auto++;
        }
        if ((size_t)index >= ctx->nargs) {
            return up_raise_fmt(&up_type_IndexError,
                                "Replacement index %d out of range for positional args tuple", index);
        }
        obj = ctx->args[index];
    } else {
        obj = UP_NULL;
        if (ctx->kwnames != UP_NULL) {
            const up_tuple_t *kw = (const up_tuple_t *)ctx->kwnames;
            for (size_t i = 0; i < kw->len; i++) {
                up_obj_t name = kw->items[i];
                if (up_str_size(name) == first && memcmp(up_str_data(name), s, first) == 0) {
                    obj = ctx->kwvals[i];
                    break;
                }
            }
        }
        if (obj == UP_NULL) {
            return raise_key_error(s, first);
        }
    }
    // .attr and [key] parts
    size_t i = first;
    while (i < len) {
        char c = s[i++];
        size_t start = i;
        if (c == '.') {
            while (i < len && s[i] != '.' && s[i] != '[') {
                i++;
            }
        } else if (c == '[') {
            while (i < len && s[i] != ']') {
                i++;
            }
            if (i == len) {
                value_error("Missing ']' in format string");
                return UP_NULL;
            }
        } else {
            value_error("Only '.' or '[' may follow ']' in format field specifier");
            return UP_NULL;
        }
        size_t end = i;
        if (c == '[') {
            i++;  // past ']'
        }
        if (end == start) {
            value_error("Empty attribute in format string");
            return UP_NULL;
        }
        up_int_t k;
        int num = c == '[' ? field_number(s + start, end - start, &k) : 0;
        if (num < 0) {
            return UP_NULL;
        }
        up_obj_t key = num ? up_int_from_cint(k) : up_str_new(s + start, end - start);
        if (key == UP_NULL) {
            return UP_NULL;
        }
        obj = c == '.' ? up_getattr(obj, key) : up_getitem(obj, key);
        if (obj == UP_NULL) {
            return UP_NULL;
        }
    }
    return obj;
}

static int render(up_strbuf_t *sb, const char *s, size_t len, fmt_ctx_t *ctx, int depth);

// One replacement field: name, conversion (0 if none), spec (may need
// expanding when it holds fields itself).
static int render_field(up_strbuf_t *sb, fmt_ctx_t *ctx, const char *name, size_t name_len, uint32_t conv,
                        const char *spec, size_t spec_len, bool expand, int depth) {
    up_obj_t obj = field_value(ctx, name, name_len);
    if (obj == UP_NULL) {
        return -1;
    }
    if (conv != 0) {
        if (conv == 'r') {
            obj = up_obj_repr(obj);
        } else if (conv == 's') {
            obj = up_obj_str(obj);
        } else if (conv == 'a') {
            obj = up_obj_ascii(obj);
        } else if (conv > 32 && conv < 127) {
            up_raise_fmt(&up_type_ValueError, "Unknown conversion specifier %c", (int)conv);
            return -1;
        } else {
            char buf[12];
            up_raise_fmt(&up_type_ValueError, "Unknown conversion specifier \\x%s", hex_text(conv, buf));
            return -1;
        }
        if (obj == UP_NULL) {
            return -1;
        }
    }
    up_obj_t spec_obj = UP_NULL;
    if (expand) {
        up_strbuf_t inner;
        up_strbuf_init(&inner);
        if (render(&inner, spec, spec_len, ctx, depth - 1) < 0) {
            up_free(inner.buf);
            return -1;
        }
        spec_obj = up_strbuf_finish(&inner);
        if (spec_obj == UP_NULL) {
            return -1;
        }
        spec = up_str_data(spec_obj);
        spec_len = up_str_size(spec_obj);
    }
    return format_to(&sb->base, obj, spec, spec_len, spec_obj);
}

// Renders the format string s into sb (depth: how many more levels of
// nested fields in specs are allowed).
static int render(up_strbuf_t *sb, const char *s, size_t len, fmt_ctx_t *ctx, int depth) {
    if (depth <= 0) {
        return value_error("Max string recursion exceeded");
    }
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && s[i] != '{' && s[i] != '}') {
            i++;
        }
        up_strbuf_add(sb, s + start, i - start);
        if (i == len) {
            break;
        }
        char c = s[i++];
        if (c == '}') {
            if (i < len && s[i] == '}') {
                up_strbuf_addc(sb, '}');
                i++;
                continue;
            }
            return value_error("Single '}' encountered in format string");
        }
        if (i == len) {
            return value_error("Single '{' encountered in format string");
        }
        if (s[i] == '{') {
            up_strbuf_addc(sb, '{');
            i++;
            continue;
        }
        // the field name runs to '}', ':' or '!' ([...] may hold them)
        size_t name = i;
        char last = 0;
        bool delimited = false;
        while (i < len) {
            last = s[i++];
            if (last == '{') {
                return value_error("unexpected '{' in field name");
            }
            if (last == '[') {
                while (i < len && s[i] != ']') {
                    i++;
                }
                continue;
            }
            if (last == '}' || last == ':' || last == '!') {
                delimited = true;
                break;
            }
        }
        if (!delimited) {
            return value_error("expected '}' before end of string");
        }
        size_t name_len = i - 1 - name;
        uint32_t conv = 0;
        const char *spec = "";
        size_t spec_len = 0;
        bool expand = false;
        if (last != '}') {
            if (last == '!') {
                if (i >= len) {
                    return value_error("end of string while looking for conversion specifier");
                }
                conv = utf8_get(s + i);
                i += utf8_len((uint8_t)s[i]);
                if (i < len) {
                    char c2 = s[i++];
                    if (c2 != '}' && c2 != ':') {
                        return value_error("expected ':' after conversion specifier");
                    }
                    last = c2;
                } else {
                    last = 0;
                }
            }
            if (last != '}') {
                // the spec runs to the matching '}'
                size_t spec_start = i;
                int level = 1;
                while (i < len) {
                    char ch = s[i++];
                    if (ch == '{') {
                        expand = true;
                        level++;
                    } else if (ch == '}' && --level == 0) {
                        break;
                    }
                }
                if (level != 0) {
                    return value_error("unmatched '{' in format spec");
                }
                spec = s + spec_start;
                spec_len = i - 1 - spec_start;
            }
        }
        if (render_field(sb, ctx, s + name, name_len, conv, spec, spec_len, expand, depth) < 0) {
            return -1;
        }
    }
    return 0;
}

up_obj_t up_str_m_format(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    size_t npos = up_npos(n, kwnames);
    fmt_ctx_t ctx = {args + 1, npos - 1, args + npos, kwnames, NUM_INIT, 0};
    up_obj_t fmt = args[0];
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    if (render(&sb, up_str_data(fmt), up_str_size(fmt), &ctx, 2) < 0) {
        up_free(sb.buf);
        return UP_NULL;
    }
    return up_strbuf_finish(&sb);
}

const up_builtin_t up_builtin_str_format = {{&up_type_builtin}, "format", 1, UP_ARGS_ANY, 1, up_str_m_format};

// ---- printf-style formatting: fmt % args ------------------------------------------------------

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
    up_obj_t args;    // the tuple, the single value, or the value of the last %(key)
    up_int_t arglen;  // tuple length, or -1 for a single value
    up_int_t argidx;  // next tuple index; -2 before a single value is used, -1 after
    up_obj_t dict;    // the mapping for %(key), or UP_NULL
} mod_ctx_t;

static up_obj_t next_arg(mod_ctx_t *c) {
    if (c->argidx < c->arglen) {
        up_int_t i = c->argidx++;
        return c->arglen < 0 ? c->args : up_tuple_item(c->args, (size_t)i);
    }
    return up_raise_msg(&up_type_TypeError, "not enough arguments for format string");
}

// Writes sign + prefix + body with width/flags applied; zero padding goes
// between the prefix and the body, as C's printf.
static void put_number(up_printer_t *p, const char *sign, const char *prefix, const char *body, size_t body_len,
                       int flags, up_int_t width) {
    size_t sl = strlen(sign), pl = strlen(prefix);
    up_int_t extra = width - (up_int_t)(sl + pl + count_chars(body, body_len));
    if (extra > 0 && !(flags & (F_LJUST | F_ZERO))) {
        put_fill(p, " ", 1, extra);
    }
    up_printer_write(p, sign, sl);
    up_printer_write(p, prefix, pl);
    if (extra > 0 && (flags & F_ZERO) && !(flags & F_LJUST)) {
        put_fill(p, "0", 1, extra);
    }
    up_printer_write(p, body, body_len);
    if (extra > 0 && (flags & F_LJUST)) {
        put_fill(p, " ", 1, extra);
    }
}

// %d %i %u %x %X %o of an int object.
static int mod_int(up_printer_t *p, up_obj_t v, uint32_t conv, int flags, up_int_t width, up_int_t prec) {
    int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
    bool neg = up_int_sign(v) < 0;
    char small[72];
    const char *digits;
    size_t nd;
    if (up_is_small(v)) {
        up_int_t x = up_small_value(v);
        uintptr_t u = x < 0 ? -(uintptr_t)x : (uintptr_t)x;
        char *e = small + sizeof small, *d = e;
        do {
            *--d = "0123456789abcdef"[u % (unsigned)base];
            u /= (unsigned)base;
        } while (u);
        digits = d;
        nd = (size_t)(e - d);
    } else {
        up_obj_t text = up_int_to_str_base(v, base, "");
        if (text == UP_NULL) {
            return -1;
        }
        digits = up_str_data(text) + neg;  // skip the sign
        nd = up_str_size(text) - neg;
    }
    char *buf = NULL;
    size_t total = nd;
    if (prec > (up_int_t)nd || conv == 'X') {
        total = prec > (up_int_t)nd ? (size_t)prec : nd;
        buf = up_alloc_noscan(total);
        if (buf == NULL) {
            return -1;
        }
        memset(buf, '0', total - nd);
        for (size_t i = 0; i < nd; i++) {
            char c = digits[i];
            buf[total - nd + i] = conv == 'X' && c >= 'a' ? (char)(c - 32) : c;
        }
        digits = buf;
    }
    const char *sign = neg ? "-" : (flags & F_SIGN) ? "+" : (flags & F_BLANK) ? " " : "";
    const char *prefix = "";
    if (flags & F_ALT) {
        prefix = conv == 'o' ? "0o" : conv == 'x' ? "0x" : conv == 'X' ? "0X" : "";
    }
    put_number(p, sign, prefix, digits, total, flags, width);
    up_free(buf);
    return 0;
}

// %e %E %f %F %g %G: the digits come from up_float_format, the padding
// from put_number (so '%010f' % -inf is '-000000inf', as CPython).
static int mod_float(up_printer_t *p, up_float_t v, uint32_t conv, int flags, up_int_t width, up_int_t prec) {
    char spec[32];
    size_t k = 0;
    if (flags & F_SIGN) {
        spec[k++] = '+';
    } else if (flags & F_BLANK) {
        spec[k++] = ' ';
    }
    if (flags & F_ALT) {
        spec[k++] = '#';
    }
    spec[k++] = '.';
    char digits[24];
    int nd = 0;
    up_int_t pr = prec < 0 ? 6 : prec;
    do {
        digits[nd++] = (char)('0' + pr % 10);
        pr /= 10;
    } while (pr);
    while (nd > 0) {
        spec[k++] = digits[--nd];
    }
    spec[k++] = (char)conv;
    spec[k] = 0;
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    if (up_float_format(&sb.base, v, spec, k) < 0 || sb.failed) {
        up_free(sb.buf);
        if (sb.failed) {
            up_raise_memory_error();
        }
        return -1;
    }
    const char *text = sb.buf ? sb.buf : "";
    size_t len = sb.len;
    char sign[2] = {0, 0};
    if (len > 0 && (text[0] == '-' || text[0] == '+' || text[0] == ' ')) {
        sign[0] = text[0];
        text++;
        len--;
    }
    put_number(p, sign, "", text, len, flags, width);
    up_free(sb.buf);
    return 0;
}

// The int a user object stands for through __index__ (or, when allowed,
// __int__); UP_NOTIMPL when it has neither.
static up_obj_t user_int(up_obj_t v, bool allow_int) {
    const up_type_t *t = up_type_of(v);
    if (!(t->flags & UP_TF_USER)) {
        return UP_NOTIMPL;
    }
    up_obj_t name = UP_Q(__index__);
    if (up_type_lookup(t, name) == UP_NULL) {
        name = UP_Q(__int__);
        if (!allow_int || up_type_lookup(t, name) == UP_NULL) {
            return UP_NOTIMPL;
        }
    }
    up_obj_t r = up_call_method(name, 1, &v, UP_NULL);
    if (r != UP_NULL && !up_is_int(r) && !up_is_bool(r)) {
        return up_raise_fmt(&up_type_TypeError, "%q returned non-int (type %T)", name, r);
    }
    return r;
}

// One conversion of a value.
static int mod_convert(up_printer_t *p, up_obj_t v, uint32_t conv, int flags, up_int_t width, up_int_t prec) {
    switch (conv) {
    case 's':
    case 'r':
    case 'a': {
        up_obj_t s = conv == 's' ? up_obj_str(v) : conv == 'r' ? up_obj_repr(v) : up_obj_ascii(v);
        if (s == UP_NULL) {
            return -1;
        }
        const char *text = up_str_data(s);
        size_t len = up_str_size(s), chars = up_str_len(s);
        if (prec >= 0 && (size_t)prec < chars) {
            len = prefix_bytes(text, len, (size_t)prec);
            chars = (size_t)prec;
        }
        put_number(p, "", "", text, len, flags & F_LJUST, width);
        return 0;
    }
    case 'c': {
        char buf[4];
        size_t len;
        if (up_is_str(v) && up_str_len(v) == 1) {
            put_number(p, "", "", up_str_data(v), up_str_size(v), flags & F_LJUST, width);
            return 0;
        }
        up_obj_t r = up_is_int(v) || up_is_bool(v) ? v : user_int(v, false);
        if (r == UP_NULL) {
            return -1;
        }
        if (r != UP_NOTIMPL) {
            v = r;
            up_int_t cp = up_is_bool(v) ? v == UP_TRUE : up_is_small(v) ? up_small_value(v) : -1;
            if (cp < 0 || cp > 0x10FFFF) {
                up_raise_msg(&up_type_OverflowError, "%c arg not in range(0x110000)");
                return -1;
            }
            len = utf8_put((uint32_t)cp, buf);
            put_number(p, "", "", buf, len, flags & F_LJUST, width);
            return 0;
        }
        up_raise_msg(&up_type_TypeError, "%c requires int or char");
        return -1;
    }
    case 'd':
    case 'i':
    case 'u':
        if (up_is_float(v)) {
            v = up_float_to_int(up_float_value(v));
            if (v == UP_NULL) {
                return -1;
            }
        } else if (!up_is_int(v) && !up_is_bool(v)) {
            up_obj_t r = user_int(v, true);
            if (r == UP_NOTIMPL) {
                up_raise_fmt(&up_type_TypeError, "%%%c format: a real number is required, not %T", (int)conv, v);
                return -1;
            }
            if (r == UP_NULL) {
                return -1;
            }
            v = r;
        }
        break;
    case 'x':
    case 'X':
    case 'o':
        if (!up_is_int(v) && !up_is_bool(v)) {
            up_obj_t r = user_int(v, false);
            if (r == UP_NOTIMPL) {
                up_raise_fmt(&up_type_TypeError, "%%%c format: an integer is required, not %T", (int)conv, v);
                return -1;
            }
            if (r == UP_NULL) {
                return -1;
            }
            v = r;
        }
        break;
    default: {  // e E f F g G
        if (!UP_CFG_FLOAT) {
            UP_FLOAT_DISABLED();
            return -1;
        }
        up_float_t f;
        if (up_float_coerce(v, &f) < 0) {
            return -1;
        }
        return mod_float(p, f, conv, flags, width, prec);
    }
    }
    if (up_is_bool(v)) {
        v = up_small(v == UP_TRUE);
    }
    return mod_int(p, v, conv, flags, width, prec);
}

// A `*` width or precision from the arguments.
static int star_arg(mod_ctx_t *c, up_int_t *out) {
    up_obj_t v = next_arg(c);
    if (v == UP_NULL) {
        return -1;
    }
    if (up_is_small(v)) {
        *out = up_small_value(v);
        return 0;
    }
    if (up_is_bool(v)) {
        *out = v == UP_TRUE;
        return 0;
    }
    if (up_is_int(v)) {
        up_raise_msg(&up_type_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    up_raise_msg(&up_type_TypeError, "* wants int");
    return -1;
}

// Is o usable as the mapping of %(key)s (as PyMapping_Check, but not a
// tuple or str)?
static bool is_mapping(up_obj_t o) {
    if (up_is_str(o) || up_is_tuple(o) || up_is_small(o)) {
        return false;
    }
    const up_type_t *t = up_type_of(o);
    if (t->flags & UP_TF_USER) {
        return up_type_lookup(t, UP_Q(__getitem__)) != UP_NULL;
    }
    return t->subscr != NULL;
}

static int mod_incomplete(void) {
    return value_error("incomplete format");
}

// One conversion specification; *i is just past the '%'.
static int mod_spec(up_strbuf_t *sb, mod_ctx_t *c, const char *s, size_t len, size_t *i) {
    size_t j = *i;
    if (s[j] == '(') {
        if (c->dict == UP_NULL) {
            up_raise_msg(&up_type_TypeError, "format requires a mapping");
            return -1;
        }
        size_t start = ++j;
        int level = 1;
        while (j < len) {
            if (s[j] == '(') {
                level++;
            } else if (s[j] == ')' && --level == 0) {
                break;
            }
            j++;
        }
        if (j == len) {
            return value_error("incomplete format key");
        }
        up_obj_t key = up_str_new(s + start, j - start);
        if (key == UP_NULL) {
            return -1;
        }
        up_obj_t v = up_getitem(c->dict, key);
        if (v == UP_NULL) {
            return -1;
        }
        c->args = v;
        c->arglen = -1;
        c->argidx = -2;
        j++;
    }
    int flags = 0;
    for (; j < len; j++) {
        char f = s[j];
        int bit = f == '-' ? F_LJUST : f == '+' ? F_SIGN : f == ' ' ? F_BLANK : f == '#' ? F_ALT : f == '0' ? F_ZERO : 0;
        if (bit == 0) {
            break;
        }
        flags |= bit;
    }
    up_int_t width = -1, prec = -1;
    if (j < len && s[j] == '*') {
        if (star_arg(c, &width) < 0) {
            return -1;
        }
        if (width < 0) {
            flags |= F_LJUST;
            width = -width;
        }
        j++;
    } else if (read_digits(s, len, &j, &width) < 0) {
        return value_error("width too big");
    }
    if (j < len && s[j] == '.') {
        j++;
        if (j < len && s[j] == '*') {
            if (star_arg(c, &prec) < 0) {
                return -1;
            }
            if (prec < 0) {
                prec = 0;
            }
            j++;
        } else if (read_digits(s, len, &j, &prec) < 0) {
            return value_error("precision too big");
        }
    }
    while (j < len && (s[j] == 'h' || s[j] == 'l' || s[j] == 'L')) {
        j++;
    }
    if (j >= len) {
        return mod_incomplete();
    }
    uint32_t conv = utf8_get(s + j);
    size_t conv_at = j;
    j += utf8_len((uint8_t)s[j]);
    *i = j;
    // (the argument is taken before the conversion is checked, as CPython)
    up_obj_t v = next_arg(c);
    if (v == UP_NULL) {
        return -1;
    }
    if (conv >= 128 || !strchr("sracdiuxXoeEfFgG", (int)conv)) {
        char buf[12];
        up_raise_fmt(&up_type_ValueError, "unsupported format character '%c' (0x%s) at index %d",
                     conv >= 32 && conv <= 126 ? (int)conv : '?', hex_text(conv, buf),
                     (up_int_t)count_chars(s, conv_at));
        return -1;
    }
    return mod_convert(&sb->base, v, conv, flags, width, prec);
}

up_obj_t up_str_mod(up_obj_t fmt, up_obj_t args) {
    mod_ctx_t c = {args, -1, -2, UP_NULL};
    if (up_is_tuple(args)) {
        c.arglen = (up_int_t)up_tuple_len(args);
        c.argidx = 0;
    }
    if (is_mapping(args)) {
        c.dict = args;
    }
    const char *s = up_str_data(fmt);
    size_t len = up_str_size(fmt), i = 0;
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    while (i < len) {
        const char *pct = memchr(s + i, '%', len - i);
        size_t stop = pct ? (size_t)(pct - s) : len;
        up_strbuf_add(&sb, s + i, stop - i);
        i = stop;
        if (i == len) {
            break;
        }
        i++;
        if (i == len) {
            mod_incomplete();
            goto fail;
        }
        if (s[i] == '%') {
            up_strbuf_addc(&sb, '%');
            i++;
            continue;
        }
        if (mod_spec(&sb, &c, s, len, &i) < 0) {
            goto fail;
        }
    }
    if (c.argidx < c.arglen && c.dict == UP_NULL) {
        up_raise_msg(&up_type_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    return up_strbuf_finish(&sb);
fail:
    up_free(sb.buf);
    return UP_NULL;
}
