// Generic operations: dispatch through the type slots with CPython's
// fallbacks (reflected operands, in-place to plain, identity equality) and
// CPython's error messages.
#include "up.h"

// ---- binary operators and comparisons ---------------------------------------------

static const char *const binop_symbols[UP_OP__COUNT] = {
    "+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@",
    "+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@=",
    "<", "<=", "==", "!=", ">", ">=", "in",
};

static up_obj_t try_slots(int op, up_obj_t a, up_obj_t b) {
    const up_type_t *ta = up_type_of(a), *tb = up_type_of(b);
    if (ta->binary_op != NULL) {
        up_obj_t r = ta->binary_op(op, a, b);
        if (r != UP_NOTIMPL) {
            return r;
        }
    }
    if (tb != ta && tb->binary_op != NULL && tb->binary_op != ta->binary_op) {
        up_obj_t r = tb->binary_op(op, a, b);
        if (r != UP_NOTIMPL) {
            return r;
        }
    }
    return UP_NOTIMPL;
}

up_obj_t up_binary_op(int op, up_obj_t a, up_obj_t b) {
    if (op == UP_OP_CONTAINS) {
        int r = up_contains(a, b);
        return r < 0 ? UP_NULL : up_bool(r);
    }
    up_obj_t r = try_slots(op, a, b);
    if (r != UP_NOTIMPL) {
        return r;
    }
    if (op >= UP_OP_IADD && op <= UP_OP_IMATMUL) {
        int plain = op - UP_OP_IADD + UP_OP_ADD;
        r = try_slots(plain, a, b);
        if (r != UP_NOTIMPL) {
            return r;
        }
    }
    switch (op) {
    case UP_OP_EQ:
        return up_bool(a == b);
    case UP_OP_NE:
        return up_bool(a != b);
    case UP_OP_LT:
    case UP_OP_LE:
    case UP_OP_GT:
    case UP_OP_GE:
        return up_raise_fmt(&up_type_TypeError, "'%s' not supported between instances of '%T' and '%T'",
                            binop_symbols[op], a, b);
    default:
        break;
    }
    if (op == UP_OP_POW || op == UP_OP_IPOW) {
        return up_raise_fmt(&up_type_TypeError, "unsupported operand type(s) for %s: '%T' and '%T'",
                            op == UP_OP_POW ? "** or pow()" : "**=", a, b);
    }
    return up_raise_fmt(&up_type_TypeError, "unsupported operand type(s) for %s: '%T' and '%T'",
                        binop_symbols[op], a, b);
}

up_obj_t up_compare(int op, up_obj_t a, up_obj_t b) {
    return up_binary_op(op, a, b);
}

int up_compare_bool(int op, up_obj_t a, up_obj_t b) {
    if (up_both_small(a, b)) {
        up_int_t x = (up_int_t)a, y = (up_int_t)b;
        switch (op) {
        case UP_OP_LT:
            return x < y;
        case UP_OP_LE:
            return x <= y;
        case UP_OP_EQ:
            return x == y;
        case UP_OP_NE:
            return x != y;
        case UP_OP_GT:
            return x > y;
        case UP_OP_GE:
            return x >= y;
        default:
            break;
        }
    }
    if (up_is_str(a) && up_is_str(b)) {
        if (op == UP_OP_EQ) {
            return up_str_eq(a, b);
        }
        if (op == UP_OP_NE) {
            return !up_str_eq(a, b);
        }
        int c = up_str_compare(a, b);
        switch (op) {
        case UP_OP_LT:
            return c < 0;
        case UP_OP_LE:
            return c <= 0;
        case UP_OP_GT:
            return c > 0;
        case UP_OP_GE:
            return c >= 0;
        default:
            break;
        }
    }
    up_obj_t r = up_binary_op(op, a, b);
    if (r == UP_NULL) {
        return -1;
    }
    return up_truthy(r);
}

int up_eq(up_obj_t a, up_obj_t b) {
    if (a == b) {
        return 1;  // containers treat identity as equality (as CPython does)
    }
    if (up_both_small(a, b)) {
        return 0;
    }
    return up_compare_bool(UP_OP_EQ, a, b);
}

int up_contains(up_obj_t container, up_obj_t item) {
    const up_type_t *t = up_type_of(container);
    if (t->binary_op != NULL) {
        up_obj_t r = t->binary_op(UP_OP_CONTAINS, container, item);
        if (r == UP_NULL) {
            return -1;
        }
        if (r != UP_NOTIMPL) {
            return up_truthy(r);
        }
    }
    // Fall back to iteration (__iter__ or __getitem__).
    if (t->getiter == NULL) {
        up_raise_fmt(&up_type_TypeError, "argument of type '%T' is not iterable", container);
        return -1;
    }
    up_obj_t it = up_getiter(container);
    if (it == UP_NULL) {
        return -1;
    }
    for (;;) {
        up_obj_t x = up_iternext(it);
        if (x == UP_NULL) {
            return -1;
        }
        if (x == UP_STOP) {
            return 0;
        }
        int e = up_eq(x, item);
        if (e != 0) {
            return e;
        }
    }
}

// ---- unary operators ----------------------------------------------------------

static const char *const unop_symbols[UP_UOP__COUNT] = {
    "unary -", "unary +", "unary ~", "abs()", "bool", "len", "hash", "int", "float",
};

up_obj_t up_unary_op(int op, up_obj_t a) {
    const up_type_t *t = up_type_of(a);
    if (t->unary_op != NULL) {
        up_obj_t r = t->unary_op(op, a);
        if (r != UP_NOTIMPL) {
            return r;
        }
    }
    switch (op) {
    case UP_UOP_BOOL: {
        int b = up_truthy(a);
        return b < 0 ? UP_NULL : up_bool(b);
    }
    case UP_UOP_LEN:
        return up_raise_fmt(&up_type_TypeError, "object of type '%T' has no len()", a);
    case UP_UOP_HASH: {
        up_int_t h;
        return up_hash(a, &h) < 0 ? UP_NULL : up_small(h);
    }
    case UP_UOP_ABS:
        return up_raise_fmt(&up_type_TypeError, "bad operand type for abs(): '%T'", a);
    case UP_UOP_INT:
        return up_raise_fmt(&up_type_TypeError,
                            "int() argument must be a string, a bytes-like object or a real number, not '%T'",
                            a);
    case UP_UOP_FLOAT:
        return up_raise_fmt(&up_type_TypeError, "float() argument must be a string or a real number, not '%T'",
                            a);
    default:
        return up_raise_fmt(&up_type_TypeError, "bad operand type for %s: '%T'", unop_symbols[op], a);
    }
}

int up_truthy(up_obj_t o) {
    if (o == UP_TRUE) {
        return 1;
    }
    if (o == UP_FALSE || o == UP_NONE) {
        return 0;
    }
    if (up_is_small(o)) {
        return o != up_small(0);
    }
    const up_type_t *t = up_type_of(o);
    if (t == &up_type_str) {
        return up_str_size(o) != 0;
    }
    if (t == &up_type_list) {
        return up_list_len(o) != 0;
    }
    if (t->unary_op != NULL) {
        up_obj_t r = t->unary_op(UP_UOP_BOOL, o);
        if (r == UP_NULL) {
            return -1;
        }
        if (r != UP_NOTIMPL) {
            return r == UP_TRUE;
        }
        r = t->unary_op(UP_UOP_LEN, o);
        if (r == UP_NULL) {
            return -1;
        }
        if (r != UP_NOTIMPL) {
            return r != up_small(0);
        }
    }
    return 1;
}

bool up_is_hashable(up_obj_t o) {
    const up_type_t *t = up_type_of(o);
    return !(t->flags & UP_TF_UNHASHABLE);
}

int up_hash(up_obj_t o, up_int_t *out) {
    if (up_is_small(o)) {
        up_int_t v = up_small_value(o);
        if (v > -(1L << 30) && v < (1L << 30)) {
            *out = v == -1 ? -2 : v;
            return 0;
        }
    } else if (up_is_str(o)) {
        // As the str type's hash slot: a small int on every target.
        *out = (up_int_t)(up_str_hash(o) & (uint32_t)UP_SMALL_MAX);
        return 0;
    }
    const up_type_t *t = up_type_of(o);
    if (!(t->flags & UP_TF_UNHASHABLE) && t->unary_op != NULL) {
        up_obj_t r = t->unary_op(UP_UOP_HASH, o);
        if (r == UP_NULL) {
            return -1;
        }
        if (r != UP_NOTIMPL) {
            if (!up_is_small(r)) {
                up_raise_msg(&up_type_TypeError, "__hash__ method should return an integer");
                return -1;
            }
            *out = up_small_value(r);
            return 0;
        }
    }
    if (t->flags & UP_TF_UNHASHABLE) {
        up_raise_fmt(&up_type_TypeError, "unhashable type: '%s'", up_type_name_of(t));
        return -1;
    }
    *out = (up_int_t)(o >> 2);  // identity hash
    return 0;
}

int up_len(up_obj_t o, up_int_t *out) {
    if (up_is_str(o)) {
        *out = (up_int_t)up_str_len(o);
        return 0;
    }
    if (up_is_list(o)) {
        *out = (up_int_t)up_list_len(o);
        return 0;
    }
    if (up_is_tuple(o)) {
        *out = (up_int_t)up_tuple_len(o);
        return 0;
    }
    up_obj_t r = up_unary_op(UP_UOP_LEN, o);
    if (r == UP_NULL) {
        return -1;
    }
    if (!up_is_small(r) || up_small_value(r) < 0) {
        if (up_is_int(r) && up_int_sign(r) >= 0) {
            up_raise_msg(&up_type_OverflowError, "cannot fit 'int' into an index-sized integer");
        } else if (up_is_int(r)) {
            up_raise_msg(&up_type_ValueError, "__len__() should return >= 0");
        } else {
            up_raise_fmt(&up_type_TypeError, "'%T' object cannot be interpreted as an integer", r);
        }
        return -1;
    }
    *out = up_small_value(r);
    return 0;
}

up_obj_t up_len_obj(up_obj_t o) {
    up_int_t n;
    return up_len(o, &n) < 0 ? UP_NULL : up_small(n);
}

// ---- subscripts ---------------------------------------------------------------

up_obj_t up_getitem(up_obj_t o, up_obj_t index) {
    const up_type_t *t = up_type_of(o);
    if (t->subscr != NULL) {
        up_obj_t r = t->subscr(o, index, UP_NULL);
        if (r != UP_NOTIMPL) {
            return r;
        }
    }
    if (up_is_type(o)) {
        return up_raise_fmt(&up_type_TypeError, "type '%s' is not subscriptable",
                            up_type_name_of((const up_type_t *)o));
    }
    return up_raise_fmt(&up_type_TypeError, "'%T' object is not subscriptable", o);
}

int up_setitem(up_obj_t o, up_obj_t index, up_obj_t value) {
    const up_type_t *t = up_type_of(o);
    if (t->subscr != NULL) {
        up_obj_t r = t->subscr(o, index, value);
        if (r != UP_NOTIMPL) {
            return r == UP_NULL ? -1 : 0;
        }
    }
    up_raise_fmt(&up_type_TypeError, "'%T' object does not support item assignment", o);
    return -1;
}

int up_delitem(up_obj_t o, up_obj_t index) {
    const up_type_t *t = up_type_of(o);
    if (t->subscr != NULL) {
        up_obj_t r = t->subscr(o, index, UP_DELETE);
        if (r != UP_NOTIMPL) {
            return r == UP_NULL ? -1 : 0;
        }
    }
    up_raise_fmt(&up_type_TypeError, "'%T' object doesn't support item deletion", o);
    return -1;
}

// ---- iteration --------------------------------------------------------------------

up_obj_t up_getiter(up_obj_t o) {
    const up_type_t *t = up_type_of(o);
    if (t->getiter != NULL) {
        return t->getiter(o);
    }
    if (t->flags & UP_TF_ITERATOR) {
        return o;
    }
    return up_raise_fmt(&up_type_TypeError, "'%T' object is not iterable", o);
}

up_obj_t up_iternext(up_obj_t it) {
    const up_type_t *t = up_type_of(it);
    if (t->iternext != NULL) {
        return t->iternext(it);
    }
    return up_raise_fmt(&up_type_TypeError, "'%T' object is not an iterator", it);
}

up_obj_t up_list_from_iter(up_obj_t iterable) {
    if (up_is_list(iterable)) {
        return up_list_copy(iterable);
    }
    if (up_is_tuple(iterable)) {
        return up_list_from_items(up_tuple_len(iterable), ((const up_tuple_t *)iterable)->items);
    }
    up_obj_t l = up_list_new(0);
    if (l == UP_NULL || up_list_extend(l, iterable) < 0) {
        return UP_NULL;
    }
    return l;
}

up_obj_t up_tuple_from_iter(up_obj_t iterable) {
    if (up_is_tuple(iterable)) {
        return iterable;
    }
    if (up_is_list(iterable)) {
        return up_tuple_from_items(up_list_len(iterable), ((const up_list_t *)iterable)->items);
    }
    up_obj_t l = up_list_from_iter(iterable);
    if (l == UP_NULL) {
        return UP_NULL;
    }
    return up_tuple_from_items(up_list_len(l), ((const up_list_t *)l)->items);
}

static int unpack_count_error(size_t expected, size_t got, bool too_many) {
    if (too_many) {
        up_raise_fmt(&up_type_ValueError, "too many values to unpack (expected %d)", (up_int_t)expected);
    } else {
        up_raise_fmt(&up_type_ValueError, "not enough values to unpack (expected %d, got %d)",
                     (up_int_t)expected, (up_int_t)got);
    }
    return -1;
}

int up_unpack(up_obj_t iterable, size_t n, up_obj_t *out) {
    const up_obj_t *items = NULL;
    size_t len = 0;
    if (up_is_tuple(iterable)) {
        items = ((const up_tuple_t *)iterable)->items;
        len = up_tuple_len(iterable);
    } else if (up_is_list(iterable)) {
        items = ((const up_list_t *)iterable)->items;
        len = up_list_len(iterable);
    }
    if (items != NULL) {
        if (len != n) {
            return unpack_count_error(n, len, len > n);
        }
        if (n > 0) {  // out is NULL for `() = ()`
            memcpy(out, items, n * sizeof(up_obj_t));
        }
        return 0;
    }
    up_obj_t it = up_getiter(iterable);
    if (it == UP_NULL) {
        if (up_exc_type(up_exc_pending) == &up_type_TypeError) {
            up_exc_fetch();
            up_raise_fmt(&up_type_TypeError, "cannot unpack non-iterable %T object", iterable);
        }
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        up_obj_t x = up_iternext(it);
        if (x == UP_NULL) {
            return -1;
        }
        if (x == UP_STOP) {
            return unpack_count_error(n, i, false);
        }
        out[i] = x;
    }
    up_obj_t extra = up_iternext(it);
    if (extra == UP_NULL) {
        return -1;
    }
    if (extra != UP_STOP) {
        return unpack_count_error(n, n + 1, true);
    }
    return 0;
}

int up_unpack_ex(up_obj_t iterable, size_t before, size_t after, up_obj_t *out) {
    up_obj_t l = up_list_from_iter(iterable);
    if (l == UP_NULL) {
        return -1;
    }
    size_t len = up_list_len(l);
    if (len < before + after) {
        up_raise_fmt(&up_type_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                     (up_int_t)(before + after), (up_int_t)len);
        return -1;
    }
    // items is NULL when the list is empty: no pointer arithmetic on it then.
    const up_obj_t *items = ((const up_list_t *)l)->items;
    for (size_t i = 0; i < before; i++) {
        out[i] = items[i];
    }
    up_obj_t mid = up_list_from_items(len - before - after, len > 0 ? items + before : NULL);
    if (mid == UP_NULL) {
        return -1;
    }
    out[before] = mid;
    for (size_t i = 0; i < after; i++) {
        out[before + 1 + i] = items[len - after + i];
    }
    return 0;
}

// ---- attributes ------------------------------------------------------------------

up_obj_t up_type_lookup(const up_type_t *t, up_obj_t name) {
    for (; t != NULL; t = t->parent) {
        if (t->class_dict != NULL && *t->class_dict != UP_NULL) {
            up_obj_t v = up_dict_lookup_str(*t->class_dict, name);
            if (v != UP_NULL) {
                return v;
            }
        }
        const up_methods_t *m = t->methods;
        if (m != NULL) {
            for (size_t i = 0; i < m->n; i++) {
                if (m->entries[i].name == name) {
                    return m->entries[i].value;
                }
            }
            for (size_t i = 0; i < m->n; i++) {
                if (up_str_eq(m->entries[i].name, name)) {
                    return m->entries[i].value;
                }
            }
        }
    }
    return UP_NULL;
}

// A class attribute found through an instance: functions become bound
// methods, descriptors do their thing.
static up_obj_t bind_attr(up_obj_t self, up_obj_t v) {
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

static up_obj_t attr_error(up_obj_t o, up_obj_t name) {
    if (up_is_type(o)) {
        return up_raise_fmt(&up_type_AttributeError, "type object '%s' has no attribute '%q'",
                            up_type_name_of((const up_type_t *)o), name);
    }
    if (up_type_is(o, &up_type_module)) {
        return up_raise_fmt(&up_type_AttributeError, "module '%S' has no attribute '%q'",
                            up_getattr(o, UP_Q(__name__)), name);
    }
    return up_raise_fmt(&up_type_AttributeError, "'%T' object has no attribute '%q'", o, name);
}

up_obj_t up_getattr(up_obj_t o, up_obj_t name) {
    const up_type_t *t = up_type_of(o);
    if (t->attr != NULL) {
        up_obj_t r = t->attr(o, name, UP_NULL);
        if (r != UP_NOTIMPL) {
            return r;
        }
    }
    if (!up_is_type(o)) {
        up_obj_t v = up_type_lookup(t, name);
        if (v != UP_NULL) {
            return bind_attr(o, v);
        }
        if (t->flags & UP_TF_USER) {
            up_obj_t ga = up_type_lookup(t, UP_Q(__getattr__));
            if (ga != UP_NULL) {
                up_obj_t args[2] = {o, name};
                return up_call(ga, 2, args, UP_NULL);
            }
        }
    }
    if (up_str_eq(name, UP_Q(__class__))) {
        return (up_obj_t)t;
    }
    return attr_error(o, name);
}

up_obj_t up_getattr_default(up_obj_t o, up_obj_t name, up_obj_t dflt) {
    up_obj_t r = up_getattr(o, name);
    if (r == UP_NULL && up_exc_type(up_exc_pending) == &up_type_AttributeError) {
        up_exc_fetch();
        return dflt;
    }
    return r;
}

int up_setattr(up_obj_t o, up_obj_t name, up_obj_t value) {
    const up_type_t *t = up_type_of(o);
    if (t->attr != NULL) {
        up_obj_t r = t->attr(o, name, value);
        if (r != UP_NOTIMPL) {
            return r == UP_NULL ? -1 : 0;
        }
    }
    if (up_type_lookup(t, name) != UP_NULL) {
        up_raise_fmt(&up_type_AttributeError, "'%T' object attribute '%q' is read-only", o, name);
    } else {
        attr_error(o, name);
    }
    return -1;
}

int up_delattr(up_obj_t o, up_obj_t name) {
    return up_setattr(o, name, UP_DELETE);
}

// ---- calls -------------------------------------------------------------------------

up_obj_t up_call(up_obj_t callee, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    const up_type_t *t = up_type_of(callee);
    if (t->call == NULL) {
        return up_raise_fmt(&up_type_TypeError, "'%T' object is not callable", callee);
    }
    if (up_stack_check() < 0) {
        return UP_NULL;
    }
    return t->call(callee, n, args, kwnames);
}

up_obj_t up_call0(up_obj_t callee) {
    return up_call(callee, 0, NULL, UP_NULL);
}

up_obj_t up_call1(up_obj_t callee, up_obj_t a) {
    return up_call(callee, 1, &a, UP_NULL);
}

up_obj_t up_call2(up_obj_t callee, up_obj_t a, up_obj_t b) {
    up_obj_t args[2] = {a, b};
    return up_call(callee, 2, args, UP_NULL);
}

up_obj_t up_call_ex(up_obj_t callee, up_obj_t args_tuple, up_obj_t kwargs_dict) {
    up_obj_t pos = UP_EMPTY_TUPLE;
    if (args_tuple != UP_NULL) {
        pos = up_tuple_from_iter(args_tuple);
        if (pos == UP_NULL) {
            return UP_NULL;
        }
    }
    size_t npos = up_tuple_len(pos);
    size_t nkw = 0;
    if (kwargs_dict != UP_NULL) {
        if (!up_is_dict(kwargs_dict)) {
            return up_raise_fmt(&up_type_TypeError, "argument after ** must be a mapping, not %T",
                                kwargs_dict);
        }
        nkw = up_dict_len(kwargs_dict);
    }
    up_obj_t *all = up_alloc((npos + nkw + 1) * sizeof(up_obj_t));
    if (all == NULL) {
        return UP_NULL;
    }
    memcpy(all, ((const up_tuple_t *)pos)->items, npos * sizeof(up_obj_t));
    up_obj_t kwnames = UP_NULL;
    if (nkw > 0) {
        kwnames = up_tuple_new(nkw);
        if (kwnames == UP_NULL) {
            return UP_NULL;
        }
        size_t pos_i = 0, i = 0;
        up_obj_t k, v;
        while (up_dict_next(kwargs_dict, &pos_i, &k, &v)) {
            if (!up_is_str(k)) {
                return up_raise_msg(&up_type_TypeError, "keywords must be strings");
            }
            ((up_tuple_t *)kwnames)->items[i] = k;
            all[npos + i] = v;
            i++;
        }
    }
    up_obj_t r = up_call(callee, npos + nkw, all, kwnames);
    up_free(all);
    return r;
}

up_obj_t up_call_method(up_obj_t name, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_obj_t self = args[0];
    const up_type_t *t = up_type_of(self);
    if (!up_is_type(self) && !up_type_is(self, &up_type_module)) {
        bool shadowed = false;
        if (t->flags & UP_TF_USER) {
            // An instance attribute of the same name hides the method.
            const up_instance_t *inst = (const up_instance_t *)self;
            for (size_t i = 0; i < t->nslots; i++) {
                if (inst->slots[i] != UP_NULL && up_str_eq(t->slot_names[i], name)) {
                    shadowed = true;
                }
            }
            if (inst->dict != UP_NULL && up_dict_lookup_str(inst->dict, name) != UP_NULL) {
                shadowed = true;
            }
        }
        if (!shadowed) {
            up_obj_t v = up_type_lookup(t, name);
            if (v != UP_NULL) {
                const up_type_t *vt = up_type_of(v);
                if (vt == &up_type_function || vt == &up_type_builtin) {
                    return up_call(v, n, args, kwnames);
                }
                if (vt == &up_type_staticmethod) {
                    return up_call(up_wrapper_fun(v), n - 1, args + 1, kwnames);
                }
            }
        }
    }
    up_obj_t f = up_getattr(self, name);
    if (f == UP_NULL) {
        return UP_NULL;
    }
    return up_call(f, n - 1, args + 1, kwnames);
}

int up_check_args(const char *fname, size_t n, up_obj_t kwnames, size_t min, size_t max) {
    if (kwnames) {
        up_raise_fmt(&up_type_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (n < min || n > max) {
        if (min == 0 && max == 0) {
            up_raise_fmt(&up_type_TypeError, "%s() takes no arguments (%d given)", fname, (up_int_t)n);
        } else if (min == max) {
            up_raise_fmt(&up_type_TypeError, "%s() takes exactly %s (%d given)", fname,
                         min == 1 ? "one argument" : "2 arguments", (up_int_t)n);
        } else if (n < min) {
            up_raise_fmt(&up_type_TypeError, "%s expected at least %d argument%s, got %d", fname,
                         (up_int_t)min, min == 1 ? "" : "s", (up_int_t)n);
        } else {
            up_raise_fmt(&up_type_TypeError, "%s expected at most %d argument%s, got %d", fname,
                         (up_int_t)max, max == 1 ? "" : "s", (up_int_t)n);
        }
        return -1;
    }
    return 0;
}

up_obj_t up_kwarg(size_t n, const up_obj_t *args, up_obj_t kwnames, const char *name) {
    if (kwnames == UP_NULL) {
        return UP_NULL;
    }
    const up_tuple_t *kw = (const up_tuple_t *)kwnames;
    size_t npos = n - kw->len;
    for (size_t i = 0; i < kw->len; i++) {
        if (up_str_eq_cstr(kw->items[i], name)) {
            return args[npos + i];
        }
    }
    return UP_NULL;
}

up_obj_t up_index_obj(up_obj_t o) {
    if (up_is_int(o)) {
        return o;
    }
    if (up_is_bool(o)) {
        return up_small(o == UP_TRUE);
    }
    const up_type_t *t = up_type_of(o);
    if (t->flags & UP_TF_USER) {
        up_obj_t m = up_type_lookup(t, UP_Q(__index__));
        if (m != UP_NULL) {
            up_obj_t r = up_call1(m, o);
            if (r != UP_NULL && !up_is_int(r)) {
                return up_raise_fmt(&up_type_TypeError, "__index__ returned non-int (type %T)", r);
            }
            return r;
        }
    }
    return up_raise_fmt(&up_type_TypeError, "'%T' object cannot be interpreted as an integer", o);
}
