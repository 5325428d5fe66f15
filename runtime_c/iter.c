// The builtin iterator types: enumerate, zip, map, filter, reversed, and
// the callable_iterator of iter(callable, sentinel). Each is its own
// iterator (UP_TF_ITERATOR). A step allocates nothing beyond the tuples
// enumerate and zip must produce (and enumerate's count once it is big).
//
// An exhausted iterator drops what it iterated over (the field is set to
// UP_NULL), so it keeps answering UP_STOP and frees the source for the GC.
#include "up.h"

bool up_callable(up_obj_t o) {
    const up_type_t *t = up_type_of(o);
    if (t->call == NULL) {
        return false;
    }
    // Instances of user classes are callable only when the class has __call__.
    if (t->flags & UP_TF_USER) {
        return up_type_lookup(t, UP_Q(__call__)) != UP_NULL;
    }
    return true;
}

#define ITER_TYPE(cname, pyname, make_new_fn, iternext_fn)       \
    const up_type_t up_type_##cname = {                           \
        .base = {&up_type_type},                                  \
        .name = pyname,                                           \
        .parent = &up_type_object,                                \
        .flags = UP_TF_ITERATOR,                                  \
        .make_new = make_new_fn,                                  \
        .iternext = iternext_fn,                                  \
    };

// ---- enumerate ----------------------------------------------------------------

typedef struct {
    up_base_t base;
    up_obj_t it;     // UP_NULL when exhausted
    up_obj_t count;  // an int (small or big)
} enumerate_t;

static up_obj_t enumerate_iternext(up_obj_t self) {
    if (up_stack_check() < 0) {  // a chain of these recurses
        return UP_NULL;
    }
    enumerate_t *e = (enumerate_t *)self;
    if (e->it == UP_NULL) {
        return UP_STOP;
    }
    up_obj_t x = up_iternext(e->it);
    if (x == UP_NULL) {
        return UP_NULL;
    }
    if (x == UP_STOP) {
        e->it = UP_NULL;
        return UP_STOP;
    }
    up_obj_t t = up_tuple_pack2(e->count, x);
    if (t == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t next = up_int_add(e->count, up_small(1));
    if (next == UP_NULL) {
        return UP_NULL;
    }
    e->count = next;
    return t;
}

static up_obj_t enumerate_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
ITER_TYPE(enumerate, "enumerate", enumerate_make_new, enumerate_iternext)

up_obj_t up_enumerate_new(up_obj_t iterable, up_obj_t start) {
    if (start == UP_NULL) {
        start = up_small(0);
    } else {
        start = up_index_obj(start);
        if (start == UP_NULL) {
            return UP_NULL;
        }
    }
    up_obj_t it = up_getiter(iterable);
    if (it == UP_NULL) {
        return UP_NULL;
    }
    enumerate_t *e = up_alloc(sizeof(enumerate_t));
    if (e == NULL) {
        return UP_NULL;
    }
    e->base.type = &up_type_enumerate;
    e->it = it;
    e->count = start;
    return (up_obj_t)e;
}

static const char *const enumerate_names[] = {"iterable", "start"};
static const up_argspec_t enumerate_spec = {"enumerate", 2, 0, 2, 0, enumerate_names};

static up_obj_t enumerate_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    up_obj_t a[2];
    if (up_parse_args(&enumerate_spec, n, args, kwnames, a) < 0) {
        return UP_NULL;
    }
    if (a[0] == UP_NULL) {
        return up_raise_msg(&up_type_TypeError, "enumerate() missing required argument 'iterable'");
    }
    return up_enumerate_new(a[0], a[1]);
}

// ---- zip ----------------------------------------------------------------------

typedef struct {
    up_base_t base;
    bool strict;
    bool done;
    size_t n;
    up_obj_t iters[];
} zip_t;

// zip(..., strict=True): the iterators did not all stop together. `which`
// is the 0-based index of the odd one out.
static up_obj_t zip_mismatch(size_t which, const char *how) {
    if (which == 1) {
        return up_raise_fmt(&up_type_ValueError, "zip() argument 2 is %s than argument 1", how);
    }
    return up_raise_fmt(&up_type_ValueError, "zip() argument %d is %s than arguments 1-%d", (up_int_t)which + 1,
                        how, (up_int_t)which);
}

static up_obj_t zip_iternext(up_obj_t self) {
    if (up_stack_check() < 0) {  // a chain of these recurses
        return UP_NULL;
    }
    zip_t *z = (zip_t *)self;
    if (z->done || z->n == 0) {
        return UP_STOP;
    }
    up_obj_t t = up_tuple_new(z->n);
    if (t == UP_NULL) {
        return UP_NULL;
    }
    for (size_t i = 0; i < z->n; i++) {
        up_obj_t x = up_iternext(z->iters[i]);
        if (x == UP_NULL) {
            return UP_NULL;
        }
        if (x != UP_STOP) {
            ((up_tuple_t *)t)->items[i] = x;
            continue;
        }
        up_free((void *)t);
        z->done = true;
        if (!z->strict) {
            return UP_STOP;
        }
        if (i > 0) {
            return zip_mismatch(i, "shorter");
        }
        for (size_t j = 1; j < z->n; j++) {
            up_obj_t y = up_iternext(z->iters[j]);
            if (y == UP_NULL) {
                return UP_NULL;
            }
            if (y != UP_STOP) {
                return zip_mismatch(j, "longer");
            }
        }
        return UP_STOP;
    }
    return t;
}

static up_obj_t zip_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    size_t npos = up_npos(n, kwnames);
    bool strict = false;
    for (size_t k = npos; k < n; k++) {
        up_obj_t name = up_tuple_item(kwnames, k - npos);
        if (!up_str_eq_cstr(name, "strict")) {
            return up_raise_fmt(&up_type_TypeError, "'%q' is an invalid keyword argument for zip()", name);
        }
        int t = up_truthy(args[k]);
        if (t < 0) {
            return UP_NULL;
        }
        strict = t;
    }
    zip_t *z = up_alloc(sizeof(zip_t) + npos * sizeof(up_obj_t));
    if (z == NULL) {
        return UP_NULL;
    }
    for (size_t i = 0; i < npos; i++) {
        z->iters[i] = up_getiter(args[i]);
        if (z->iters[i] == UP_NULL) {
            return UP_NULL;
        }
    }
    z->base.type = &up_type_zip;
    z->strict = strict;
    z->n = npos;
    return (up_obj_t)z;
}
ITER_TYPE(zip, "zip", zip_make_new, zip_iternext)

// ---- map ----------------------------------------------------------------------

// iters[0..n) are the iterators; with more than MAP_STACK_ARGS of them,
// iters[n..2n) hold the arguments of a call (the board's stack is small).
#define MAP_STACK_ARGS 8

typedef struct {
    up_base_t base;
    up_obj_t func;  // UP_NULL when exhausted
    size_t n;
    up_obj_t iters[];
} map_t;

static up_obj_t map_iternext(up_obj_t self) {
    if (up_stack_check() < 0) {  // a chain of these recurses
        return UP_NULL;
    }
    map_t *m = (map_t *)self;
    if (m->func == UP_NULL) {
        return UP_STOP;
    }
    up_obj_t buf[MAP_STACK_ARGS];
    up_obj_t *argv = m->n <= MAP_STACK_ARGS ? buf : m->iters + m->n;
    for (size_t i = 0; i < m->n; i++) {
        argv[i] = up_iternext(m->iters[i]);
        if (argv[i] == UP_NULL) {
            return UP_NULL;
        }
        if (argv[i] == UP_STOP) {
            m->func = UP_NULL;
            return UP_STOP;
        }
    }
    return up_call(m->func, m->n, argv, UP_NULL);
}

static up_obj_t map_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (kwnames) {
        return up_raise_msg(&up_type_TypeError, "map() takes no keyword arguments");
    }
    if (n < 2) {
        return up_raise_msg(&up_type_TypeError, "map() must have at least two arguments.");
    }
    size_t slots = n - 1 <= MAP_STACK_ARGS ? n - 1 : 2 * (n - 1);
    map_t *m = up_alloc(sizeof(map_t) + slots * sizeof(up_obj_t));
    if (m == NULL) {
        return UP_NULL;
    }
    for (size_t i = 1; i < n; i++) {
        m->iters[i - 1] = up_getiter(args[i]);
        if (m->iters[i - 1] == UP_NULL) {
            return UP_NULL;
        }
    }
    m->base.type = &up_type_map;
    m->func = args[0];
    m->n = n - 1;
    return (up_obj_t)m;
}
ITER_TYPE(map, "map", map_make_new, map_iternext)

// ---- filter -------------------------------------------------------------------

typedef struct {
    up_base_t base;
    up_obj_t func;  // UP_NONE: keep the true items
    up_obj_t it;    // UP_NULL when exhausted
} filter_t;

static up_obj_t filter_iternext(up_obj_t self) {
    if (up_stack_check() < 0) {  // a chain of these recurses
        return UP_NULL;
    }
    filter_t *f = (filter_t *)self;
    for (;;) {
        if (f->it == UP_NULL) {
            return UP_STOP;
        }
        up_obj_t x = up_iternext(f->it);
        if (x == UP_NULL) {
            return UP_NULL;
        }
        if (x == UP_STOP) {
            f->it = UP_NULL;
            return UP_STOP;
        }
        up_obj_t v = x;
        if (f->func != UP_NONE) {
            v = up_call1(f->func, x);
            if (v == UP_NULL) {
                return UP_NULL;
            }
        }
        int t = up_truthy(v);
        if (t < 0) {
            return UP_NULL;
        }
        if (t) {
            return x;
        }
    }
}

static up_obj_t filter_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (up_check_nargs("filter", n, kwnames, 2, 2) < 0) {
        return UP_NULL;
    }
    up_obj_t it = up_getiter(args[1]);
    if (it == UP_NULL) {
        return UP_NULL;
    }
    filter_t *f = up_alloc(sizeof(filter_t));
    if (f == NULL) {
        return UP_NULL;
    }
    f->base.type = &up_type_filter;
    f->func = args[0];
    f->it = it;
    return (up_obj_t)f;
}
ITER_TYPE(filter, "filter", filter_make_new, filter_iternext)

// ---- reversed -----------------------------------------------------------------

// Lists and tuples are read by index (a list that shrinks meanwhile ends
// the iteration, as in CPython); a str steps back over its UTF-8 bytes; a
// dict is reversed through a list of its keys made up front; any other
// sequence (range, bytes, user classes with __len__ and __getitem__) goes
// through the generic item lookup until IndexError.
typedef struct {
    up_base_t base;
    up_obj_t seq;    // UP_NULL when exhausted
    up_int_t index;  // next index to produce; for a str: end of the next char (bytes)
} reversed_t;

static up_obj_t reversed_stop(reversed_t *r) {
    r->seq = UP_NULL;
    return UP_STOP;
}

static up_obj_t reversed_iternext(up_obj_t self) {
    reversed_t *r = (reversed_t *)self;
    up_obj_t seq = r->seq;
    if (seq == UP_NULL || r->index < 0) {
        return reversed_stop(r);
    }
    if (up_is_list(seq)) {
        if ((size_t)r->index >= up_list_len(seq)) {
            return reversed_stop(r);
        }
        return ((const up_list_t *)seq)->items[r->index--];
    }
    if (up_is_tuple(seq)) {
        return up_tuple_item(seq, (size_t)r->index--);
    }
    if (up_is_str(seq)) {
        if (r->index == 0) {
            return reversed_stop(r);
        }
        const char *s = up_str_data(seq);
        up_int_t end = r->index, start = end - 1;
        while (start > 0 && ((uint8_t)s[start] & 0xC0) == 0x80) {
            start--;
        }
        r->index = start;
        if (end - start == 1) {
            return up_str_chr((uint8_t)s[start]);
        }
        return up_str_new(s + start, (size_t)(end - start));
    }
    up_obj_t x = up_getitem(seq, up_small(r->index));
    if (x == UP_NULL) {
        const up_type_t *t = up_exc_type(up_exc_pending);
        if (up_type_derives(t, &up_type_IndexError) || up_type_derives(t, &up_type_StopIteration)) {
            up_exc_fetch();
            return reversed_stop(r);
        }
        return UP_NULL;
    }
    r->index--;
    return x;
}

UP_ROM_STR(static, name_dunder_reversed, "__reversed__");

// Whether o is a sequence for reversed(): it has __getitem__ (len() must then work).
static bool is_sequence(up_obj_t o) {
    const up_type_t *t = up_type_of(o);
    if (t->flags & UP_TF_USER) {
        return up_type_lookup(t, UP_Q(__getitem__)) != UP_NULL;
    }
    return t->subscr != NULL;
}

static up_obj_t reversed_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (up_check_nargs("reversed", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    up_obj_t seq = args[0];
    const up_type_t *t = up_type_of(seq);
    if (t->flags & UP_TF_USER) {
        up_obj_t m = up_type_lookup(t, (up_obj_t)&name_dunder_reversed);
        if (m != UP_NULL) {
            return up_call1(m, seq);
        }
    }
    up_int_t index;
    if (up_is_dict(seq)) {
        seq = up_list_from_iter(seq);
        if (seq == UP_NULL) {
            return UP_NULL;
        }
    }
    if (up_is_str(seq)) {
        index = (up_int_t)up_str_size(seq);
    } else if (is_sequence(seq)) {
        if (up_len(seq, &index) < 0) {
            return UP_NULL;
        }
        index--;
    } else {
        return up_raise_fmt(&up_type_TypeError, "'%T' object is not reversible", seq);
    }
    reversed_t *r = up_alloc(sizeof(reversed_t));
    if (r == NULL) {
        return UP_NULL;
    }
    r->base.type = &up_type_reversed;
    r->seq = seq;
    r->index = index;
    return (up_obj_t)r;
}
ITER_TYPE(reversed, "reversed", reversed_make_new, reversed_iternext)

// ---- callable_iterator --------------------------------------------------------

typedef struct {
    up_base_t base;
    up_obj_t func;  // UP_NULL when exhausted
    up_obj_t sentinel;
} calliter_t;

static up_obj_t calliter_iternext(up_obj_t self) {
    calliter_t *c = (calliter_t *)self;
    if (c->func == UP_NULL) {
        return UP_STOP;
    }
    // (a non-NULL argument array, even for no arguments: callees may memcpy it)
    up_obj_t x = up_call(c->func, 0, &c->sentinel, UP_NULL);
    if (x == UP_NULL) {
        if (up_type_derives(up_exc_type(up_exc_pending), &up_type_StopIteration)) {
            up_exc_fetch();
            c->func = UP_NULL;
            return UP_STOP;
        }
        return UP_NULL;
    }
    int eq = up_eq(x, c->sentinel);
    if (eq < 0) {
        return UP_NULL;
    }
    if (eq) {
        c->func = UP_NULL;
        return UP_STOP;
    }
    return x;
}

static const up_type_t type_calliter = {
    .base = {&up_type_type},
    .name = "callable_iterator",
    .parent = &up_type_object,
    .flags = UP_TF_ITERATOR,
    .iternext = calliter_iternext,
};

up_obj_t up_callable_iter_new(up_obj_t callable, up_obj_t sentinel) {
    if (!up_callable(callable)) {
        return up_raise_msg(&up_type_TypeError, "iter(v, w): v must be callable");
    }
    calliter_t *c = up_alloc(sizeof(calliter_t));
    if (c == NULL) {
        return UP_NULL;
    }
    c->base.type = &type_calliter;
    c->func = callable;
    c->sentinel = sentinel;
    return (up_obj_t)c;
}
