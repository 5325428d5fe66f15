// dict: a hash table that keeps insertion order, its views (keys(),
// values(), items()) and iterators.
//
// Layout (the compact dict): `entries` is a dense array of (hash, key,
// value) in insertion order; `index` is an open-addressing table of
// 2**log2 small ints (int8/int16/int32 by size, in a noscan block), each
// EMPTY, DUMMY (a deleted entry was there) or the number of an entry.
//
// Invariants:
//   - used <= nentries <= usable = 2/3 of the index size, so the index always
//     has an EMPTY slot and every probe sequence ends;
//   - a live entry has key != UP_NULL and exactly one index slot refers to
//     it; a deleted entry has key == value == UP_NULL and no slot (its old
//     slot became DUMMY);
//   - an empty dict owns no tables (log2 == 0), so {} costs one small block.
// When the entries run out, the tables are rebuilt with room for 2 * used
// entries (an index of about 3 * used slots, as CPython): that compacts
// away deleted entries and grows (or shrinks) the index.
//
// Probing follows CPython: i = hash & mask, then i = 5i + 1 + perturb with
// perturb shifted right by 5 each step. Keys compare by identity first,
// then by hash; str keys by bytes, small ints by identity alone, anything
// else with ==, restarting the lookup if that comparison changed the dict.
// Lookups never allocate.
#include "up.h"


typedef struct {
    up_int_t hash;
    up_obj_t key;  // UP_NULL: deleted
    up_obj_t value;
} entry_t;

typedef struct {
    up_base_t base;
    size_t used;       // live entries
    size_t nentries;   // entries[0..nentries) have been written
    size_t usable;     // capacity of entries
    uint8_t log2;      // index size is 1 << log2; 0: no tables yet
    entry_t *entries;  // scanned block
    void *index;       // noscan block of int8/int16/int32
} dict_t;

#define DICT(o) ((dict_t *)(o))
#define EMPTY (-1)
#define DUMMY (-2)
#define MIN_LOG2 3
#define PERTURB_SHIFT 5

// ---- the index ----------------------------------------------------------------------

static inline intptr_t ix_get(const dict_t *d, size_t i) {
    if (d->log2 <= 7) {
        return ((const int8_t *)d->index)[i];
    }
    if (d->log2 <= 15) {
        return ((const int16_t *)d->index)[i];
    }
    return ((const int32_t *)d->index)[i];
}

static inline void ix_set(dict_t *d, size_t i, intptr_t v) {
    if (d->log2 <= 7) {
        ((int8_t *)d->index)[i] = (int8_t)v;
    } else if (d->log2 <= 15) {
        ((int16_t *)d->index)[i] = (int16_t)v;
    } else {
        ((int32_t *)d->index)[i] = (int32_t)v;
    }
}

static inline size_t ix_width(uint8_t log2) {
    return log2 <= 7 ? 1 : log2 <= 15 ? 2 : 4;
}

// The first EMPTY slot on hash's probe sequence (for keys known absent).
static size_t find_empty(const dict_t *d, up_int_t hash) {
    size_t mask = ((size_t)1 << d->log2) - 1;
    size_t i = (size_t)hash & mask, perturb = (size_t)hash;
    while (ix_get(d, i) != EMPTY) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// The index slot that refers to entry ix.
static size_t find_slot(const dict_t *d, up_int_t hash, size_t ix) {
    size_t mask = ((size_t)1 << d->log2) - 1;
    size_t i = (size_t)hash & mask, perturb = (size_t)hash;
    while (ix_get(d, i) != (intptr_t)ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// Find key. Returns its entry number (and *slot its index slot), -1 when
// absent (*slot: the EMPTY slot where an insertion goes), -2 when a
// comparison raised.
static intptr_t lookup(dict_t *d, up_obj_t key, up_int_t hash, size_t *slot) {
restart:
    if (d->log2 == 0) {
        return -1;
    }
    size_t mask = ((size_t)1 << d->log2) - 1;
    size_t i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        intptr_t ix = ix_get(d, i);
        if (ix == EMPTY) {
            *slot = i;
            return -1;
        }
        if (ix >= 0) {
            entry_t *e = &d->entries[ix];
            up_obj_t ek = e->key;
            if (ek == key) {
                *slot = i;
                return ix;
            }
            if (e->hash == hash) {
                if (up_is_str(ek) && up_is_str(key)) {
                    if (up_str_eq(ek, key)) {
                        *slot = i;
                        return ix;
                    }
                } else if (!up_both_small(ek, key)) {
                    entry_t *entries = d->entries;
                    int r = up_eq(ek, key);
                    if (r < 0) {
                        return -2;
                    }
                    if (d->entries != entries || e->key != ek) {
                        goto restart;  // the comparison changed the dict
                    }
                    if (r) {
                        *slot = i;
                        return ix;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// lookup() for a str key (an attribute name) that compares it only with
// str keys. Attribute dicts (class and instance dicts) hold names; a key of
// another type equals a str only through a user __eq__, which this lookup
// does not ask (CPython would). Never fails, never calls Python code.
static intptr_t lookup_str(const dict_t *d, up_obj_t key, up_int_t hash, size_t *slot) {
    if (d->log2 == 0) {
        return -1;
    }
    size_t mask = ((size_t)1 << d->log2) - 1;
    size_t i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        intptr_t ix = ix_get(d, i);
        if (ix == EMPTY) {
            *slot = i;
            return -1;
        }
        if (ix >= 0) {
            const entry_t *e = &d->entries[ix];
            if (e->key == key || (e->hash == hash && up_is_str(e->key) && up_str_eq(e->key, key))) {
                *slot = i;
                return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Rebuild the tables for at least `need` entries, keeping the live ones in
// order. 0 or -1 (MemoryError; the dict is unchanged).
static int rebuild(dict_t *d, size_t need) {
    uint8_t log2 = MIN_LOG2;
    while ((((size_t)1 << log2) * 2) / 3 < need) {
        if (log2 >= 30) {
            up_raise_memory_error();
            return -1;
        }
        log2++;
    }
    size_t size = (size_t)1 << log2, usable = size * 2 / 3;
    entry_t *entries = up_alloc(usable * sizeof(entry_t));
    if (entries == NULL) {
        return -1;
    }
    void *index = up_alloc_noscan(size * ix_width(log2));
    if (index == NULL) {
        return -1;
    }
    memset(index, 0xff, size * ix_width(log2));  // all EMPTY
    size_t n = 0;
    for (size_t i = 0; i < d->nentries; i++) {
        if (d->entries[i].key != UP_NULL) {
            entries[n++] = d->entries[i];
        }
    }
    up_free(d->entries);
    up_free(d->index);
    d->entries = entries;
    d->index = index;
    d->log2 = log2;
    d->usable = usable;
    d->nentries = n;
    for (size_t i = 0; i < n; i++) {
        ix_set(d, find_empty(d, entries[i].hash), (intptr_t)i);
    }
    return 0;
}

// Replace the value of entry ix, or (ix == -1) add key at index slot `slot`:
// the result of a lookup of key with hash.
static int insert_at(dict_t *d, intptr_t ix, size_t slot, up_obj_t key, up_int_t hash, up_obj_t value) {
    if (ix >= 0) {
        d->entries[ix].value = value;  // the first key object stays
        return 0;
    }
    if (d->nentries >= d->usable) {
        // room for twice the live entries: the index is about 3 * used
        if (rebuild(d, d->used > 0 ? 2 * d->used : 1) < 0) {
            return -1;
        }
        slot = find_empty(d, hash);
    }
    size_t n = d->nentries++;
    d->entries[n].hash = hash;
    d->entries[n].key = key;
    d->entries[n].value = value;
    ix_set(d, slot, (intptr_t)n);
    d->used++;
    return 0;
}

// Insert or replace with a known hash.
static int insert(dict_t *d, up_obj_t key, up_int_t hash, up_obj_t value) {
    size_t slot = 0;
    intptr_t ix = lookup(d, key, hash, &slot);
    if (ix == -2) {
        return -1;
    }
    return insert_at(d, ix, slot, key, hash, value);
}

// Remove entry ix (found at index slot `slot`).
static void remove_entry(dict_t *d, size_t ix, size_t slot) {
    ix_set(d, slot, DUMMY);
    d->entries[ix].key = UP_NULL;
    d->entries[ix].value = UP_NULL;
    d->used--;
}

static void clear(dict_t *d) {
    entry_t *entries = d->entries;
    void *index = d->index;
    d->entries = NULL;
    d->index = NULL;
    d->log2 = 0;
    d->used = d->nentries = d->usable = 0;
    up_free(entries);
    up_free(index);
}

static up_obj_t key_error(up_obj_t key) {
    up_obj_t exc = up_exc_new(&up_type_KeyError, 1, &key);
    return exc == UP_NULL ? UP_NULL : up_raise(exc);
}

// ---- the public interface ----------------------------------------------------------

up_obj_t up_dict_new(void) {
    dict_t *d = up_alloc(sizeof(dict_t));
    if (d == NULL) {
        return UP_NULL;
    }
    d->base.type = &up_type_dict;
    return (up_obj_t)d;
}

up_obj_t up_dict_new_sized(size_t n) {
    up_obj_t d = up_dict_new();
    if (d != UP_NULL && n > 0 && rebuild(DICT(d), n) < 0) {
        return UP_NULL;
    }
    return d;
}

size_t up_dict_len(up_obj_t d) {
    return DICT(d)->used;
}

int up_dict_setitem(up_obj_t d, up_obj_t key, up_obj_t value) {
    up_int_t h;
    if (up_key_hash(key, &h) < 0) {
        return -1;
    }
    return insert(DICT(d), key, h, value);
}

up_obj_t up_dict_lookup(up_obj_t d, up_obj_t key) {
    up_int_t h;
    if (up_key_hash(key, &h) < 0) {
        return UP_NULL;
    }
    size_t slot;
    intptr_t ix = lookup(DICT(d), key, h, &slot);
    return ix < 0 ? UP_NULL : DICT(d)->entries[ix].value;
}

up_obj_t up_dict_getitem(up_obj_t d, up_obj_t key) {
    up_obj_t v = up_dict_lookup(d, key);
    if (v == UP_NULL && up_exc_pending == UP_NULL) {
        return key_error(key);
    }
    return v;
}

up_obj_t up_dict_get(up_obj_t d, up_obj_t key, up_obj_t dflt) {
    up_obj_t v = up_dict_lookup(d, key);
    if (v == UP_NULL && up_exc_pending == UP_NULL) {
        return dflt;
    }
    return v;
}

int up_dict_contains(up_obj_t d, up_obj_t key) {
    up_obj_t v = up_dict_lookup(d, key);
    if (v == UP_NULL) {
        return up_exc_pending == UP_NULL ? 0 : -1;
    }
    return 1;
}

// Remove key: its value, or UP_NULL -- with KeyError pending when raise_missing,
// without an exception otherwise (and with one if hashing/comparing raised).
static up_obj_t pop_key(up_obj_t o, up_obj_t key, bool raise_missing) {
    dict_t *d = DICT(o);
    up_int_t h;
    if (up_key_hash(key, &h) < 0) {
        return UP_NULL;
    }
    size_t slot;
    intptr_t ix = lookup(d, key, h, &slot);
    if (ix == -2) {
        return UP_NULL;
    }
    if (ix == -1) {
        return raise_missing ? key_error(key) : UP_NULL;
    }
    up_obj_t v = d->entries[ix].value;
    remove_entry(d, (size_t)ix, slot);
    return v;
}

int up_dict_delitem(up_obj_t d, up_obj_t key) {
    return pop_key(d, key, true) == UP_NULL ? -1 : 0;
}

// ---- attribute dicts: str keys ---------------------------------------------------

up_obj_t up_dict_lookup_str(up_obj_t d, up_obj_t name) {
    size_t slot;
    intptr_t ix = lookup_str(DICT(d), name, (up_int_t)up_str_hash(name), &slot);
    return ix < 0 ? UP_NULL : DICT(d)->entries[ix].value;
}

int up_dict_setitem_str(up_obj_t d, up_obj_t name, up_obj_t value) {
    up_int_t h = (up_int_t)up_str_hash(name);
    size_t slot = 0;
    intptr_t ix = lookup_str(DICT(d), name, h, &slot);
    return insert_at(DICT(d), ix, slot, name, h, value);
}

int up_dict_delitem_str(up_obj_t d, up_obj_t name) {
    size_t slot = 0;
    intptr_t ix = lookup_str(DICT(d), name, (up_int_t)up_str_hash(name), &slot);
    if (ix < 0) {
        key_error(name);
        return -1;
    }
    remove_entry(DICT(d), (size_t)ix, slot);
    return 0;
}

bool up_dict_next(up_obj_t o, size_t *pos, up_obj_t *key, up_obj_t *value) {
    const dict_t *d = DICT(o);
    for (size_t i = *pos; i < d->nentries; i++) {
        const entry_t *e = &d->entries[i];
        if (e->key != UP_NULL) {
            *key = e->key;
            if (value != NULL) {
                *value = e->value;
            }
            *pos = i + 1;
            return true;
        }
    }
    *pos = d->nentries;
    return false;
}

up_obj_t up_dict_copy(up_obj_t o) {
    const dict_t *d = DICT(o);
    up_obj_t r = up_dict_new_sized(d->used);
    if (r == UP_NULL) {
        return UP_NULL;
    }
    dict_t *c = DICT(r);
    for (size_t i = 0; i < d->nentries; i++) {
        const entry_t *e = &d->entries[i];
        if (e->key != UP_NULL) {
            size_t n = c->nentries++;
            c->entries[n] = *e;
            ix_set(c, find_empty(c, e->hash), (intptr_t)n);
        }
    }
    c->used = c->nentries;
    return r;
}

// d[k] = v for each (k, v) of src, a dict, reusing the stored hashes.
static int merge_dict(dict_t *d, const dict_t *src) {
    if (d->used == 0 && d->nentries < src->used) {
        if (rebuild(d, src->used) < 0) {
            return -1;
        }
    }
    for (size_t i = 0; i < src->nentries; i++) {
        const entry_t *e = &src->entries[i];
        if (e->key != UP_NULL && insert(d, e->key, e->hash, e->value) < 0) {
            return -1;
        }
    }
    return 0;
}

// d[k] = v for each pair of an iterable of pairs.
static int merge_pairs(up_obj_t d, up_obj_t iterable) {
    up_obj_t it = up_getiter(iterable);
    if (it == UP_NULL) {
        return -1;
    }
    for (up_int_t n = 0;; n++) {
        up_obj_t item = up_iternext(it);
        if (item == UP_NULL) {
            return -1;
        }
        if (item == UP_STOP) {
            return 0;
        }
        up_obj_t pair = item;
        if (!up_is_tuple(item) && !up_is_list(item)) {
            const up_type_t *t = up_type_of(item);
            if (t->getiter == NULL && !(t->flags & UP_TF_ITERATOR)) {
                up_raise_fmt(&up_type_TypeError, "cannot convert dictionary update sequence element #%d to a sequence",
                             n);
                return -1;
            }
            pair = up_tuple_from_iter(item);
            if (pair == UP_NULL) {
                return -1;
            }
        }
        size_t len = up_is_tuple(pair) ? up_tuple_len(pair) : up_list_len(pair);
        if (len != 2) {
            up_raise_fmt(&up_type_ValueError, "dictionary update sequence element #%d has length %d; 2 is required", n,
                         (up_int_t)len);
            return -1;
        }
        const up_obj_t *kv = up_is_tuple(pair) ? ((const up_tuple_t *)pair)->items : ((const up_list_t *)pair)->items;
        if (up_dict_setitem(d, kv[0], kv[1]) < 0) {
            return -1;
        }
    }
}

// d[k] = m[k] for k in m.keys(), for a mapping m that is not a dict.
static int merge_mapping(up_obj_t d, up_obj_t m, up_obj_t keys) {
    up_obj_t ks = up_call0(keys);
    if (ks == UP_NULL) {
        return -1;
    }
    up_obj_t it = up_getiter(ks);
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
        up_obj_t v = up_getitem(m, k);
        if (v == UP_NULL || up_dict_setitem(d, k, v) < 0) {
            return -1;
        }
    }
}

int up_dict_update(up_obj_t d, up_obj_t other) {
    if (up_is_dict(other)) {
        return merge_dict(DICT(d), DICT(other));
    }
    if (up_type_of(other)->flags & UP_TF_USER) {
        up_obj_t keys = up_getattr_default(other, UP_Q(keys), UP_NULL);
        if (keys != UP_NULL) {
            return merge_mapping(d, other, keys);
        }
        if (up_exc_pending != UP_NULL) {
            return -1;
        }
    }
    return merge_pairs(d, other);
}

// ---- the dict type -------------------------------------------------------------------

up_obj_t up_dict_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    size_t npos = up_npos(n, kwnames);
    if (npos > 1) {
        return up_raise_fmt(&up_type_TypeError, "dict expected at most 1 argument, got %d", (up_int_t)npos);
    }
    up_obj_t d = up_dict_new();
    if (d == UP_NULL) {
        return UP_NULL;
    }
    if (npos == 1 && up_dict_update(d, args[0]) < 0) {
        return UP_NULL;
    }
    for (size_t i = npos; i < n; i++) {
        if (up_dict_setitem(d, up_tuple_item(kwnames, i - npos), args[i]) < 0) {
            return UP_NULL;
        }
    }
    return d;
}

int up_dict_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    if (up_repr_enter(self)) {
        up_printer_puts(p, "{...}");
        return 0;
    }
    up_printer_putc(p, '{');
    size_t pos = 0;
    up_obj_t k, v;
    for (bool first = true; up_dict_next(self, &pos, &k, &v); first = false) {
        // k and v are held here: printing may change the dict.
        if (!first) {
            up_printer_puts(p, ", ");
        }
        if (up_print_obj(p, k, UP_PRINT_REPR) < 0) {
            up_repr_leave();
            return -1;
        }
        up_printer_puts(p, ": ");
        if (up_print_obj(p, v, UP_PRINT_REPR) < 0) {
            up_repr_leave();
            return -1;
        }
    }
    up_printer_putc(p, '}');
    up_repr_leave();
    return 0;
}

// a == b for two dicts: 1, 0, -1
static int dict_equal(up_obj_t a, up_obj_t b) {
    if (DICT(a)->used != DICT(b)->used) {
        return 0;
    }
    for (size_t i = 0; i < DICT(a)->nentries; i++) {
        entry_t e = DICT(a)->entries[i];  // a copy: comparisons may change a
        if (e.key == UP_NULL) {
            continue;
        }
        size_t slot;
        intptr_t ix = lookup(DICT(b), e.key, e.hash, &slot);
        if (ix == -2) {
            return -1;
        }
        if (ix == -1) {
            return 0;
        }
        int r = up_eq(e.value, DICT(b)->entries[ix].value);
        if (r <= 0) {
            return r;
        }
    }
    return 1;
}

up_obj_t up_dict_binary_op(int op, up_obj_t a, up_obj_t b) {
    switch (op) {
    case UP_OP_EQ:
    case UP_OP_NE: {
        if (!up_is_dict(a) || !up_is_dict(b)) {
            return UP_NOTIMPL;
        }
        if (up_nest_enter() < 0) {  // values that are dicts recurse
            return UP_NULL;
        }
        int r = dict_equal(a, b);
        up_nest_leave();
        return r < 0 ? UP_NULL : up_bool((op == UP_OP_EQ) == (r == 1));
    }
    case UP_OP_CONTAINS: {
        int r = up_dict_contains(a, b);
        return r < 0 ? UP_NULL : up_bool(r);
    }
    case UP_OP_OR: {
        if (!up_is_dict(a) || !up_is_dict(b)) {
            return UP_NOTIMPL;
        }
        up_obj_t r = up_dict_copy(a);
        return r == UP_NULL || merge_dict(DICT(r), DICT(b)) < 0 ? UP_NULL : r;
    }
    case UP_OP_IOR:
        if (!up_is_dict(a)) {
            return UP_NOTIMPL;
        }
        return up_dict_update(a, b) < 0 ? UP_NULL : a;
    default:
        return UP_NOTIMPL;
    }
}

up_obj_t up_dict_unary_op(int op, up_obj_t a) {
    switch (op) {
    case UP_UOP_LEN:
        return up_small((up_int_t)DICT(a)->used);
    case UP_UOP_BOOL:
        return up_bool(DICT(a)->used != 0);
    default:
        return UP_NOTIMPL;
    }
}

up_obj_t up_dict_subscr(up_obj_t self, up_obj_t index, up_obj_t value) {
    if (value == UP_NULL) {
        return up_dict_getitem(self, index);
    }
    if (value == UP_DELETE) {
        return up_dict_delitem(self, index) < 0 ? UP_NULL : UP_NONE;
    }
    return up_dict_setitem(self, index, value) < 0 ? UP_NULL : UP_NONE;
}

// ---- iterators -----------------------------------------------------------------------

typedef struct {
    up_base_t base;
    up_obj_t dict;
    size_t pos;
    size_t used;  // the dict's size when the iteration began; SIZE_MAX: failed
    size_t left;  // items still to come
} dict_iter_t;

enum { KIND_KEYS, KIND_VALUES, KIND_ITEMS };

static up_obj_t iter_next(up_obj_t self, int kind) {
    dict_iter_t *it = (dict_iter_t *)self;
    if (it->dict == UP_NULL) {
        return UP_STOP;
    }
    dict_t *d = DICT(it->dict);
    if (it->used != d->used) {
        it->used = SIZE_MAX;  // the error repeats on later calls
        return up_raise_msg(&up_type_RuntimeError, "dictionary changed size during iteration");
    }
    up_obj_t k, v;
    if (!up_dict_next(it->dict, &it->pos, &k, &v)) {
        it->dict = UP_NULL;
        return UP_STOP;
    }
    if (it->left == 0) {
        it->used = SIZE_MAX;
        return up_raise_msg(&up_type_RuntimeError, "dictionary keys changed during iteration");
    }
    it->left--;
    switch (kind) {
    case KIND_KEYS:
        return k;
    case KIND_VALUES:
        return v;
    default:
        return up_tuple_pack2(k, v);
    }
}

static up_obj_t keyiter_next(up_obj_t self) {
    return iter_next(self, KIND_KEYS);
}
static up_obj_t valueiter_next(up_obj_t self) {
    return iter_next(self, KIND_VALUES);
}
static up_obj_t itemiter_next(up_obj_t self) {
    return iter_next(self, KIND_ITEMS);
}

static const up_type_t type_keyiter = {
    .base = {&up_type_type},
    .name = "dict_keyiterator",
    .parent = &up_type_object,
    .flags = UP_TF_ITERATOR,
    .iternext = keyiter_next,
};
static const up_type_t type_valueiter = {
    .base = {&up_type_type},
    .name = "dict_valueiterator",
    .parent = &up_type_object,
    .flags = UP_TF_ITERATOR,
    .iternext = valueiter_next,
};
static const up_type_t type_itemiter = {
    .base = {&up_type_type},
    .name = "dict_itemiterator",
    .parent = &up_type_object,
    .flags = UP_TF_ITERATOR,
    .iternext = itemiter_next,
};

static up_obj_t iter_new(up_obj_t d, const up_type_t *type) {
    dict_iter_t *it = up_alloc(sizeof(dict_iter_t));
    if (it == NULL) {
        return UP_NULL;
    }
    it->base.type = type;
    it->dict = d;
    it->used = it->left = DICT(d)->used;
    return (up_obj_t)it;
}

up_obj_t up_dict_getiter(up_obj_t self) {
    return iter_new(self, &type_keyiter);
}

// ---- views ---------------------------------------------------------------------------

typedef struct {
    up_base_t base;
    up_obj_t dict;
} view_t;

static const up_type_t type_keys, type_values, type_items;

static up_obj_t view_new(up_obj_t d, const up_type_t *type) {
    view_t *v = up_alloc(sizeof(view_t));
    if (v == NULL) {
        return UP_NULL;
    }
    v->base.type = type;
    v->dict = d;
    return (up_obj_t)v;
}

up_obj_t up_dict_keys(up_obj_t d) {
    return view_new(d, &type_keys);
}
up_obj_t up_dict_values(up_obj_t d) {
    return view_new(d, &type_values);
}
up_obj_t up_dict_items(up_obj_t d) {
    return view_new(d, &type_items);
}

static up_obj_t view_getiter(up_obj_t self) {
    const up_type_t *t = up_type_of(self);
    const up_type_t *it = t == &type_keys ? &type_keyiter : t == &type_values ? &type_valueiter : &type_itemiter;
    return iter_new(((view_t *)self)->dict, it);
}

// dict_keys(['a', 'b']) / dict_values([1]) / dict_items([('a', 1)])
static int view_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    const char *name = up_type_name(self);
    if (up_repr_enter(self)) {
        up_printer_puts(p, name);
        up_printer_puts(p, "(...)");
        return 0;
    }
    up_printer_puts(p, name);
    up_printer_puts(p, "([");
    up_obj_t it = view_getiter(self);
    int r = it == UP_NULL ? -1 : 0;
    for (bool first = true; r == 0; first = false) {
        up_obj_t x = up_iternext(it);
        if (x == UP_NULL) {
            r = -1;
            break;
        }
        if (x == UP_STOP) {
            break;
        }
        if (!first) {
            up_printer_puts(p, ", ");
        }
        r = up_print_obj(p, x, UP_PRINT_REPR);
    }
    up_repr_leave();
    if (r == 0) {
        up_printer_puts(p, "])");
    }
    return r;
}

static up_obj_t view_unary_op(int op, up_obj_t a) {
    const dict_t *d = DICT(((view_t *)a)->dict);
    switch (op) {
    case UP_UOP_LEN:
        return up_small((up_int_t)d->used);
    case UP_UOP_BOOL:
        return up_bool(d->used != 0);
    default:
        return UP_NOTIMPL;
    }
}

static up_obj_t view_binary_op(int op, up_obj_t a, up_obj_t b) {
    if (op != UP_OP_CONTAINS) {
        return UP_NOTIMPL;
    }
    up_obj_t d = ((view_t *)a)->dict;
    const up_type_t *t = up_type_of(a);
    if (t == &type_keys) {
        int r = up_dict_contains(d, b);
        return r < 0 ? UP_NULL : up_bool(r);
    }
    if (t == &type_items) {
        if (!up_is_tuple(b) || up_tuple_len(b) != 2) {
            return UP_FALSE;
        }
        up_obj_t v = up_dict_lookup(d, up_tuple_item(b, 0));
        if (v == UP_NULL) {
            return up_exc_pending == UP_NULL ? UP_FALSE : UP_NULL;
        }
        int r = up_eq(v, up_tuple_item(b, 1));
        return r < 0 ? UP_NULL : up_bool(r);
    }
    size_t pos = 0;
    up_obj_t k, v;
    while (up_dict_next(d, &pos, &k, &v)) {
        int r = up_eq(v, b);
        if (r != 0) {
            return r < 0 ? UP_NULL : UP_TRUE;
        }
    }
    return UP_FALSE;
}

#define VIEW_TYPE(var, tname)              \
    static const up_type_t var = {         \
        .base = {&up_type_type},           \
        .name = tname,                     \
        .parent = &up_type_object,         \
        .print = view_print,               \
        .binary_op = view_binary_op,       \
        .unary_op = view_unary_op,         \
        .getiter = view_getiter,           \
    };
VIEW_TYPE(type_keys, "dict_keys")
VIEW_TYPE(type_values, "dict_values")
VIEW_TYPE(type_items, "dict_items")

// ---- methods -------------------------------------------------------------------------

up_obj_t up_dict_m_clear(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    clear(DICT(args[0]));
    return UP_NONE;
}

up_obj_t up_dict_m_copy(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_dict_copy(args[0]);
}

// fromkeys(iterable[, value]) is a classmethod: args[0] is the class (or an
// instance, d.fromkeys(...)) when it comes bound; called unbound through
// the type (dict.fromkeys(...) looked up as a plain method) the iterable
// comes first, which is told apart by not being a type or a dict.
up_obj_t up_dict_m_fromkeys(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    if (n > 1 && (up_is_type(args[0]) || up_is_dict(args[0]))) {
        args++;
        n--;
    }
    if (n > 2) {
        return up_raise_fmt(&up_type_TypeError, "fromkeys expected at most 2 arguments, got %d", (up_int_t)n);
    }
    up_obj_t value = n > 1 ? args[1] : UP_NONE;
    up_obj_t d = up_dict_new();
    if (d == UP_NULL) {
        return UP_NULL;
    }
    if (up_is_dict(args[0])) {
        // same keys, same hashes
        if (rebuild(DICT(d), up_dict_len(args[0])) < 0) {
            return UP_NULL;
        }
        const dict_t *src = DICT(args[0]);
        for (size_t i = 0; i < src->nentries; i++) {
            if (src->entries[i].key != UP_NULL && insert(DICT(d), src->entries[i].key, src->entries[i].hash, value) < 0) {
                return UP_NULL;
            }
        }
        return d;
    }
    up_obj_t it = up_getiter(args[0]);
    if (it == UP_NULL) {
        return UP_NULL;
    }
    for (;;) {
        up_obj_t k = up_iternext(it);
        if (k == UP_NULL) {
            return UP_NULL;
        }
        if (k == UP_STOP) {
            return d;
        }
        if (up_dict_setitem(d, k, value) < 0) {
            return UP_NULL;
        }
    }
}

up_obj_t up_dict_m_get(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    return up_dict_get(args[0], args[1], n > 2 ? args[2] : UP_NONE);
}

up_obj_t up_dict_m_items(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_dict_items(args[0]);
}

up_obj_t up_dict_m_keys(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_dict_keys(args[0]);
}

up_obj_t up_dict_m_values(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_dict_values(args[0]);
}

up_obj_t up_dict_m_pop(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_obj_t v = pop_key(args[0], args[1], n < 3);
    if (v == UP_NULL && n >= 3 && up_exc_pending == UP_NULL) {
        return args[2];
    }
    return v;
}

up_obj_t up_dict_m_popitem(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    dict_t *d = DICT(args[0]);
    size_t i = d->nentries;
    while (i > 0 && d->entries[i - 1].key == UP_NULL) {
        i--;
    }
    if (i == 0) {
        return up_raise_msg(&up_type_KeyError, "popitem(): dictionary is empty");
    }
    entry_t e = d->entries[i - 1];
    up_obj_t pair = up_tuple_pack2(e.key, e.value);
    if (pair == UP_NULL) {
        return UP_NULL;
    }
    remove_entry(d, i - 1, find_slot(d, e.hash, i - 1));
    d->nentries = i - 1;  // the trailing entries are all deleted now
    return pair;
}

up_obj_t up_dict_m_setdefault(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    dict_t *d = DICT(args[0]);
    up_obj_t dflt = n > 2 ? args[2] : UP_NONE;
    up_int_t h;
    if (up_key_hash(args[1], &h) < 0) {
        return UP_NULL;
    }
    size_t slot;
    intptr_t ix = lookup(d, args[1], h, &slot);
    if (ix == -2) {
        return UP_NULL;
    }
    if (ix >= 0) {
        return d->entries[ix].value;
    }
    return insert(d, args[1], h, dflt) < 0 ? UP_NULL : dflt;
}

// update([other], **kwargs)
up_obj_t up_dict_m_update(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    size_t npos = up_npos(n, kwnames);
    if (npos > 2) {
        return up_raise_fmt(&up_type_TypeError, "update expected at most 1 argument, got %d", (up_int_t)(npos - 1));
    }
    if (npos == 2 && up_dict_update(args[0], args[1]) < 0) {
        return UP_NULL;
    }
    for (size_t i = npos; i < n; i++) {
        if (up_dict_setitem(args[0], up_tuple_item(kwnames, i - npos), args[i]) < 0) {
            return UP_NULL;
        }
    }
    return UP_NONE;
}

// fromkeys as a classmethod object, for method tables that bind it to the
// class (dict.fromkeys(...) and d.fromkeys(...) then both pass the class).
const up_wrapper_t up_classmethod_dict_fromkeys = {{&up_type_classmethod}, (up_obj_t)&up_builtin_dict_fromkeys};

const up_builtin_t up_builtin_dict_clear = {{&up_type_builtin}, "clear", 1, 1, 0, up_dict_m_clear};
const up_builtin_t up_builtin_dict_copy = {{&up_type_builtin}, "copy", 1, 1, 0, up_dict_m_copy};
const up_builtin_t up_builtin_dict_fromkeys = {{&up_type_builtin}, "fromkeys", 1, 3, 0, up_dict_m_fromkeys};
const up_builtin_t up_builtin_dict_get = {{&up_type_builtin}, "get", 2, 3, 0, up_dict_m_get};
const up_builtin_t up_builtin_dict_items = {{&up_type_builtin}, "items", 1, 1, 0, up_dict_m_items};
const up_builtin_t up_builtin_dict_keys = {{&up_type_builtin}, "keys", 1, 1, 0, up_dict_m_keys};
const up_builtin_t up_builtin_dict_pop = {{&up_type_builtin}, "pop", 2, 3, 0, up_dict_m_pop};
const up_builtin_t up_builtin_dict_popitem = {{&up_type_builtin}, "popitem", 1, 1, 0, up_dict_m_popitem};
const up_builtin_t up_builtin_dict_setdefault = {{&up_type_builtin}, "setdefault", 2, 3, 0, up_dict_m_setdefault};
const up_builtin_t up_builtin_dict_update = {{&up_type_builtin}, "update", 1, UP_ARGS_ANY, 1, up_dict_m_update};
const up_builtin_t up_builtin_dict_values = {{&up_type_builtin}, "values", 1, 1, 0, up_dict_m_values};
