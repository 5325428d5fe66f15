// set and frozenset: hash tables of keys (same hashing and equality as dict).
#ifndef UP_SET_H
#define UP_SET_H

#include "obj.h"

extern const up_type_t up_type_frozenset;

up_obj_t up_set_new(void);
up_obj_t up_set_from_iter(up_obj_t iterable);   // set(iterable)
int up_set_add(up_obj_t s, up_obj_t key);       // 0, -1 (unhashable)
int up_set_contains(up_obj_t s, up_obj_t key);  // 1, 0, -1
size_t up_set_len(up_obj_t s);

int up_set_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_set_binary_op(int op, up_obj_t a, up_obj_t b);  // | & - ^ (and in-place) comparisons in
up_obj_t up_set_unary_op(int op, up_obj_t a);
up_obj_t up_set_getiter(up_obj_t self);
up_obj_t up_set_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);

#define UP_SET_METHODS(X)                                                                   \
    X(add) X(clear) X(copy) X(difference) X(difference_update) X(discard) X(intersection) \
    X(intersection_update) X(isdisjoint) X(issubset) X(issuperset) X(pop) X(remove)       \
    X(symmetric_difference) X(symmetric_difference_update) X(union) X(update)
#define UP_DECLARE_SET_METHOD(name)                                              \
    up_obj_t up_set_m_##name(size_t n, const up_obj_t *args, up_obj_t kwnames); \
    extern const up_builtin_t up_builtin_set_##name;
UP_SET_METHODS(UP_DECLARE_SET_METHOD)

#endif
