// Small helpers for generated code: value-returning forms of runtime
// functions (so every primitive the compiler calls returns its result or an
// error value), and pointer-typed runtime functions taking up_obj_t words.
#ifndef UP_COMPILED_H
#define UP_COMPILED_H

#include "obj.h"
#include "exc.h"
#include "float.h"
#include "fun.h"
#include "int.h"
#include "list.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"

static inline up_obj_t up_str_len_obj(up_obj_t s) {
    return up_small((up_int_t)up_str_len(s));
}
static inline up_obj_t up_list_len_obj(up_obj_t l) {
    return up_small((up_int_t)up_list_len(l));
}
static inline up_obj_t up_tuple_len_obj(up_obj_t t) {
    return up_small((up_int_t)up_tuple_len(t));
}
static inline up_obj_t up_list_pop_last(up_obj_t l) {
    return up_list_pop_cint(l, -1);
}

static inline up_obj_t up_int_from_bool(int b) {
    return up_small(b != 0);
}
static inline int up_bool_unbox(up_obj_t o) {
    return o == UP_TRUE;
}

// Indexing with an int object: machine-int fast path, generic otherwise
// (big ints raise IndexError there).
static inline up_obj_t up_list_getitem_int(up_obj_t l, up_obj_t i) {
    return up_is_small(i) ? up_list_get_cint(l, up_small_value(i)) : up_getitem(l, i);
}
static inline up_obj_t up_tuple_getitem_int(up_obj_t t, up_obj_t i) {
    return up_is_small(i) ? up_tuple_get_cint(t, up_small_value(i)) : up_getitem(t, i);
}
static inline up_obj_t up_str_getitem_int(up_obj_t s, up_obj_t i) {
    return up_is_small(i) ? up_str_getitem_cint(s, up_small_value(i)) : up_getitem(s, i);
}
static inline int up_list_setitem_int(up_obj_t l, up_obj_t i, up_obj_t v) {
    return up_is_small(i) ? up_list_set_cint(l, up_small_value(i), v) : up_setitem(l, i, v);
}

// Int operations the compiler proved cannot overflow the small-int range
// (both operands small, the result small; divisors positive): machine
// arithmetic on the tagged words, no check, no big-int code.
static inline up_obj_t up_int_add_nv(up_obj_t a, up_obj_t b) {
    return (up_obj_t)((up_int_t)a + (up_int_t)b - 1);
}
static inline up_obj_t up_int_sub_nv(up_obj_t a, up_obj_t b) {
    return (up_obj_t)((up_int_t)a - (up_int_t)b + 1);
}
static inline up_obj_t up_int_mul_nv(up_obj_t a, up_obj_t b) {
    return up_small(up_small_value(a) * up_small_value(b));
}
static inline up_obj_t up_int_floordiv_nv(up_obj_t a, up_obj_t b) {
    up_int_t x = up_small_value(a), y = up_small_value(b);
    up_int_t q = x / y;
    return up_small((x % y != 0 && ((x < 0) != (y < 0))) ? q - 1 : q);
}
static inline up_obj_t up_int_mod_nv(up_obj_t a, up_obj_t b) {
    up_int_t x = up_small_value(a), y = up_small_value(b);
    up_int_t r = x % y;
    return up_small((r != 0 && ((r < 0) != (y < 0))) ? r + y : r);
}
static inline up_obj_t up_int_and_nv(up_obj_t a, up_obj_t b) {
    return a & b;
}
static inline up_obj_t up_int_or_nv(up_obj_t a, up_obj_t b) {
    return a | b;
}
static inline up_obj_t up_int_xor_nv(up_obj_t a, up_obj_t b) {
    return (a ^ b) | 1;
}

// int or float object -> C float; UP_FLOAT_ERR with the exception pending.
static inline up_float_t up_float_coerce_value(up_obj_t o) {
    up_float_t f;
    if (up_type_is(o, &up_type_float)) {
        return up_float_value(o);
    }
    return up_float_coerce(o, &f) < 0 ? UP_FLOAT_ERR : f;
}
static inline up_float_t up_int_to_float_value(up_obj_t o) {
    up_float_t f;
    if (up_is_small(o)) {
        return (up_float_t)up_small_value(o);
    }
    return up_int_as_float(o, &f) < 0 ? UP_FLOAT_ERR : f;
}

static inline up_float_t up_float_abs(up_float_t f) {
    return (up_float_t)__builtin_fabs((double)f);
}
static inline up_obj_t up_type_of_obj(up_obj_t o) {
    return (up_obj_t)up_type_of(o);
}

// Attribute slot i of an instance; when unbound, the generic lookup
// (class attributes, __getattr__, AttributeError).
static inline up_obj_t up_getslot(up_obj_t obj, size_t i, up_obj_t name) {
    up_obj_t v = ((up_instance_t *)obj)->slots[i];
    return v != UP_NULL ? v : up_getattr(obj, name);
}

static inline up_obj_t up_fun_new_info(up_obj_t info, up_obj_t env, up_obj_t defaults, up_obj_t kwdefaults) {
    return up_fun_new((const up_fun_info_t *)info, env, defaults, kwdefaults);
}
static inline up_obj_t up_instance_new_obj(up_obj_t type) {
    return up_instance_new((const up_type_t *)type);
}
static inline int up_class_setattr_obj(up_obj_t type, up_obj_t name, up_obj_t value) {
    return up_class_setattr((const up_type_t *)type, name, value);
}
static inline up_obj_t up_super_getattr_obj(up_obj_t cls, up_obj_t self, up_obj_t name) {
    return up_super_getattr((const up_type_t *)cls, self, name);
}
static inline up_obj_t up_super_call_method_obj(up_obj_t cls, up_obj_t name, size_t n, up_obj_t *args,
                                                up_obj_t kwnames) {
    return up_super_call_method((const up_type_t *)cls, name, n, args, kwnames);
}

// assert failed: AssertionError(msg), or AssertionError() when msg is UP_NULL.
up_obj_t up_assert_fail(up_obj_t msg);
// operator.index(o) as an int object: ints as they are, bools as 0/1,
// objects with __index__; TypeError "'str' object cannot be interpreted as
// an integer" otherwise.
up_obj_t up_index_obj(up_obj_t o);

// sys.platform
extern const up_str_t up_sys_platform_str;

// o, when it is an instance of the type object t (for int: an int, not a
// bool); else TypeError. The compiler's safety net where inference and a
// value could disagree.
up_obj_t up_cast_check(up_obj_t o, up_obj_t t);

// A name read before assignment: kind 0 = NameError (a global), 2 =
// NameError (a free variable of a closure). Returns UP_NULL.
up_obj_t up_unbound_error(const char *name, int kind);

#endif
