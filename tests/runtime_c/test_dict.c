// dict: insertion order under random insertions and deletions (checked
// against a simple model), growth and compaction, str/int/tuple/float keys,
// KeyError and unhashable keys, get/pop/popitem/setdefault/update/copy/
// clear/fromkeys, views, ==, |, |=, iteration and its RuntimeErrors, repr
// with the recursion guard, the dict() constructor.
#include "check.h"

#define CHECK_EXC(expr, type, msg) check_exc(__FILE__, __LINE__, #expr, (expr) == 0, &(type), (msg))
#define CHECK_EXC_INT(expr, type, msg) check_exc(__FILE__, __LINE__, #expr, (expr) < 0, &(type), (msg))

static void check_exc(const char *file, int line, const char *what, bool failed, const up_type_t *type,
                      const char *msg) {
    up_test_checks++;
    if (!failed) {
        up_test_fail(file, line, what, "nothing raised");
        return;
    }
    up_obj_t exc = up_exc_fetch();
    if (exc == UP_NULL) {
        up_test_fail(file, line, what, "failed without an exception");
        return;
    }
    const char *got = up_test_render(exc, UP_PRINT_STR);
    if (up_exc_type(exc) != type || strcmp(got, msg) != 0) {
        char detail[600];
        snprintf(detail, sizeof detail, "expected %s: %s\n    got      %s: %s", up_type_name_of(type), msg,
                 up_type_name(exc), got);
        up_test_fail(file, line, what, detail);
    }
}

static up_obj_t callm(up_obj_t o, const char *name, size_t n, const up_obj_t *args) {
    up_obj_t all[8] = {o};
    if (n > 0) {
        memcpy(all + 1, args, n * sizeof(up_obj_t));
    }
    return up_call_method(S(name), n + 1, all, UP_NULL);
}
#define CALL(o, name, ...) callm((o), (name), sizeof((up_obj_t[]){__VA_ARGS__}) / sizeof(up_obj_t), (up_obj_t[]){__VA_ARGS__})
#define CALL0(o, name) callm((o), (name), 0, NULL)

// d built from alternating keys and values
static up_obj_t D(size_t n, const up_obj_t *kv) {
    up_obj_t d = up_dict_new();
    for (size_t i = 0; i + 1 < n; i += 2) {
        CHECK(up_dict_setitem(d, kv[i], kv[i + 1]) == 0);
    }
    return d;
}
#define DICT(...) D(sizeof((up_obj_t[]){__VA_ARGS__}) / sizeof(up_obj_t), (up_obj_t[]){__VA_ARGS__})

static uint32_t rng = 777;
static uint32_t rnd(void) {
    rng = rng * 1103515245u + 12345u;
    return (rng >> 16) & 0x7fff;
}

// ---- random insertions and deletions against a model -----------------------------------

#define MODEL_MAX 600
static up_int_t model_keys[MODEL_MAX];
static up_int_t model_vals[MODEL_MAX];
static size_t model_n;

static int model_find(up_int_t k) {
    for (size_t i = 0; i < model_n; i++) {
        if (model_keys[i] == k) {
            return (int)i;
        }
    }
    return -1;
}

static bool matches_model(up_obj_t d) {
    if (up_dict_len(d) != model_n) {
        return false;
    }
    size_t pos = 0, i = 0;
    up_obj_t k, v;
    while (up_dict_next(d, &pos, &k, &v)) {
        if (i >= model_n || k != I(model_keys[i]) || v != I(model_vals[i])) {
            return false;
        }
        i++;
    }
    return i == model_n;
}

static void test_stress(void) {
    for (int round = 0; round < 6; round++) {
        up_obj_t d = up_dict_new();
        model_n = 0;
        up_int_t range = round < 3 ? 64 : 2000;  // dense (many hits) or sparse keys
        bool ok = true;
        for (int step = 0; step < 3000; step++) {
            up_int_t k = (up_int_t)(rnd() % range) - 10;
            if (round % 3 == 2) {
                k *= 1000003;  // spread over the probe sequence
            }
            int op = rnd() % 10;
            int at = model_find(k);
            if (op < 6) {
                up_int_t v = rnd();
                ok &= up_dict_setitem(d, I(k), I(v)) == 0;
                if (at >= 0) {
                    model_vals[at] = v;
                } else if (model_n < MODEL_MAX) {
                    model_keys[model_n] = k;
                    model_vals[model_n++] = v;
                } else {
                    up_dict_delitem(d, I(k));  // keep the model bounded
                }
            } else if (op < 9) {
                int r = up_dict_delitem(d, I(k));
                if (at >= 0) {
                    ok &= r == 0;
                    memmove(model_keys + at, model_keys + at + 1, (model_n - at - 1) * sizeof(up_int_t));
                    memmove(model_vals + at, model_vals + at + 1, (model_n - at - 1) * sizeof(up_int_t));
                    model_n--;
                } else {
                    up_obj_t e = up_exc_fetch();
                    ok &= r < 0 && e != UP_NULL && up_exc_type(e) == &up_type_KeyError;
                }
            } else {
                up_obj_t v = up_dict_lookup(d, I(k));
                ok &= at >= 0 ? v == I(model_vals[at]) : (v == UP_NULL && up_exc_pending == UP_NULL);
            }
            if (step % 97 == 0) {
                ok &= matches_model(d);
            }
        }
        CHECK(ok);
        CHECK(matches_model(d));
        // popitem drains in reverse insertion order
        bool lifo = true;
        while (model_n > 0) {
            up_obj_t pair = CALL0(d, "popitem");
            model_n--;
            lifo &= pair != UP_NULL && up_tuple_item(pair, 0) == I(model_keys[model_n]) &&
                    up_tuple_item(pair, 1) == I(model_vals[model_n]);
            if (model_n % 50 == 0) {
                lifo &= matches_model(d);
            }
        }
        CHECK(lifo);
        CHECK(up_dict_len(d) == 0);
        CHECK_EXC(CALL0(d, "popitem"), up_type_KeyError, "'popitem(): dictionary is empty'");
    }
}

// ---- basics --------------------------------------------------------------------------------

static void test_basics(void) {
    up_obj_t d = up_dict_new();
    CHECK_REPR(d, "{}");
    CHECK(up_dict_len(d) == 0 && up_truthy(d) == 0);
    CHECK(up_dict_lookup(d, S("a")) == UP_NULL && up_exc_pending == UP_NULL);
    CHECK(up_setitem(d, S("a"), I(1)) == 0);
    CHECK(up_setitem(d, I(2), up_list_new(0)) == 0);
    up_obj_t l = up_getitem(d, I(2));
    up_list_append(l, I(3));
    CHECK_REPR(d, "{'a': 1, 2: [3]}");
    CHECK_STR(d, "{'a': 1, 2: [3]}");
    CHECK(up_truthy(d) == 1 && up_len_obj(d) == I(2));
    CHECK_EXC(up_getitem(d, S("x")), up_type_KeyError, "'x'");
    CHECK_EXC(up_getitem(d, I(7)), up_type_KeyError, "7");
    CHECK_EXC(up_dict_getitem(d, up_tuple_pack2(I(1), S("b"))), up_type_KeyError, "(1, 'b')");
    CHECK_EXC_INT(up_delitem(d, S("zz")), up_type_KeyError, "'zz'");
    // the KeyError's argument is the key itself
    CHECK(up_dict_getitem(d, I(9)) == UP_NULL);
    up_obj_t e = up_exc_fetch();
    CHECK(up_tuple_len(up_exc_args(e)) == 1 && up_tuple_item(up_exc_args(e), 0) == I(9));
    CHECK_EXC_INT(up_setitem(d, up_list_new(0), I(1)), up_type_TypeError, "unhashable type: 'list'");
    CHECK_EXC(up_getitem(d, up_dict_new()), up_type_TypeError, "unhashable type: 'dict'");
    CHECK_EXC_INT(up_contains(d, up_list_new(0)), up_type_TypeError, "unhashable type: 'list'");
    // replacing keeps the position and the first key object
    up_obj_t k1 = S("key"), k2 = S("key");
    up_obj_t d2 = DICT(k1, I(1), I(5), I(2));
    CHECK(up_dict_setitem(d2, k2, I(3)) == 0);
    CHECK_REPR(d2, "{'key': 3, 5: 2}");
    size_t pos = 0;
    up_obj_t k, v;
    CHECK(up_dict_next(d2, &pos, &k, &v) && k == k1 && v == I(3));
    // equal numbers are the same key: 1, 1.0, True
    up_obj_t n = DICT(I(1), S("int"));
    CHECK(up_dict_setitem(n, up_float_new(1.0), S("float")) == 0);
    CHECK(up_dict_setitem(n, UP_TRUE, S("bool")) == 0);
    CHECK_REPR(n, "{1: 'bool'}");
    CHECK(up_dict_lookup(n, UP_TRUE) != UP_NULL && up_dict_contains(n, up_float_new(1.0)) == 1);
    CHECK(up_dict_contains(n, I(2)) == 0);
    // str keys built at run time find literal ones
    up_obj_t s = DICT(S("alpha"), I(1), S("beta"), I(2));
    up_obj_t built = up_str_concat(S("al"), S("pha"));
    CHECK(up_dict_lookup(s, built) == I(1));
    CHECK(up_dict_contains(s, S("gamma")) == 0);
    // tuple keys
    up_obj_t t = DICT(up_tuple_pack2(I(1), I(2)), S("pair"), UP_EMPTY_TUPLE, S("empty"));
    CHECK(up_dict_lookup(t, up_tuple_pack2(I(1), I(2))) != UP_NULL);
    CHECK(up_dict_lookup(t, up_tuple_new(0)) != UP_NULL);
    CHECK_REPR(t, "{(1, 2): 'pair', (): 'empty'}");
    CHECK(up_dict_get(t, I(5), S("dflt")) != UP_NULL);
    CHECK_REPR(up_dict_get(t, I(5), S("dflt")), "'dflt'");
    // None and big-ish ints as keys
    up_obj_t m = DICT(UP_NONE, I(0), I(UP_SMALL_MAX), I(1), I(UP_SMALL_MIN), I(2), I(-1), I(3), I(-2), I(4));
    CHECK(up_dict_lookup(m, UP_NONE) == I(0) && up_dict_lookup(m, I(UP_SMALL_MAX)) == I(1));
    CHECK(up_dict_lookup(m, I(UP_SMALL_MIN)) == I(2));
    CHECK(up_dict_lookup(m, I(-1)) == I(3) && up_dict_lookup(m, I(-2)) == I(4));  // same hash, both found
    // lookups don't allocate
    up_obj_t big = up_dict_new_sized(100);
    for (int i = 0; i < 100; i++) {
        up_dict_setitem(big, I(i), I(i));
        char name[8] = {'k', (char)('0' + i / 10), (char)('0' + i % 10), 0};
        up_dict_setitem(big, S(name), I(i));
    }
    up_obj_t probe = S("k42");
    size_t before = up_gc_mem_alloc();
    bool found = true;
    for (int i = 0; i < 100; i++) {
        found &= up_dict_lookup(big, I(i)) == I(i);
        found &= up_dict_lookup(big, probe) == I(42);
    }
    CHECK(found && up_gc_mem_alloc() == before);
}

static void test_recursive_repr(void) {
    up_obj_t d = up_dict_new();
    up_dict_setitem(d, S("self"), d);
    CHECK_REPR(d, "{'self': {...}}");
    up_obj_t l = up_list_new(0);
    up_obj_t e = DICT(I(1), l);
    up_list_append(l, e);
    CHECK_REPR(e, "{1: [{...}]}");
    CHECK_REPR(l, "[{1: [...]}]");
    up_obj_t keys = up_dict_keys(d);
    CHECK_REPR(keys, "dict_keys(['self'])");
    CHECK_REPR(up_dict_values(d), "dict_values([{'self': {...}}])");
}

static up_obj_t key_str(up_obj_t d, const char *name) {
    return up_dict_lookup(d, S(name));
}

static void test_methods(void) {
    up_obj_t d = DICT(S("a"), I(1), S("b"), I(2));
    CHECK(CALL(d, "get", S("a")) == I(1));
    CHECK(CALL(d, "get", S("z")) == UP_NONE);
    CHECK(CALL(d, "get", S("z"), I(0)) == I(0));
    CHECK_RAISES(CALL(d, "get", up_list_new(0)), up_type_TypeError);
    CHECK(CALL(d, "setdefault", S("a"), I(9)) == I(1));
    CHECK(CALL(d, "setdefault", S("c"), I(3)) == I(3));
    CHECK(CALL(d, "setdefault", S("n")) == UP_NONE);
    CHECK_REPR(d, "{'a': 1, 'b': 2, 'c': 3, 'n': None}");
    CHECK(CALL(d, "pop", S("n")) == UP_NONE);
    CHECK(CALL(d, "pop", S("n"), I(5)) == I(5));
    CHECK_EXC(CALL(d, "pop", S("n")), up_type_KeyError, "'n'");
    CHECK_REPR(CALL0(d, "popitem"), "('c', 3)");
    CHECK_REPR(d, "{'a': 1, 'b': 2}");
    up_obj_t c = CALL0(d, "copy");
    CHECK(c != d);
    CHECK(CALL(c, "update", DICT(S("b"), I(20), S("x"), I(30))) == UP_NONE);
    CHECK_REPR(c, "{'a': 1, 'b': 20, 'x': 30}");
    CHECK_REPR(d, "{'a': 1, 'b': 2}");
    // update from pairs, from a list of lists, from a str pair, with keywords
    up_obj_t pairs = up_list_new(0);
    up_list_append(pairs, up_tuple_pack2(I(1), I(2)));
    up_list_append(pairs, up_list_from_iter(up_tuple_pack2(I(3), I(4))));
    up_list_append(pairs, S("xy"));
    CHECK(CALL(c, "update", pairs) == UP_NONE);
    CHECK_REPR(c, "{'a': 1, 'b': 20, 'x': 'y', 1: 2, 3: 4}");
    CHECK_REPR(up_dict_lookup(c, S("x")), "'y'");
    CHECK(up_dict_update(c, DICT()) == 0);
    up_obj_t bad = up_list_new(0);
    up_list_append(bad, up_tuple_pack2(I(1), I(2)));
    up_list_append(bad, I(5));
    CHECK_EXC(CALL(c, "update", bad), up_type_TypeError,
              "cannot convert dictionary update sequence element #1 to a sequence");
    up_obj_t three[3] = {I(1), I(2), I(3)};
    up_obj_t bad2 = up_list_new(0);
    up_list_append(bad2, up_tuple_from_items(3, three));
    CHECK_EXC(CALL(c, "update", bad2), up_type_ValueError,
              "dictionary update sequence element #0 has length 3; 2 is required");
    CHECK_EXC(CALL(c, "update", I(3)), up_type_TypeError, "'int' object is not iterable");
    up_obj_t kwargs[3] = {d, I(7), I(8)};
    up_obj_t kwn = up_tuple_pack2(S("p"), S("a"));
    CHECK(up_call_method(S("update"), 3, kwargs, kwn) == UP_NONE);
    CHECK_REPR(d, "{'a': 8, 'b': 2, 'p': 7}");
    up_obj_t many[3] = {d, d, d};
    CHECK_EXC(up_call_method(S("update"), 3, many, UP_NULL), up_type_TypeError, "update expected at most 1 argument, got 2");
    // keys/values/items
    CHECK_REPR(CALL0(d, "keys"), "dict_keys(['a', 'b', 'p'])");
    CHECK_REPR(CALL0(d, "values"), "dict_values([8, 2, 7])");
    CHECK_REPR(CALL0(d, "items"), "dict_items([('a', 8), ('b', 2), ('p', 7)])");
    CHECK_REPR(up_dict_items(up_dict_new()), "dict_items([])");
    up_obj_t items = up_dict_items(d);
    CHECK(up_len_obj(items) == I(3) && up_truthy(items) == 1);
    CHECK(up_contains(items, up_tuple_pack2(S("b"), I(2))) == 1);
    CHECK(up_contains(items, up_tuple_pack2(S("b"), I(3))) == 0);
    CHECK(up_contains(items, S("b")) == 0);
    CHECK(up_contains(up_dict_keys(d), S("p")) == 1);
    CHECK(up_contains(up_dict_keys(d), S("q")) == 0);
    CHECK(up_contains(up_dict_values(d), I(7)) == 1);
    CHECK(up_contains(up_dict_values(d), S("a")) == 0);
    up_obj_t vals = up_dict_values(d);
    CHECK_REPR(up_list_from_iter(vals), "[8, 2, 7]");
    up_dict_setitem(d, S("q"), I(0));  // views are live
    CHECK_REPR(up_list_from_iter(vals), "[8, 2, 7, 0]");
    CHECK_REPR(up_list_from_iter(items), "[('a', 8), ('b', 2), ('p', 7), ('q', 0)]");
    CHECK_STR(up_obj_str((up_obj_t)up_type_of(items)), "<class 'dict_items'>");
    // clear
    CHECK(CALL0(d, "clear") == UP_NONE);
    CHECK_REPR(d, "{}");
    CHECK_REPR(vals, "dict_values([])");
    CHECK(up_dict_setitem(d, I(1), I(1)) == 0);
    CHECK_REPR(d, "{1: 1}");
    // fromkeys: through the type (classmethod-style) and through an instance
    up_obj_t args[3] = {(up_obj_t)&up_type_dict, S("ab"), I(0)};
    CHECK_REPR(up_dict_m_fromkeys(3, args, UP_NULL), "{'a': 0, 'b': 0}");
    CHECK_REPR(up_dict_m_fromkeys(2, args, UP_NULL), "{'a': None, 'b': None}");
    CHECK_REPR(CALL(d, "fromkeys", up_range_new(I(0), I(3), I(1))), "{0: None, 1: None, 2: None}");
    CHECK_REPR(CALL(d, "fromkeys", DICT(I(5), I(6)), S("v")), "{5: 'v'}");
    up_obj_t fk = up_bound_new((up_obj_t)&up_type_dict, up_wrapper_fun((up_obj_t)&up_classmethod_dict_fromkeys));
    CHECK_REPR(up_call2(fk, DICT(I(1), I(2)), I(0)), "{1: 0}");  // a dict as the iterable, bound
    up_obj_t unbound[2] = {up_list_from_iter(S("xy")), I(1)};
    CHECK_REPR(up_dict_m_fromkeys(2, unbound, UP_NULL), "{'x': 1, 'y': 1}");
    CHECK_EXC(CALL(d, "fromkeys", I(1)), up_type_TypeError, "'int' object is not iterable");
}

static void test_operators(void) {
    up_obj_t a = DICT(S("x"), I(1), S("y"), I(2));
    up_obj_t b = DICT(S("y"), I(2), S("x"), I(1));
    CHECK(up_compare_bool(UP_OP_EQ, a, b) == 1);  // order doesn't matter
    CHECK(up_compare_bool(UP_OP_NE, a, b) == 0);
    up_dict_setitem(b, S("x"), up_float_new(1.0));
    CHECK(up_compare_bool(UP_OP_EQ, a, b) == 1);
    up_dict_setitem(b, S("x"), I(3));
    CHECK(up_compare_bool(UP_OP_EQ, a, b) == 0);
    CHECK(up_compare_bool(UP_OP_EQ, a, DICT(S("x"), I(1))) == 0);
    CHECK(up_compare_bool(UP_OP_EQ, DICT(), DICT()) == 1);
    CHECK(up_compare_bool(UP_OP_EQ, a, up_list_new(0)) == 0);
    CHECK_EXC_INT(up_compare_bool(UP_OP_LT, a, b), up_type_TypeError,
                  "'<' not supported between instances of 'dict' and 'dict'");
    CHECK(up_contains(a, S("x")) == 1 && up_contains(a, I(1)) == 0);
    up_obj_t m = up_binary_op(UP_OP_OR, a, DICT(S("z"), I(0), S("x"), I(9)));
    CHECK_REPR(m, "{'x': 9, 'y': 2, 'z': 0}");
    CHECK_REPR(a, "{'x': 1, 'y': 2}");
    CHECK_EXC(up_binary_op(UP_OP_OR, a, up_list_new(0)), up_type_TypeError,
              "unsupported operand type(s) for |: 'dict' and 'list'");
    up_obj_t pairs = up_list_new(0);
    up_list_append(pairs, up_tuple_pack2(S("w"), I(5)));
    CHECK(up_binary_op(UP_OP_IOR, a, pairs) == a);
    CHECK_REPR(a, "{'x': 1, 'y': 2, 'w': 5}");
    CHECK_EXC(up_binary_op(UP_OP_IOR, a, I(1)), up_type_TypeError, "'int' object is not iterable");
    up_int_t h;
    CHECK_EXC_INT(up_hash(a, &h), up_type_TypeError, "unhashable type: 'dict'");
}

static void test_iteration(void) {
    up_obj_t d = DICT(I(1), S("a"), I(2), S("b"));
    up_obj_t it = up_getiter(d);
    CHECK_STR(up_obj_str((up_obj_t)up_type_of(it)), "<class 'dict_keyiterator'>");
    CHECK(up_getiter(it) == it);
    CHECK(up_iternext(it) == I(1));
    CHECK(up_iternext(it) == I(2));
    CHECK(up_iternext(it) == UP_STOP);
    CHECK(up_iternext(it) == UP_STOP);
    // changing the size while iterating
    it = up_getiter(d);
    CHECK(up_iternext(it) == I(1));
    up_dict_setitem(d, I(3), S("c"));
    CHECK_EXC(up_iternext(it), up_type_RuntimeError, "dictionary changed size during iteration");
    CHECK_EXC(up_iternext(it), up_type_RuntimeError, "dictionary changed size during iteration");
    // replacing values is fine
    it = up_getiter(up_dict_items(d));
    CHECK_REPR(up_iternext(it), "(1, 'a')");
    up_dict_setitem(d, I(2), S("B"));
    CHECK_REPR(up_iternext(it), "(2, 'B')");
    // deleting one key and adding another: same size, but the keys changed
    it = up_getiter(d);
    CHECK(up_iternext(it) == I(1));
    up_dict_delitem(d, I(1));
    up_dict_setitem(d, I(4), S("d"));
    CHECK(up_iternext(it) == I(2));
    CHECK(up_iternext(it) == I(3));
    CHECK_EXC(up_iternext(it), up_type_RuntimeError, "dictionary keys changed during iteration");
    // up_dict_next visits live entries in order
    size_t pos = 0;
    up_obj_t k, v;
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    while (up_dict_next(d, &pos, &k, NULL)) {
        up_print_obj(&sb.base, k, UP_PRINT_STR);
    }
    CHECK_STR(up_strbuf_finish(&sb), "234");
    (void)v;
    // values iterator
    it = up_getiter(up_dict_values(d));
    CHECK_REPR(up_iternext(it), "'B'");
}

static void test_constructor(void) {
    up_obj_t dt = (up_obj_t)&up_type_dict;
    CHECK_REPR(up_call0(dt), "{}");
    up_obj_t src = DICT(S("a"), I(1));
    up_obj_t c = up_call1(dt, src);
    CHECK(c != src);
    CHECK_REPR(c, "{'a': 1}");
    up_obj_t pairs = up_list_new(0);
    up_list_append(pairs, up_tuple_pack2(S("k"), I(1)));
    up_list_append(pairs, up_tuple_pack2(S("k"), I(2)));
    CHECK_REPR(up_call1(dt, pairs), "{'k': 2}");
    up_obj_t kwargs[3] = {pairs, I(5), I(6)};
    CHECK_REPR(up_call(dt, 3, kwargs, up_tuple_pack2(S("a"), S("k"))), "{'k': 6, 'a': 5}");
    CHECK_REPR(up_call(dt, 2, kwargs + 1, up_tuple_pack2(S("x"), S("y"))), "{'x': 5, 'y': 6}");
    CHECK_EXC(up_call2(dt, pairs, pairs), up_type_TypeError, "dict expected at most 1 argument, got 2");
    CHECK_EXC(up_call1(dt, I(1)), up_type_TypeError, "'int' object is not iterable");
    // sized creation and copies keep order
    up_obj_t d = up_dict_new_sized(50);
    for (int i = 49; i >= 0; i--) {
        up_dict_setitem(d, I(i), I(i * i));
    }
    up_obj_t cp = up_dict_copy(d);
    size_t pos = 0;
    up_obj_t k, v;
    bool ok = up_dict_len(cp) == 50;
    for (int i = 49; up_dict_next(cp, &pos, &k, &v); i--) {
        ok &= k == I(i) && v == I(i * i);
    }
    CHECK(ok);
    CHECK(key_str(DICT(S("z"), I(1)), "z") == I(1));
}

// Keys whose == changes the dict being searched (all hash alike, so every
// lookup compares): the lookup must restart and never touch freed tables.
static up_obj_t victim;
static int evil_eq_calls;
static up_obj_t evil_binary_op(int op, up_obj_t a, up_obj_t b) {
    if (op != UP_OP_EQ) {
        return UP_NOTIMPL;
    }
    if (victim != UP_NULL && evil_eq_calls++ < 40) {
        // grow the dict (a rebuild frees the old tables) and drop a key
        for (int i = 0; i < 20; i++) {
            up_obj_t k = I(1000 + evil_eq_calls * 20 + i);
            if (up_is_dict(victim)) {
                up_dict_setitem(victim, k, I(i));
            } else {
                up_set_add(victim, k);
            }
        }
        if (up_is_dict(victim)) {
            up_dict_delitem(victim, I(1000 + evil_eq_calls * 20));
        }
    }
    return up_bool(a == b);
}
static up_obj_t evil_unary_op(int op, up_obj_t a) {
    (void)a;
    return op == UP_UOP_HASH ? I(7) : UP_NOTIMPL;
}
static const up_type_t type_evil = {
    .base = {&up_type_type},
    .name = "evil",
    .parent = &up_type_object,
    .binary_op = evil_binary_op,
    .unary_op = evil_unary_op,
};

static void test_mutating_eq(void) {
    static up_base_t evil[6] = {{&type_evil}, {&type_evil}, {&type_evil}, {&type_evil}, {&type_evil}, {&type_evil}};
    up_obj_t d = up_dict_new();
    for (int i = 0; i < 5; i++) {
        CHECK(up_dict_setitem(d, (up_obj_t)&evil[i], I(i)) == 0);
    }
    victim = d;
    evil_eq_calls = 0;
    CHECK(up_dict_lookup(d, (up_obj_t)&evil[4]) == I(4));
    CHECK(up_dict_lookup(d, (up_obj_t)&evil[5]) == UP_NULL && up_exc_pending == UP_NULL);
    CHECK(up_dict_setitem(d, (up_obj_t)&evil[5], I(5)) == 0);
    CHECK(up_dict_lookup(d, (up_obj_t)&evil[5]) == I(5));
    CHECK(up_dict_delitem(d, (up_obj_t)&evil[0]) == 0);
    victim = UP_NULL;
    for (int i = 1; i < 6; i++) {
        CHECK(up_dict_lookup(d, (up_obj_t)&evil[i]) == I(i));
    }
    // the same against a set
    up_obj_t s = up_set_new();
    for (int i = 0; i < 5; i++) {
        CHECK(up_set_add(s, (up_obj_t)&evil[i]) == 0);
    }
    victim = s;
    evil_eq_calls = 0;
    CHECK(up_set_contains(s, (up_obj_t)&evil[5]) == 0);
    CHECK(up_set_add(s, (up_obj_t)&evil[5]) == 0);
    victim = UP_NULL;
    bool all = true;
    for (int i = 0; i < 6; i++) {
        all &= up_set_contains(s, (up_obj_t)&evil[i]) == 1;
    }
    CHECK(all && up_set_len(s) > 6);
}

static void tests(void) {
    test_mutating_eq();
    test_basics();
    test_recursive_repr();
    test_methods();
    test_operators();
    test_iteration();
    test_constructor();
    test_stress();
}

UP_TEST_MAIN(tests)
