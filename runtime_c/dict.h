// dict: a hash table that keeps insertion order (open addressing over an
// index array, entries in a dense array in insertion order).
#ifndef UP_DICT_H
#define UP_DICT_H

#include "obj.h"
#include "fun.h"
#include "ops.h"
#include "str.h"

// hash(key) as dict and set tables use it: up_hash with the small-int and
// str cases inline, and never -1 (a __hash__ returning -1 gives -2, as in
// CPython). 0, or -1 with TypeError (unhashable).
static inline int up_key_hash(up_obj_t key, up_int_t *h) {
    if (up_is_small(key)) {
        up_int_t v = up_small_value(key);
        if (v > -((up_int_t)1 << 30) && v < ((up_int_t)1 << 30)) {
            *h = v == -1 ? -2 : v;  // the same as up_hash
            return 0;
        }
    } else if (up_is_str(key)) {
        *h = (up_int_t)up_str_hash(key);
        return 0;
    }
    if (up_hash(key, h) < 0) {
        return -1;
    }
    if (*h == -1) {
        *h = -2;
    }
    return 0;
}

up_obj_t up_dict_new(void);
up_obj_t up_dict_new_sized(size_t n);
size_t up_dict_len(up_obj_t d);
int up_dict_setitem(up_obj_t d, up_obj_t key, up_obj_t value);  // 0, -1 (unhashable)
up_obj_t up_dict_getitem(up_obj_t d, up_obj_t key);             // KeyError
// The value, or UP_NULL *without* an exception when the key is absent
// (UP_NULL with an exception when the key is unhashable: check up_exc_pending).
up_obj_t up_dict_lookup(up_obj_t d, up_obj_t key);
up_obj_t up_dict_get(up_obj_t d, up_obj_t key, up_obj_t dflt);  // d.get(k, dflt)
int up_dict_delitem(up_obj_t d, up_obj_t key);                  // KeyError
int up_dict_contains(up_obj_t d, up_obj_t key);                 // 1, 0, -1
// The same for a str key in an attribute dict (class or instance dict):
// compares it with str keys only, so no Python code runs and nothing fails
// but a store's MemoryError and a deletion's KeyError.
up_obj_t up_dict_lookup_str(up_obj_t d, up_obj_t name);  // UP_NULL: absent (no exception)
int up_dict_setitem_str(up_obj_t d, up_obj_t name, up_obj_t value);
int up_dict_delitem_str(up_obj_t d, up_obj_t name);
// Iterate: *pos starts at 0; returns false at the end.
bool up_dict_next(up_obj_t d, size_t *pos, up_obj_t *key, up_obj_t *value);
int up_dict_update(up_obj_t d, up_obj_t other);                 // dict or iterable of pairs
up_obj_t up_dict_copy(up_obj_t d);
// Views (keys(), values(), items()) are iterable, sized, printable.
up_obj_t up_dict_keys(up_obj_t d);
up_obj_t up_dict_values(up_obj_t d);
up_obj_t up_dict_items(up_obj_t d);

int up_dict_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_dict_binary_op(int op, up_obj_t a, up_obj_t b);  // == != in |
up_obj_t up_dict_unary_op(int op, up_obj_t a);
up_obj_t up_dict_subscr(up_obj_t self, up_obj_t index, up_obj_t value);
up_obj_t up_dict_getiter(up_obj_t self);
// dict(...) constructor: dict(), dict(mapping), dict(pairs), dict(**kw)
up_obj_t up_dict_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);

#define UP_DICT_METHODS(X) \
    X(clear) X(copy) X(fromkeys) X(get) X(items) X(keys) X(pop) X(popitem) X(setdefault) X(update) X(values)
#define UP_DECLARE_DICT_METHOD(name)                                              \
    up_obj_t up_dict_m_##name(size_t n, const up_obj_t *args, up_obj_t kwnames); \
    extern const up_builtin_t up_builtin_dict_##name;
UP_DICT_METHODS(UP_DECLARE_DICT_METHOD)
// up_builtin_dict_fromkeys wrapped as a classmethod (args[0] is then always
// the class); a method table entry for "fromkeys" should point here.
extern const up_wrapper_t up_classmethod_dict_fromkeys;

#endif
