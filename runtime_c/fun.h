// Functions, closures, methods and classes compiled from Python.
//
// A compiled function is a C function `up_obj_t f(up_obj_t env, p0, p1...)`
// described by a ROM up_fun_info_t. Calls the compiler can resolve go
// straight to the C function; everything else goes through the function
// object (up_fun_t), whose call slot binds positional and keyword arguments,
// defaults, *args and **kwargs the way CPython does.
//
// Closures: a function whose variables are captured by inner functions keeps
// them in an environment -- a heap array of words, env[0] the enclosing
// function's environment, env[1..] the captured variables -- and inner
// functions receive that array as their `env`.
//
// Classes: a class compiled from Python is a ROM up_type_t (UP_TF_USER)
// whose slots point to the up_instance_* functions below, which look up
// special methods (__repr__, __eq__, __len__...) by name.
#ifndef UP_FUN_H
#define UP_FUN_H

#include "obj.h"

// ---- functions --------------------------------------------------------------

up_obj_t up_fun_new(const up_fun_info_t *info, up_obj_t env, up_obj_t defaults, up_obj_t kwdefaults);
up_obj_t up_fun_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames);
int up_fun_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_fun_attr(up_obj_t self, up_obj_t name, up_obj_t value);  // __name__ __qualname__
up_obj_t up_bound_new(up_obj_t self, up_obj_t fun);
// Bind a call's arguments to the function's parameters (p gets nparams
// values): 0, or -1 with the TypeError CPython gives.
int up_fun_bind(const up_fun_t *f, size_t n, const up_obj_t *args, up_obj_t kwnames, up_obj_t *p);
// Call a native function with a bound parameter array.
up_obj_t up_fun_invoke(const up_fun_info_t *info, up_obj_t env, const up_obj_t *p);

// ---- closures ---------------------------------------------------------------

// An environment with nvars variables (all unbound), enclosed by parent.
up_obj_t up_env_new(size_t nvars, up_obj_t parent);
static inline up_obj_t *up_env_vars(up_obj_t env) {
    return (up_obj_t *)env;  // [0] = parent, [1..] = variables
}

// ---- method wrappers --------------------------------------------------------

// staticmethod / classmethod objects (ROM objects in compiled classes).
typedef struct {
    up_base_t base;
    up_obj_t fun;
} up_wrapper_t;

typedef struct {
    up_base_t base;
    up_obj_t fget;
    up_obj_t fset;
    up_obj_t fdel;
} up_property_t;

extern const up_type_t up_type_staticmethod;
extern const up_type_t up_type_classmethod;
extern const up_type_t up_type_property;
up_obj_t up_staticmethod_new(up_obj_t fun);
up_obj_t up_classmethod_new(up_obj_t fun);
up_obj_t up_property_new(up_obj_t fget, up_obj_t fset, up_obj_t fdel);
// Reading / writing (UP_DELETE: deleting) a property through an instance.
up_obj_t up_property_get(up_obj_t prop, up_obj_t self);
int up_property_set(up_obj_t prop, up_obj_t self, up_obj_t value);
// The function inside a staticmethod or classmethod object.
up_obj_t up_wrapper_fun(up_obj_t wrapper);
// prop.setter(f) / prop.deleter(f) from a decorator
up_obj_t up_property_with(up_obj_t prop, up_obj_t fset, up_obj_t fdel);
// The wrapper types' slots: staticmethod(f) / classmethod(f) (one make_new
// for both), property(fget, fset, fdel) and its setter/deleter methods.
up_obj_t up_staticmethod_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
up_obj_t up_property_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
extern const up_methods_t up_property_methods;

// ---- classes ----------------------------------------------------------------

// A new instance of a user class, slots unbound, no __init__ run.
up_obj_t up_instance_new(const up_type_t *t);
// Attribute slot i of an instance (the compiler knows the index).
static inline up_obj_t *up_instance_slots(up_obj_t self) {
    return ((up_instance_t *)self)->slots;
}

// The slots of every user class:
up_obj_t up_instance_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
up_obj_t up_instance_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames);
int up_instance_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_instance_binary_op(int op, up_obj_t a, up_obj_t b);
up_obj_t up_instance_unary_op(int op, up_obj_t a);
up_obj_t up_instance_subscr(up_obj_t self, up_obj_t index, up_obj_t value);
up_obj_t up_instance_getiter(up_obj_t self);
up_obj_t up_instance_iternext(up_obj_t self);
up_obj_t up_instance_attr(up_obj_t self, up_obj_t name, up_obj_t value);

// super().name for a method defined in class cls, on instance self: the
// attribute found in cls's parents, bound to self. UP_NULL: AttributeError.
up_obj_t up_super_getattr(const up_type_t *cls, up_obj_t self, up_obj_t name);
// super().name(*args): args[0] is self.
up_obj_t up_super_call_method(const up_type_t *cls, up_obj_t name, size_t n, const up_obj_t *args,
                              up_obj_t kwnames);

// Class attributes at run time (class body assignments, Class.x = v).
int up_class_setattr(const up_type_t *t, up_obj_t name, up_obj_t value);

// The type's class dict, created on first use.
up_obj_t up_class_dict(const up_type_t *t);

#endif
