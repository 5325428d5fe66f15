// list: a growable array of values (layout up_list_t in obj.h).
#ifndef UP_LIST_H
#define UP_LIST_H

#include "obj.h"

up_obj_t up_list_new(size_t len);                            // len UP_NONE items
up_obj_t up_list_from_items(size_t n, const up_obj_t *items); // [a, b, c]
static inline size_t up_list_len(up_obj_t l) {
    return ((const up_list_t *)l)->len;
}
int up_list_append(up_obj_t l, up_obj_t x);                  // 0 or -1 (MemoryError)
int up_list_extend(up_obj_t l, up_obj_t iterable);
up_obj_t up_list_get_cint(up_obj_t l, up_int_t i);           // negative from the end; IndexError
int up_list_set_cint(up_obj_t l, up_int_t i, up_obj_t x);
up_obj_t up_list_slice(up_obj_t l, up_obj_t start, up_obj_t stop, up_obj_t step);  // UP_NONE = omitted
int up_list_set_slice(up_obj_t l, up_obj_t start, up_obj_t stop, up_obj_t step, up_obj_t values);
int up_list_del_slice(up_obj_t l, up_obj_t start, up_obj_t stop, up_obj_t step);
up_obj_t up_list_pop_cint(up_obj_t l, up_int_t i);           // IndexError: pop from empty list
int up_list_insert_cint(up_obj_t l, up_int_t i, up_obj_t x);
// sort in place; key: callable or UP_NONE; stable (merge sort)
int up_list_sort(up_obj_t l, up_obj_t key, bool reverse);
// Sort an array of n values in place (sort.c; list.sort and sorted()). The
// array stays a permutation of its items even when a comparison raises.
int up_sort_array(up_obj_t *items, size_t n, up_obj_t key, bool reverse);
up_obj_t up_list_concat(up_obj_t a, up_obj_t b);
up_obj_t up_list_repeat(up_obj_t l, up_int_t n);
up_obj_t up_list_copy(up_obj_t l);

// Generic slots
up_obj_t up_list_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
int up_list_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_list_binary_op(int op, up_obj_t a, up_obj_t b);  // + * += *= comparisons in
up_obj_t up_list_unary_op(int op, up_obj_t a);
up_obj_t up_list_subscr(up_obj_t self, up_obj_t index, up_obj_t value);
up_obj_t up_list_getiter(up_obj_t self);

#define UP_LIST_METHODS(X) \
    X(append) X(clear) X(copy) X(count) X(extend) X(index) X(insert) X(pop) X(remove) X(reverse) X(sort)
#define UP_DECLARE_LIST_METHOD(name)                                              \
    up_obj_t up_list_m_##name(size_t n, const up_obj_t *args, up_obj_t kwnames); \
    extern const up_builtin_t up_builtin_list_##name;
UP_LIST_METHODS(UP_DECLARE_LIST_METHOD)

#endif
