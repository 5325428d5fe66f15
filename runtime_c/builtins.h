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

// int(x) / int(x, base) and float(x) as constructors (make_new of the types)
up_obj_t up_int_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
up_obj_t up_float_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);

#endif
