// Generic operations on values of any type: dispatch through the type slots,
// with CPython's fallbacks and error messages. Compiled code uses these when
// it does not know the operand types; runtime code uses them everywhere.
#ifndef UP_OPS_H
#define UP_OPS_H

#include "obj.h"

up_obj_t up_binary_op(int op, up_obj_t a, up_obj_t b);  // a + b, a < b, ... (enum up_binop)
up_obj_t up_unary_op(int op, up_obj_t a);               // -a, ~a, abs(a) ... (enum up_unop)
up_obj_t up_compare(int op, up_obj_t a, up_obj_t b);    // UP_OP_LT..UP_OP_GE -> object
// Comparison straight to a C truth value: 1, 0, or -1 when it raised.
int up_compare_bool(int op, up_obj_t a, up_obj_t b);
int up_eq(up_obj_t a, up_obj_t b);                      // a == b: 1, 0, -1
int up_contains(up_obj_t container, up_obj_t item);    // item in container: 1, 0, -1
int up_truthy(up_obj_t o);                              // bool(o): 1, 0, -1
bool up_is_hashable(up_obj_t o);
// hash(o) as a machine int: 0, or -1 with TypeError (unhashable)
int up_hash(up_obj_t o, up_int_t *out);
up_obj_t up_len_obj(up_obj_t o);                        // len(o) as an int object
int up_len(up_obj_t o, up_int_t *out);                  // len(o): 0 or -1

up_obj_t up_getitem(up_obj_t o, up_obj_t index);
int up_setitem(up_obj_t o, up_obj_t index, up_obj_t value);  // 0 or -1
int up_delitem(up_obj_t o, up_obj_t index);

up_obj_t up_getiter(up_obj_t o);                        // iter(o)
// next(it): the item, UP_STOP when exhausted, UP_NULL when it raised.
up_obj_t up_iternext(up_obj_t it);
// Collect any iterable into a new list / tuple.
up_obj_t up_list_from_iter(up_obj_t iterable);
up_obj_t up_tuple_from_iter(up_obj_t iterable);
// Unpack exactly n values into out (ValueError: too many / not enough).
int up_unpack(up_obj_t iterable, size_t n, up_obj_t *out);
// a, *rest, b = iterable: `before` values, a list, `after` values into out.
int up_unpack_ex(up_obj_t iterable, size_t before, size_t after, up_obj_t *out);

// ---- attributes -----------------------------------------------------------

up_obj_t up_getattr(up_obj_t o, up_obj_t name);          // AttributeError
// getattr(o, name, default): returns dflt instead of raising AttributeError
up_obj_t up_getattr_default(up_obj_t o, up_obj_t name, up_obj_t dflt);
int up_setattr(up_obj_t o, up_obj_t name, up_obj_t value);
int up_delattr(up_obj_t o, up_obj_t name);
// Look a name up in a type's class attributes and methods (and its
// parents'), without binding; UP_NULL (no exception) when absent.
up_obj_t up_type_lookup(const up_type_t *t, up_obj_t name);

// ---- calls ----------------------------------------------------------------

// callee(*args): args holds n values; when kwnames is a tuple of k names,
// the last k values are keyword arguments with those names.
up_obj_t up_call(up_obj_t callee, size_t n, const up_obj_t *args, up_obj_t kwnames);
// callee(*args_tuple, **kwargs_dict); either may be UP_NULL.
up_obj_t up_call_ex(up_obj_t callee, up_obj_t args_tuple, up_obj_t kwargs_dict);
// o.name(*args): args[0] is o, n counts it; avoids a bound-method object.
up_obj_t up_call_method(up_obj_t name, size_t n, const up_obj_t *args, up_obj_t kwnames);
// Fixed-arity helpers
up_obj_t up_call0(up_obj_t callee);
up_obj_t up_call1(up_obj_t callee, up_obj_t a);
up_obj_t up_call2(up_obj_t callee, up_obj_t a, up_obj_t b);

// Argument checking for builtin functions: raises TypeError like CPython
// ("len() takes exactly one argument (2 given)"): 0 or -1.
int up_check_args(const char *fname, size_t n, up_obj_t kwnames, size_t min, size_t max);
// Find keyword argument `name` among kwnames; returns its value or UP_NULL.
up_obj_t up_kwarg(size_t n, const up_obj_t *args, up_obj_t kwnames, const char *name);
// Positional count (n minus keyword arguments)
static inline size_t up_npos(size_t n, up_obj_t kwnames) {
    return kwnames ? n - ((const up_tuple_t *)kwnames)->len : n;
}

// The name of a value's type, as a C string ("int", "MyClass").
const char *up_type_name(up_obj_t o);
const char *up_type_name_of(const up_type_t *t);

#endif
