// tuple: an immutable array of values (layout up_tuple_t in obj.h). The
// empty tuple is one ROM object; tuples of constants are ROM objects too.
#ifndef UP_TUPLE_H
#define UP_TUPLE_H

#include "obj.h"

extern const up_tuple_t up_empty_tuple_obj;
#define UP_EMPTY_TUPLE ((up_obj_t)&up_empty_tuple_obj)

up_obj_t up_tuple_new(size_t len);  // items UP_NULL: fill them before use
up_obj_t up_tuple_from_items(size_t n, const up_obj_t *items);
up_obj_t up_tuple_pack2(up_obj_t a, up_obj_t b);
static inline size_t up_tuple_len(up_obj_t t) {
    return ((const up_tuple_t *)t)->len;
}
static inline up_obj_t up_tuple_item(up_obj_t t, size_t i) {
    return ((const up_tuple_t *)t)->items[i];
}
up_obj_t up_tuple_get_cint(up_obj_t t, up_int_t i);  // negative from the end; IndexError
up_obj_t up_tuple_slice(up_obj_t t, up_obj_t start, up_obj_t stop, up_obj_t step);
up_obj_t up_tuple_concat(up_obj_t a, up_obj_t b);

int up_tuple_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_tuple_binary_op(int op, up_obj_t a, up_obj_t b);
up_obj_t up_tuple_unary_op(int op, up_obj_t a);  // len bool hash
up_obj_t up_tuple_subscr(up_obj_t self, up_obj_t index, up_obj_t value);
up_obj_t up_tuple_getiter(up_obj_t self);

#define UP_TUPLE_METHODS(X) X(count) X(index)
#define UP_DECLARE_TUPLE_METHOD(name)                                              \
    up_obj_t up_tuple_m_##name(size_t n, const up_obj_t *args, up_obj_t kwnames); \
    extern const up_builtin_t up_builtin_tuple_##name;
UP_TUPLE_METHODS(UP_DECLARE_TUPLE_METHOD)

#endif
