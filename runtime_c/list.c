// list: a growable array of values (layout up_list_t in obj.h).
//
// Invariants: items[0..len) are values (never UP_NULL); alloc >= len is the
// capacity of the items block (NULL when alloc == 0). Appending grows the
// block by about 1.5x (starting small, for the 8 KB board), so append is
// amortized O(1); a list that shrinks below a quarter of its capacity gives
// the tail back.
//
// Anything that runs Python code (comparisons, iteration of an argument,
// repr) may change the list under us, so loops re-read len and items after
// every such call.
#include "up.h"


#define LIST(o) ((up_list_t *)(o))
#define MIN_ALLOC 4

// ---- storage ----------------------------------------------------------------------

// Make room for at least need items: 0, or -1 (MemoryError).
static int reserve(up_list_t *l, size_t need) {
    if (need <= l->alloc) {
        return 0;
    }
    size_t n = l->alloc + (l->alloc >> 1);
    if (n < need) {
        n = need;
    }
    if (n < MIN_ALLOC) {
        n = MIN_ALLOC;
    }
    if (n > SIZE_MAX / sizeof(up_obj_t)) {
        up_raise_memory_error();
        return -1;
    }
    up_obj_t *items = up_realloc(l->items, n * sizeof(up_obj_t));
    if (items == NULL) {
        return -1;
    }
    l->items = items;
    l->alloc = n;
    return 0;
}

// After removing items: give back most of a block that is mostly empty.
static void shrink(up_list_t *l) {
    if (l->alloc > 16 && l->len < l->alloc / 4) {
        size_t n = l->len + (l->len >> 1) + MIN_ALLOC;
        up_obj_t *items = up_realloc(l->items, n * sizeof(up_obj_t));
        if (items != NULL) {  // shrinking in place cannot fail, but be safe
            l->items = items;
            l->alloc = n;
        }
    }
}

static up_list_t *list_alloc(size_t alloc) {
    up_list_t *l = up_alloc(sizeof(up_list_t));
    if (l == NULL) {
        return NULL;
    }
    l->base.type = &up_type_list;
    if (alloc > 0) {
        if (alloc > SIZE_MAX / sizeof(up_obj_t)) {
            up_raise_memory_error();
            return NULL;
        }
        l->items = up_alloc(alloc * sizeof(up_obj_t));
        if (l->items == NULL) {
            return NULL;
        }
        l->alloc = alloc;
    }
    return l;
}

up_obj_t up_list_new(size_t len) {
    up_list_t *l = list_alloc(len);
    if (l == NULL) {
        return UP_NULL;
    }
    for (size_t i = 0; i < len; i++) {
        l->items[i] = UP_NONE;
    }
    l->len = len;
    return (up_obj_t)l;
}

up_obj_t up_list_from_items(size_t n, const up_obj_t *items) {
    up_list_t *l = list_alloc(n);
    if (l == NULL) {
        return UP_NULL;
    }
    if (n > 0) {
        memcpy(l->items, items, n * sizeof(up_obj_t));
    }
    l->len = n;
    return (up_obj_t)l;
}

up_obj_t up_list_copy(up_obj_t l) {
    return up_list_from_items(up_list_len(l), LIST(l)->items);
}

int up_list_append(up_obj_t o, up_obj_t x) {
    up_list_t *l = LIST(o);
    if (l->len == l->alloc && reserve(l, l->len + 1) < 0) {
        return -1;
    }
    l->items[l->len++] = x;
    return 0;
}

// The items of a list or tuple (a snapshot when it is l itself or another
// list, which the caller's later calls might change), or of any iterable
// collected into a new list. *items points into a block the GC can see
// through the returned object, which the caller keeps in a local.
static up_obj_t as_sequence(up_obj_t l, up_obj_t v, const up_obj_t **items, size_t *n) {
    if (up_is_tuple(v)) {
        *items = ((const up_tuple_t *)v)->items;
        *n = up_tuple_len(v);
        return v;
    }
    up_obj_t seq = v == l || !up_is_list(v) ? up_list_from_iter(v) : v;
    if (seq == UP_NULL) {
        return UP_NULL;
    }
    *items = LIST(seq)->items;
    *n = up_list_len(seq);
    return seq;
}

int up_list_extend(up_obj_t o, up_obj_t iterable) {
    up_list_t *l = LIST(o);
    if (up_is_list(iterable) || up_is_tuple(iterable)) {
        size_t n;
        const up_obj_t *src;
        if (up_is_tuple(iterable)) {
            n = up_tuple_len(iterable);
            src = ((const up_tuple_t *)iterable)->items;
        } else {
            n = up_list_len(iterable);
            src = NULL;  // re-read after reserve: iterable may be l itself
        }
        if (n > SIZE_MAX / 2 || reserve(l, l->len + n) < 0) {
            if (n > SIZE_MAX / 2) {
                up_raise_memory_error();
            }
            return -1;
        }
        if (src == NULL) {
            src = LIST(iterable)->items;
        }
        if (n > 0) {
            memcpy(l->items + l->len, src, n * sizeof(up_obj_t));
        }
        l->len += n;
        return 0;
    }
    up_obj_t it = up_getiter(iterable);
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
        if (up_list_append(o, x) < 0) {
            return -1;
        }
    }
}

// ---- items ------------------------------------------------------------------------

up_obj_t up_list_get_cint(up_obj_t o, up_int_t i) {
    up_int_t n = (up_int_t)up_list_len(o);
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        return up_raise_msg(&up_type_IndexError, "list index out of range");
    }
    return LIST(o)->items[i];
}

int up_list_set_cint(up_obj_t o, up_int_t i, up_obj_t x) {
    up_int_t n = (up_int_t)up_list_len(o);
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        up_raise_msg(&up_type_IndexError, "list assignment index out of range");
        return -1;
    }
    LIST(o)->items[i] = x;
    return 0;
}

static int del_cint(up_obj_t o, up_int_t i) {
    up_list_t *l = LIST(o);
    up_int_t n = (up_int_t)l->len;
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        up_raise_msg(&up_type_IndexError, "list assignment index out of range");
        return -1;
    }
    memmove(l->items + i, l->items + i + 1, (size_t)(n - i - 1) * sizeof(up_obj_t));
    l->items[--l->len] = UP_NULL;
    shrink(l);
    return 0;
}

up_obj_t up_list_pop_cint(up_obj_t o, up_int_t i) {
    up_list_t *l = LIST(o);
    if (l->len == 0) {
        return up_raise_msg(&up_type_IndexError, "pop from empty list");
    }
    up_int_t n = (up_int_t)l->len;
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        return up_raise_msg(&up_type_IndexError, "pop index out of range");
    }
    up_obj_t x = l->items[i];
    del_cint(o, i);
    return x;
}

int up_list_insert_cint(up_obj_t o, up_int_t i, up_obj_t x) {
    up_list_t *l = LIST(o);
    up_int_t n = (up_int_t)l->len;
    if (i < 0) {
        i += n;
        if (i < 0) {
            i = 0;
        }
    } else if (i > n) {
        i = n;
    }
    if (reserve(l, l->len + 1) < 0) {
        return -1;
    }
    memmove(l->items + i + 1, l->items + i, (size_t)(n - i) * sizeof(up_obj_t));
    l->items[i] = x;
    l->len++;
    return 0;
}

// ---- slices -----------------------------------------------------------------------

static up_obj_t slice_n(up_obj_t o, up_int_t b, up_int_t s, up_int_t n) {
    up_list_t *r = list_alloc((size_t)n);
    if (r == NULL) {
        return UP_NULL;
    }
    const up_obj_t *src = LIST(o)->items;
    for (up_int_t i = 0; i < n; i++, b += s) {
        r->items[i] = src[b];
    }
    r->len = (size_t)n;
    return (up_obj_t)r;
}

// The bounds' __index__ may change the list: they are clamped to the
// length it has afterwards (as CPython does).
up_obj_t up_list_slice(up_obj_t o, up_obj_t start, up_obj_t stop, up_obj_t step) {
    up_int_t b, e, s;
    if (up_slice_unpack(start, stop, step, &b, &e, &s) < 0) {
        return UP_NULL;
    }
    up_int_t n = up_slice_clamp((up_int_t)up_list_len(o), &b, &e, s);
    return slice_n(o, b, s, n);
}

// Replace items [b, e) (b <= e) by the m items of src.
static int replace_range(up_list_t *l, size_t b, size_t e, const up_obj_t *src, size_t m) {
    size_t old = e - b;
    if (m > old) {
        if (reserve(l, l->len + (m - old)) < 0) {
            return -1;
        }
    }
    if (l->items == NULL) {  // empty and nothing to insert
        return 0;
    }
    memmove(l->items + b + m, l->items + e, (l->len - e) * sizeof(up_obj_t));
    if (m > 0) {
        memcpy(l->items + b, src, m * sizeof(up_obj_t));
    }
    if (m < old) {
        memset(l->items + l->len - (old - m), 0, (old - m) * sizeof(up_obj_t));
    }
    l->len = l->len - old + m;
    if (m < old) {
        shrink(l);
    }
    return 0;
}

// Delete the n items b, b + s, ... (s != 0).
static void del_extended(up_list_t *l, up_int_t b, up_int_t s, up_int_t n) {
    if (n == 0) {
        return;
    }
    if (s < 0) {
        // The same items, walked forwards.
        b = b + s * (n - 1);
        s = -s;
    }
    // Compact: keep everything not at b + k*s (k < n).
    size_t out = (size_t)b;
    for (size_t i = (size_t)b; i < l->len; i++) {
        bool gone = (up_int_t)i < b + s * n && ((up_int_t)i - b) % s == 0;
        if (!gone) {
            l->items[out++] = l->items[i];
        }
    }
    memset(l->items + out, 0, (l->len - out) * sizeof(up_obj_t));
    l->len = out;
    shrink(l);
}

static int assign_slice(up_obj_t o, up_int_t b, up_int_t e, up_int_t s, up_int_t n, up_obj_t values) {
    up_list_t *l = LIST(o);
    const up_obj_t *src;
    size_t m;
    if (s == 1) {
        if (up_type_of(values)->getiter == NULL && !(up_type_of(values)->flags & UP_TF_ITERATOR)) {
            up_raise_msg(&up_type_TypeError, "can only assign an iterable");
            return -1;
        }
        up_obj_t keep = as_sequence(o, values, &src, &m);
        if (keep == UP_NULL) {
            return -1;
        }
        // The iteration may have changed the list: clamp to its length now.
        if ((size_t)b > l->len) {
            b = (up_int_t)l->len;
        }
        if (e < b) {
            e = b;
        }
        if ((size_t)e > l->len) {
            e = (up_int_t)l->len;
        }
        int r = replace_range(l, (size_t)b, (size_t)e, src, m);
        (void)keep;
        return r;
    }
    if (up_type_of(values)->getiter == NULL && !(up_type_of(values)->flags & UP_TF_ITERATOR)) {
        up_raise_msg(&up_type_TypeError, "must assign iterable to extended slice");
        return -1;
    }
    up_obj_t keep = as_sequence(o, values, &src, &m);
    if (keep == UP_NULL) {
        return -1;
    }
    if ((up_int_t)m != n) {
        up_raise_fmt(&up_type_ValueError, "attempt to assign sequence of size %d to extended slice of size %d",
                     (up_int_t)m, n);
        return -1;
    }
    if (n > 0 && (b >= (up_int_t)l->len || b + s * (n - 1) >= (up_int_t)l->len)) {
        // Iterating the values shrank the list: nothing sensible to assign.
        up_raise_fmt(&up_type_ValueError, "attempt to assign sequence of size %d to extended slice of size %d",
                     (up_int_t)m, (up_int_t)0);
        return -1;
    }
    for (up_int_t i = 0; i < n; i++, b += s) {
        l->items[b] = src[i];
    }
    (void)keep;
    return 0;
}

int up_list_set_slice(up_obj_t o, up_obj_t start, up_obj_t stop, up_obj_t step, up_obj_t values) {
    up_int_t b, e, s;
    if (up_slice_unpack(start, stop, step, &b, &e, &s) < 0) {
        return -1;
    }
    up_int_t n = up_slice_clamp((up_int_t)up_list_len(o), &b, &e, s);
    return assign_slice(o, b, e, s, n, values);
}

static void delete_slice(up_obj_t o, up_int_t b, up_int_t e, up_int_t s, up_int_t n) {
    up_list_t *l = LIST(o);
    if (s == 1) {
        if (e > b) {
            replace_range(l, (size_t)b, (size_t)e, NULL, 0);  // shrinking: cannot fail
        }
        return;
    }
    del_extended(l, b, s, n);
}

int up_list_del_slice(up_obj_t o, up_obj_t start, up_obj_t stop, up_obj_t step) {
    up_int_t b, e, s;
    if (up_slice_unpack(start, stop, step, &b, &e, &s) < 0) {
        return -1;
    }
    up_int_t n = up_slice_clamp((up_int_t)up_list_len(o), &b, &e, s);
    delete_slice(o, b, e, s, n);
    return 0;
}

// ---- whole-list operations ------------------------------------------------------

up_obj_t up_list_concat(up_obj_t a, up_obj_t b) {
    size_t la = up_list_len(a), lb = up_list_len(b);
    if (la > SIZE_MAX / 2 || lb > SIZE_MAX / 2) {
        up_raise_memory_error();
        return UP_NULL;
    }
    up_list_t *r = list_alloc(la + lb);
    if (r == NULL) {
        return UP_NULL;
    }
    if (la > 0) {
        memcpy(r->items, LIST(a)->items, la * sizeof(up_obj_t));
    }
    if (lb > 0) {
        memcpy(r->items + la, LIST(b)->items, lb * sizeof(up_obj_t));
    }
    r->len = la + lb;
    return (up_obj_t)r;
}

// Append n - 1 more copies of the first len items of l (n >= 1).
static int repeat_in_place(up_list_t *l, size_t len, up_int_t n) {
    if (len == 0 || n <= 1) {
        return 0;
    }
    if ((size_t)n > SIZE_MAX / sizeof(up_obj_t) / len) {
        up_raise_memory_error();
        return -1;
    }
    if (reserve(l, len * (size_t)n) < 0) {
        return -1;
    }
    for (up_int_t i = 1; i < n; i++) {
        memcpy(l->items + (size_t)i * len, l->items, len * sizeof(up_obj_t));
    }
    l->len = len * (size_t)n;
    return 0;
}

up_obj_t up_list_repeat(up_obj_t o, up_int_t n) {
    size_t len = up_list_len(o);
    if (n <= 0 || len == 0) {
        return up_list_new(0);
    }
    if ((size_t)n > SIZE_MAX / sizeof(up_obj_t) / len) {
        up_raise_memory_error();
        return UP_NULL;
    }
    up_list_t *r = list_alloc(len * (size_t)n);
    if (r == NULL) {
        return UP_NULL;
    }
    memcpy(r->items, LIST(o)->items, len * sizeof(up_obj_t));
    r->len = len;
    repeat_in_place(r, len, n);  // the room is there: cannot fail
    return (up_obj_t)r;
}

static void clear(up_list_t *l) {
    up_obj_t *items = l->items;
    l->items = NULL;
    l->len = 0;
    l->alloc = 0;
    up_free(items);
}

int up_list_sort(up_obj_t o, up_obj_t key, bool reverse) {
    // Sort the items detached from the list, which looks empty meanwhile (as
    // in CPython), so a key function or __lt__ that touches the list cannot
    // break the sort; changes made meanwhile are discarded.
    up_list_t *l = LIST(o);
    up_obj_t *items = l->items;
    size_t len = l->len, alloc = l->alloc;
    l->items = NULL;
    l->len = 0;
    l->alloc = 0;
    int r = up_sort_array(items, len, key, reverse);
    bool modified = l->items != NULL || l->len != 0;
    l->items = items;
    l->len = len;
    l->alloc = alloc;
    if (modified && r == 0) {
        up_raise_msg(&up_type_ValueError, "list modified during sort");
        return -1;
    }
    return r;
}

static void reverse_items(up_list_t *l) {
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        up_obj_t t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

// ---- the type -----------------------------------------------------------------------

up_obj_t up_list_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (up_check_args("list", n, kwnames, 0, 1) < 0) {
        return UP_NULL;
    }
    if (n == 0) {
        return up_list_new(0);
    }
    up_obj_t l = up_list_new(0);
    if (l == UP_NULL || up_list_extend(l, args[0]) < 0) {
        return UP_NULL;
    }
    return l;
}

int up_list_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    return up_seq_print(p, self, "[", "]");
}

// b's reflected operator first when b is a class compiled from Python (its
// __radd__/__rmul__ wins over the sequence operation, as in CPython).
static up_obj_t try_reflected(int op, up_obj_t a, up_obj_t b) {
    const up_type_t *tb = up_type_of(b);
    if ((tb->flags & UP_TF_USER) && tb->binary_op != NULL) {
        return tb->binary_op(op, a, b);
    }
    return UP_NOTIMPL;
}

up_obj_t up_list_binary_op(int op, up_obj_t a, up_obj_t b) {
    switch (op) {
    case UP_OP_ADD:
        if (!up_is_list(a)) {
            return UP_NOTIMPL;
        }
        if (!up_is_list(b)) {
            up_obj_t r = try_reflected(op, a, b);
            if (r != UP_NOTIMPL) {
                return r;
            }
            return up_raise_fmt(&up_type_TypeError, "can only concatenate list (not \"%T\") to list", b);
        }
        return up_list_concat(a, b);
    case UP_OP_IADD:
        if (!up_is_list(a)) {
            return UP_NOTIMPL;
        }
        if (!up_is_list(b)) {
            up_obj_t r = try_reflected(UP_OP_ADD, a, b);
            if (r != UP_NOTIMPL) {
                return r;
            }
        }
        return up_list_extend(a, b) < 0 ? UP_NULL : a;
    case UP_OP_MUL:
    case UP_OP_IMUL: {
        up_obj_t l = a, n = b;
        if (!up_is_list(a)) {
            if (op == UP_OP_IMUL) {
                return UP_NOTIMPL;
            }
            l = b;
            n = a;
        } else if (!up_is_int(b) && !up_is_bool(b)) {
            up_obj_t r = try_reflected(UP_OP_MUL, a, b);
            if (r != UP_NOTIMPL) {
                return r;
            }
        }
        up_int_t count;
        if (up_repeat_count(n, &count) < 0) {
            return UP_NULL;
        }
        if (op == UP_OP_MUL) {
            return up_list_repeat(l, count);
        }
        if (count == 0) {
            clear(LIST(l));
            return l;
        }
        return repeat_in_place(LIST(l), up_list_len(l), count) < 0 ? UP_NULL : l;
    }
    case UP_OP_LT:
    case UP_OP_LE:
    case UP_OP_EQ:
    case UP_OP_NE:
    case UP_OP_GT:
    case UP_OP_GE:
        if (!up_is_list(a) || !up_is_list(b)) {
            return UP_NOTIMPL;
        }
        return up_seq_compare(op, a, b);
    case UP_OP_CONTAINS: {
        up_int_t r = up_seq_find(a, b, 0, (up_int_t)(UINTPTR_MAX >> 1), NULL);
        return r == -2 ? UP_NULL : up_bool(r >= 0);
    }
    default:
        return UP_NOTIMPL;
    }
}

up_obj_t up_list_unary_op(int op, up_obj_t a) {
    switch (op) {
    case UP_UOP_LEN:
        return up_small((up_int_t)up_list_len(a));
    case UP_UOP_BOOL:
        return up_bool(up_list_len(a) != 0);
    default:
        return UP_NOTIMPL;
    }
}

up_obj_t up_list_subscr(up_obj_t self, up_obj_t index, up_obj_t value) {
    up_int_t i;
    if (up_is_small(index)) {
        i = up_small_value(index);
    } else if (up_is_slice(index)) {
        up_int_t b, e, s;
        if (up_slice_unpack_obj(index, &b, &e, &s) < 0) {
            return UP_NULL;
        }
        // __index__ of the bounds may change the list: clamp to the length
        // it has afterwards.
        up_int_t n = up_slice_clamp((up_int_t)up_list_len(self), &b, &e, s);
        if (value == UP_NULL) {
            return slice_n(self, b, s, n);
        }
        if (value == UP_DELETE) {
            delete_slice(self, b, e, s, n);
            return UP_NONE;
        }
        return assign_slice(self, b, e, s, n, value) < 0 ? UP_NULL : UP_NONE;
    } else {
        up_obj_t x = up_index_try(index);
        if (x == UP_NULL) {
            return UP_NULL;
        }
        if (x == UP_NOTIMPL) {
            return up_raise_fmt(&up_type_TypeError, "list indices must be integers or slices, not %T", index);
        }
        if (up_index_value(x, &i) < 0) {
            return UP_NULL;
        }
    }
    if (value == UP_NULL) {
        return up_list_get_cint(self, i);
    }
    if (value == UP_DELETE) {
        return del_cint(self, i) < 0 ? UP_NULL : UP_NONE;
    }
    return up_list_set_cint(self, i, value) < 0 ? UP_NULL : UP_NONE;
}

// ---- methods ------------------------------------------------------------------------

// An argument-clinic style machine-int argument (pop, insert): TypeError for
// non-ints, OverflowError when it does not fit.
static int ssize_arg(up_obj_t o, up_int_t *out) {
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
    if (up_int_as_cint(i, out) < 0) {
        up_exc_fetch();
        up_raise_msg(&up_type_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

up_obj_t up_list_m_append(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_list_append(args[0], args[1]) < 0 ? UP_NULL : UP_NONE;
}

up_obj_t up_list_m_clear(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    clear(LIST(args[0]));
    return UP_NONE;
}

up_obj_t up_list_m_copy(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_list_copy(args[0]);
}

up_obj_t up_list_m_count(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    up_int_t count = 0;
    if (up_seq_find(args[0], args[1], 0, (up_int_t)(UINTPTR_MAX >> 1), &count) == -2) {
        return UP_NULL;
    }
    return up_small(count);
}

up_obj_t up_list_m_extend(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_list_extend(args[0], args[1]) < 0 ? UP_NULL : UP_NONE;
}

up_obj_t up_list_m_index(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_int_t start, stop;
    if (up_seq_index_bounds(n, args, up_list_len(args[0]), &start, &stop) < 0) {
        return UP_NULL;
    }
    up_int_t r = up_seq_find(args[0], args[1], start, stop, NULL);
    if (r == -2) {
        return UP_NULL;
    }
    if (r < 0) {
        return up_raise_fmt(&up_type_ValueError, "%r is not in list", args[1]);
    }
    return up_small(r);
}

up_obj_t up_list_m_insert(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    up_int_t i;
    if (ssize_arg(args[1], &i) < 0) {
        return UP_NULL;
    }
    return up_list_insert_cint(args[0], i, args[2]) < 0 ? UP_NULL : UP_NONE;
}

up_obj_t up_list_m_pop(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_int_t i = -1;
    if (n > 1 && ssize_arg(args[1], &i) < 0) {
        return UP_NULL;
    }
    return up_list_pop_cint(args[0], i);
}

up_obj_t up_list_m_remove(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    up_int_t r = up_seq_find(args[0], args[1], 0, (up_int_t)(UINTPTR_MAX >> 1), NULL);
    if (r == -2) {
        return UP_NULL;
    }
    if (r < 0) {
        return up_raise_msg(&up_type_ValueError, "list.remove(x): x not in list");
    }
    del_cint(args[0], r);
    return UP_NONE;
}

up_obj_t up_list_m_reverse(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    reverse_items(LIST(args[0]));
    return UP_NONE;
}

// sort(*, key=None, reverse=False)
up_obj_t up_list_m_sort(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_npos(n, kwnames) > 1) {
        return up_raise_msg(&up_type_TypeError, "sort() takes no positional arguments");
    }
    up_obj_t key = UP_NONE, rev = UP_FALSE;
    if (kwnames != UP_NULL) {
        const up_tuple_t *kw = (const up_tuple_t *)kwnames;
        for (size_t i = 0; i < kw->len; i++) {
            up_obj_t name = kw->items[i], v = args[1 + i];
            if (up_str_eq_cstr(name, "key")) {
                key = v;
            } else if (up_str_eq_cstr(name, "reverse")) {
                rev = v;
            } else {
                return up_raise_fmt(&up_type_TypeError, "'%q' is an invalid keyword argument for sort()", name);
            }
        }
    }
    int r = up_truthy(rev);
    if (r < 0 || up_list_sort(args[0], key, r) < 0) {
        return UP_NULL;
    }
    return UP_NONE;
}

const up_builtin_t up_builtin_list_append = {{&up_type_builtin}, "append", 2, 2, 0, up_list_m_append};
const up_builtin_t up_builtin_list_clear = {{&up_type_builtin}, "clear", 1, 1, 0, up_list_m_clear};
const up_builtin_t up_builtin_list_copy = {{&up_type_builtin}, "copy", 1, 1, 0, up_list_m_copy};
const up_builtin_t up_builtin_list_count = {{&up_type_builtin}, "count", 2, 2, 0, up_list_m_count};
const up_builtin_t up_builtin_list_extend = {{&up_type_builtin}, "extend", 2, 2, 0, up_list_m_extend};
const up_builtin_t up_builtin_list_index = {{&up_type_builtin}, "index", 2, 4, 0, up_list_m_index};
const up_builtin_t up_builtin_list_insert = {{&up_type_builtin}, "insert", 3, 3, 0, up_list_m_insert};
const up_builtin_t up_builtin_list_pop = {{&up_type_builtin}, "pop", 1, 2, 0, up_list_m_pop};
const up_builtin_t up_builtin_list_remove = {{&up_type_builtin}, "remove", 2, 2, 0, up_list_m_remove};
const up_builtin_t up_builtin_list_reverse = {{&up_type_builtin}, "reverse", 1, 1, 0, up_list_m_reverse};
const up_builtin_t up_builtin_list_sort = {{&up_type_builtin}, "sort", 1, UP_ARGS_ANY, 1, up_list_m_sort};

// ---- iteration ----------------------------------------------------------------------

typedef struct {
    up_base_t base;
    up_obj_t list;  // UP_NULL once exhausted (stays exhausted if the list grows)
    size_t index;
} list_iter_t;

static up_obj_t list_iternext(up_obj_t self) {
    list_iter_t *it = (list_iter_t *)self;
    if (it->list == UP_NULL) {
        return UP_STOP;
    }
    if (it->index >= up_list_len(it->list)) {
        it->list = UP_NULL;
        return UP_STOP;
    }
    return LIST(it->list)->items[it->index++];
}

static const up_type_t type_list_iterator = {
    .base = {&up_type_type},
    .name = "list_iterator",
    .parent = &up_type_object,
    .flags = UP_TF_ITERATOR,
    .iternext = list_iternext,
};

up_obj_t up_list_getiter(up_obj_t self) {
    list_iter_t *it = up_alloc(sizeof(list_iter_t));
    if (it == NULL) {
        return UP_NULL;
    }
    it->base.type = &type_list_iterator;
    it->list = self;
    return (up_obj_t)it;
}
