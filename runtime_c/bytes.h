// bytes: immutable byte strings, and the text codecs between str and bytes
// (UTF-8, ASCII, Latin-1; error handlers strict, ignore, replace).
//
// A bytes object has str's layout (up_str_t in obj.h) with type
// up_type_bytes: any byte values, nchars == len, data[len] == 0, and (for
// heap objects) the hash computed at creation -- the same FNV-1a as str, so
// hash(b'ab') == hash('ab') as in CPython. Literals are ROM objects
// (UP_ROM_BYTES_INIT). Not supported: bytearray, memoryview, `%` on bytes.
//
// The codecs raise UnicodeError with CPython's messages for
// UnicodeEncodeError / UnicodeDecodeError (which the runtime lacks), and
// LookupError for unknown encodings.
#ifndef UP_BYTES_H
#define UP_BYTES_H

#include "obj.h"

// A ROM bytes object for a C string literal (which may hold \0 bytes).
#define UP_ROM_BYTES_INIT(text) {{&up_type_bytes}, 0, sizeof(text) - 1, sizeof(text) - 1, text}

static inline bool up_is_bytes(up_obj_t o) {
    return up_type_is(o, &up_type_bytes);
}
static inline const char *up_bytes_data(up_obj_t b) {
    return ((const up_str_t *)b)->data;
}
static inline size_t up_bytes_len(up_obj_t b) {
    return ((const up_str_t *)b)->len;
}

up_obj_t up_bytes_new(const char *data, size_t len);
// A bytes object of len bytes for the caller to fill through *data, then
// up_bytes_finish (which computes the hash).
up_obj_t up_bytes_alloc(size_t len, char **data);
up_obj_t up_bytes_finish(up_obj_t b);

up_obj_t up_bytes_concat(up_obj_t a, up_obj_t b);
up_obj_t up_bytes_repeat(up_obj_t b, up_int_t n);
up_obj_t up_bytes_getitem_cint(up_obj_t b, up_int_t i);  // an int; negative i counts from the end
up_obj_t up_bytes_slice(up_obj_t b, up_obj_t start, up_obj_t stop, up_obj_t step);  // UP_NONE = omitted
int up_bytes_contains(up_obj_t b, up_obj_t x);            // x an int or bytes: 1, 0, -1

// s.encode(encoding, errors) / b.decode(encoding, errors): encoding and
// errors are str objects or UP_NULL (utf-8, strict).
up_obj_t up_str_encode(up_obj_t s, up_obj_t encoding, up_obj_t errors);
up_obj_t up_bytes_decode(up_obj_t b, up_obj_t encoding, up_obj_t errors);

// Generic slots
int up_bytes_print(up_printer_t *p, up_obj_t self, int kind);  // b'...' for str() and repr()
up_obj_t up_bytes_binary_op(int op, up_obj_t a, up_obj_t b);  // + * comparisons in
up_obj_t up_bytes_unary_op(int op, up_obj_t a);               // len bool hash
up_obj_t up_bytes_subscr(up_obj_t self, up_obj_t index, up_obj_t value);
up_obj_t up_bytes_getiter(up_obj_t self);
// bytes(), bytes(n), bytes(iterable of ints), bytes(bytes), bytes(str, encoding[, errors])
up_obj_t up_bytes_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);

#define UP_BYTES_METHODS(X)                                                                      \
    X(count) X(decode) X(endswith) X(find) X(hex) X(index) X(join) X(lower) X(lstrip) X(replace) \
    X(rfind) X(rindex) X(rsplit) X(rstrip) X(split) X(startswith) X(strip) X(upper)
#define UP_DECLARE_BYTES_METHOD(name)                                              \
    up_obj_t up_bytes_m_##name(size_t n, const up_obj_t *args, up_obj_t kwnames); \
    extern const up_builtin_t up_builtin_bytes_##name;
UP_BYTES_METHODS(UP_DECLARE_BYTES_METHOD)

#endif
