// set and frozenset: hash tables of keys, laid out like CPython's so that
// iteration order -- and so print() of a set, pop() and list(s) -- matches
// CPython wherever the keys' hashes do: ints and bools (on the 64-bit host
// every int; checked against CPython 3.11 with random sequences of adds,
// removes, pops and set operations), None-free tuples and frozensets of
// ints whose CPython hash fits a small int. str keys are ordered
// differently (their hash is FNV-1a, CPython's is randomized anyway).
//
// The table: 2**k slots of (hash, key); key UP_NULL = never used, DUMMY =
// deleted (hash -1). A key probes from hash & mask through up to 9 linear
// neighbours, then jumps: i = 5i + 1 + perturb, perturb >>= 5 (CPython's
// scheme). The table starts at 8 slots, is resized to the smallest power
// of two above 4 * used (2 * used past 50000) once fill * 5 >= mask * 3,
// and the set operations (merge, copy, difference...) walk and rebuild
// tables in CPython's order, so results print alike.
//
// Invariants: used <= fill <= mask; at least one slot is never used (so
// probes end); an empty set owns no table (table == NULL, mask == 7) until
// the first insertion. A frozenset caches its hash (hash != -1).
#include "up.h"


typedef struct {
    up_int_t hash;
    up_obj_t key;
} sentry_t;

typedef struct {
    up_base_t base;
    size_t fill;      // active + dummy slots
    size_t used;      // active slots
    size_t mask;      // slots - 1
    size_t finger;    // where pop() looks first
    up_int_t hash;    // frozenset: -1 until computed
    sentry_t *table;  // scanned; NULL while empty
} set_t;

#define SET(o) ((set_t *)(o))
#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static const up_base_t dummy_obj = {&up_type_set};  // never a value
#define DUMMY ((up_obj_t)&dummy_obj)

static inline bool is_anyset(up_obj_t o) {
    return up_type_is(o, &up_type_set) || up_type_is(o, &up_type_frozenset);
}

static set_t *set_alloc(const up_type_t *type) {
    set_t *s = up_alloc(sizeof(set_t));
    if (s == NULL) {
        return NULL;
    }
    s->base.type = type;
    s->mask = MINSIZE - 1;
    s->hash = -1;
    return s;
}

up_obj_t up_set_new(void) {
    return (up_obj_t)set_alloc(&up_type_set);
}

size_t up_set_len(up_obj_t s) {
    return SET(s)->used;
}

// ---- the table -----------------------------------------------------------------------

// What lookkey finds in a set a comparison emptied (its table freed): an
// empty slot, never written.
static sentry_t no_slot;

// The slot holding key (key field set), or the empty slot ending its probe
// (key field UP_NULL); NULL when a comparison raised.
static sentry_t *lookkey(set_t *s, up_obj_t key, up_int_t hash) {
restart:;
    if (s->table == NULL) {
        return &no_slot;
    }
    size_t mask = s->mask, perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        sentry_t *e = &s->table[i];
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (;;) {
            if (e->key == UP_NULL) {
                return e;
            }
            if (e->hash == hash) {
                up_obj_t k = e->key;
                if (k == key) {
                    return e;
                }
                if (up_is_str(k) && up_is_str(key)) {
                    if (up_str_eq(k, key)) {
                        return e;
                    }
                } else if (!up_both_small(k, key)) {
                    sentry_t *table = s->table;
                    int r = up_eq(k, key);
                    if (r < 0) {
                        return NULL;
                    }
                    if (s->table != table || e->key != k) {
                        goto restart;  // the comparison changed the set
                    }
                    if (r) {
                        return e;
                    }
                    mask = s->mask;
                }
            }
            if (probes-- == 0) {
                break;
            }
            e++;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// Put a key known to be absent into a table without dummies.
static void insert_clean(sentry_t *table, size_t mask, up_obj_t key, up_int_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        sentry_t *e = &table[i];
        if (e->key == UP_NULL) {
            e->key = key;
            e->hash = hash;
            return;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == UP_NULL) {
                    e->key = key;
                    e->hash = hash;
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// A new table of the smallest power of two above minused, the active keys
// moved over in table order.
static int resize(set_t *s, size_t minused) {
    size_t size = MINSIZE;
    while (size <= minused) {
        if (size > (SIZE_MAX / sizeof(sentry_t)) / 2) {
            up_raise_memory_error();
            return -1;
        }
        size <<= 1;
    }
    sentry_t *table = up_alloc(size * sizeof(sentry_t));
    if (table == NULL) {
        return -1;
    }
    sentry_t *old = s->table;
    if (old != NULL) {
        for (size_t i = 0; i <= s->mask; i++) {
            if (old[i].key != UP_NULL && old[i].key != DUMMY) {
                insert_clean(table, size - 1, old[i].key, old[i].hash);
            }
        }
    }
    s->table = table;
    s->mask = size - 1;
    s->fill = s->used;
    up_free(old);
    return 0;
}

static inline size_t growth(const set_t *s) {
    return s->used > 50000 ? s->used * 2 : s->used * 4;
}

static int add_entry(set_t *s, up_obj_t key, up_int_t hash) {
restart:;
    // (again after a comparison that emptied the set)
    if (s->table == NULL && resize(s, 0) < 0) {
        return -1;
    }
    size_t mask = s->mask, perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    sentry_t *freeslot = NULL, *e;
    for (;;) {
        e = &s->table[i];
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (;;) {
            if (e->key == UP_NULL) {
                goto found_unused;
            }
            if (e->hash == hash) {
                up_obj_t k = e->key;
                if (k == key) {
                    return 0;
                }
                if (up_is_str(k) && up_is_str(key)) {
                    if (up_str_eq(k, key)) {
                        return 0;
                    }
                } else if (!up_both_small(k, key)) {
                    sentry_t *table = s->table;
                    int r = up_eq(k, key);
                    if (r < 0) {
                        return -1;
                    }
                    if (r > 0) {
                        return 0;
                    }
                    if (s->table != table || e->key != k) {
                        goto restart;
                    }
                    mask = s->mask;
                }
            } else if (e->key == DUMMY) {
                freeslot = e;  // the last dummy on the way, as CPython
            }
            if (probes-- == 0) {
                break;
            }
            e++;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused:
    if (freeslot != NULL) {
        freeslot->key = key;
        freeslot->hash = hash;
        s->used++;
        return 0;
    }
    e->key = key;
    e->hash = hash;
    s->fill++;
    s->used++;
    if (s->fill * 5 < mask * 3) {
        return 0;
    }
    return resize(s, growth(s));
}

// The hash a frozenset with s's keys has (CPython's frozenset hash: the
// order-independent xor of shuffled entry hashes, mixed with the size).
static up_int_t content_hash(const set_t *s) {
    uintptr_t h = 0;
    for (size_t i = 0; s->table != NULL && i <= s->mask; i++) {
        if (s->table[i].key != UP_NULL && s->table[i].key != DUMMY) {
            uintptr_t x = (uintptr_t)s->table[i].hash;
            h ^= ((x ^ 89869747UL) ^ (x << 16)) * 3644798167UL;
        }
    }
    h ^= ((uintptr_t)s->used + 1) * 1927868237UL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923UL;
    up_int_t v = (up_int_t)h;
    if (!up_small_fits(v)) {
        v >>= 2;  // keep it a small int (as tuple.c does)
    }
    return v == -1 ? 590923713 : v;
}

// Hash a key for a lookup: a set (unhashable) is looked up as the frozenset
// with its keys, as CPython does for `in`, remove and discard.
static int lookup_hash(up_obj_t key, up_int_t *h) {
    if (up_type_is(key, &up_type_set)) {
        *h = content_hash(SET(key));
        return 0;
    }
    return up_key_hash(key, h);
}

// 1, 0, -1
static int contains_entry(set_t *s, up_obj_t key, up_int_t hash) {
    if (s->table == NULL) {
        return 0;
    }
    sentry_t *e = lookkey(s, key, hash);
    return e == NULL ? -1 : e->key != UP_NULL;
}

// 1 removed, 0 absent, -1
static int discard_entry(set_t *s, up_obj_t key, up_int_t hash) {
    if (s->table == NULL) {
        return 0;
    }
    sentry_t *e = lookkey(s, key, hash);
    if (e == NULL) {
        return -1;
    }
    if (e->key == UP_NULL) {
        return 0;
    }
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    return 1;
}

// Walk the active slots: *pos starts at 0.
static sentry_t *next_entry(const set_t *s, size_t *pos) {
    for (size_t i = *pos; s->table != NULL && i <= s->mask; i++) {
        if (s->table[i].key != UP_NULL && s->table[i].key != DUMMY) {
            *pos = i + 1;
            return &s->table[i];
        }
    }
    return NULL;
}

static void clear(set_t *s) {
    sentry_t *t = s->table;
    s->table = NULL;
    s->mask = MINSIZE - 1;
    s->fill = s->used = 0;
    s->finger = 0;
    up_free(t);
}

// ---- bulk operations ------------------------------------------------------------------

static int merge(set_t *s, const set_t *o) {
    if (s == o || o->used == 0) {
        return 0;
    }
    if ((s->fill + o->used) * 5 >= s->mask * 3) {
        if (resize(s, (s->used + o->used) * 2) < 0) {
            return -1;
        }
    } else if (s->table == NULL && resize(s, 0) < 0) {
        return -1;
    }
    if (s->fill == 0) {
        // Empty: same-size tables without dummies copy slot for slot;
        // otherwise clean insertions in o's order.
        if (s->mask == o->mask && o->fill == o->used) {
            memcpy(s->table, o->table, (o->mask + 1) * sizeof(sentry_t));
        } else {
            for (size_t i = 0; i <= o->mask; i++) {
                if (o->table[i].key != UP_NULL && o->table[i].key != DUMMY) {
                    insert_clean(s->table, s->mask, o->table[i].key, o->table[i].hash);
                }
            }
        }
        s->fill = s->used = o->used;
        return 0;
    }
    for (size_t i = 0; i <= o->mask; i++) {
        sentry_t e = o->table[i];
        if (e.key != UP_NULL && e.key != DUMMY && add_entry(s, e.key, e.hash) < 0) {
            return -1;
        }
    }
    return 0;
}

static int update(set_t *s, up_obj_t other) {
    if (is_anyset(other)) {
        return merge(s, SET(other));
    }
    if (up_is_dict(other)) {
        size_t n = up_dict_len(other);
        if ((s->fill + n) * 5 >= s->mask * 3 && resize(s, (s->used + n) * 2) < 0) {
            return -1;
        }
        size_t pos = 0;
        up_obj_t k;
        while (up_dict_next(other, &pos, &k, NULL)) {
            up_int_t h;
            if (up_key_hash(k, &h) < 0 || add_entry(s, k, h) < 0) {
                return -1;
            }
        }
        return 0;
    }
    up_obj_t it = up_getiter(other);
    if (it == UP_NULL) {
        return -1;
    }
    for (;;) {
        up_obj_t k = up_iternext(it);
        if (k == UP_NULL) {
            return -1;
        }
        if (k == UP_STOP) {
            return 0;
        }
        up_int_t h;
        if (up_key_hash(k, &h) < 0 || add_entry(s, k, h) < 0) {
            return -1;
        }
    }
}

// A new set or frozenset (as type) with the keys of iterable (UP_NULL: none).
static set_t *make_set(const up_type_t *type, up_obj_t iterable) {
    set_t *s = set_alloc(type);
    if (s == NULL || (iterable != UP_NULL && update(s, iterable) < 0)) {
        return NULL;
    }
    return s;
}

static inline const up_type_t *type_of_set(up_obj_t s) {
    return up_type_of(s);
}

static up_obj_t copy(up_obj_t s) {
    return (up_obj_t)make_set(type_of_set(s), s);
}

static up_obj_t intersection(up_obj_t so, up_obj_t other) {
    if (so == other) {
        return copy(so);
    }
    set_t *r = set_alloc(type_of_set(so));
    if (r == NULL) {
        return UP_NULL;
    }
    if (is_anyset(other)) {
        set_t *a = SET(so), *b = SET(other);
        if (b->used > a->used) {
            set_t *t = a;
            a = b;
            b = t;
        }
        size_t pos = 0;
        for (sentry_t *e; (e = next_entry(b, &pos)) != NULL;) {
            sentry_t x = *e;
            int c = contains_entry(a, x.key, x.hash);
            if (c < 0 || (c > 0 && add_entry(r, x.key, x.hash) < 0)) {
                return UP_NULL;
            }
        }
        return (up_obj_t)r;
    }
    up_obj_t it = up_getiter(other);
    if (it == UP_NULL) {
        return UP_NULL;
    }
    for (;;) {
        up_obj_t k = up_iternext(it);
        if (k == UP_NULL) {
            return UP_NULL;
        }
        if (k == UP_STOP) {
            return (up_obj_t)r;
        }
        up_int_t h;
        if (up_key_hash(k, &h) < 0) {
            return UP_NULL;
        }
        int c = contains_entry(SET(so), k, h);
        if (c < 0 || (c > 0 && add_entry(r, k, h) < 0)) {
            return UP_NULL;
        }
    }
}

// Exchange the contents of two sets (for the in-place forms).
static void swap_bodies(set_t *a, set_t *b) {
    set_t t = *a;
    a->fill = b->fill;
    a->used = b->used;
    a->mask = b->mask;
    a->table = b->table;
    a->hash = b->hash;
    b->fill = t.fill;
    b->used = t.used;
    b->mask = t.mask;
    b->table = t.table;
    b->hash = t.hash;
}

static int difference_update(set_t *s, up_obj_t other) {
    if ((up_obj_t)s == other) {
        clear(s);
        return 0;
    }
    if (is_anyset(other)) {
        if ((SET(other)->used >> 3) > s->used) {
            other = intersection((up_obj_t)s, other);
            if (other == UP_NULL) {
                return -1;
            }
        }
        size_t pos = 0;
        for (sentry_t *e; (e = next_entry(SET(other), &pos)) != NULL;) {
            sentry_t x = *e;
            if (discard_entry(s, x.key, x.hash) < 0) {
                return -1;
            }
        }
    } else {
        up_obj_t it = up_getiter(other);
        if (it == UP_NULL) {
            return -1;
        }
        for (;;) {
            up_obj_t k = up_iternext(it);
            if (k == UP_NULL) {
                return -1;
            }
            if (k == UP_STOP) {
                break;
            }
            up_int_t h;
            if (lookup_hash(k, &h) < 0 || discard_entry(s, k, h) < 0) {
                return -1;
            }
        }
    }
    // More than a quarter dummies: rebuild without them.
    if (s->fill - s->used <= s->mask / 4) {
        return 0;
    }
    return resize(s, growth(s));
}

static up_obj_t difference(up_obj_t so, up_obj_t other) {
    size_t other_size;
    if (is_anyset(other)) {
        other_size = SET(other)->used;
    } else if (up_is_dict(other)) {
        other_size = up_dict_len(other);
    } else {
        other_size = SIZE_MAX;
    }
    if (other_size == SIZE_MAX || (SET(so)->used >> 2) > other_size) {
        // copy, then remove what other has
        up_obj_t r = copy(so);
        return r == UP_NULL || difference_update(SET(r), other) < 0 ? UP_NULL : r;
    }
    set_t *r = set_alloc(type_of_set(so));
    if (r == NULL) {
        return UP_NULL;
    }
    size_t pos = 0;
    for (sentry_t *e; (e = next_entry(SET(so), &pos)) != NULL;) {
        sentry_t x = *e;
        int c;
        if (up_is_dict(other)) {
            c = up_dict_contains(other, x.key);
        } else {
            c = contains_entry(SET(other), x.key, x.hash);
        }
        if (c < 0 || (c == 0 && add_entry(r, x.key, x.hash) < 0)) {
            return UP_NULL;
        }
    }
    return (up_obj_t)r;
}

static int symmetric_difference_update(set_t *s, up_obj_t other) {
    if ((up_obj_t)s == other) {
        clear(s);
        return 0;
    }
    if (up_is_dict(other)) {
        size_t pos = 0;
        up_obj_t k;
        while (up_dict_next(other, &pos, &k, NULL)) {
            up_int_t h;
            if (up_key_hash(k, &h) < 0) {
                return -1;
            }
            int d = discard_entry(s, k, h);
            if (d < 0 || (d == 0 && add_entry(s, k, h) < 0)) {
                return -1;
            }
        }
        return 0;
    }
    set_t *o = is_anyset(other) ? SET(other) : make_set(type_of_set((up_obj_t)s), other);
    if (o == NULL) {
        return -1;
    }
    size_t pos = 0;
    for (sentry_t *e; (e = next_entry(o, &pos)) != NULL;) {
        sentry_t x = *e;
        int d = discard_entry(s, x.key, x.hash);
        if (d < 0 || (d == 0 && add_entry(s, x.key, x.hash) < 0)) {
            return -1;
        }
    }
    return 0;
}

static up_obj_t symmetric_difference(up_obj_t so, up_obj_t other) {
    set_t *r = make_set(type_of_set(so), other);
    if (r == NULL || symmetric_difference_update(r, so) < 0) {
        return UP_NULL;
    }
    return (up_obj_t)r;
}

// so <= other: 1, 0, -1
static int issubset(up_obj_t so, up_obj_t other) {
    if (!is_anyset(other)) {
        set_t *t = make_set(&up_type_set, other);
        if (t == NULL) {
            return -1;
        }
        other = (up_obj_t)t;
    }
    if (SET(so)->used > SET(other)->used) {
        return 0;
    }
    size_t pos = 0;
    for (sentry_t *e; (e = next_entry(SET(so), &pos)) != NULL;) {
        sentry_t x = *e;
        int c = contains_entry(SET(other), x.key, x.hash);
        if (c <= 0) {
            return c;
        }
    }
    return 1;
}

// Every key of an iterable is in s: 1, 0, -1 (all = true); any is: (all = false)
static int check_iterable(set_t *s, up_obj_t other, bool all) {
    up_obj_t it = up_getiter(other);
    if (it == UP_NULL) {
        return -1;
    }
    for (;;) {
        up_obj_t k = up_iternext(it);
        if (k == UP_NULL) {
            return -1;
        }
        if (k == UP_STOP) {
            return all;
        }
        up_int_t h;
        if (up_key_hash(k, &h) < 0) {
            return -1;
        }
        int c = contains_entry(s, k, h);
        if (c < 0) {
            return -1;
        }
        if (c != all) {
            return !all;
        }
    }
}

static int issuperset(up_obj_t so, up_obj_t other) {
    if (is_anyset(other)) {
        return issubset(other, so);
    }
    return check_iterable(SET(so), other, true);
}

static int isdisjoint(up_obj_t so, up_obj_t other) {
    if (so == other) {
        return SET(so)->used == 0;
    }
    if (is_anyset(other)) {
        set_t *a = SET(so), *b = SET(other);
        if (b->used > a->used) {
            set_t *t = a;
            a = b;
            b = t;
        }
        size_t pos = 0;
        for (sentry_t *e; (e = next_entry(b, &pos)) != NULL;) {
            sentry_t x = *e;
            int c = contains_entry(a, x.key, x.hash);
            if (c != 0) {
                return c < 0 ? -1 : 0;
            }
        }
        return 1;
    }
    int r = check_iterable(SET(so), other, false);
    return r < 0 ? -1 : !r;
}

// ---- the public interface and slots ------------------------------------------------

int up_set_add(up_obj_t s, up_obj_t key) {
    up_int_t h;
    if (up_key_hash(key, &h) < 0) {
        return -1;
    }
    return add_entry(SET(s), key, h);
}

int up_set_contains(up_obj_t s, up_obj_t key) {
    up_int_t h;
    if (lookup_hash(key, &h) < 0) {
        return -1;
    }
    return contains_entry(SET(s), key, h);
}

up_obj_t up_set_from_iter(up_obj_t iterable) {
    return (up_obj_t)make_set(&up_type_set, iterable);
}

up_obj_t up_set_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args(up_type_name_of(type), n, kwnames, 0, 1) < 0) {
        return UP_NULL;
    }
    if (type == &up_type_frozenset && n == 1 && up_type_is(args[0], &up_type_frozenset)) {
        return args[0];  // immutable: no copy
    }
    return (up_obj_t)make_set(type, n == 1 ? args[0] : UP_NULL);
}

int up_set_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    bool frozen = up_type_is(self, &up_type_frozenset);
    const set_t *s = SET(self);
    if (s->used == 0) {
        up_printer_puts(p, frozen ? "frozenset()" : "set()");
        return 0;
    }
    if (up_repr_enter(self)) {
        up_printer_puts(p, frozen ? "frozenset(...)" : "set(...)");
        return 0;
    }
    up_printer_puts(p, frozen ? "frozenset({" : "{");
    size_t pos = 0;
    int r = 0;
    for (bool first = true; r == 0; first = false) {
        sentry_t *e = next_entry(s, &pos);
        if (e == NULL) {
            break;
        }
        if (!first) {
            up_printer_puts(p, ", ");
        }
        r = up_print_obj(p, e->key, UP_PRINT_REPR);
    }
    up_repr_leave();
    if (r == 0) {
        up_printer_puts(p, frozen ? "})" : "}");
    }
    return r;
}

static up_obj_t bool_result(int r) {
    return r < 0 ? UP_NULL : up_bool(r);
}

up_obj_t up_set_binary_op(int op, up_obj_t a, up_obj_t b) {
    if (op == UP_OP_CONTAINS) {
        return bool_result(up_set_contains(a, b));
    }
    if (!is_anyset(a) || !is_anyset(b)) {
        return UP_NOTIMPL;
    }
    bool mutable_a = up_type_is(a, &up_type_set);
    switch (op) {
    case UP_OP_OR: {
        up_obj_t r = copy(a);
        if (r == UP_NULL || a == b) {
            return r;
        }
        return update(SET(r), b) < 0 ? UP_NULL : r;
    }
    case UP_OP_AND:
        return intersection(a, b);
    case UP_OP_SUB:
        return difference(a, b);
    case UP_OP_XOR:
        return symmetric_difference(a, b);
    case UP_OP_IOR:
        if (!mutable_a) {
            return UP_NOTIMPL;
        }
        return update(SET(a), b) < 0 ? UP_NULL : a;
    case UP_OP_IAND: {
        if (!mutable_a) {
            return UP_NOTIMPL;
        }
        up_obj_t t = intersection(a, b);
        if (t == UP_NULL) {
            return UP_NULL;
        }
        swap_bodies(SET(a), SET(t));
        return a;
    }
    case UP_OP_ISUB:
        if (!mutable_a) {
            return UP_NOTIMPL;
        }
        return difference_update(SET(a), b) < 0 ? UP_NULL : a;
    case UP_OP_IXOR:
        if (!mutable_a) {
            return UP_NOTIMPL;
        }
        return symmetric_difference_update(SET(a), b) < 0 ? UP_NULL : a;
    case UP_OP_EQ:
    case UP_OP_NE: {
        int r;
        if (SET(a)->used != SET(b)->used) {
            r = 0;
        } else if (SET(a)->hash != -1 && SET(b)->hash != -1 && SET(a)->hash != SET(b)->hash) {
            r = 0;
        } else {
            r = issubset(a, b);
        }
        return r < 0 ? UP_NULL : up_bool((op == UP_OP_EQ) == (r == 1));
    }
    case UP_OP_LE:
        return bool_result(issubset(a, b));
    case UP_OP_GE:
        return bool_result(issuperset(a, b));
    case UP_OP_LT:
        return SET(a)->used >= SET(b)->used ? UP_FALSE : bool_result(issubset(a, b));
    case UP_OP_GT:
        return SET(a)->used <= SET(b)->used ? UP_FALSE : bool_result(issuperset(a, b));
    default:
        return UP_NOTIMPL;
    }
}

up_obj_t up_set_unary_op(int op, up_obj_t a) {
    switch (op) {
    case UP_UOP_LEN:
        return up_small((up_int_t)SET(a)->used);
    case UP_UOP_BOOL:
        return up_bool(SET(a)->used != 0);
    case UP_UOP_HASH:
        if (!up_type_is(a, &up_type_frozenset)) {
            return UP_NOTIMPL;
        }
        if (SET(a)->hash == -1) {
            SET(a)->hash = content_hash(SET(a));
        }
        return up_small(SET(a)->hash);
    default:
        return UP_NOTIMPL;
    }
}

// ---- iteration --------------------------------------------------------------------------

typedef struct {
    up_base_t base;
    up_obj_t set;  // UP_NULL once exhausted
    size_t pos;
    size_t used;   // the set's size when iteration began; SIZE_MAX: failed
    size_t left;
} set_iter_t;

static up_obj_t set_iternext(up_obj_t self) {
    set_iter_t *it = (set_iter_t *)self;
    if (it->set == UP_NULL) {
        return UP_STOP;
    }
    set_t *s = SET(it->set);
    if (it->used != s->used) {
        it->used = SIZE_MAX;
        return up_raise_msg(&up_type_RuntimeError, "Set changed size during iteration");
    }
    sentry_t *e = next_entry(s, &it->pos);
    if (e == NULL || it->left == 0) {
        it->set = UP_NULL;
        return UP_STOP;
    }
    it->left--;
    return e->key;
}

static const up_type_t type_set_iterator = {
    .base = {&up_type_type},
    .name = "set_iterator",
    .parent = &up_type_object,
    .flags = UP_TF_ITERATOR,
    .iternext = set_iternext,
};

up_obj_t up_set_getiter(up_obj_t self) {
    set_iter_t *it = up_alloc(sizeof(set_iter_t));
    if (it == NULL) {
        return UP_NULL;
    }
    it->base.type = &type_set_iterator;
    it->set = self;
    it->used = it->left = SET(self)->used;
    return (up_obj_t)it;
}

// ---- methods ------------------------------------------------------------------------------

// Mutating methods exist on set only: frozenset lookups reach them through
// the shared method table and get the AttributeError CPython gives.
static int check_mutable(up_obj_t self, const char *name) {
    if (!up_type_is(self, &up_type_set)) {
        up_raise_fmt(&up_type_AttributeError, "'%T' object has no attribute '%s'", self, name);
        return -1;
    }
    return 0;
}

#define MUTATOR(name)                        \
    if (check_mutable(args[0], name) < 0) { \
        return UP_NULL;                      \
    }

up_obj_t up_set_m_add(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    MUTATOR("add");
    return up_set_add(args[0], args[1]) < 0 ? UP_NULL : UP_NONE;
}

up_obj_t up_set_m_clear(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    MUTATOR("clear");
    clear(SET(args[0]));
    return UP_NONE;
}

up_obj_t up_set_m_copy(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    if (up_type_is(args[0], &up_type_frozenset)) {
        return args[0];
    }
    return copy(args[0]);
}

up_obj_t up_set_m_discard(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    MUTATOR("discard");
    up_int_t h;
    if (lookup_hash(args[1], &h) < 0 || discard_entry(SET(args[0]), args[1], h) < 0) {
        return UP_NULL;
    }
    return UP_NONE;
}

up_obj_t up_set_m_remove(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    MUTATOR("remove");
    up_int_t h;
    if (lookup_hash(args[1], &h) < 0) {
        return UP_NULL;
    }
    int r = discard_entry(SET(args[0]), args[1], h);
    if (r < 0) {
        return UP_NULL;
    }
    if (r == 0) {
        up_obj_t exc = up_exc_new(&up_type_KeyError, 1, &args[1]);
        return exc == UP_NULL ? UP_NULL : up_raise(exc);
    }
    return UP_NONE;
}

up_obj_t up_set_m_pop(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    MUTATOR("pop");
    set_t *s = SET(args[0]);
    if (s->used == 0) {
        return up_raise_msg(&up_type_KeyError, "pop from an empty set");
    }
    size_t i = s->finger & s->mask;
    while (s->table[i].key == UP_NULL || s->table[i].key == DUMMY) {
        i = i == s->mask ? 0 : i + 1;
    }
    up_obj_t key = s->table[i].key;
    s->table[i].key = DUMMY;
    s->table[i].hash = -1;
    s->used--;
    s->finger = i + 1;
    return key;
}

up_obj_t up_set_m_union(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_obj_t r = copy(args[0]);
    for (size_t i = 1; r != UP_NULL && i < n; i++) {
        if (args[i] != args[0] && update(SET(r), args[i]) < 0) {
            return UP_NULL;
        }
    }
    return r;
}

up_obj_t up_set_m_update(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    MUTATOR("update");
    for (size_t i = 1; i < n; i++) {
        if (update(SET(args[0]), args[i]) < 0) {
            return UP_NULL;
        }
    }
    return UP_NONE;
}

static up_obj_t intersection_multi(size_t n, const up_obj_t *args) {
    if (n == 1) {
        return copy(args[0]);
    }
    up_obj_t r = args[0];
    for (size_t i = 1; i < n; i++) {
        r = intersection(r, args[i]);
        if (r == UP_NULL) {
            return UP_NULL;
        }
    }
    return r;
}

up_obj_t up_set_m_intersection(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return intersection_multi(n, args);
}

up_obj_t up_set_m_intersection_update(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    MUTATOR("intersection_update");
    up_obj_t t = intersection_multi(n, args);
    if (t == UP_NULL) {
        return UP_NULL;
    }
    swap_bodies(SET(args[0]), SET(t));
    return UP_NONE;
}

up_obj_t up_set_m_difference(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    if (n == 1) {
        return copy(args[0]);
    }
    up_obj_t r = difference(args[0], args[1]);
    for (size_t i = 2; r != UP_NULL && i < n; i++) {
        if (difference_update(SET(r), args[i]) < 0) {
            return UP_NULL;
        }
    }
    return r;
}

up_obj_t up_set_m_difference_update(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    MUTATOR("difference_update");
    for (size_t i = 1; i < n; i++) {
        if (difference_update(SET(args[0]), args[i]) < 0) {
            return UP_NULL;
        }
    }
    return UP_NONE;
}

up_obj_t up_set_m_symmetric_difference(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return symmetric_difference(args[0], args[1]);
}

up_obj_t up_set_m_symmetric_difference_update(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    MUTATOR("symmetric_difference_update");
    return symmetric_difference_update(SET(args[0]), args[1]) < 0 ? UP_NULL : UP_NONE;
}

up_obj_t up_set_m_isdisjoint(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return bool_result(isdisjoint(args[0], args[1]));
}

up_obj_t up_set_m_issubset(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return bool_result(issubset(args[0], args[1]));
}

up_obj_t up_set_m_issuperset(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return bool_result(issuperset(args[0], args[1]));
}

const up_builtin_t up_builtin_set_add = {{&up_type_builtin}, "add", 2, 2, 0, up_set_m_add};
const up_builtin_t up_builtin_set_clear = {{&up_type_builtin}, "clear", 1, 1, 0, up_set_m_clear};
const up_builtin_t up_builtin_set_copy = {{&up_type_builtin}, "copy", 1, 1, 0, up_set_m_copy};
const up_builtin_t up_builtin_set_difference = {{&up_type_builtin}, "difference", 1, UP_ARGS_ANY, 0,
                                                up_set_m_difference};
const up_builtin_t up_builtin_set_difference_update = {{&up_type_builtin}, "difference_update", 1, UP_ARGS_ANY, 0,
                                                       up_set_m_difference_update};
const up_builtin_t up_builtin_set_discard = {{&up_type_builtin}, "discard", 2, 2, 0, up_set_m_discard};
const up_builtin_t up_builtin_set_intersection = {{&up_type_builtin}, "intersection", 1, UP_ARGS_ANY, 0,
                                                  up_set_m_intersection};
const up_builtin_t up_builtin_set_intersection_update = {{&up_type_builtin}, "intersection_update", 1, UP_ARGS_ANY,
                                                         0, up_set_m_intersection_update};
const up_builtin_t up_builtin_set_isdisjoint = {{&up_type_builtin}, "isdisjoint", 2, 2, 0, up_set_m_isdisjoint};
const up_builtin_t up_builtin_set_issubset = {{&up_type_builtin}, "issubset", 2, 2, 0, up_set_m_issubset};
const up_builtin_t up_builtin_set_issuperset = {{&up_type_builtin}, "issuperset", 2, 2, 0, up_set_m_issuperset};
const up_builtin_t up_builtin_set_pop = {{&up_type_builtin}, "pop", 1, 1, 0, up_set_m_pop};
const up_builtin_t up_builtin_set_remove = {{&up_type_builtin}, "remove", 2, 2, 0, up_set_m_remove};
const up_builtin_t up_builtin_set_symmetric_difference = {{&up_type_builtin}, "symmetric_difference", 2, 2, 0,
                                                          up_set_m_symmetric_difference};
const up_builtin_t up_builtin_set_symmetric_difference_update = {
    {&up_type_builtin}, "symmetric_difference_update", 2, 2, 0, up_set_m_symmetric_difference_update};
const up_builtin_t up_builtin_set_union = {{&up_type_builtin}, "union", 1, UP_ARGS_ANY, 0, up_set_m_union};
const up_builtin_t up_builtin_set_update = {{&up_type_builtin}, "update", 1, UP_ARGS_ANY, 0, up_set_m_update};
