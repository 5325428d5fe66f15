// str: immutable UTF-8 text (layout up_str_t in obj.h). Literals and the
// names the compiler interns are const objects in ROM; identity comparison
// of two interned names is a pointer compare, and up_str_eq falls back to
// comparing bytes for strings built at run time.
//
// Character positions are code points: indexing and slicing of ASCII
// strings (nchars == len) are O(1), of other strings O(n).
#ifndef UP_STR_H
#define UP_STR_H

#include "obj.h"

// ---- core (str.c) ---------------------------------------------------------

// Defines `storage const up_str_t id`, a ROM str object for an ASCII C
// string literal (hash computed on use). The text is an array of its own:
// a literal would share the file's one string section with every other
// literal in initializers, and one used str would keep them all linked.
#define UP_ROM_STR(storage, id, text)            \
    static const char id##_text[] = text;        \
    storage const up_str_t id = {{&up_type_str}, 0, sizeof(text) - 1, sizeof(text) - 1, id##_text}

// A new heap string of len bytes of UTF-8 (copied); the text is trusted to
// be valid UTF-8.
up_obj_t up_str_new(const char *s, size_t len);
up_obj_t up_str_from_cstr(const char *s);
// A string of len bytes to be filled in by the caller through *data (the
// byte after them is 0). Call up_str_finish when done (it counts chars).
up_obj_t up_str_alloc(size_t len, char **data);
up_obj_t up_str_finish(up_obj_t s);

static inline const char *up_str_data(up_obj_t s) {
    return ((const up_str_t *)s)->data;
}
static inline size_t up_str_size(up_obj_t s) {  // bytes
    return ((const up_str_t *)s)->len;
}
static inline size_t up_str_len(up_obj_t s) {   // code points
    return ((const up_str_t *)s)->nchars;
}

// FNV-1a (32 bit) over the bytes, never 0; the compiler computes the same
// for literals.
uint32_t up_str_hash_bytes(const char *s, size_t len);
uint32_t up_str_hash(up_obj_t s);
bool up_str_eq(up_obj_t a, up_obj_t b);
int up_str_compare(up_obj_t a, up_obj_t b);  // -1, 0, 1 by code point (= byte order in UTF-8)
bool up_str_eq_cstr(up_obj_t a, const char *s);

up_obj_t up_str_concat(up_obj_t a, up_obj_t b);
up_obj_t up_str_concat_n(size_t n, const up_obj_t *parts);  // f-strings; all parts are str
// A one-code-point string: chr(cp) (ValueError out of range); the 128 ASCII
// ones are ROM objects, so iterating over ASCII text allocates nothing.
up_obj_t up_str_chr(up_int_t cp);
int up_str_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_str_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);

// A printer that builds a str (for str(), repr(), format, join...).
typedef struct {
    up_printer_t base;
    char *buf;
    size_t len;
    size_t alloc;
    bool failed;  // an allocation failed: MemoryError is pending
} up_strbuf_t;

void up_strbuf_init(up_strbuf_t *sb);
void up_strbuf_add(up_strbuf_t *sb, const char *s, size_t n);
void up_strbuf_addc(up_strbuf_t *sb, char c);
// Returns the str, or UP_NULL (MemoryError) if anything failed.
up_obj_t up_strbuf_finish(up_strbuf_t *sb);

// ---- operations and methods (strmethods.c, strformat.c) -------------------
// Generic slots for the str type.
up_obj_t up_str_binary_op(int op, up_obj_t a, up_obj_t b);  // + * % comparisons in
up_obj_t up_str_unary_op(int op, up_obj_t a);               // len bool hash
up_obj_t up_str_subscr(up_obj_t self, up_obj_t index, up_obj_t value);
up_obj_t up_str_getiter(up_obj_t self);

// Fast paths the compiler calls directly when it knows the operand types.
up_obj_t up_str_repeat(up_obj_t s, up_int_t n);
up_obj_t up_str_getitem_cint(up_obj_t s, up_int_t i);  // negative i counts from the end
up_obj_t up_str_slice(up_obj_t s, up_obj_t start, up_obj_t stop, up_obj_t step);  // UP_NONE = omitted
int up_str_contains(up_obj_t s, up_obj_t sub);         // 1, 0, -1 (TypeError)
up_obj_t up_str_join(up_obj_t sep, up_obj_t iterable);
up_obj_t up_str_mod(up_obj_t fmt, up_obj_t args);      // fmt % args
// format(value, spec) for any value: dispatches to int/float/str formatting,
// or __format__ of a user class; spec may be UP_NULL (= "").
up_obj_t up_format(up_obj_t value, up_obj_t spec);
// str() of the value as a printer would (used by f-strings)
up_obj_t up_obj_str(up_obj_t o);
up_obj_t up_obj_repr(up_obj_t o);
up_obj_t up_obj_ascii(up_obj_t o);
// format spec for str values ('<', '>', '^', fill, width, precision)
int up_str_format_spec(up_printer_t *p, up_obj_t s, const char *spec, size_t speclen);

// Methods, all with the builtin calling convention (args[0] is self); each
// has a builtin object up_builtin_str_<name> for the type's method table:
//   capitalize center count endswith find format index isalnum isalpha
//   isdigit islower isspace isupper join ljust lower lstrip partition replace
//   rfind rindex rjust rpartition rsplit rstrip split splitlines startswith
//   strip swapcase title upper zfill encode
#define UP_STR_METHODS(X)                                                                 \
    X(capitalize) X(center) X(count) X(encode) X(endswith) X(expandtabs) X(find) X(format) X(index)     \
    X(isalnum) X(isalpha) X(isdigit) X(islower) X(isspace) X(isupper) X(join) X(ljust)   \
    X(lower) X(lstrip) X(partition) X(replace) X(rfind) X(rindex) X(rjust) X(rpartition) \
    X(rsplit) X(rstrip) X(split) X(splitlines) X(startswith) X(strip) X(swapcase)        \
    X(title) X(upper) X(zfill)

#define UP_DECLARE_STR_METHOD(name)                                              \
    up_obj_t up_str_m_##name(size_t n, const up_obj_t *args, up_obj_t kwnames); \
    extern const up_builtin_t up_builtin_str_##name;
UP_STR_METHODS(UP_DECLARE_STR_METHOD)

#endif
