// set and frozenset: CPython 3.11's iteration order (random operation
// sequences checked against checksums of CPython's output), operations and
// methods with any iterables, comparisons, frozenset hashing, errors,
// iteration, repr.
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

static up_obj_t callv(up_obj_t o, const char *name, size_t n, const up_obj_t *args) {
    up_obj_t all[8] = {o};
    if (n > 0) {
        memcpy(all + 1, args, n * sizeof(up_obj_t));
    }
    return up_call_method(S(name), n + 1, all, UP_NULL);
}
#define CALL(o, name, ...) callv((o), (name), sizeof((up_obj_t[]){__VA_ARGS__}) / sizeof(up_obj_t), (up_obj_t[]){__VA_ARGS__})
#define CALL0(o, name) callv((o), (name), 0, NULL)

static up_obj_t set_of(size_t n, const up_int_t *v) {
    up_obj_t s = up_set_new();
    for (size_t i = 0; i < n; i++) {
        CHECK(up_set_add(s, I(v[i])) == 0);
    }
    return s;
}
#define SET(...) set_of(sizeof((up_int_t[]){__VA_ARGS__}) / sizeof(up_int_t), (up_int_t[]){__VA_ARGS__})
#define EMPTY_SET up_set_new()

static up_obj_t frozen(up_obj_t iterable) {
    return up_call1((up_obj_t)&up_type_frozenset, iterable);
}

static up_obj_t list_of(size_t n, const up_int_t *v) {
    up_obj_t l = up_list_new(0);
    for (size_t i = 0; i < n; i++) {
        up_list_append(l, I(v[i]));
    }
    return l;
}
#define LIST(...) list_of(sizeof((up_int_t[]){__VA_ARGS__}) / sizeof(up_int_t), (up_int_t[]){__VA_ARGS__})

// ---- iteration order against CPython -------------------------------------------------
//
// The same pseudo-random sequence of set operations as this Python program,
// which printed "step op list(s)" after each one; the checksums are FNV-1a
// of its whole output for seeds 1..6 (CPython 3.11, 64-bit):
//
//   def rnd(): rng = (rng * 1103515245 + 12345) & 0xffffffff; return (rng >> 16) & 0x7fff
//   def val(): r = rnd() % 10; return rnd() % 40 if r < 6 else rnd() % 300 - 50 if r < 8 else rnd() * 100000
//   sets = [set() for _ in range(4)]
//   for step in range(400):
//       op = rnd() % 26; a = rnd() % 4; b = rnd() % 4; s = sets[a]
//       (op as in run_ops below)
//       print(step, op, list(sets[a]))

static uint32_t rng;
static uint32_t rnd(void) {
    rng = rng * 1103515245u + 12345u;
    return (rng >> 16) & 0x7fff;
}
static up_obj_t val(void) {
    uint32_t r = rnd() % 10;
    if (r < 6) {
        return I(rnd() % 40);
    }
    if (r < 8) {
        return I((up_int_t)(rnd() % 300) - 50);
    }
    return I((up_int_t)rnd() * 100000);
}
static up_obj_t vals(uint32_t n) {
    up_obj_t l = up_list_new(0);
    for (uint32_t i = 0; i < n; i++) {
        up_list_append(l, val());
    }
    return l;
}
static up_obj_t keys_dict(up_obj_t iterable) {
    up_obj_t l = up_list_from_iter(iterable);
    up_obj_t d = up_dict_new();
    for (size_t i = 0; i < up_list_len(l); i++) {
        up_dict_setitem(d, up_list_get_cint(l, (up_int_t)i), UP_NONE);
    }
    return d;
}

static uint32_t run_ops(uint32_t seed) {
    rng = seed;
    up_obj_t sets[4];
    for (int i = 0; i < 4; i++) {
        sets[i] = up_set_new();
    }
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    for (int step = 0; step < 400; step++) {
        int op = rnd() % 26;
        int a = rnd() % 4, b = rnd() % 4;
        up_obj_t s = sets[a];
        switch (op) {
        case 0:
        case 1:
        case 2:
        case 3: {  // s.add(val()) a few times
            uint32_t n = rnd() % 6;
            for (uint32_t i = 0; i < n; i++) {
                up_set_add(s, val());
            }
            break;
        }
        case 4:  // s.discard(val())
            CALL(s, "discard", val());
            break;
        case 5:  // if s: s.pop()
            if (up_set_len(s)) {
                CALL0(s, "pop");
            }
            break;
        case 6:  // sets[a] = s | sets[b], and & - ^
            sets[a] = up_binary_op(UP_OP_OR, s, sets[b]);
            break;
        case 7:
            sets[a] = up_binary_op(UP_OP_AND, s, sets[b]);
            break;
        case 8:
            sets[a] = up_binary_op(UP_OP_SUB, s, sets[b]);
            break;
        case 9:
            sets[a] = up_binary_op(UP_OP_XOR, s, sets[b]);
            break;
        case 10:  // s |= sets[b], and &= -= ^=
            up_binary_op(UP_OP_IOR, s, sets[b]);
            break;
        case 11:
            up_binary_op(UP_OP_IAND, s, sets[b]);
            break;
        case 12:
            up_binary_op(UP_OP_ISUB, s, sets[b]);
            break;
        case 13:
            up_binary_op(UP_OP_IXOR, s, sets[b]);
            break;
        case 14:  // sets[a] = set([val() for _ in range(rnd() % 30)])
            sets[a] = up_set_from_iter(vals(rnd() % 30));
            break;
        case 15:  // sets[a] = s.copy()
            sets[a] = CALL0(s, "copy");
            break;
        case 16: {  // sets[a] = s.union(sets[b], [val() for _ in range(rnd() % 8)])
            up_obj_t l = vals(rnd() % 8);
            sets[a] = CALL(s, "union", sets[b], l);
            break;
        }
        case 17: {  // sets[a] = s.intersection(sets[b], list(sets[(b + 1) % 4]) + [val()])
            up_obj_t l = up_list_from_iter(sets[(b + 1) % 4]);
            up_list_append(l, val());
            sets[a] = CALL(s, "intersection", sets[b], l);
            break;
        }
        case 18: {  // sets[a] = s.difference([val() for _ in range(rnd() % 8)] + list(sets[b]))
            up_obj_t l = vals(rnd() % 8);
            up_list_extend(l, sets[b]);
            sets[a] = CALL(s, "difference", l);
            break;
        }
        case 19:  // sets[a] = s.difference(dict.fromkeys(sets[b]))
            sets[a] = CALL(s, "difference", keys_dict(sets[b]));
            break;
        case 20:  // sets[a] = s.symmetric_difference([val() for _ in range(rnd() % 8)])
            sets[a] = CALL(s, "symmetric_difference", vals(rnd() % 8));
            break;
        case 21:  // s.intersection_update(list(sets[b]))
            CALL(s, "intersection_update", up_list_from_iter(sets[b]));
            break;
        case 22: {  // s.difference_update([val() for _ in range(rnd() % 8)], sets[b])
            up_obj_t l = vals(rnd() % 8);
            CALL(s, "difference_update", l, sets[b]);
            break;
        }
        case 23:  // sets[a] = set(dict.fromkeys([val() for _ in range(rnd() % 12)]))
            sets[a] = up_set_from_iter(keys_dict(vals(rnd() % 12)));
            break;
        case 24:  // sets[a] = set(frozenset(s) | frozenset(sets[b]))
            sets[a] = up_set_from_iter(up_binary_op(UP_OP_OR, frozen(s), frozen(sets[b])));
            break;
        default:  // s.symmetric_difference_update(dict.fromkeys(sets[b]))
            CALL(s, "symmetric_difference_update", keys_dict(sets[b]));
            break;
        }
        up_printer_int(&sb.base, step);
        up_printer_putc(&sb.base, ' ');
        up_printer_int(&sb.base, op);
        up_printer_putc(&sb.base, ' ');
        up_print_obj(&sb.base, up_list_from_iter(sets[a]), UP_PRINT_REPR);
        up_printer_putc(&sb.base, '\n');
    }
    up_obj_t text = up_strbuf_finish(&sb);
    CHECK(up_exc_pending == UP_NULL);
    return up_str_hash_bytes(up_str_data(text), up_str_size(text));
}

static void test_cpython_order(void) {
    static const uint32_t expect[6] = {0x4a86ce3d, 0xfabe32c2, 0x573372cf, 0x13c40467, 0xa5bf2439, 0xc0145e4b};
    for (uint32_t seed = 1; seed <= 6; seed++) {
        uint32_t h = run_ops(seed);
        CHECK(h == expect[seed - 1]);
        if (h != expect[seed - 1]) {
            fprintf(stderr, "    seed %u: checksum %#x\n", seed, h);
        }
    }
    // what print() shows, as in CPython
    CHECK_REPR(SET(3, 1, 2), "{1, 2, 3}");
    CHECK_REPR(SET(8, 0, 16, 1), "{8, 0, 16, 1}");
    CHECK_REPR(SET(-1, -2, 5), "{5, -1, -2}");
    CHECK_REPR(SET(10000000000, 7), "{10000000000, 7}");
    up_obj_t r20 = up_set_from_iter(up_range_new(I(0), I(20), I(1)));
    CHECK_REPR(up_binary_op(UP_OP_SUB, r20, SET(1)),
               "{0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}");
    up_obj_t s = SET(1, 2, 3, 4, 5);
    CHECK(CALL0(s, "pop") == I(1));
    CHECK(CALL0(s, "pop") == I(2));
    CHECK_REPR(s, "{3, 4, 5}");
}

// ---- operations -------------------------------------------------------------------------

static void test_basics(void) {
    up_obj_t s = EMPTY_SET;
    CHECK_REPR(s, "set()");
    CHECK(up_set_len(s) == 0 && up_truthy(s) == 0);
    CHECK(up_set_contains(s, I(1)) == 0);
    CHECK(up_set_add(s, S("a")) == 0);
    CHECK(up_set_add(s, S("a")) == 0);
    CHECK(up_set_add(s, up_str_concat(S("a"), S(""))) == 0);
    CHECK_REPR(s, "{'a'}");
    CHECK_STR(s, "{'a'}");
    CHECK(up_set_contains(s, up_str_concat(S("a"), S(""))) == 1);
    CHECK_EXC_INT(up_set_add(s, up_list_new(0)), up_type_TypeError, "unhashable type: 'list'");
    CHECK_EXC_INT(up_set_contains(s, up_dict_new()), up_type_TypeError, "unhashable type: 'dict'");
    // equal numbers are one element; the first one stays
    up_obj_t n = EMPTY_SET;
    up_set_add(n, UP_TRUE);
    up_set_add(n, up_float_new(1.0));
    up_set_add(n, I(1));
    up_set_add(n, I(2));
    CHECK_REPR(n, "{True, 2}");
    CHECK(up_len_obj(n) == I(2));
    CHECK(up_contains(n, I(1)) == 1 && up_contains(n, I(3)) == 0);
    // a set is looked up as a frozenset with the same keys
    up_obj_t ss = EMPTY_SET;
    up_set_add(ss, frozen(SET(1, 2)));
    CHECK(up_contains(ss, SET(2, 1)) == 1);
    CHECK(CALL(ss, "discard", SET(3)) == UP_NONE);
    CHECK(CALL(ss, "remove", SET(1, 2)) == UP_NONE);
    CHECK(up_set_len(ss) == 0);
    // growth keeps everything findable
    up_obj_t big = EMPTY_SET;
    for (int i = 0; i < 1000; i++) {
        up_set_add(big, I(i * 7919));
    }
    bool ok = up_set_len(big) == 1000;
    for (int i = 0; i < 1000; i++) {
        ok &= up_set_contains(big, I(i * 7919)) == 1 && up_set_contains(big, I(i * 7919 + 1)) == 0;
    }
    CHECK(ok);
    for (int i = 0; i < 1000; i += 2) {
        CALL(big, "remove", I(i * 7919));
    }
    ok = up_set_len(big) == 500;
    for (int i = 0; i < 1000; i++) {
        ok &= up_set_contains(big, I(i * 7919)) == (i % 2);
    }
    CHECK(ok);
}

static void test_methods(void) {
    up_obj_t s = SET(1, 2, 3);
    CHECK(CALL(s, "add", I(4)) == UP_NONE);
    CHECK(CALL(s, "discard", I(9)) == UP_NONE);
    CHECK(CALL(s, "discard", I(4)) == UP_NONE);
    CHECK(CALL(s, "remove", I(3)) == UP_NONE);
    CHECK_EXC(CALL(s, "remove", I(3)), up_type_KeyError, "3");
    CHECK_EXC(CALL(s, "remove", S("k")), up_type_KeyError, "'k'");
    CHECK_EXC(CALL(s, "remove", up_list_new(0)), up_type_TypeError, "unhashable type: 'list'");
    CHECK_REPR(s, "{1, 2}");
    up_obj_t c = CALL0(s, "copy");
    CHECK(c != s);
    CHECK(CALL0(c, "clear") == UP_NONE);
    CHECK_REPR(c, "set()");
    CHECK_EXC(CALL0(c, "pop"), up_type_KeyError, "'pop from an empty set'");
    CHECK_REPR(s, "{1, 2}");
    // with any iterables, several at once
    CHECK_REPR(CALL(s, "union", LIST(5, 1), up_range_new(I(7), I(9), I(1))), "{1, 2, 5, 7, 8}");
    CHECK_REPR(CALL0(s, "union"), "{1, 2}");
    CHECK_REPR(CALL(SET(1, 2, 3, 4), "intersection", LIST(2, 3, 9), SET(3, 2, 7)), "{2, 3}");
    CHECK_REPR(CALL(SET(1, 2, 3, 4), "difference", LIST(1), SET(4)), "{2, 3}");
    CHECK_REPR(CALL(SET(1, 2, 3), "symmetric_difference", LIST(3, 4, 4)), "{1, 2, 4}");
    up_obj_t u = SET(1);
    CHECK(CALL(u, "update", LIST(2), S("a")) == UP_NONE);
    CHECK(up_set_len(u) == 3 && up_set_contains(u, S("a")) == 1);
    up_obj_t i = SET(1, 2, 3);
    CHECK(CALL(i, "intersection_update", LIST(2, 3, 4), LIST(3)) == UP_NONE);
    CHECK_REPR(i, "{3}");
    up_obj_t d = SET(1, 2, 3);
    CHECK(CALL(d, "difference_update", LIST(1), up_tuple_pack2(I(3), I(9))) == UP_NONE);
    CHECK_REPR(d, "{2}");
    up_obj_t x = SET(1, 2);
    CHECK(CALL(x, "symmetric_difference_update", LIST(2, 3)) == UP_NONE);
    CHECK_REPR(x, "{1, 3}");
    CHECK(CALL(x, "symmetric_difference_update", x) == UP_NONE);
    CHECK_REPR(x, "set()");
    CHECK(CALL(SET(1, 2), "isdisjoint", LIST(3, 4)) == UP_TRUE);
    CHECK(CALL(SET(1, 2), "isdisjoint", SET(2, 5)) == UP_FALSE);
    CHECK(CALL(EMPTY_SET, "isdisjoint", EMPTY_SET) == UP_TRUE);
    CHECK(CALL(SET(1, 2), "issubset", LIST(1, 2, 3)) == UP_TRUE);
    CHECK(CALL(SET(1, 4), "issubset", SET(1, 2, 3)) == UP_FALSE);
    CHECK(CALL(SET(1, 2, 3), "issuperset", LIST(1, 3)) == UP_TRUE);
    CHECK(CALL(SET(1, 2, 3), "issuperset", SET(1, 5)) == UP_FALSE);
    CHECK_EXC(CALL(SET(1), "union", I(5)), up_type_TypeError, "'int' object is not iterable");
    CHECK_EXC(CALL(SET(1), "update", LIST(1), up_list_from_iter(up_tuple_pack2(up_list_new(0), I(1)))),
              up_type_TypeError, "unhashable type: 'list'");
    // the set() constructor
    up_obj_t st = (up_obj_t)&up_type_set;
    CHECK_REPR(up_call0(st), "set()");
    CHECK_REPR(up_call1(st, S("aba")), "{'a', 'b'}");
    up_obj_t orig = SET(5);
    CHECK(up_call1(st, orig) != orig);
    CHECK_EXC(up_call2(st, orig, orig), up_type_TypeError, "set expected at most 1 argument, got 2");
    CHECK_EXC(up_call1(st, I(3)), up_type_TypeError, "'int' object is not iterable");
    CHECK_REPR(up_set_from_iter(up_dict_keys(up_dict_new())), "set()");
}

static void test_operators(void) {
    up_obj_t a = SET(1, 2, 3), b = SET(3, 4);
    CHECK_REPR(up_binary_op(UP_OP_OR, a, b), "{1, 2, 3, 4}");
    CHECK_REPR(up_binary_op(UP_OP_AND, a, b), "{3}");
    CHECK_REPR(up_binary_op(UP_OP_SUB, a, b), "{1, 2}");
    CHECK_REPR(up_binary_op(UP_OP_XOR, a, b), "{1, 2, 4}");
    CHECK_REPR(a, "{1, 2, 3}");
    CHECK_EXC(up_binary_op(UP_OP_OR, a, LIST(1)), up_type_TypeError,
              "unsupported operand type(s) for |: 'set' and 'list'");
    CHECK_EXC(up_binary_op(UP_OP_SUB, a, I(1)), up_type_TypeError,
              "unsupported operand type(s) for -: 'set' and 'int'");
    up_obj_t c = SET(1, 2);
    CHECK(up_binary_op(UP_OP_IOR, c, SET(5)) == c);
    CHECK(up_binary_op(UP_OP_IAND, c, SET(5, 1)) == c);
    CHECK_REPR(c, "{1, 5}");
    CHECK(up_binary_op(UP_OP_IXOR, c, SET(5, 6)) == c);
    CHECK_REPR(c, "{1, 6}");
    CHECK(up_binary_op(UP_OP_ISUB, c, SET(6)) == c);
    CHECK_REPR(c, "{1}");
    CHECK_EXC(up_binary_op(UP_OP_IOR, c, LIST(1)), up_type_TypeError,
              "unsupported operand type(s) for |=: 'set' and 'list'");
    // comparisons are subset tests
    CHECK(up_compare_bool(UP_OP_LE, SET(1), SET(1, 2)) == 1);
    CHECK(up_compare_bool(UP_OP_LE, SET(1, 2), SET(1, 2)) == 1);
    CHECK(up_compare_bool(UP_OP_LT, SET(1, 2), SET(1, 2)) == 0);
    CHECK(up_compare_bool(UP_OP_LT, SET(1), SET(1, 2)) == 1);
    CHECK(up_compare_bool(UP_OP_GT, SET(1, 2), SET(2)) == 1);
    CHECK(up_compare_bool(UP_OP_GE, SET(1, 2), SET(3)) == 0);
    CHECK(up_compare_bool(UP_OP_LT, SET(1), SET(2, 3)) == 0);
    CHECK(up_compare_bool(UP_OP_EQ, SET(1, 2), SET(2, 1)) == 1);
    CHECK(up_compare_bool(UP_OP_EQ, SET(1, 2), SET(2, 3)) == 0);
    CHECK(up_compare_bool(UP_OP_NE, SET(1, 2), SET(2, 3)) == 1);
    CHECK(up_compare_bool(UP_OP_EQ, SET(1, 2), frozen(LIST(1, 2))) == 1);
    CHECK(up_compare_bool(UP_OP_EQ, SET(1, 2), LIST(1, 2)) == 0);
    CHECK_EXC_INT(up_compare_bool(UP_OP_LT, SET(1), LIST(1)), up_type_TypeError,
                  "'<' not supported between instances of 'set' and 'list'");
    up_int_t h;
    CHECK_EXC_INT(up_hash(SET(1), &h), up_type_TypeError, "unhashable type: 'set'");
}

static void test_frozenset(void) {
    up_obj_t ft = (up_obj_t)&up_type_frozenset;
    up_obj_t f = frozen(LIST(1, 9, 17));
    CHECK_REPR(f, "frozenset({1, 9, 17})");
    CHECK_REPR(up_call0(ft), "frozenset()");
    CHECK(up_call1(ft, f) == f);  // immutable: no copy
    CHECK(CALL0(f, "copy") == f);
    up_obj_t u = up_binary_op(UP_OP_OR, f, SET(2));
    CHECK(up_type_is(u, &up_type_frozenset));
    CHECK_REPR(u, "frozenset({1, 2, 9, 17})");
    CHECK(up_type_is(up_binary_op(UP_OP_OR, SET(2), f), &up_type_set));
    CHECK(up_type_is(CALL(f, "union", LIST(4)), &up_type_frozenset));
    CHECK(up_type_is(CALL(f, "intersection", SET(1)), &up_type_frozenset));
    CHECK(up_type_is(CALL(f, "difference", SET(1)), &up_type_frozenset));
    CHECK(up_type_is(CALL(f, "symmetric_difference", SET(1)), &up_type_frozenset));
    // in-place operators make a new frozenset
    up_obj_t g = up_binary_op(UP_OP_IOR, f, SET(3));
    CHECK(g != f && up_type_is(g, &up_type_frozenset));
    CHECK_REPR(f, "frozenset({1, 9, 17})");
    // no mutating methods
    CHECK_EXC(CALL(f, "add", I(1)), up_type_AttributeError, "'frozenset' object has no attribute 'add'");
    CHECK_EXC(CALL0(f, "pop"), up_type_AttributeError, "'frozenset' object has no attribute 'pop'");
    CHECK_EXC(CALL(f, "update", LIST(1)), up_type_AttributeError, "'frozenset' object has no attribute 'update'");
    // hashable, with CPython's values (64-bit)
    up_int_t h1, h2;
    CHECK(up_hash(up_call0(ft), &h1) == 0 && h1 == 133146708735736);
    CHECK(up_hash(frozen(LIST(1, 2, 3)), &h1) == 0 && h1 == -272375401224217160);
    up_obj_t tl = up_list_new(0);
    up_list_append(tl, up_tuple_pack2(I(1), I(2)));
    CHECK(up_hash(frozen(tl), &h1) == 0 && h1 == 3819360209092968377);
    CHECK(up_hash(frozen(LIST(3, 2, 1)), &h2) == 0 && up_hash(frozen(LIST(1, 2, 3)), &h1) == 0 && h1 == h2);
    up_obj_t d = up_dict_new();
    CHECK(up_dict_setitem(d, frozen(LIST(1, 2)), S("x")) == 0);
    CHECK(up_dict_lookup(d, frozen(LIST(2, 1))) != UP_NULL);
    up_obj_t nested = EMPTY_SET;
    up_set_add(nested, frozen(LIST(1)));
    up_set_add(nested, frozen(LIST(1)));
    CHECK(up_set_len(nested) == 1);
    CHECK_REPR(nested, "{frozenset({1})}");
}

static void test_iteration(void) {
    up_obj_t s = SET(1, 2, 3);
    up_obj_t it = up_getiter(s);
    CHECK_STR(up_obj_str((up_obj_t)up_type_of(it)), "<class 'set_iterator'>");
    CHECK(up_getiter(it) == it);
    CHECK(up_iternext(it) == I(1));
    CHECK(up_iternext(it) == I(2));
    CHECK(up_iternext(it) == I(3));
    CHECK(up_iternext(it) == UP_STOP);
    CHECK(up_iternext(it) == UP_STOP);
    it = up_getiter(s);
    CHECK(up_iternext(it) == I(1));
    up_set_add(s, I(4));
    CHECK_EXC(up_iternext(it), up_type_RuntimeError, "Set changed size during iteration");
    CHECK_EXC(up_iternext(it), up_type_RuntimeError, "Set changed size during iteration");
    CHECK(up_iternext(up_getiter(EMPTY_SET)) == UP_STOP);
    up_obj_t out[2];
    CHECK(up_unpack(SET(7, 8), 2, out) == 0 && out[0] == I(8) && out[1] == I(7));  // 8 wraps to slot 0
}

static void tests(void) {
    test_basics();
    test_methods();
    test_operators();
    test_frozenset();
    test_iteration();
    test_cpython_order();
}

UP_TEST_MAIN(tests)
