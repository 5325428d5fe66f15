// tuple: immutable arrays of values, and the helpers lists and tuples
// share (lexicographic comparison, repr with a recursion guard, search).
//
// Invariants: a heap tuple's items are all set (never UP_NULL) once it is
// handed out; the only empty tuple is the ROM up_empty_tuple_obj, so
// `len == 0` tuples are never allocated. hash(t) is CPython's xxHash-based
// tuple hash (so hash((1, 2)) matches CPython), folded into the small-int
// range when the full word would not fit.
#include "up.h"


const up_tuple_t up_empty_tuple_obj = {{&up_type_tuple}, 0};

up_obj_t up_tuple_new(size_t len) {
    if (len == 0) {
        return UP_EMPTY_TUPLE;
    }
    if (len > (SIZE_MAX - sizeof(up_tuple_t)) / sizeof(up_obj_t)) {
        up_raise_memory_error();
        return UP_NULL;
    }
    up_tuple_t *t = up_alloc(sizeof(up_tuple_t) + len * sizeof(up_obj_t));
    if (t == NULL) {
        return UP_NULL;
    }
    t->base.type = &up_type_tuple;
    t->len = len;
    return (up_obj_t)t;
}

up_obj_t up_tuple_from_items(size_t n, const up_obj_t *items) {
    up_obj_t t = up_tuple_new(n);
    if (t != UP_NULL && n > 0) {
        memcpy(((up_tuple_t *)t)->items, items, n * sizeof(up_obj_t));
    }
    return t;
}

up_obj_t up_tuple_pack2(up_obj_t a, up_obj_t b) {
    up_obj_t t = up_tuple_new(2);
    if (t != UP_NULL) {
        ((up_tuple_t *)t)->items[0] = a;
        ((up_tuple_t *)t)->items[1] = b;
    }
    return t;
}

up_obj_t up_tuple_get_cint(up_obj_t t, up_int_t i) {
    up_int_t n = (up_int_t)up_tuple_len(t);
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        return up_raise_msg(&up_type_IndexError, "tuple index out of range");
    }
    return up_tuple_item(t, (size_t)i);
}

// The n items t[b], t[b + s], ... as a tuple.
static up_obj_t tuple_slice_n(up_obj_t t, up_int_t b, up_int_t s, up_int_t n) {
    if (s == 1 && n == (up_int_t)up_tuple_len(t)) {
        return t;  // immutable: the whole slice is the tuple itself
    }
    up_obj_t r = up_tuple_new((size_t)n);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    const up_obj_t *src = ((const up_tuple_t *)t)->items;
    up_obj_t *dst = ((up_tuple_t *)r)->items;
    for (up_int_t i = 0; i < n; i++, b += s) {
        dst[i] = src[b];
    }
    return r;
}

up_obj_t up_tuple_slice(up_obj_t t, up_obj_t start, up_obj_t stop, up_obj_t step) {
    up_int_t b, e, s, n;
    if (up_slice_adjust(start, stop, step, (up_int_t)up_tuple_len(t), &b, &e, &s, &n) < 0) {
        return UP_NULL;
    }
    return tuple_slice_n(t, b, s, n);
}

up_obj_t up_tuple_concat(up_obj_t a, up_obj_t b) {
    size_t la = up_tuple_len(a), lb = up_tuple_len(b);
    if (lb == 0) {
        return a;
    }
    if (la == 0) {
        return b;
    }
    if (la > SIZE_MAX / 2 || lb > SIZE_MAX / 2) {
        up_raise_memory_error();
        return UP_NULL;
    }
    up_obj_t r = up_tuple_new(la + lb);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    memcpy(((up_tuple_t *)r)->items, ((const up_tuple_t *)a)->items, la * sizeof(up_obj_t));
    memcpy(((up_tuple_t *)r)->items + la, ((const up_tuple_t *)b)->items, lb * sizeof(up_obj_t));
    return r;
}

up_obj_t up_tuple_repeat(up_obj_t t, up_int_t n) {
    size_t len = up_tuple_len(t);
    if (n <= 0 || len == 0) {
        return UP_EMPTY_TUPLE;
    }
    if (n == 1) {
        return t;
    }
    if ((size_t)n > SIZE_MAX / sizeof(up_obj_t) / len) {
        up_raise_memory_error();
        return UP_NULL;
    }
    up_obj_t r = up_tuple_new(len * (size_t)n);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t *dst = ((up_tuple_t *)r)->items;
    for (up_int_t i = 0; i < n; i++) {
        memcpy(dst + (size_t)i * len, ((const up_tuple_t *)t)->items, len * sizeof(up_obj_t));
    }
    return r;
}

// ---- hashing ----------------------------------------------------------------------
//
// CPython's tuple hash: an xxHash-style accumulation of the items' hashes
// with the word size's primes, then the length mixed in.

#if UINTPTR_MAX > 0xFFFFFFFFu
#define XXPRIME_1 ((uintptr_t)11400714785074694791ULL)
#define XXPRIME_2 ((uintptr_t)14029467366897019727ULL)
#define XXPRIME_5 ((uintptr_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))
#else
#define XXPRIME_1 ((uintptr_t)2654435761UL)
#define XXPRIME_2 ((uintptr_t)2246822519UL)
#define XXPRIME_5 ((uintptr_t)374761393UL)
#define XXROTATE(x) (((x) << 13) | ((x) >> 19))
#endif

static int tuple_hash_items(up_obj_t t, uintptr_t *out);

// The full-word hash (nested tuples contribute theirs unfolded, as in
// CPython), at most UP_NEST_LIMIT tuples deep. 0 or -1.
static int tuple_hash_full(up_obj_t t, uintptr_t *out) {
    if (up_nest_enter() < 0) {
        return -1;
    }
    int r = tuple_hash_items(t, out);
    up_nest_leave();
    return r;
}

static int tuple_hash_items(up_obj_t t, uintptr_t *out) {
    size_t n = up_tuple_len(t);
    uintptr_t acc = XXPRIME_5;
    for (size_t i = 0; i < n; i++) {
        up_obj_t x = up_tuple_item(t, i);
        uintptr_t lane;
        if (up_is_tuple(x)) {
            if (tuple_hash_full(x, &lane) < 0) {
                return -1;
            }
        } else {
            up_int_t h;
            if (up_hash(x, &h) < 0) {
                return -1;
            }
            lane = (uintptr_t)h;
        }
        acc += lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uintptr_t)-1) {
        acc = 1546275796;
    }
    *out = acc;
    return 0;
}

static up_obj_t tuple_hash(up_obj_t t) {
    uintptr_t h;
    if (tuple_hash_full(t, &h) < 0) {
        return UP_NULL;
    }
    up_int_t v = (up_int_t)h;
    if (!up_small_fits(v)) {
        v >>= 2;  // keep hash(t) a small int; equal tuples still agree
        if (v == -1) {
            v = -2;
        }
    }
    return up_small(v);
}

// ---- helpers shared with list ---------------------------------------------------

// The items and length of a list or tuple, read afresh each time (a list
// may change under a comparison or a repr that runs Python code).
static inline const up_obj_t *seq_items(up_obj_t o, size_t *len) {
    if (up_is_tuple(o)) {
        *len = up_tuple_len(o);
        return ((const up_tuple_t *)o)->items;
    }
    *len = up_list_len(o);
    return ((const up_list_t *)o)->items;
}

static up_obj_t seq_compare(int op, up_obj_t a, up_obj_t b);

// Lists and tuples compare their items with ==, then the first differing
// pair with op: nested sequences recurse, at most UP_NEST_LIMIT levels.
up_obj_t up_seq_compare(int op, up_obj_t a, up_obj_t b) {
    if (up_nest_enter() < 0) {
        return UP_NULL;
    }
    up_obj_t r = seq_compare(op, a, b);
    up_nest_leave();
    return r;
}

static up_obj_t seq_compare(int op, up_obj_t a, up_obj_t b) {
    size_t la, lb, i;
    up_obj_t x = UP_NULL, y = UP_NULL;
    for (i = 0;; i++) {
        const up_obj_t *ia = seq_items(a, &la), *ib = seq_items(b, &lb);
        if (i >= la || i >= lb) {
            break;
        }
        x = ia[i];
        y = ib[i];
        int e = up_eq(x, y);
        if (e < 0) {
            return UP_NULL;
        }
        if (!e) {
            break;
        }
    }
    seq_items(a, &la);
    seq_items(b, &lb);
    if (i >= la || i >= lb) {
        // One is a prefix of the other: compare the lengths.
        switch (op) {
        case UP_OP_LT:
            return up_bool(la < lb);
        case UP_OP_LE:
            return up_bool(la <= lb);
        case UP_OP_EQ:
            return up_bool(la == lb);
        case UP_OP_NE:
            return up_bool(la != lb);
        case UP_OP_GT:
            return up_bool(la > lb);
        default:
            return up_bool(la >= lb);
        }
    }
    if (op == UP_OP_EQ) {
        return UP_FALSE;
    }
    if (op == UP_OP_NE) {
        return UP_TRUE;
    }
    return up_compare(op, x, y);
}

up_int_t up_seq_find(up_obj_t seq, up_obj_t x, up_int_t start, up_int_t stop, up_int_t *count) {
    for (up_int_t i = start;; i++) {
        size_t len;
        const up_obj_t *items = seq_items(seq, &len);
        if (i >= stop || i >= (up_int_t)len) {
            return count ? 0 : -1;
        }
        int e = up_eq(items[i], x);
        if (e < 0) {
            return -2;
        }
        if (e) {
            if (count == NULL) {
                return i;
            }
            (*count)++;
        }
    }
}

// The containers whose repr is being printed: an object found here again
// prints as [...] / (...) / {...}. Deeper nesting than the stack holds is
// not tracked (a cycle through the outer levels is still caught; the stack
// check bounds the rest).
#define REPR_DEPTH 16
static up_obj_t repr_stack[REPR_DEPTH];
static size_t repr_depth;

int up_repr_enter(up_obj_t o) {
    size_t n = repr_depth < REPR_DEPTH ? repr_depth : REPR_DEPTH;
    for (size_t i = 0; i < n; i++) {
        if (repr_stack[i] == o) {
            return 1;
        }
    }
    if (repr_depth < REPR_DEPTH) {
        repr_stack[repr_depth] = o;
    }
    repr_depth++;
    return 0;
}

void up_repr_leave(void) {
    repr_depth--;
    if (repr_depth < REPR_DEPTH) {
        repr_stack[repr_depth] = UP_NULL;
    }
}

int up_seq_print(up_printer_t *p, up_obj_t self, const char *open, const char *close) {
    if (up_repr_enter(self)) {
        up_printer_puts(p, open);
        up_printer_puts(p, "...");
        up_printer_puts(p, close);
        return 0;
    }
    up_printer_puts(p, open);
    size_t len;
    for (size_t i = 0;; i++) {
        const up_obj_t *items = seq_items(self, &len);
        if (i >= len) {
            break;
        }
        if (i > 0) {
            up_printer_puts(p, ", ");
        }
        if (up_print_obj(p, items[i], UP_PRINT_REPR) < 0) {
            up_repr_leave();
            return -1;
        }
    }
    if (len == 1 && up_is_tuple(self)) {
        up_printer_putc(p, ',');
    }
    up_printer_puts(p, close);
    up_repr_leave();
    return 0;
}

// start/stop arguments of index(): ints (or __index__), clamped, negative
// from the end like slice bounds; None is not allowed.
int up_seq_index_bounds(size_t n, const up_obj_t *args, size_t len, up_int_t *start, up_int_t *stop) {
    up_int_t v[2] = {0, (up_int_t)len};
    for (size_t k = 0; k < 2 && 2 + k < n; k++) {
        up_obj_t a = args[2 + k];
        if (up_is_small(a)) {
            v[k] = up_small_value(a);
        } else {
            up_obj_t i = up_index_try(a);
            if (i == UP_NULL) {
                return -1;
            }
            if (i == UP_NOTIMPL) {
                up_raise_msg(&up_type_TypeError, "slice indices must be integers or have an __index__ method");
                return -1;
            }
            if (up_is_small(i)) {
                v[k] = up_small_value(i);
            } else {
                v[k] = up_int_sign(i) < 0 ? -(up_int_t)(UINTPTR_MAX >> 2) : (up_int_t)(UINTPTR_MAX >> 2);
            }
        }
        if (v[k] < 0) {
            v[k] += (up_int_t)len;
            if (v[k] < 0) {
                v[k] = 0;
            }
        }
    }
    *start = v[0];
    *stop = v[1];
    return 0;
}

// ---- the type ------------------------------------------------------------------------

up_obj_t up_tuple_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (up_check_args("tuple", n, kwnames, 0, 1) < 0) {
        return UP_NULL;
    }
    return n == 0 ? UP_EMPTY_TUPLE : up_tuple_from_iter(args[0]);
}

int up_tuple_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    return up_seq_print(p, self, "(", ")");
}

up_obj_t up_tuple_binary_op(int op, up_obj_t a, up_obj_t b) {
    switch (op) {
    case UP_OP_ADD:
        if (!up_is_tuple(a)) {
            return UP_NOTIMPL;
        }
        if (!up_is_tuple(b)) {
            const up_type_t *tb = up_type_of(b);
            if ((tb->flags & UP_TF_USER) && tb->binary_op != NULL) {
                up_obj_t r = tb->binary_op(op, a, b);  // b's __radd__ first, as in CPython
                if (r != UP_NOTIMPL) {
                    return r;
                }
            }
            return up_raise_fmt(&up_type_TypeError, "can only concatenate tuple (not \"%T\") to tuple", b);
        }
        return up_tuple_concat(a, b);
    case UP_OP_MUL: {
        up_obj_t t = a, n = b;
        if (!up_is_tuple(a)) {
            t = b;
            n = a;
        } else if (!up_is_small(b) && !up_is_int(b) && !up_is_bool(b)) {
            const up_type_t *tb = up_type_of(b);
            if ((tb->flags & UP_TF_USER) && tb->binary_op != NULL) {
                up_obj_t r = tb->binary_op(op, a, b);
                if (r != UP_NOTIMPL) {
                    return r;
                }
            }
        }
        up_int_t count;
        if (up_repeat_count(n, &count) < 0) {
            return UP_NULL;
        }
        return up_tuple_repeat(t, count);
    }
    case UP_OP_LT:
    case UP_OP_LE:
    case UP_OP_EQ:
    case UP_OP_NE:
    case UP_OP_GT:
    case UP_OP_GE:
        if (!up_is_tuple(a) || !up_is_tuple(b)) {
            return UP_NOTIMPL;
        }
        return up_seq_compare(op, a, b);
    case UP_OP_CONTAINS: {
        up_int_t r = up_seq_find(a, b, 0, (up_int_t)up_tuple_len(a), NULL);
        return r == -2 ? UP_NULL : up_bool(r >= 0);
    }
    default:
        return UP_NOTIMPL;
    }
}

up_obj_t up_tuple_unary_op(int op, up_obj_t a) {
    switch (op) {
    case UP_UOP_LEN:
        return up_small((up_int_t)up_tuple_len(a));
    case UP_UOP_BOOL:
        return up_bool(up_tuple_len(a) != 0);
    case UP_UOP_HASH:
        return tuple_hash(a);
    default:
        return UP_NOTIMPL;
    }
}

up_obj_t up_tuple_subscr(up_obj_t self, up_obj_t index, up_obj_t value) {
    if (value != UP_NULL) {
        return UP_NOTIMPL;  // immutable: the generic error
    }
    if (up_is_small(index)) {
        return up_tuple_get_cint(self, up_small_value(index));
    }
    if (up_is_slice(index)) {
        up_int_t b, e, s, n;
        if (up_slice_indices(index, (up_int_t)up_tuple_len(self), &b, &e, &s, &n) < 0) {
            return UP_NULL;
        }
        return tuple_slice_n(self, b, s, n);
    }
    up_obj_t i = up_index_try(index);
    if (i == UP_NULL) {
        return UP_NULL;
    }
    if (i == UP_NOTIMPL) {
        return up_raise_fmt(&up_type_TypeError, "tuple indices must be integers or slices, not %T", index);
    }
    up_int_t v;
    if (up_index_value(i, &v) < 0) {
        return UP_NULL;
    }
    return up_tuple_get_cint(self, v);
}

// ---- methods ------------------------------------------------------------------------

up_obj_t up_tuple_m_count(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    up_int_t count = 0;
    if (up_seq_find(args[0], args[1], 0, (up_int_t)up_tuple_len(args[0]), &count) == -2) {
        return UP_NULL;
    }
    return up_small(count);
}

up_obj_t up_tuple_m_index(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_int_t start, stop;
    if (up_seq_index_bounds(n, args, up_tuple_len(args[0]), &start, &stop) < 0) {
        return UP_NULL;
    }
    up_int_t r = up_seq_find(args[0], args[1], start, stop, NULL);
    if (r == -2) {
        return UP_NULL;
    }
    if (r < 0) {
        return up_raise_msg(&up_type_ValueError, "tuple.index(x): x not in tuple");
    }
    return up_small(r);
}

const up_builtin_t up_builtin_tuple_count = {{&up_type_builtin}, "count", 2, 2, 0, up_tuple_m_count};
const up_builtin_t up_builtin_tuple_index = {{&up_type_builtin}, "index", 2, 4, 0, up_tuple_m_index};

// ---- iteration ----------------------------------------------------------------------

typedef struct {
    up_base_t base;
    up_obj_t seq;  // UP_NULL once exhausted
    size_t index;
} tuple_iter_t;

static up_obj_t tuple_iternext(up_obj_t self) {
    tuple_iter_t *it = (tuple_iter_t *)self;
    if (it->seq == UP_NULL) {
        return UP_STOP;
    }
    if (it->index >= up_tuple_len(it->seq)) {
        it->seq = UP_NULL;
        return UP_STOP;
    }
    return up_tuple_item(it->seq, it->index++);
}

static const up_type_t type_tuple_iterator = {
    .base = {&up_type_type},
    .name = "tuple_iterator",
    .parent = &up_type_object,
    .flags = UP_TF_ITERATOR,
    .iternext = tuple_iternext,
};

up_obj_t up_tuple_getiter(up_obj_t self) {
    tuple_iter_t *it = up_alloc(sizeof(tuple_iter_t));
    if (it == NULL) {
        return UP_NULL;
    }
    it->base.type = &type_tuple_iterator;
    it->seq = self;
    return (up_obj_t)it;
}
