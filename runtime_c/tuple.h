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
up_obj_t up_tuple_repeat(up_obj_t t, up_int_t n);           // n <= 0: ()

up_obj_t up_tuple_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
int up_tuple_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_tuple_binary_op(int op, up_obj_t a, up_obj_t b);
up_obj_t up_tuple_unary_op(int op, up_obj_t a);  // len bool hash
up_obj_t up_tuple_subscr(up_obj_t self, up_obj_t index, up_obj_t value);
up_obj_t up_tuple_getiter(up_obj_t self);

// ---- helpers shared by list and tuple (tuple.c) ----------------------------
// Lexicographic comparison of two lists or two tuples (a comparison op):
// items are compared with ==, then the first differing pair with op.
up_obj_t up_seq_compare(int op, up_obj_t a, up_obj_t b);
// Position of the first item == x in seq[start:stop] (a list or tuple), or
// -1; -2 when a comparison raised. With count != NULL, counts all matches
// into *count instead (returns 0 or -2).
up_int_t up_seq_find(up_obj_t seq, up_obj_t x, up_int_t start, up_int_t stop, up_int_t *count);
// index(x[, start[, stop]]): args[2], args[3] (when n allows) to bounds.
int up_seq_index_bounds(size_t n, const up_obj_t *args, size_t len, up_int_t *start, up_int_t *stop);
// repr of a list or tuple with the recursion guard: "[1, [...]]", "(1,)".
int up_seq_print(up_printer_t *p, up_obj_t self, const char *open, const char *close);
// The recursion guard for printing containers: up_repr_enter returns 1 when
// o is already being printed further out (print "[...]" and don't call
// leave), else 0 -- then call up_repr_leave when done.
int up_repr_enter(up_obj_t o);
void up_repr_leave(void);

#define UP_TUPLE_METHODS(X) X(count) X(index)
#define UP_DECLARE_TUPLE_METHOD(name)                                              \
    up_obj_t up_tuple_m_##name(size_t n, const up_obj_t *args, up_obj_t kwnames); \
    extern const up_builtin_t up_builtin_tuple_##name;
UP_TUPLE_METHODS(UP_DECLARE_TUPLE_METHOD)

#endif
