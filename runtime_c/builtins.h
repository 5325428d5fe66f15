// The builtin functions (len, min, sorted...) and the builtin iterator
// types (enumerate, zip, map, filter, reversed). The compiler binds each
// builtin name either to a type object (int, list, enumerate...) or to one
// of the up_builtin_<name> function objects below; it calls the C function
// up_bi_<name> directly when the name is not rebound.
#ifndef UP_BUILTINS_H
#define UP_BUILTINS_H

#include "obj.h"

#define UP_BUILTIN_FUNCS(X)                                                                    \
    X(abs) X(all) X(any) X(ascii) X(bin) X(callable) X(chr) X(delattr) X(divmod) X(format)   \
    X(getattr) X(hasattr) X(hash) X(hex) X(id) X(input) X(isinstance) X(issubclass) X(iter) \
    X(len) X(max) X(min) X(next) X(oct) X(ord) X(pow) X(print) X(repr) X(round) X(setattr)  \
    X(sorted) X(sum)

#define UP_DECLARE_BUILTIN(name)                                               \
    up_obj_t up_bi_##name(size_t n, const up_obj_t *args, up_obj_t kwnames); \
    extern const up_builtin_t up_builtin_##name;
UP_BUILTIN_FUNCS(UP_DECLARE_BUILTIN)

extern const up_type_t up_type_enumerate;
extern const up_type_t up_type_zip;
extern const up_type_t up_type_map;
extern const up_type_t up_type_filter;
extern const up_type_t up_type_reversed;

// Fast paths the compiler uses when it knows the argument types.
int up_isinstance(up_obj_t o, up_obj_t type_or_tuple);   // 1, 0, -1 (TypeError)
up_obj_t up_enumerate_new(up_obj_t iterable, up_obj_t start);
up_obj_t up_sorted(up_obj_t iterable, up_obj_t key, bool reverse);
up_obj_t up_next_default(up_obj_t it, up_obj_t dflt);    // next(it[, default]); dflt may be UP_NULL

// callable(o): the type has a call slot (user classes: they define __call__)
bool up_callable(up_obj_t o);
// iter(callable, sentinel): calls callable() until it returns sentinel.
up_obj_t up_callable_iter_new(up_obj_t callable, up_obj_t sentinel);

// Text that comes from outside (the console, the command line) as a str:
// invalid UTF-8 sequences become U+FFFD, as with errors='replace'.
up_obj_t up_builtins_decode_utf8(const char *s, size_t len);

// ---- argument checking shared by the builtins and the built-in modules ----

// CPython's "divmod expected 2 arguments, got 1" / "expected at least" /
// "expected at most" family, and "f() takes no keyword arguments": 0 or -1.
// (up_check_args in ops.h gives the "f() takes exactly one argument" family.)
int up_check_nargs(const char *fname, size_t n, up_obj_t kwnames, size_t min, size_t max);

// A function's parameters for up_parse_args, as CPython's argument clinic
// describes them: names[0..nparams), of which the first nposonly are
// positional-only, the first maxpos may be given by position (the rest are
// keyword-only), and the first nrequired must be given.
typedef struct {
    const char *fname;
    uint8_t nparams;
    uint8_t nposonly;
    uint8_t maxpos;
    uint8_t nrequired;
    const char *const *names;
} up_argspec_t;

// Bind a call's arguments to spec's parameters: out[i] is the value of
// parameter i, or UP_NULL when it was not given. 0, or -1 with the
// TypeError CPython raises (too many, missing, unknown or repeated names).
int up_parse_args(const up_argspec_t *spec, size_t n, const up_obj_t *args, up_obj_t kwnames, up_obj_t *out);

#endif
