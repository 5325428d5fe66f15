// Instances of classes compiled from Python: construction (__init__),
// attributes (slots the compiler laid out, then a dict), and the type slots
// that forward operators to special methods (__add__, __eq__, __len__...).
//
// A special method is looked up on the class (and its parents) by name,
// never on the instance, as in CPython.
#include "up.h"

up_obj_t up_instance_new(const up_type_t *t) {
    up_instance_t *inst = up_alloc(sizeof(up_instance_t) + t->nslots * sizeof(up_obj_t));
    if (inst == NULL) {
        return UP_NULL;
    }
    inst->base.type = t;
    return (up_obj_t)inst;
}

// The first ancestor that is not a user class (object, or an exception type).
static const up_type_t *native_base(const up_type_t *t) {
    while (t->flags & UP_TF_USER) {
        t = t->parent;
    }
    return t;
}

// A special method defined by a user class in t's chain, or UP_NULL.
static up_obj_t user_special(const up_type_t *t, up_obj_t name) {
    for (; t != NULL && (t->flags & UP_TF_USER); t = t->parent) {
        up_obj_t v = up_type_lookup(t, name);
        if (v != UP_NULL) {
            // up_type_lookup walks the whole chain: accept only what a user
            // class (not object/BaseException) provides.
            const up_type_t *nb = native_base(t);
            if (up_type_lookup(nb, name) == v) {
                return UP_NULL;
            }
            return v;
        }
    }
    return UP_NULL;
}

up_obj_t up_instance_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    const up_type_t *nb = native_base(type);
    up_obj_t self;
    if (nb->flags & UP_TF_EXCEPTION) {
        // BaseException.__new__ keeps the positional arguments as args.
        self = up_exc_new(type, up_npos(n, kwnames), args);
    } else {
        self = up_instance_new(type);
    }
    if (self == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t init = user_special(type, UP_Q(__init__));
    if (init == UP_NULL) {
        if ((n > 0 || kwnames) && !(nb->flags & UP_TF_EXCEPTION)) {
            return up_raise_fmt(&up_type_TypeError, "%s() takes no arguments", up_type_name_of(type));
        }
        return self;
    }
    up_obj_t buf[UP_MAX_PARAMS + 1];
    up_obj_t *full = buf;
    if (n + 1 > sizeof buf / sizeof buf[0]) {
        full = up_alloc((n + 1) * sizeof(up_obj_t));
        if (full == NULL) {
            return UP_NULL;
        }
    }
    full[0] = self;
    if (n > 0) {
        memcpy(full + 1, args, n * sizeof(up_obj_t));
    }
    up_obj_t r = up_call(init, n + 1, full, kwnames);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    if (r != UP_NONE) {
        return up_raise_fmt(&up_type_TypeError, "__init__() should return None, not '%T'", r);
    }
    return self;
}

// ---- attributes -------------------------------------------------------------------

static int slot_index(const up_type_t *t, up_obj_t name) {
    for (size_t i = 0; i < t->nslots; i++) {
        if (t->slot_names[i] == name) {
            return (int)i;
        }
    }
    for (size_t i = 0; i < t->nslots; i++) {
        if (up_str_eq(t->slot_names[i], name)) {
            return (int)i;
        }
    }
    return -1;
}

up_obj_t up_instance_attr(up_obj_t self, up_obj_t name, up_obj_t value) {
    up_instance_t *inst = (up_instance_t *)self;
    const up_type_t *t = inst->base.type;
    if (value == UP_NULL) {
        int i = slot_index(t, name);
        if (i >= 0 && inst->slots[i] != UP_NULL) {
            return inst->slots[i];
        }
        if (inst->dict != UP_NULL) {
            up_obj_t v = up_dict_lookup_str(inst->dict, name);
            if (v != UP_NULL) {
                return v;
            }
        }
        if (up_str_eq(name, UP_Q(__dict__))) {
            if (inst->dict == UP_NULL) {
                inst->dict = up_dict_new();
            }
            return inst->dict;
        }
        return UP_NOTIMPL;
    }
    // Store or delete: a property on the class takes precedence.
    up_obj_t cv = up_type_lookup(t, name);
    if (cv != UP_NULL && up_type_is(cv, &up_type_property)) {
        return up_property_set(cv, self, value) < 0 ? UP_NULL : UP_NONE;
    }
    int i = slot_index(t, name);
    if (value == UP_DELETE) {
        if (i >= 0 && inst->slots[i] != UP_NULL) {
            inst->slots[i] = UP_NULL;
            return UP_NONE;
        }
        if (inst->dict != UP_NULL && up_dict_lookup_str(inst->dict, name) != UP_NULL) {
            return up_dict_delitem_str(inst->dict, name) < 0 ? UP_NULL : UP_NONE;
        }
        return up_raise_fmt(&up_type_AttributeError, "'%T' object has no attribute '%q'", self, name);
    }
    if (i >= 0) {
        inst->slots[i] = value;
        return UP_NONE;
    }
    if (inst->dict == UP_NULL) {
        inst->dict = up_dict_new();
        if (inst->dict == UP_NULL) {
            return UP_NULL;
        }
    }
    return up_dict_setitem_str(inst->dict, name, value) < 0 ? UP_NULL : UP_NONE;
}

up_obj_t up_class_dict(const up_type_t *t) {
    if (t->class_dict == NULL) {
        return UP_NULL;
    }
    if (*t->class_dict == UP_NULL) {
        *t->class_dict = up_dict_new();
    }
    return *t->class_dict;
}

int up_class_setattr(const up_type_t *t, up_obj_t name, up_obj_t value) {
    up_obj_t d = up_class_dict(t);
    if (d == UP_NULL) {
        if (up_exc_pending == UP_NULL) {
            up_raise_fmt(&up_type_TypeError, "cannot set '%q' attribute of type '%s'", name,
                         up_type_name_of(t));
        }
        return -1;
    }
    if (value == UP_DELETE) {
        return up_dict_delitem_str(d, name);
    }
    return up_dict_setitem_str(d, name, value);
}

up_obj_t up_super_getattr(const up_type_t *cls, up_obj_t self, up_obj_t name) {
    up_obj_t v = cls->parent ? up_type_lookup(cls->parent, name) : UP_NULL;
    if (v == UP_NULL) {
        return up_raise_fmt(&up_type_AttributeError, "'super' object has no attribute '%q'", name);
    }
    const up_type_t *vt = up_type_of(v);
    if (vt == &up_type_function || vt == &up_type_builtin) {
        return up_bound_new(self, v);
    }
    if (vt == &up_type_staticmethod) {
        return up_wrapper_fun(v);
    }
    if (vt == &up_type_classmethod) {
        return up_bound_new((up_obj_t)up_type_of(self), up_wrapper_fun(v));
    }
    if (vt == &up_type_property) {
        return up_property_get(v, self);
    }
    return v;
}

up_obj_t up_super_call_method(const up_type_t *cls, up_obj_t name, size_t n, const up_obj_t *args,
                              up_obj_t kwnames) {
    up_obj_t v = cls->parent ? up_type_lookup(cls->parent, name) : UP_NULL;
    if (v != UP_NULL) {
        const up_type_t *vt = up_type_of(v);
        if (vt == &up_type_function || vt == &up_type_builtin) {
            return up_call(v, n, args, kwnames);
        }
    }
    up_obj_t f = up_super_getattr(cls, args[0], name);
    if (f == UP_NULL) {
        return UP_NULL;
    }
    return up_call(f, n - 1, args + 1, kwnames);
}

// ---- special methods --------------------------------------------------------------

// Call special method `name` of self's class with one extra argument (or
// none when arg is UP_NULL). Returns UP_NOTIMPL when the class lacks it.
static up_obj_t call_special(up_obj_t self, up_obj_t name, up_obj_t arg) {
    up_obj_t m = user_special(up_type_of(self), name);
    if (m == UP_NULL) {
        return UP_NOTIMPL;
    }
    up_obj_t args[2] = {self, arg};
    return up_call(m, arg == UP_NULL ? 1 : 2, args, UP_NULL);
}

int up_instance_print(up_printer_t *p, up_obj_t self, int kind) {
    const up_type_t *t = up_type_of(self);
    up_obj_t r = UP_NOTIMPL;
    if (kind == UP_PRINT_STR) {
        r = call_special(self, UP_Q(__str__), UP_NULL);
    }
    if (r == UP_NOTIMPL) {
        r = call_special(self, UP_Q(__repr__), UP_NULL);
    }
    if (r == UP_NULL) {
        return -1;
    }
    if (r != UP_NOTIMPL) {
        if (!up_is_str(r)) {
            up_raise_fmt(&up_type_TypeError, "__%s__ returned non-string (type %T)",
                         kind == UP_PRINT_STR ? "str" : "repr", r);
            return -1;
        }
        up_printer_write(p, up_str_data(r), up_str_size(r));
        return 0;
    }
    const up_type_t *nb = native_base(t);
    if (nb->print != NULL && nb->print != up_instance_print) {
        return nb->print(p, self, kind);
    }
    up_printer_putc(p, '<');
    if (t->flags & UP_TF_USER) {
        up_printer_puts(p, "__main__.");
    }
    up_printer_puts(p, up_type_name_of(t));
    up_printer_puts(p, " object at 0x");
    char buf[2 * sizeof(uintptr_t)];
    uintptr_t v = self;
    size_t n = 0;
    do {
        buf[sizeof buf - 1 - n++] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    up_printer_write(p, buf + sizeof buf - n, n);
    up_printer_putc(p, '>');
    return 0;
}

static const up_obj_t binop_names[] = {
    UP_Q(__add__), UP_Q(__sub__), UP_Q(__mul__), UP_Q(__truediv__), UP_Q(__floordiv__),
    UP_Q(__mod__), UP_Q(__pow__), UP_Q(__lshift__), UP_Q(__rshift__), UP_Q(__and__),
    UP_Q(__or__), UP_Q(__xor__), UP_Q(__matmul__),
};
static const up_obj_t rbinop_names[] = {
    UP_Q(__radd__), UP_Q(__rsub__), UP_Q(__rmul__), UP_Q(__rtruediv__), UP_Q(__rfloordiv__),
    UP_Q(__rmod__), UP_Q(__rpow__), UP_Q(__rlshift__), UP_Q(__rrshift__), UP_Q(__rand__),
    UP_Q(__ror__), UP_Q(__rxor__), UP_Q(__rmatmul__),
};
static const up_obj_t ibinop_names[] = {
    UP_Q(__iadd__), UP_Q(__isub__), UP_Q(__imul__), UP_Q(__itruediv__), UP_Q(__ifloordiv__),
    UP_Q(__imod__), UP_Q(__ipow__), UP_Q(__ilshift__), UP_Q(__irshift__), UP_Q(__iand__),
    UP_Q(__ior__), UP_Q(__ixor__), UP_Q(__imatmul__),
};
// comparisons, indexed by op - UP_OP_LT, and their reflections
static const up_obj_t cmp_names[] = {
    UP_Q(__lt__), UP_Q(__le__), UP_Q(__eq__), UP_Q(__ne__), UP_Q(__gt__), UP_Q(__ge__),
};
static const up_obj_t rcmp_names[] = {
    UP_Q(__gt__), UP_Q(__ge__), UP_Q(__eq__), UP_Q(__ne__), UP_Q(__lt__), UP_Q(__le__),
};

static bool is_mine(up_obj_t o, up_obj_t (*slot)(int, up_obj_t, up_obj_t)) {
    return up_is_ptr(o) && up_type_of(o)->binary_op == slot;
}

// When both operands are instances of Python classes, this one call tries
// a's method and then b's reflected one (up_binary_op calls the slot once
// for them, since both types share it).
up_obj_t up_instance_binary_op(int op, up_obj_t a, up_obj_t b) {
    bool a_mine = is_mine(a, up_instance_binary_op);
    bool b_mine = is_mine(b, up_instance_binary_op);
    if (op == UP_OP_CONTAINS) {
        up_obj_t r = call_special(a, UP_Q(__contains__), b);
        if (r == UP_NULL || r == UP_NOTIMPL) {
            return r;
        }
        int t = up_truthy(r);
        return t < 0 ? UP_NULL : up_bool(t);
    }
    if (op >= UP_OP_LT && op <= UP_OP_GE) {
        int k = op - UP_OP_LT;
        up_obj_t r = UP_NOTIMPL;
        if (a_mine) {
            r = call_special(a, cmp_names[k], b);
        }
        if (r == UP_NOTIMPL && b_mine) {
            r = call_special(b, rcmp_names[k], a);
        }
        if (r == UP_NOTIMPL && op == UP_OP_NE) {
            // object.__ne__ inverts __eq__
            r = a_mine ? call_special(a, UP_Q(__eq__), b) : call_special(b, UP_Q(__eq__), a);
            if (r != UP_NULL && r != UP_NOTIMPL) {
                int t = up_truthy(r);
                return t < 0 ? UP_NULL : up_bool(!t);
            }
        }
        return r;
    }
    if (op >= UP_OP_IADD && op <= UP_OP_IMATMUL) {
        if (!a_mine) {
            return UP_NOTIMPL;
        }
        return call_special(a, ibinop_names[op - UP_OP_IADD], b);
    }
    up_obj_t r = UP_NOTIMPL;
    if (a_mine) {
        r = call_special(a, binop_names[op], b);
    }
    if (r == UP_NOTIMPL && b_mine && (!a_mine || up_type_of(a) != up_type_of(b))) {
        r = call_special(b, rbinop_names[op], a);
    }
    return r;
}

up_obj_t up_instance_unary_op(int op, up_obj_t a) {
    up_obj_t r;
    switch (op) {
    case UP_UOP_NEG:
        return call_special(a, UP_Q(__neg__), UP_NULL);
    case UP_UOP_POS:
        return call_special(a, UP_Q(__pos__), UP_NULL);
    case UP_UOP_INVERT:
        return call_special(a, UP_Q(__invert__), UP_NULL);
    case UP_UOP_ABS:
        return call_special(a, UP_Q(__abs__), UP_NULL);
    case UP_UOP_INT:
        r = call_special(a, UP_Q(__int__), UP_NULL);
        return r == UP_NOTIMPL ? call_special(a, UP_Q(__index__), UP_NULL) : r;
    case UP_UOP_FLOAT:
        return call_special(a, UP_Q(__float__), UP_NULL);
    case UP_UOP_LEN:
        return call_special(a, UP_Q(__len__), UP_NULL);
    case UP_UOP_BOOL:
        r = call_special(a, UP_Q(__bool__), UP_NULL);
        if (r != UP_NULL && r != UP_NOTIMPL && !up_is_bool(r)) {
            return up_raise_fmt(&up_type_TypeError, "__bool__ should return bool, returned %T", r);
        }
        return r;
    case UP_UOP_HASH: {
        const up_type_t *t = up_type_of(a);
        up_obj_t h = user_special(t, UP_Q(__hash__));
        if (h == UP_NULL) {
            // A class that defines __eq__ but not __hash__ is unhashable.
            if (user_special(t, UP_Q(__eq__)) != UP_NULL) {
                return up_raise_fmt(&up_type_TypeError, "unhashable type: '%T'", a);
            }
            return up_small((up_int_t)(a >> 2));
        }
        if (h == UP_NONE) {
            return up_raise_fmt(&up_type_TypeError, "unhashable type: '%T'", a);
        }
        r = up_call1(h, a);
        if (r != UP_NULL && !up_is_int(r)) {
            return up_raise_msg(&up_type_TypeError, "__hash__ method should return an integer");
        }
        if (r != UP_NULL && !up_is_small(r)) {
            return up_int_hash(r);
        }
        return r;
    }
    default:
        return UP_NOTIMPL;
    }
}

up_obj_t up_instance_subscr(up_obj_t self, up_obj_t index, up_obj_t value) {
    if (value == UP_NULL) {
        return call_special(self, UP_Q(__getitem__), index);
    }
    up_obj_t name = value == UP_DELETE ? UP_Q(__delitem__) : UP_Q(__setitem__);
    up_obj_t m = user_special(up_type_of(self), name);
    if (m == UP_NULL) {
        return UP_NOTIMPL;
    }
    up_obj_t args[3] = {self, index, value};
    up_obj_t r = up_call(m, value == UP_DELETE ? 2 : 3, args, UP_NULL);
    return r == UP_NULL ? UP_NULL : UP_NONE;
}

// Iterating an object that has __getitem__ but no __iter__: index 0, 1, ...
// until IndexError.
typedef struct {
    up_base_t base;
    up_obj_t seq;
    up_int_t index;
} seq_iter_t;

static up_obj_t seq_iternext(up_obj_t self) {
    seq_iter_t *it = (seq_iter_t *)self;
    if (it->seq == UP_NULL) {
        return UP_STOP;
    }
    up_obj_t r = up_getitem(it->seq, up_small(it->index));
    if (r == UP_NULL) {
        const up_type_t *t = up_exc_type(up_exc_pending);
        if (up_type_derives(t, &up_type_IndexError) || up_type_derives(t, &up_type_StopIteration)) {
            up_exc_fetch();
            it->seq = UP_NULL;
            return UP_STOP;
        }
        return UP_NULL;
    }
    it->index++;
    return r;
}

static const up_type_t type_seq_iter = {
    .base = {&up_type_type},
    .name = "iterator",
    .parent = &up_type_object,
    .flags = UP_TF_ITERATOR,
    .iternext = seq_iternext,
};

up_obj_t up_instance_getiter(up_obj_t self) {
    up_obj_t r = call_special(self, UP_Q(__iter__), UP_NULL);
    if (r != UP_NOTIMPL) {
        if (r != UP_NULL && up_type_of(r)->iternext == NULL) {
            return up_raise_fmt(&up_type_TypeError, "iter() returned non-iterator of type '%T'", r);
        }
        return r;
    }
    if (user_special(up_type_of(self), UP_Q(__getitem__)) != UP_NULL) {
        seq_iter_t *it = up_alloc(sizeof(seq_iter_t));
        if (it == NULL) {
            return UP_NULL;
        }
        it->base.type = &type_seq_iter;
        it->seq = self;
        return (up_obj_t)it;
    }
    return up_raise_fmt(&up_type_TypeError, "'%T' object is not iterable", self);
}

up_obj_t up_instance_iternext(up_obj_t self) {
    up_obj_t r = call_special(self, UP_Q(__next__), UP_NULL);
    if (r == UP_NOTIMPL) {
        return up_raise_fmt(&up_type_TypeError, "'%T' object is not an iterator", self);
    }
    if (r == UP_NULL && up_type_derives(up_exc_type(up_exc_pending), &up_type_StopIteration)) {
        up_exc_fetch();
        return UP_STOP;
    }
    return r;
}

up_obj_t up_instance_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_obj_t m = user_special(up_type_of(self), UP_Q(__call__));
    if (m == UP_NULL) {
        return up_raise_fmt(&up_type_TypeError, "'%T' object is not callable", self);
    }
    up_obj_t buf[UP_MAX_PARAMS + 1];
    up_obj_t *full = buf;
    if (n + 1 > sizeof buf / sizeof buf[0]) {
        full = up_alloc((n + 1) * sizeof(up_obj_t));
        if (full == NULL) {
            return UP_NULL;
        }
    }
    full[0] = self;
    if (n > 0) {
        memcpy(full + 1, args, n * sizeof(up_obj_t));
    }
    return up_call(m, n + 1, full, kwnames);
}
