// range and slice objects, and the index arithmetic every sequence shares:
// turning index objects into machine ints (up_index_value, up_repeat_count)
// and resolving slices against a length (up_slice_indices/up_slice_adjust,
// CPython's PySlice_Unpack + PySlice_AdjustIndices).
//
// A range keeps start, stop, step and its length as int objects (small or
// big), so range(10**20) works; everything is computed with the int.h
// operations, whose small-int paths are inline. Invariants: step != 0 and
// len == max(0, ceil((stop - start) / step)), computed once at creation.
// Iterating a range whose values are all small ints uses machine ints and
// allocates nothing per step.
#include "up.h"

UP_ROM_STR(static, name_start, "start");
UP_ROM_STR(static, name_stop, "stop");
UP_ROM_STR(static, name_step, "step");
UP_ROM_STR(static, name_count, "count");
UP_ROM_STR(static, name_index, "index");
UP_ROM_STR(static, name_indices, "indices");

#define INT_MAXV ((up_int_t)(UINTPTR_MAX >> 1))
#define INT_MINV (-INT_MAXV - 1)

// ---- index values -------------------------------------------------------------

up_obj_t up_index_try(up_obj_t o) {
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
            if (r == UP_NULL) {
                return UP_NULL;
            }
            if (!up_is_int(r)) {
                return up_raise_fmt(&up_type_TypeError, "__index__ returned non-int (type %T)", r);
            }
            return r;
        }
    }
    return UP_NOTIMPL;
}

// An int object to a machine int; IndexError/OverflowError (exc) when it
// does not fit.
static int int_to_index(up_obj_t i, up_int_t *out, const up_type_t *exc) {
    if (up_is_small(i)) {
        *out = up_small_value(i);
        return 0;
    }
    if (up_int_as_cint(i, out) < 0) {
        up_exc_fetch();
        up_raise_msg(exc, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return 0;
}

int up_index_value(up_obj_t o, up_int_t *out) {
    if (up_is_small(o)) {
        *out = up_small_value(o);
        return 0;
    }
    up_obj_t i = up_index_try(o);
    if (i == UP_NULL) {
        return -1;
    }
    if (i == UP_NOTIMPL) {
        up_raise_fmt(&up_type_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    return int_to_index(i, out, &up_type_IndexError);
}

int up_repeat_count(up_obj_t n, up_int_t *out) {
    up_obj_t i = up_is_small(n) ? n : up_index_try(n);
    if (i == UP_NULL) {
        return -1;
    }
    if (i == UP_NOTIMPL) {
        up_raise_fmt(&up_type_TypeError, "can't multiply sequence by non-int of type '%T'", n);
        return -1;
    }
    if (int_to_index(i, out, &up_type_OverflowError) < 0) {
        return -1;
    }
    if (*out < 0) {
        *out = 0;
    }
    return 0;
}

// ---- slice resolution ---------------------------------------------------------

// A slice bound (not None) to a machine int, clamped like CPython's
// _PyEval_SliceIndex: values beyond the machine range act like the extreme
// ones (every sequence is far shorter than that).
static int slice_bound(up_obj_t o, up_int_t *out) {
    if (up_is_small(o)) {
        *out = up_small_value(o);
        return 0;
    }
    up_obj_t i = up_index_try(o);
    if (i == UP_NULL) {
        return -1;
    }
    if (i == UP_NOTIMPL) {
        up_raise_msg(&up_type_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    if (up_is_small(i)) {
        *out = up_small_value(i);
    } else {
        *out = up_int_sign(i) < 0 ? INT_MINV : INT_MAXV;
    }
    return 0;
}

int up_slice_unpack(up_obj_t start, up_obj_t stop, up_obj_t step, up_int_t *ostart, up_int_t *ostop,
                    up_int_t *ostep) {
    up_int_t b, e, s = 1;
    // Unpack: step first (its errors win), then start and stop.
    if (step != UP_NONE) {
        if (slice_bound(step, &s) < 0) {
            return -1;
        }
        if (s == 0) {
            up_raise_msg(&up_type_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (s < -INT_MAXV) {
            s = -INT_MAXV;  // so that -step never overflows
        }
    }
    if (start == UP_NONE) {
        b = s < 0 ? INT_MAXV : 0;
    } else if (slice_bound(start, &b) < 0) {
        return -1;
    }
    if (stop == UP_NONE) {
        e = s < 0 ? INT_MINV : INT_MAXV;
    } else if (slice_bound(stop, &e) < 0) {
        return -1;
    }
    *ostart = b;
    *ostop = e;
    *ostep = s;
    return 0;
}

up_int_t up_slice_clamp(up_int_t len, up_int_t *start, up_int_t *stop, up_int_t s) {
    up_int_t b = *start, e = *stop;
    if (b < 0) {
        b += len;
        if (b < 0) {
            b = s < 0 ? -1 : 0;
        }
    } else if (b >= len) {
        b = s < 0 ? len - 1 : len;
    }
    if (e < 0) {
        e += len;
        if (e < 0) {
            e = s < 0 ? -1 : 0;
        }
    } else if (e >= len) {
        e = s < 0 ? len - 1 : len;
    }
    up_int_t n = 0;
    if (s < 0) {
        if (e < b) {
            n = (b - e - 1) / (-s) + 1;
        }
    } else if (b < e) {
        n = (e - b - 1) / s + 1;
    }
    *start = b;
    *stop = e;
    return n;
}

int up_slice_adjust(up_obj_t start, up_obj_t stop, up_obj_t step, up_int_t len, up_int_t *ostart,
                    up_int_t *ostop, up_int_t *ostep, up_int_t *count) {
    if (up_slice_unpack(start, stop, step, ostart, ostop, ostep) < 0) {
        return -1;
    }
    *count = up_slice_clamp(len, ostart, ostop, *ostep);
    return 0;
}

// ---- slice objects --------------------------------------------------------------

typedef struct {
    up_base_t base;
    up_obj_t start;
    up_obj_t stop;
    up_obj_t step;
} slice_t;

up_obj_t up_slice_new(up_obj_t start, up_obj_t stop, up_obj_t step) {
    slice_t *s = up_alloc(sizeof(slice_t));
    if (s == NULL) {
        return UP_NULL;
    }
    s->base.type = &up_type_slice;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return (up_obj_t)s;
}

bool up_is_slice(up_obj_t o) {
    return up_type_is(o, &up_type_slice);
}

int up_slice_indices(up_obj_t slice, up_int_t len, up_int_t *start, up_int_t *stop, up_int_t *step,
                     up_int_t *count) {
    const slice_t *s = (const slice_t *)slice;
    return up_slice_adjust(s->start, s->stop, s->step, len, start, stop, step, count);
}

int up_slice_unpack_obj(up_obj_t slice, up_int_t *ostart, up_int_t *ostop, up_int_t *ostep) {
    const slice_t *s = (const slice_t *)slice;
    return up_slice_unpack(s->start, s->stop, s->step, ostart, ostop, ostep);
}

// slice.indices(length) with int objects throughout (CPython's
// _PySlice_GetLongIndices): out gets start, stop, step. Used for ranges,
// whose length may be a big int.
static int slice_long_indices(const slice_t *s, up_obj_t len, up_obj_t out[3]) {
    up_obj_t step = up_small(1);
    if (s->step != UP_NONE) {
        step = up_index_try(s->step);
        if (step == UP_NULL) {
            return -1;
        }
        if (step == UP_NOTIMPL) {
            up_raise_msg(&up_type_TypeError, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        if (step == up_small(0)) {
            up_raise_msg(&up_type_ValueError, "slice step cannot be zero");
            return -1;
        }
    }
    bool neg = up_int_sign(step) < 0;
    up_obj_t lower = neg ? up_small(-1) : up_small(0);
    up_obj_t upper = neg ? up_int_sub(len, up_small(1)) : len;
    if (upper == UP_NULL) {
        return -1;
    }
    up_obj_t bounds[2] = {s->start, s->stop};
    up_obj_t dflt[2] = {neg ? upper : lower, neg ? lower : upper};
    for (int k = 0; k < 2; k++) {
        up_obj_t v = bounds[k];
        if (v == UP_NONE) {
            out[k] = dflt[k];
            continue;
        }
        v = up_index_try(v);
        if (v == UP_NULL) {
            return -1;
        }
        if (v == UP_NOTIMPL) {
            up_raise_msg(&up_type_TypeError, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        if (up_int_sign(v) < 0) {
            v = up_int_add(v, len);
            if (v == UP_NULL) {
                return -1;
            }
            if (up_int_lt(v, lower)) {
                v = lower;
            }
        } else if (up_int_gt(v, upper)) {
            v = upper;
        }
        out[k] = v;
    }
    out[2] = step;
    return 0;
}

up_obj_t up_slice_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (up_check_args("slice", n, kwnames, 1, 3) < 0) {
        return UP_NULL;
    }
    if (n == 1) {
        return up_slice_new(UP_NONE, args[0], UP_NONE);
    }
    return up_slice_new(args[0], args[1], n == 3 ? args[2] : UP_NONE);
}

int up_slice_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    const slice_t *s = (const slice_t *)self;
    up_printer_puts(p, "slice(");
    const up_obj_t parts[3] = {s->start, s->stop, s->step};
    for (int i = 0; i < 3; i++) {
        if (i > 0) {
            up_printer_puts(p, ", ");
        }
        if (up_print_obj(p, parts[i], UP_PRINT_REPR) < 0) {
            return -1;
        }
    }
    up_printer_putc(p, ')');
    return 0;
}

// Slices compare like the tuples (start, stop, step).
up_obj_t up_slice_binary_op(int op, up_obj_t a, up_obj_t b) {
    if (op < UP_OP_LT || op > UP_OP_GE || !up_is_slice(a) || !up_is_slice(b)) {
        return UP_NOTIMPL;
    }
    const slice_t *x = (const slice_t *)a, *y = (const slice_t *)b;
    up_obj_t tx = up_tuple_from_items(3, &x->start);
    if (tx == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t ty = up_tuple_from_items(3, &y->start);
    if (ty == UP_NULL) {
        return UP_NULL;
    }
    return up_tuple_binary_op(op, tx, ty);
}

// slice.indices(length) -> (start, stop, step)
static up_obj_t slice_m_indices(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    up_obj_t len = up_index_try(args[1]);
    if (len == UP_NULL) {
        return UP_NULL;
    }
    if (len == UP_NOTIMPL) {
        return up_raise_fmt(&up_type_TypeError, "'%T' object cannot be interpreted as an integer", args[1]);
    }
    if (up_int_sign(len) < 0) {
        return up_raise_msg(&up_type_ValueError, "length should not be negative");
    }
    up_obj_t out[3];
    if (slice_long_indices((const slice_t *)args[0], len, out) < 0) {
        return UP_NULL;
    }
    return up_tuple_from_items(3, out);
}

static const up_builtin_t builtin_slice_indices = {{&up_type_builtin}, "indices", 2, 2, 0, slice_m_indices};

up_obj_t up_slice_attr(up_obj_t self, up_obj_t name, up_obj_t value) {
    const slice_t *s = (const slice_t *)self;
    const up_obj_t *field = NULL;
    if (up_str_eq(name, (up_obj_t)&name_start)) {
        field = &s->start;
    } else if (up_str_eq(name, (up_obj_t)&name_stop)) {
        field = &s->stop;
    } else if (up_str_eq(name, (up_obj_t)&name_step)) {
        field = &s->step;
    } else if (up_str_eq(name, (up_obj_t)&name_indices)) {
        if (value != UP_NULL) {
            return up_raise_msg(&up_type_AttributeError, "'slice' object attribute 'indices' is read-only");
        }
        return up_bound_new(self, (up_obj_t)&builtin_slice_indices);
    } else {
        return UP_NOTIMPL;
    }
    if (value != UP_NULL) {
        return up_raise_msg(&up_type_AttributeError, "readonly attribute");
    }
    return *field;
}

// ---- range ------------------------------------------------------------------------

typedef struct {
    up_base_t base;
    up_obj_t start;
    up_obj_t stop;
    up_obj_t step;
    up_obj_t len;
} range_t;

// max(0, ceil((stop - start) / step)) for int objects.
static up_obj_t range_length(up_obj_t start, up_obj_t stop, up_obj_t step) {
    if (up_both_small(start, stop) && up_is_small(step)) {
        up_int_t b = up_small_value(start), e = up_small_value(stop), s = up_small_value(step);
        // |e - b| < 2**(bits-1): no overflow in the machine word.
        if (s > 0) {
            return up_small(b < e ? (e - b - 1) / s + 1 : 0);
        }
        return up_small(e < b ? (b - e - 1) / -s + 1 : 0);
    }
    up_obj_t lo = start, hi = stop;
    if (up_int_sign(step) < 0) {
        lo = stop;
        hi = start;
        step = up_int_neg(step);
        if (step == UP_NULL) {
            return UP_NULL;
        }
    }
    if (!up_int_lt(lo, hi)) {
        return up_small(0);
    }
    up_obj_t d = up_int_sub(hi, lo);
    if (d == UP_NULL || (d = up_int_sub(d, up_small(1))) == UP_NULL) {
        return UP_NULL;
    }
    d = up_int_floordiv(d, step);
    return d == UP_NULL ? UP_NULL : up_int_add(d, up_small(1));
}

static up_obj_t range_alloc(up_obj_t start, up_obj_t stop, up_obj_t step) {
    up_obj_t len = range_length(start, stop, step);
    if (len == UP_NULL) {
        return UP_NULL;
    }
    range_t *r = up_alloc(sizeof(range_t));
    if (r == NULL) {
        return UP_NULL;
    }
    r->base.type = &up_type_range;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = len;
    return (up_obj_t)r;
}

up_obj_t up_range_new(up_obj_t start, up_obj_t stop, up_obj_t step) {
    if (step == up_small(0)) {
        return up_raise_msg(&up_type_ValueError, "range() arg 3 must not be zero");
    }
    return range_alloc(start, stop, step);
}

up_obj_t up_range_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (up_check_args("range", n, kwnames, 1, 3) < 0) {
        return UP_NULL;
    }
    up_obj_t v[3] = {up_small(0), UP_NULL, up_small(1)};
    for (size_t i = 0; i < n; i++) {
        up_obj_t x = up_index_try(args[i]);
        if (x == UP_NULL) {
            return UP_NULL;
        }
        if (x == UP_NOTIMPL) {
            return up_raise_fmt(&up_type_TypeError, "'%T' object cannot be interpreted as an integer", args[i]);
        }
        v[n == 1 ? 1 : i] = x;
    }
    return up_range_new(v[0], v[1], v[2]);
}

int up_range_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    const range_t *r = (const range_t *)self;
    up_printer_puts(p, "range(");
    if (up_print_obj(p, r->start, UP_PRINT_REPR) < 0) {
        return -1;
    }
    up_printer_puts(p, ", ");
    if (up_print_obj(p, r->stop, UP_PRINT_REPR) < 0) {
        return -1;
    }
    if (r->step != up_small(1)) {
        up_printer_puts(p, ", ");
        if (up_print_obj(p, r->step, UP_PRINT_REPR) < 0) {
            return -1;
        }
    }
    up_printer_putc(p, ')');
    return 0;
}

// start + i * step
static up_obj_t range_at(const range_t *r, up_obj_t i) {
    up_obj_t x = up_int_mul(i, r->step);
    return x == UP_NULL ? UP_NULL : up_int_add(r->start, x);
}

// x in r for an int x: 1, 0, -1.
static int range_contains_int(const range_t *r, up_obj_t x) {
    if (up_int_sign(r->step) > 0) {
        if (up_int_lt(x, r->start) || up_int_ge(x, r->stop)) {
            return 0;
        }
    } else if (up_int_gt(x, r->start) || up_int_le(x, r->stop)) {
        return 0;
    }
    if (r->step == up_small(1) || r->step == up_small(-1)) {
        return 1;
    }
    up_obj_t d = up_int_sub(x, r->start);
    if (d == UP_NULL || (d = up_int_mod(d, r->step)) == UP_NULL) {
        return -1;
    }
    return d == up_small(0);
}

// Search by equality (x is not an int): the position of the first item
// equal to x, or -1 with *found = false; -2 when a comparison raised.
static up_int_t range_search(up_obj_t self, up_obj_t x, up_int_t *count) {
    up_obj_t it = up_range_getiter(self);
    if (it == UP_NULL) {
        return -2;
    }
    up_int_t first = -1;
    for (up_int_t i = 0;; i++) {
        up_obj_t y = up_iternext(it);
        if (y == UP_NULL) {
            return -2;
        }
        if (y == UP_STOP) {
            return first;
        }
        int e = up_eq(y, x);
        if (e < 0) {
            return -2;
        }
        if (e) {
            if (count == NULL) {
                return i;
            }
            if (first < 0) {
                first = i;
            }
            (*count)++;
        }
    }
}

static int range_contains(up_obj_t self, up_obj_t x) {
    if (up_is_int(x) || up_is_bool(x)) {
        return range_contains_int((const range_t *)self, up_is_bool(x) ? up_small(x == UP_TRUE) : x);
    }
    up_int_t i = range_search(self, x, NULL);
    return i == -2 ? -1 : i >= 0;
}

static bool range_eq(const range_t *a, const range_t *b) {
    if (a == b) {
        return true;
    }
    if (!up_int_eq(a->len, b->len)) {
        return false;
    }
    if (a->len == up_small(0)) {
        return true;
    }
    if (!up_int_eq(a->start, b->start)) {
        return false;
    }
    return a->len == up_small(1) || up_int_eq(a->step, b->step);
}

up_obj_t up_range_binary_op(int op, up_obj_t a, up_obj_t b) {
    if (op == UP_OP_CONTAINS) {
        int r = range_contains(a, b);
        return r < 0 ? UP_NULL : up_bool(r);
    }
    if ((op == UP_OP_EQ || op == UP_OP_NE) && up_type_is(a, &up_type_range) && up_type_is(b, &up_type_range)) {
        bool eq = range_eq((const range_t *)a, (const range_t *)b);
        return up_bool(op == UP_OP_EQ ? eq : !eq);
    }
    return UP_NOTIMPL;
}

up_obj_t up_range_unary_op(int op, up_obj_t a) {
    const range_t *r = (const range_t *)a;
    switch (op) {
    case UP_UOP_BOOL:
        return up_bool(r->len != up_small(0));
    case UP_UOP_LEN:
        if (!up_is_small(r->len)) {
            return up_raise_msg(&up_type_OverflowError, "Python int too large to convert to C ssize_t");
        }
        return r->len;
    case UP_UOP_HASH: {
        // hash((len, start, step)) with the parts that don't matter as None
        up_obj_t t[3] = {r->len, UP_NONE, UP_NONE};
        if (r->len != up_small(0)) {
            t[1] = r->start;
            if (r->len != up_small(1)) {
                t[2] = r->step;
            }
        }
        up_obj_t tup = up_tuple_from_items(3, t);
        return tup == UP_NULL ? UP_NULL : up_tuple_unary_op(UP_UOP_HASH, tup);
    }
    default:
        return UP_NOTIMPL;
    }
}

up_obj_t up_range_subscr(up_obj_t self, up_obj_t index, up_obj_t value) {
    const range_t *r = (const range_t *)self;
    if (value != UP_NULL) {
        return UP_NOTIMPL;  // ranges are immutable
    }
    if (up_is_slice(index)) {
        up_obj_t ix[3];
        if (slice_long_indices((const slice_t *)index, r->len, ix) < 0) {
            return UP_NULL;
        }
        up_obj_t b = range_at(r, ix[0]);
        if (b == UP_NULL) {
            return UP_NULL;
        }
        up_obj_t e = range_at(r, ix[1]);
        if (e == UP_NULL) {
            return UP_NULL;
        }
        up_obj_t s = up_int_mul(r->step, ix[2]);
        return s == UP_NULL ? UP_NULL : range_alloc(b, e, s);
    }
    up_obj_t i = up_index_try(index);
    if (i == UP_NULL) {
        return UP_NULL;
    }
    if (i == UP_NOTIMPL) {
        return up_raise_fmt(&up_type_TypeError, "range indices must be integers or slices, not %T", index);
    }
    if (up_int_sign(i) < 0) {
        i = up_int_add(i, r->len);
        if (i == UP_NULL) {
            return UP_NULL;
        }
    }
    if (up_int_sign(i) < 0 || up_int_ge(i, r->len)) {
        return up_raise_msg(&up_type_IndexError, "range object index out of range");
    }
    return range_at(r, i);
}

// range.count(x) and range.index(x), reached through the attribute hook.
static up_obj_t range_m_count(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    up_obj_t x = args[1];
    if (up_is_int(x) || up_is_bool(x)) {
        int c = range_contains(args[0], x);
        return c < 0 ? UP_NULL : up_small(c);
    }
    up_int_t count = 0;
    return range_search(args[0], x, &count) == -2 ? UP_NULL : up_small(count);
}

static up_obj_t range_m_index(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    const range_t *r = (const range_t *)args[0];
    up_obj_t x = args[1];
    if (up_is_int(x) || up_is_bool(x)) {
        int c = range_contains(args[0], x);
        if (c < 0) {
            return UP_NULL;
        }
        if (c == 0) {
            return up_raise_fmt(&up_type_ValueError, "%r is not in range", x);
        }
        up_obj_t d = up_int_sub(up_is_bool(x) ? up_small(x == UP_TRUE) : x, r->start);
        return d == UP_NULL ? UP_NULL : up_int_floordiv(d, r->step);
    }
    up_int_t i = range_search(args[0], x, NULL);
    if (i == -2) {
        return UP_NULL;
    }
    if (i < 0) {
        return up_raise_msg(&up_type_ValueError, "sequence.index(x): x not in sequence");
    }
    return up_small(i);
}

static const up_builtin_t builtin_range_count = {{&up_type_builtin}, "count", 2, 2, 0, range_m_count};
static const up_builtin_t builtin_range_index = {{&up_type_builtin}, "index", 2, 2, 0, range_m_index};

up_obj_t up_range_attr(up_obj_t self, up_obj_t name, up_obj_t value) {
    const range_t *r = (const range_t *)self;
    up_obj_t v;
    if (up_str_eq(name, (up_obj_t)&name_start)) {
        v = r->start;
    } else if (up_str_eq(name, (up_obj_t)&name_stop)) {
        v = r->stop;
    } else if (up_str_eq(name, (up_obj_t)&name_step)) {
        v = r->step;
    } else if (up_str_eq(name, (up_obj_t)&name_count)) {
        v = up_bound_new(self, (up_obj_t)&builtin_range_count);
    } else if (up_str_eq(name, (up_obj_t)&name_index)) {
        v = up_bound_new(self, (up_obj_t)&builtin_range_index);
    } else {
        return UP_NOTIMPL;
    }
    if (value != UP_NULL) {
        return up_raise_msg(&up_type_AttributeError, "readonly attribute");
    }
    return v;
}

up_obj_t up_range_reversed(up_obj_t self) {
    // reversed(range(b, e, s)) iterates range(last, b - s, -s)
    const range_t *r = (const range_t *)self;
    up_obj_t n = up_int_sub(r->len, up_small(1));
    if (n == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t last = up_int_sign(n) < 0 ? r->start : range_at(r, n);
    if (last == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t stop = up_int_sub(r->start, r->step);
    if (stop == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t step = up_int_neg(r->step);
    if (step == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t rev = up_int_sign(n) < 0 ? self : range_alloc(last, stop, step);
    return rev == UP_NULL ? UP_NULL : up_range_getiter(rev);
}

// ---- range iterator ---------------------------------------------------------------
//
// Small ranges (all values small ints) step machine ints; others step int
// objects (cur, step and the remaining count in big).

typedef struct {
    up_base_t base;
    up_int_t cur;
    up_int_t step;
    up_int_t left;
    up_obj_t big;  // UP_NULL, or a 3-item array of ints: cur, step, left
} range_iter_t;

static up_obj_t range_iternext(up_obj_t self) {
    range_iter_t *it = (range_iter_t *)self;
    if (it->big == UP_NULL) {
        if (it->left <= 0) {
            return UP_STOP;
        }
        it->left--;
        up_int_t v = it->cur;
        it->cur += it->step;
        return up_small(v);
    }
    up_obj_t *b = (up_obj_t *)it->big;
    if (up_int_sign(b[2]) <= 0) {
        return UP_STOP;
    }
    up_obj_t v = b[0];
    up_obj_t next = up_int_add(v, b[1]);
    if (next == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t left = up_int_sub(b[2], up_small(1));
    if (left == UP_NULL) {
        return UP_NULL;
    }
    b[0] = next;
    b[2] = left;
    return v;
}

static const up_type_t type_range_iterator = {
    .base = {&up_type_type},
    .name = "range_iterator",
    .parent = &up_type_object,
    .flags = UP_TF_ITERATOR,
    .iternext = range_iternext,
};

up_obj_t up_range_getiter(up_obj_t self) {
    const range_t *r = (const range_t *)self;
    range_iter_t *it = up_alloc(sizeof(range_iter_t));
    if (it == NULL) {
        return UP_NULL;
    }
    it->base.type = &type_range_iterator;
    if (up_both_small(r->start, r->stop) && up_both_small(r->step, r->len)) {
        // Every value lies between start and stop, so it is small too; one
        // step past the last stays inside the machine word.
        it->cur = up_small_value(r->start);
        it->step = up_small_value(r->step);
        it->left = up_small_value(r->len);
        return (up_obj_t)it;
    }
    up_obj_t *b = up_alloc(3 * sizeof(up_obj_t));
    if (b == NULL) {
        return UP_NULL;
    }
    b[0] = r->start;
    b[1] = r->step;
    b[2] = r->len;
    it->big = (up_obj_t)b;
    return (up_obj_t)it;
}
