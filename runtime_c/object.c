// The fundamental types: type, object, NoneType, bool, NotImplemented,
// Ellipsis, builtin functions, bound methods (their slots; the type structs
// are emitted by the compiler, see uptc/primitives/types.py); method
// descriptors (list.append taken from the type); and the singletons.
#include "up.h"


const up_base_t up_none_obj = {&up_type_none};
const up_base_t up_true_obj = {&up_type_bool};
const up_base_t up_false_obj = {&up_type_bool};
const up_base_t up_notimpl_obj = {&up_type_notimpl};
const up_base_t up_ellipsis_obj = {&up_type_ellipsis};

// The markers are never Python values; they get a type of their own so a
// stray one prints recognisably instead of crashing.
static const up_type_t type_marker = {
    .base = {&up_type_type},
    .name = "marker",
    .parent = &up_type_object,
};
const up_base_t up_stop_obj = {&type_marker};
const up_base_t up_delete_obj = {&type_marker};

bool up_type_derives(const up_type_t *t, const up_type_t *s) {
    for (; t != NULL; t = t->parent) {
        if (t == s) {
            return true;
        }
    }
    return false;
}

const char *up_type_name_of(const up_type_t *t) {
    return t->name;
}

const char *up_type_name(up_obj_t o) {
    return up_type_name_of(up_type_of(o));
}

// ---- type ---------------------------------------------------------------------

int up_typeobj_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    const up_type_t *t = (const up_type_t *)self;
    up_printer_puts(p, "<class '");
    if (t->flags & UP_TF_USER) {
        up_printer_puts(p, "__main__.");
    }
    up_printer_puts(p, up_type_name_of(t));
    up_printer_puts(p, "'>");
    return 0;
}

up_obj_t up_typeobj_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    const up_type_t *t = (const up_type_t *)self;
    if (t->make_new == NULL) {
        return up_raise_fmt(&up_type_TypeError, "cannot create '%s' instances", up_type_name_of(t));
    }
    return t->make_new(t, n, args, kwnames);
}

up_obj_t up_typeobj_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (up_check_args("type", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    return (up_obj_t)up_type_of(args[0]);
}

static const up_type_t *builtin_method_owner(const up_type_t *t, up_obj_t fun);
static up_obj_t method_descr_new(const up_type_t *owner, up_obj_t fun);
static bool is_dunder(const char *name);

up_obj_t up_typeobj_attr(up_obj_t self, up_obj_t name, up_obj_t value) {
    const up_type_t *t = (const up_type_t *)self;
    if (value != UP_NULL) {
        if (!(t->flags & UP_TF_USER)) {
            return up_raise_fmt(&up_type_TypeError,
                                "cannot set '%q' attribute of immutable type '%s'", name,
                                up_type_name_of(t));
        }
        return up_class_setattr(t, name, value) < 0 ? UP_NULL : UP_NONE;
    }
    if (up_str_eq(name, UP_Q(__name__)) || up_str_eq(name, UP_Q(__qualname__))) {
        return up_str_from_cstr(t->name);
    }
    up_obj_t v = up_type_lookup(t, name);
    if (v == UP_NULL) {
        return UP_NOTIMPL;
    }
    if (up_type_is(v, &up_type_classmethod)) {
        return up_bound_new(self, up_wrapper_fun(v));
    }
    if (up_type_is(v, &up_type_staticmethod)) {
        return up_wrapper_fun(v);
    }
    if (up_type_is(v, &up_type_builtin)) {
        // A special method (__init__) belongs to each type, as CPython's
        // slot wrappers do; the others to the type that defines them.
        const up_type_t *owner = builtin_method_owner(t, v);
        if (owner != NULL) {
            if (is_dunder(((const up_builtin_t *)v)->name)) {
                for (owner = t; owner->flags & UP_TF_USER; owner = owner->parent) {
                }
            }
            return method_descr_new(owner, v);
        }
    }
    return v;
}

// ---- method descriptors ---------------------------------------------------------

// A method of a builtin type taken from the type (list.append, str.upper):
// its C code takes args[0] for an object of that type, so calling it checks
// that first, as CPython's method descriptors do.
typedef struct {
    up_base_t base;
    const up_type_t *owner;  // the builtin type whose method table holds fun
    up_obj_t fun;            // an up_builtin_t
} method_descr_t;

static bool is_dunder(const char *name) {
    size_t n = strlen(name);
    return n > 4 && name[0] == '_' && name[1] == '_' && name[n - 1] == '_' && name[n - 2] == '_';
}

static up_obj_t method_descr_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    const method_descr_t *d = (const method_descr_t *)self;
    const char *name = ((const up_builtin_t *)d->fun)->name;
    if (up_npos(n, kwnames) == 0) {
        return up_raise_fmt(&up_type_TypeError, "unbound method %s.%s() needs an argument",
                            up_type_name_of(d->owner), name);
    }
    if (!up_type_derives(up_type_of(args[0]), d->owner)) {
        if (is_dunder(name)) {  // CPython's slot wrappers word it so
            return up_raise_fmt(&up_type_TypeError, "descriptor '%s' requires a '%s' object but received a '%T'",
                                name, up_type_name_of(d->owner), args[0]);
        }
        return up_raise_fmt(&up_type_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                            name, up_type_name_of(d->owner), args[0]);
    }
    return up_call(d->fun, n, args, kwnames);
}

static int method_descr_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    const method_descr_t *d = (const method_descr_t *)self;
    up_printer_puts(p, "<method '");
    up_printer_puts(p, ((const up_builtin_t *)d->fun)->name);
    up_printer_puts(p, "' of '");
    up_printer_puts(p, up_type_name_of(d->owner));
    up_printer_puts(p, "' objects>");
    return 0;
}

static const up_type_t type_method_descr = {
    .base = {&up_type_type},
    .name = "method_descriptor",
    .parent = &up_type_object,
    .call = method_descr_call,
    .print = method_descr_print,
};

static up_obj_t method_descr_new(const up_type_t *owner, up_obj_t fun) {
    method_descr_t *d = up_alloc(sizeof(method_descr_t));
    if (d == NULL) {
        return UP_NULL;
    }
    d->base.type = &type_method_descr;
    d->owner = owner;
    d->fun = fun;
    return (up_obj_t)d;
}

// The builtin type (t or an ancestor) whose method table holds fun, the
// highest one when several share the table (bool has int's methods: the
// owner of bool.bit_length is int); NULL if none does (a builtin function
// stored as a class attribute is no method).
static const up_type_t *builtin_method_owner(const up_type_t *t, up_obj_t fun) {
    const up_type_t *owner = NULL;
    for (; t != NULL; t = t->parent) {
        const up_methods_t *m = t->methods;
        if (m == NULL || (t->flags & UP_TF_USER)) {
            continue;
        }
        for (size_t i = 0; i < m->n; i++) {
            if (m->entries[i].value == fun) {
                owner = t;
                break;
            }
        }
    }
    return owner;
}

// ---- object -------------------------------------------------------------------

up_obj_t up_object_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (n > 0 || kwnames) {
        return up_raise_msg(&up_type_TypeError, "object() takes no arguments");
    }
    return up_instance_new(type);
}

// object.__init__: accepts (self) only; super().__init__() in a class
// without a user base lands here.
static up_obj_t object_init(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (n > 1 || kwnames) {
        return up_raise_msg(&up_type_TypeError,
                            "object.__init__() takes exactly one argument (the instance to initialize)");
    }
    return UP_NONE;
}

static const up_builtin_t builtin_object_init = {{&up_type_builtin}, "__init__", 1, UP_ARGS_ANY, 1, object_init};
static const up_method_t object_method_entries[] = {
    {UP_Q(__init__), (up_obj_t)&builtin_object_init},
};
const up_methods_t up_object_methods = {1, object_method_entries};

// ---- None, NotImplemented, Ellipsis -----------------------------------------------

int up_none_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    up_printer_puts(p, self == UP_NONE ? "None" : self == UP_NOTIMPL ? "NotImplemented" : "Ellipsis");
    return 0;
}

// ---- bool -----------------------------------------------------------------------

int up_bool_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    up_printer_puts(p, self == UP_TRUE ? "True" : "False");
    return 0;
}

up_obj_t up_bool_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (up_check_args("bool", n, kwnames, 0, 1) < 0) {
        return UP_NULL;
    }
    if (n == 0) {
        return UP_FALSE;
    }
    int t = up_truthy(args[0]);
    return t < 0 ? UP_NULL : up_bool(t);
}

up_obj_t up_bool_unary_op(int op, up_obj_t a) {
    if (op == UP_UOP_BOOL) {
        return a;
    }
    return up_int_unary_op(op, up_small(a == UP_TRUE));
}

// ---- builtin functions and bound methods ---------------------------------------

up_obj_t up_builtinfn_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    const up_builtin_t *b = (const up_builtin_t *)self;
    if (kwnames && !b->takes_kw) {
        return up_raise_fmt(&up_type_TypeError, "%s() takes no keyword arguments", b->name);
    }
    size_t npos = up_npos(n, kwnames);
    if (npos < b->min_args || (b->max_args != UP_ARGS_ANY && npos > b->max_args)) {
        if (b->min_args == b->max_args) {
            return up_raise_fmt(&up_type_TypeError, "%s() takes exactly %d argument%s (%d given)",
                                b->name, (up_int_t)b->min_args, b->min_args == 1 ? "" : "s",
                                (up_int_t)npos);
        }
        if (npos < b->min_args) {
            return up_raise_fmt(&up_type_TypeError, "%s expected at least %d argument%s, got %d",
                                b->name, (up_int_t)b->min_args, b->min_args == 1 ? "" : "s",
                                (up_int_t)npos);
        }
        return up_raise_fmt(&up_type_TypeError, "%s expected at most %d argument%s, got %d", b->name,
                            (up_int_t)b->max_args, b->max_args == 1 ? "" : "s", (up_int_t)npos);
    }
    return b->fn(n, args, kwnames);
}

int up_builtinfn_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    up_printer_puts(p, "<built-in function ");
    up_printer_puts(p, ((const up_builtin_t *)self)->name);
    up_printer_putc(p, '>');
    return 0;
}

up_obj_t up_bound_new(up_obj_t self, up_obj_t fun) {
    up_bound_t *b = up_alloc(sizeof(up_bound_t));
    if (b == NULL) {
        return UP_NULL;
    }
    b->base.type = &up_type_bound_method;
    b->self = self;
    b->fun = fun;
    return (up_obj_t)b;
}

up_obj_t up_bound_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    const up_bound_t *b = (const up_bound_t *)self;
    up_obj_t buf[UP_MAX_PARAMS + 1];
    up_obj_t *full = buf;
    if (n + 1 > sizeof buf / sizeof buf[0]) {
        full = up_alloc((n + 1) * sizeof(up_obj_t));
        if (full == NULL) {
            return UP_NULL;
        }
    }
    full[0] = b->self;
    if (n > 0) {
        memcpy(full + 1, args, n * sizeof(up_obj_t));
    }
    return up_call(b->fun, n + 1, full, kwnames);
}

int up_bound_print(up_printer_t *p, up_obj_t self, int kind) {
    const up_bound_t *b = (const up_bound_t *)self;
    up_printer_puts(p, "<bound method ");
    up_obj_t name = up_getattr_default(b->fun, UP_Q(__name__), UP_NULL);
    if (name != UP_NULL && up_is_str(name)) {
        up_printer_puts(p, up_type_name(b->self));
        up_printer_putc(p, '.');
        up_printer_puts(p, up_str_data(name));
    }
    up_printer_puts(p, " of ");
    if (up_print_obj(p, b->self, kind) < 0) {
        return -1;
    }
    up_printer_putc(p, '>');
    return 0;
}

up_obj_t up_bound_binary_op(int op, up_obj_t a, up_obj_t b) {
    if ((op == UP_OP_EQ || op == UP_OP_NE) && up_type_is(a, &up_type_bound_method) &&
        up_type_is(b, &up_type_bound_method)) {
        const up_bound_t *x = (const up_bound_t *)a, *y = (const up_bound_t *)b;
        bool eq = x->self == y->self && x->fun == y->fun;
        return up_bool(op == UP_OP_EQ ? eq : !eq);
    }
    return UP_NOTIMPL;
}
