// The builtin functions (abs, len, max, sorted, sum...) with CPython 3.11's
// semantics and error messages, the int()/float() constructors, and the
// argument binding the builtins and the built-in modules share.
//
// Every function checks its own arguments (count and keywords) and raises
// the message CPython gives for that builtin, so compiled code may call
// up_bi_<name> directly; the builtin objects therefore accept any count
// and leave the checking to the function.
#include "up.h"

#include "hal.h"

#define BUILTIN(name) \
    const up_builtin_t up_builtin_##name = {{&up_type_builtin}, #name, 0, UP_ARGS_ANY, 1, up_bi_##name};

// ---- argument checking --------------------------------------------------------

int up_check_nargs(const char *fname, size_t n, up_obj_t kwnames, size_t min, size_t max) {
    if (kwnames) {
        up_raise_fmt(&up_type_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (n >= min && n <= max) {
        return 0;
    }
    const char *how = min == max ? "" : n < min ? "at least " : "at most ";
    size_t want = n < min ? min : max;
    up_raise_fmt(&up_type_TypeError, "%s expected %s%d argument%s, got %d", fname, how, (up_int_t)want,
                 want == 1 ? "" : "s", (up_int_t)n);
    return -1;
}

int up_parse_args(const up_argspec_t *spec, size_t n, const up_obj_t *args, up_obj_t kwnames,
                  up_obj_t *out) {
    size_t npos = up_npos(n, kwnames);
    const char *f = spec->fname;
    if (n > spec->nparams || npos > spec->maxpos) {
        if (spec->maxpos == spec->nparams) {
            up_raise_fmt(&up_type_TypeError, "%s() takes at most %d argument%s (%d given)", f,
                         (up_int_t)spec->nparams, spec->nparams == 1 ? "" : "s", (up_int_t)n);
        } else {
            up_raise_fmt(&up_type_TypeError, "%s() takes %s %d positional argument%s (%d given)", f,
                         spec->maxpos == spec->nrequired ? "exactly" : "at most", (up_int_t)spec->maxpos,
                         spec->maxpos == 1 ? "" : "s", (up_int_t)npos);
        }
        return -1;
    }
    for (size_t i = 0; i < spec->nparams; i++) {
        out[i] = i < npos ? args[i] : UP_NULL;
    }
    // CPython reports missing arguments before unknown or repeated names.
    up_obj_t bad = UP_NULL;
    for (size_t k = npos; k < n; k++) {
        up_obj_t name = up_tuple_item(kwnames, k - npos);
        size_t i = spec->nposonly;
        while (i < spec->nparams && !up_str_eq_cstr(name, spec->names[i])) {
            i++;
        }
        if (i == spec->nparams || out[i] != UP_NULL) {
            bad = bad == UP_NULL ? name : bad;
            continue;
        }
        out[i] = args[k];
    }
    for (size_t i = 0; i < spec->nrequired; i++) {
        if (out[i] != UP_NULL) {
            continue;
        }
        if (i < spec->nposonly) {
            up_raise_fmt(&up_type_TypeError, "%s() takes at least %d positional argument%s (%d given)", f,
                         (up_int_t)spec->nrequired, spec->nrequired == 1 ? "" : "s", (up_int_t)npos);
        } else {
            up_raise_fmt(&up_type_TypeError, "%s() missing required argument '%s' (pos %d)", f,
                         spec->names[i], (up_int_t)i + 1);
        }
        return -1;
    }
    if (bad != UP_NULL) {
        for (size_t i = 0; i < npos; i++) {
            if (up_str_eq_cstr(bad, spec->names[i])) {
                up_raise_fmt(&up_type_TypeError, "argument for %s() given by name ('%q') and position (%d)", f, bad,
                             (up_int_t)i + 1);
                return -1;
            }
        }
        up_raise_fmt(&up_type_TypeError, "'%q' is an invalid keyword argument for %s()", bad, f);
        return -1;
    }
    return 0;
}

// ---- conversions ------------------------------------------------------------------

// A valid UTF-8 sequence at s[0..len): its length, or 0 when s[0] does not
// start one (overlong forms, surrogates and values past U+10FFFF included).
static size_t utf8_valid_seq(const uint8_t *s, size_t len) {
    uint8_t c = s[0];
    size_t need;
    uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
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
        return 0;
    }
    if (len < need || s[1] < lo || s[1] > hi) {
        return 0;
    }
    for (size_t i = 2; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    return need;
}

up_obj_t up_builtins_decode_utf8(const char *text, size_t len) {
    const uint8_t *s = (const uint8_t *)text;
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    size_t run = 0, i = 0;
    while (i < len) {
        size_t k = utf8_valid_seq(s + i, len - i);
        if (k > 0) {
            i += k;
            continue;
        }
        up_strbuf_add(&sb, text + run, i - run);
        up_strbuf_add(&sb, "\xEF\xBF\xBD", 3);  // U+FFFD REPLACEMENT CHARACTER
        i++;
        run = i;
    }
    if (run == 0) {
        up_free(sb.buf);
        return up_str_new(text, len);
    }
    up_strbuf_add(&sb, text + run, len - run);
    return up_strbuf_finish(&sb);
}

// ---- abs, all, any, ascii, bin, oct, hex, callable, chr, ord -----------------------

up_obj_t up_bi_abs(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("abs", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    up_obj_t x = args[0];
    if (up_is_small(x) && x != up_small(UP_SMALL_MIN)) {
        up_int_t v = up_small_value(x);
        return up_small(v < 0 ? -v : v);
    }
    return up_unary_op(UP_UOP_ABS, x);
}
BUILTIN(abs)

// all() (want == 0: stop at the first false item) and any() (want == 1).
static up_obj_t all_any(up_obj_t iterable, int want) {
    up_obj_t it = up_getiter(iterable);
    if (it == UP_NULL) {
        return UP_NULL;
    }
    for (;;) {
        up_obj_t x = up_iternext(it);
        if (x == UP_NULL) {
            return UP_NULL;
        }
        if (x == UP_STOP) {
            return up_bool(!want);
        }
        int t = up_truthy(x);
        if (t < 0) {
            return UP_NULL;
        }
        if (t == want) {
            return up_bool(want);
        }
    }
}

up_obj_t up_bi_all(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("all", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    return all_any(args[0], 0);
}
BUILTIN(all)

up_obj_t up_bi_any(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("any", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    return all_any(args[0], 1);
}
BUILTIN(any)

up_obj_t up_bi_ascii(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("ascii", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    return up_obj_ascii(args[0]);
}
BUILTIN(ascii)

static up_obj_t int_to_base(const char *fname, size_t n, const up_obj_t *args, up_obj_t kwnames, int base,
                            const char *prefix) {
    if (up_check_args(fname, n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    up_obj_t x = up_index_obj(args[0]);
    if (x == UP_NULL) {
        return UP_NULL;
    }
    return up_int_to_str_base(x, base, prefix);
}

up_obj_t up_bi_bin(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return int_to_base("bin", n, args, kwnames, 2, "0b");
}
BUILTIN(bin)

up_obj_t up_bi_oct(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return int_to_base("oct", n, args, kwnames, 8, "0o");
}
BUILTIN(oct)

up_obj_t up_bi_hex(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return int_to_base("hex", n, args, kwnames, 16, "0x");
}
BUILTIN(hex)

up_obj_t up_bi_callable(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("callable", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    return up_bool(up_callable(args[0]));
}
BUILTIN(callable)

up_obj_t up_bi_chr(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("chr", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    up_obj_t x = up_index_obj(args[0]);
    if (x == UP_NULL) {
        return UP_NULL;
    }
    // CPython converts to a C int first.
    if (!up_is_small(x) || up_small_value(x) > INT32_MAX || up_small_value(x) < INT32_MIN) {
        return up_raise_msg(&up_type_OverflowError, "Python int too large to convert to C int");
    }
    return up_str_chr(up_small_value(x));
}
BUILTIN(chr)

up_obj_t up_bi_ord(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("ord", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    up_obj_t x = args[0];
    if (up_type_is(x, &up_type_bytes)) {
        if (up_str_size(x) != 1) {
            return up_raise_fmt(&up_type_TypeError, "ord() expected a character, but string of length %d found",
                                (up_int_t)up_str_size(x));
        }
        return up_small((uint8_t)up_str_data(x)[0]);
    }
    if (!up_is_str(x)) {
        return up_raise_fmt(&up_type_TypeError, "ord() expected string of length 1, but %T found", x);
    }
    if (up_str_len(x) != 1) {
        return up_raise_fmt(&up_type_TypeError, "ord() expected a character, but string of length %d found",
                            (up_int_t)up_str_len(x));
    }
    // One code point: decode its UTF-8 bytes (the str holds valid UTF-8).
    const uint8_t *s = (const uint8_t *)up_str_data(x);
    size_t len = up_str_size(x);
    uint32_t cp = len == 1 ? s[0] : len == 2 ? s[0] & 0x1Fu : len == 3 ? s[0] & 0x0Fu : s[0] & 0x07u;
    for (size_t i = 1; i < len; i++) {
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    return up_small((up_int_t)cp);
}
BUILTIN(ord)

// ---- attributes -------------------------------------------------------------------

static int check_attr_name(up_obj_t name) {
    if (!up_is_str(name)) {
        up_raise_fmt(&up_type_TypeError, "attribute name must be string, not '%T'", name);
        return -1;
    }
    return 0;
}

up_obj_t up_bi_getattr(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("getattr", n, kwnames, 2, 3) < 0 || check_attr_name(args[1]) < 0) {
        return UP_NULL;
    }
    if (n == 3) {
        return up_getattr_default(args[0], args[1], args[2]);
    }
    return up_getattr(args[0], args[1]);
}
BUILTIN(getattr)

up_obj_t up_bi_hasattr(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("hasattr", n, kwnames, 2, 2) < 0 || check_attr_name(args[1]) < 0) {
        return UP_NULL;
    }
    up_obj_t r = up_getattr(args[0], args[1]);
    if (r != UP_NULL) {
        return UP_TRUE;
    }
    if (up_type_derives(up_exc_type(up_exc_pending), &up_type_AttributeError)) {
        up_exc_fetch();
        return UP_FALSE;
    }
    return UP_NULL;
}
BUILTIN(hasattr)

up_obj_t up_bi_setattr(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("setattr", n, kwnames, 3, 3) < 0 || check_attr_name(args[1]) < 0) {
        return UP_NULL;
    }
    return up_setattr(args[0], args[1], args[2]) < 0 ? UP_NULL : UP_NONE;
}
BUILTIN(setattr)

up_obj_t up_bi_delattr(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("delattr", n, kwnames, 2, 2) < 0 || check_attr_name(args[1]) < 0) {
        return UP_NULL;
    }
    return up_delattr(args[0], args[1]) < 0 ? UP_NULL : UP_NONE;
}
BUILTIN(delattr)

// ---- divmod, format, hash, id, len, repr -----------------------------------------

static up_obj_t unbool(up_obj_t o) {
    return up_is_bool(o) ? up_small(o == UP_TRUE) : o;
}

static bool is_real(up_obj_t o) {
    return up_is_int(o) || up_is_bool(o) || up_is_float(o);
}

up_obj_t up_bi_divmod(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("divmod", n, kwnames, 2, 2) < 0) {
        return UP_NULL;
    }
    up_obj_t a = unbool(args[0]), b = unbool(args[1]);
    if (up_is_int(a) && up_is_int(b)) {
        return up_int_divmod(a, b);
    }
    if (UP_CFG_FLOAT && is_real(a) && is_real(b)) {
        up_float_t x, y;
        if (up_float_coerce(a, &x) < 0 || up_float_coerce(b, &y) < 0) {
            return UP_NULL;
        }
        return up_float_divmod(x, y);
    }
    return up_raise_fmt(&up_type_TypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'", a, b);
}
BUILTIN(divmod)

up_obj_t up_bi_format(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("format", n, kwnames, 1, 2) < 0) {
        return UP_NULL;
    }
    up_obj_t spec = n == 2 ? args[1] : UP_NULL;
    if (spec != UP_NULL && !up_is_str(spec)) {
        return up_raise_fmt(&up_type_TypeError, "format() argument 2 must be str, not %T", spec);
    }
    return up_format(args[0], spec);
}
BUILTIN(format)

up_obj_t up_bi_hash(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_int_t h;
    if (up_check_args("hash", n, kwnames, 1, 1) < 0 || up_hash(args[0], &h) < 0) {
        return UP_NULL;
    }
    return up_int_from_cint(h);
}
BUILTIN(hash)

up_obj_t up_bi_id(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("id", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    return up_int_from_u64((uint64_t)args[0]);
}
BUILTIN(id)

up_obj_t up_bi_len(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("len", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    return up_len_obj(args[0]);
}
BUILTIN(len)

up_obj_t up_bi_repr(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("repr", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    return up_obj_repr(args[0]);
}
BUILTIN(repr)

// ---- isinstance, issubclass -------------------------------------------------------

static int subclass_of(const up_type_t *t, up_obj_t cls, const char *err) {
    if (up_is_type(cls)) {
        return cls == (up_obj_t)&up_type_object || up_type_derives(t, (const up_type_t *)cls);
    }
    if (up_is_tuple(cls)) {
        if (up_stack_check() < 0) {
            return -1;
        }
        size_t len = up_tuple_len(cls);
        for (size_t i = 0; i < len; i++) {
            int r = subclass_of(t, up_tuple_item(cls, i), err);
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }
    up_raise_msg(&up_type_TypeError, err);
    return -1;
}

int up_isinstance(up_obj_t o, up_obj_t type_or_tuple) {
    return subclass_of(up_type_of(o), type_or_tuple,
                       "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

up_obj_t up_bi_isinstance(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("isinstance", n, kwnames, 2, 2) < 0) {
        return UP_NULL;
    }
    int r = up_isinstance(args[0], args[1]);
    return r < 0 ? UP_NULL : up_bool(r);
}
BUILTIN(isinstance)

up_obj_t up_bi_issubclass(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("issubclass", n, kwnames, 2, 2) < 0) {
        return UP_NULL;
    }
    if (!up_is_type(args[0])) {
        return up_raise_msg(&up_type_TypeError, "issubclass() arg 1 must be a class");
    }
    int r = subclass_of((const up_type_t *)args[0], args[1],
                        "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return r < 0 ? UP_NULL : up_bool(r);
}
BUILTIN(issubclass)

// ---- iter, next -----------------------------------------------------------------------

up_obj_t up_bi_iter(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("iter", n, kwnames, 1, 2) < 0) {
        return UP_NULL;
    }
    if (n == 1) {
        return up_getiter(args[0]);
    }
    return up_callable_iter_new(args[0], args[1]);
}
BUILTIN(iter)

up_obj_t up_next_default(up_obj_t it, up_obj_t dflt) {
    if (dflt == UP_NULL && up_type_is(it, &up_type_generator)) {
        return up_gen_send(it, UP_NONE);  // StopIteration carries the return value
    }
    up_obj_t r = up_iternext(it);
    if (r != UP_STOP) {
        return r;
    }
    if (dflt != UP_NULL) {
        return dflt;
    }
    return up_raise((up_obj_t)&up_type_StopIteration);
}

up_obj_t up_bi_next(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("next", n, kwnames, 1, 2) < 0) {
        return UP_NULL;
    }
    return up_next_default(args[0], n == 2 ? args[1] : UP_NULL);
}
BUILTIN(next)

// ---- max, min -----------------------------------------------------------------------

// max (op UP_OP_GT) and min (UP_OP_LT): the first item whose key beats all
// earlier ones, so ties keep the first.
static up_obj_t min_max(size_t n, const up_obj_t *args, up_obj_t kwnames, int op, const char *fname) {
    size_t npos = up_npos(n, kwnames);
    up_obj_t key = UP_NULL, dflt = UP_NULL;
    if (n > npos + 2) {
        return up_raise_fmt(&up_type_TypeError, "%s() takes at most 2 keyword arguments (%d given)", fname,
                            (up_int_t)(n - npos));
    }
    for (size_t k = npos; k < n; k++) {
        up_obj_t name = up_tuple_item(kwnames, k - npos);
        if (up_str_eq_cstr(name, "key")) {
            key = args[k];
        } else if (up_str_eq_cstr(name, "default")) {
            dflt = args[k];
        } else {
            return up_raise_fmt(&up_type_TypeError, "'%q' is an invalid keyword argument for %s()", name, fname);
        }
    }
    if (npos == 0) {
        return up_raise_fmt(&up_type_TypeError, "%s expected at least 1 argument, got 0", fname);
    }
    if (npos > 1 && dflt != UP_NULL) {
        return up_raise_fmt(&up_type_TypeError,
                            "Cannot specify a default for %s() with multiple positional arguments", fname);
    }
    if (key == UP_NONE) {
        key = UP_NULL;
    }
    up_obj_t it = UP_NULL;
    if (npos == 1) {
        it = up_getiter(args[0]);
        if (it == UP_NULL) {
            return UP_NULL;
        }
    }
    up_obj_t best = UP_NULL, best_key = UP_NULL;
    for (size_t i = 0;; i++) {
        up_obj_t x;
        if (it != UP_NULL) {
            x = up_iternext(it);
            if (x == UP_NULL) {
                return UP_NULL;
            }
            if (x == UP_STOP) {
                break;
            }
        } else {
            if (i == npos) {
                break;
            }
            x = args[i];
        }
        up_obj_t k = x;
        if (key != UP_NULL) {
            k = up_call1(key, x);
            if (k == UP_NULL) {
                return UP_NULL;
            }
        }
        if (best == UP_NULL) {
            best = x;
            best_key = k;
            continue;
        }
        int c = up_compare_bool(op, k, best_key);
        if (c < 0) {
            return UP_NULL;
        }
        if (c) {
            best = x;
            best_key = k;
        }
    }
    if (best != UP_NULL) {
        return best;
    }
    if (dflt != UP_NULL) {
        return dflt;
    }
    return up_raise_fmt(&up_type_ValueError, "%s() arg is an empty sequence", fname);
}

up_obj_t up_bi_max(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return min_max(n, args, kwnames, UP_OP_GT, "max");
}
BUILTIN(max)

up_obj_t up_bi_min(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return min_max(n, args, kwnames, UP_OP_LT, "min");
}
BUILTIN(min)

// ---- pow, round -----------------------------------------------------------------------

static const char *const pow_names[] = {"base", "exp", "mod"};
static const up_argspec_t pow_spec = {"pow", 3, 0, 3, 2, pow_names};

up_obj_t up_bi_pow(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_obj_t a[3];
    if (up_parse_args(&pow_spec, n, args, kwnames, a) < 0) {
        return UP_NULL;
    }
    if (a[2] == UP_NULL || a[2] == UP_NONE) {
        if (up_is_int(a[0]) && up_is_int(a[1])) {
            return up_int_pow(a[0], a[1]);
        }
        return up_binary_op(UP_OP_POW, a[0], a[1]);
    }
    for (int i = 0; i < 3; i++) {
        a[i] = unbool(a[i]);
        if (!up_is_int(a[i])) {
            return up_raise_msg(&up_type_TypeError,
                                "pow() 3rd argument not allowed unless all arguments are integers");
        }
    }
    return up_int_powmod(a[0], a[1], a[2]);
}
BUILTIN(pow)

static const char *const round_names[] = {"number", "ndigits"};
static const up_argspec_t round_spec = {"round", 2, 0, 2, 1, round_names};

up_obj_t up_bi_round(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_obj_t a[2];
    if (up_parse_args(&round_spec, n, args, kwnames, a) < 0) {
        return UP_NULL;
    }
    up_obj_t x = unbool(a[0]), nd = a[1];
    bool have_nd = nd != UP_NULL && nd != UP_NONE;
    if (!up_is_int(x) && !up_is_float(x)) {
        return up_raise_fmt(&up_type_TypeError, "type %s doesn't define __round__ method", up_type_name(x));
    }
    if (have_nd) {
        nd = up_index_obj(nd);
        if (nd == UP_NULL) {
            return UP_NULL;
        }
    }
    if (up_is_float(x)) {
        return up_float_round(up_float_value(x), have_nd ? nd : UP_NONE);
    }
    if (have_nd && !up_is_small(nd) && up_int_sign(nd) < 0) {
        // 10**-nd exceeds any int that fits in memory: every x rounds to 0.
        return up_small(0);
    }
    return up_int_round(x, have_nd ? nd : UP_NONE);
}
BUILTIN(round)

// ---- print ------------------------------------------------------------------------

UP_ROM_STR(static, name_write, "write");

// Write one piece of print()'s output to a file object other than the
// console streams: file.write(s).
static int file_write(up_obj_t file, up_obj_t s) {
    up_obj_t a[2] = {file, s};
    return up_call_method((up_obj_t)&name_write, 2, a, UP_NULL) == UP_NULL ? -1 : 0;
}

static int print_piece(up_printer_t *p, up_obj_t file, up_obj_t o) {
    if (p != NULL) {
        return up_print_obj(p, o, UP_PRINT_STR);
    }
    up_obj_t s = up_obj_str(o);
    return s == UP_NULL ? -1 : file_write(file, s);
}

static int print_text(up_printer_t *p, up_obj_t file, up_obj_t text, const char *dflt) {
    if (text == UP_NULL || text == UP_NONE) {
        if (p != NULL) {
            up_printer_puts(p, dflt);
            return 0;
        }
        text = up_str_from_cstr(dflt);
        if (text == UP_NULL) {
            return -1;
        }
    }
    return print_piece(p, file, text);
}

up_obj_t up_bi_print(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_obj_t file = up_kwarg(n, args, kwnames, "file");
    if (file == UP_NULL || file == UP_NONE || file == (up_obj_t)&up_sys_stdout_obj) {
        return up_builtin_print_fn(n, args, kwnames);
    }
    size_t npos = up_npos(n, kwnames);
    up_obj_t sep = up_kwarg(n, args, kwnames, "sep");
    up_obj_t end = up_kwarg(n, args, kwnames, "end");
    for (size_t k = npos; k < n; k++) {
        up_obj_t name = up_tuple_item(kwnames, k - npos);
        if (!up_str_eq_cstr(name, "sep") && !up_str_eq_cstr(name, "end") && !up_str_eq_cstr(name, "file") &&
            !up_str_eq_cstr(name, "flush")) {
            return up_raise_fmt(&up_type_TypeError, "'%q' is an invalid keyword argument for print()", name);
        }
    }
    if (sep != UP_NULL && sep != UP_NONE && !up_is_str(sep)) {
        return up_raise_fmt(&up_type_TypeError, "sep must be None or a string, not %T", sep);
    }
    if (end != UP_NULL && end != UP_NONE && !up_is_str(end)) {
        return up_raise_fmt(&up_type_TypeError, "end must be None or a string, not %T", end);
    }
    up_printer_t *p = file == (up_obj_t)&up_sys_stderr_obj ? &up_stderr_printer : NULL;
    for (size_t i = 0; i < npos; i++) {
        if (i > 0 && print_text(p, file, sep, " ") < 0) {
            return UP_NULL;
        }
        if (print_piece(p, file, args[i]) < 0) {
            return UP_NULL;
        }
    }
    return print_text(p, file, end, "\n") < 0 ? UP_NULL : UP_NONE;
}
BUILTIN(print)

// ---- sorted, sum ------------------------------------------------------------------

up_obj_t up_sorted(up_obj_t iterable, up_obj_t key, bool reverse) {
    up_obj_t l = up_list_from_iter(iterable);  // always a new list
    if (l == UP_NULL) {
        return UP_NULL;
    }
    if (up_list_sort(l, key == UP_NULL ? UP_NONE : key, reverse) < 0) {
        return UP_NULL;
    }
    return l;
}

up_obj_t up_bi_sorted(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    size_t npos = up_npos(n, kwnames);
    if (npos != 1) {
        return up_raise_fmt(&up_type_TypeError, "sorted expected 1 argument, got %d", (up_int_t)npos);
    }
    up_obj_t key = UP_NONE;
    bool reverse = false;
    for (size_t k = 1; k < n; k++) {
        up_obj_t name = up_tuple_item(kwnames, k - 1);
        if (up_str_eq_cstr(name, "key")) {
            key = args[k];
        } else if (up_str_eq_cstr(name, "reverse")) {
            up_obj_t r = up_index_obj(args[k]);
            if (r == UP_NULL) {
                return UP_NULL;
            }
            reverse = r != up_small(0);
        } else {
            return up_raise_fmt(&up_type_TypeError, "'%q' is an invalid keyword argument for sort()", name);
        }
    }
    return up_sorted(args[0], key, reverse);
}
BUILTIN(sorted)

static const char *const sum_names[] = {"iterable", "start"};
static const up_argspec_t sum_spec = {"sum", 2, 1, 2, 1, sum_names};

// Adds in order, as CPython 3.11 does. Floats are summed with plain
// addition in up_float_t (CPython 3.12 switched to compensated summation;
// uptc follows 3.11, which is also what MicroPython does). Small ints and
// floats are accumulated without allocating; anything else goes through
// the generic + (lists, user classes...).
up_obj_t up_bi_sum(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_obj_t a[2];
    if (up_parse_args(&sum_spec, n, args, kwnames, a) < 0) {
        return UP_NULL;
    }
    up_obj_t acc = a[1] == UP_NULL ? up_small(0) : a[1];
    if (up_is_str(acc)) {
        return up_raise_msg(&up_type_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    if (up_type_is(acc, &up_type_bytes)) {
        return up_raise_msg(&up_type_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    }
    up_obj_t it = up_getiter(a[0]);
    if (it == UP_NULL) {
        return UP_NULL;
    }
    bool in_float = up_is_float(acc);
    up_float_t f = in_float ? up_float_value(acc) : 0;
    for (;;) {
        up_obj_t x = up_iternext(it);
        if (x == UP_NULL) {
            return UP_NULL;
        }
        if (x == UP_STOP) {
            break;
        }
        if (in_float) {
            if (up_is_float(x)) {
                f += up_float_value(x);
                continue;
            }
            if (up_is_small(x)) {
                f += (up_float_t)up_small_value(x);
                continue;
            }
            acc = up_float_new(f);
            if (acc == UP_NULL) {
                return UP_NULL;
            }
            in_float = false;
        } else if (up_both_small(acc, x)) {
            acc = up_int_add(acc, x);
            if (acc == UP_NULL) {
                return UP_NULL;
            }
            continue;
        }
        acc = up_binary_op(UP_OP_ADD, acc, x);
        if (acc == UP_NULL) {
            return UP_NULL;
        }
        if (up_is_float(acc)) {
            in_float = true;
            f = up_float_value(acc);
        }
    }
    return in_float ? up_float_new(f) : acc;
}
BUILTIN(sum)

