// list: construction, growth, indexing, slicing tables (generated with
// CPython 3.11), slice assignment and deletion, operators, comparisons,
// methods with their error messages, sort (stability, keys, reverse,
// failing comparisons), recursive repr, iteration.
#include "check.h"

// expr must fail raising exactly `type` with str(exception) == msg.
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

// o.name(args...) through the method table
static up_obj_t callm(up_obj_t o, const char *name, size_t n, const up_obj_t *args) {
    up_obj_t all[8] = {o};
    if (n > 0) {
        memcpy(all + 1, args, n * sizeof(up_obj_t));
    }
    return up_call_method(S(name), n + 1, all, UP_NULL);
}
#define CALL(o, name, ...) callm((o), (name), sizeof((up_obj_t[]){__VA_ARGS__}) / sizeof(up_obj_t), (up_obj_t[]){__VA_ARGS__})
#define CALL0(o, name) callm((o), (name), 0, NULL)

// o.name(**{k1: v1}) / two keywords
static up_obj_t callkw(up_obj_t o, const char *name, size_t npos, const up_obj_t *pos, size_t nkw,
                       const char *const *keys, const up_obj_t *vals) {
    up_obj_t all[8] = {o};
    if (npos > 0) {
        memcpy(all + 1, pos, npos * sizeof(up_obj_t));
    }
    memcpy(all + 1 + npos, vals, nkw * sizeof(up_obj_t));
    up_obj_t kw = up_tuple_new(nkw);
    for (size_t i = 0; i < nkw; i++) {
        ((up_tuple_t *)kw)->items[i] = S(keys[i]);
    }
    return up_call_method(S(name), 1 + npos + nkw, all, kw);
}

static up_obj_t range_list(up_int_t n) {
    up_obj_t l = up_list_new(0);
    for (up_int_t i = 0; i < n; i++) {
        up_list_append(l, I(i));
    }
    return l;
}

static up_obj_t ints(size_t n, const up_int_t *v) {
    up_obj_t l = up_list_new(n);
    for (size_t i = 0; i < n; i++) {
        ((up_list_t *)l)->items[i] = I(v[i]);
    }
    return l;
}
#define INTS(...) ints(sizeof((up_int_t[]){__VA_ARGS__}) / sizeof(up_int_t), (up_int_t[]){__VA_ARGS__})

// The items of a list of small ints (0..9) as digits: [0, 2, 4] -> "024".
static void digits(up_strbuf_t *sb, up_obj_t l) {
    for (size_t i = 0; i < up_list_len(l); i++) {
        up_obj_t x = ((up_list_t *)l)->items[i];
        up_strbuf_addc(sb, (char)('0' + up_small_value(x)));
    }
}

#define NONE 99
static up_obj_t opt(int v) {
    return v == NONE ? UP_NONE : I(v);
}

struct slice_case {
    int len, step;
    const char *expect;
};
struct assign_case {
    int step;
    const char *expect;
};
struct del_case {
    int step;
    const char *expect;
};

#include "test_list_slices.inc"

static const int bounds[] = {NONE, -7, -6, -3, -1, 0, 1, 3, 5, 6, 7};
static const int bounds2[] = {NONE, -6, -2, 0, 1, 3, 6};
#define NB (sizeof bounds / sizeof bounds[0])
#define NB2 (sizeof bounds2 / sizeof bounds2[0])

static void test_slice_tables(void) {
    for (size_t c = 0; c < sizeof slice_cases / sizeof slice_cases[0]; c++) {
        const struct slice_case *k = &slice_cases[c];
        up_obj_t l = range_list(k->len);
        up_strbuf_t sb;
        up_strbuf_init(&sb);
        for (size_t i = 0; i < NB; i++) {
            for (size_t j = 0; j < NB; j++) {
                if (i + j > 0) {
                    up_strbuf_addc(&sb, '|');
                }
                // both entry points: the direct call and the subscript slot
                up_obj_t r = up_list_slice(l, opt(bounds[i]), opt(bounds[j]), opt(k->step));
                up_obj_t sl = up_slice_new(opt(bounds[i]), opt(bounds[j]), opt(k->step));
                up_obj_t r2 = up_getitem(l, sl);
                CHECK(r != UP_NULL && r2 != UP_NULL && up_list_len(r) == up_list_len(r2));
                digits(&sb, r);
            }
        }
        up_obj_t got = up_strbuf_finish(&sb);
        CHECK_STR(got, k->expect);
    }
}

static void test_assign_tables(void) {
    for (size_t c = 0; c < sizeof assign_cases / sizeof assign_cases[0]; c++) {
        const struct assign_case *k = &assign_cases[c];
        up_strbuf_t sb;
        up_strbuf_init(&sb);
        for (size_t i = 0; i < NB2; i++) {
            for (size_t j = 0; j < NB2; j++) {
                for (int m = 0; m < 4; m++) {
                    if (i + j + m > 0) {
                        up_strbuf_addc(&sb, '|');
                    }
                    up_obj_t l = range_list(5);
                    up_obj_t v = up_list_new(0);
                    for (int q = 0; q < m; q++) {
                        up_list_append(v, I(7 + q));
                    }
                    // values as a list for odd m, as a tuple for even m
                    if (m % 2 == 0) {
                        v = up_tuple_from_iter(v);
                    }
                    if (up_list_set_slice(l, opt(bounds2[i]), opt(bounds2[j]), opt(k->step), v) < 0) {
                        up_obj_t e = up_exc_fetch();
                        up_strbuf_addc(&sb, up_exc_type(e) == &up_type_ValueError ? 'V' : '?');
                    } else {
                        digits(&sb, l);
                    }
                }
            }
        }
        CHECK_STR(up_strbuf_finish(&sb), k->expect);
    }
}

static void test_del_tables(void) {
    for (size_t c = 0; c < sizeof del_cases / sizeof del_cases[0]; c++) {
        const struct del_case *k = &del_cases[c];
        up_strbuf_t sb;
        up_strbuf_init(&sb);
        for (size_t i = 0; i < NB; i++) {
            for (size_t j = 0; j < NB; j++) {
                if (i + j > 0) {
                    up_strbuf_addc(&sb, '|');
                }
                up_obj_t l = range_list(6);
                if ((i + j) % 2) {
                    CHECK(up_list_del_slice(l, opt(bounds[i]), opt(bounds[j]), opt(k->step)) == 0);
                } else {
                    CHECK(up_delitem(l, up_slice_new(opt(bounds[i]), opt(bounds[j]), opt(k->step))) == 0);
                }
                digits(&sb, l);
            }
        }
        CHECK_STR(up_strbuf_finish(&sb), k->expect);
    }
}

static void test_basics(void) {
    up_obj_t l = up_list_new(0);
    CHECK_REPR(l, "[]");
    CHECK(up_list_len(l) == 0);
    for (int i = 0; i < 1000; i++) {
        CHECK(up_list_append(l, I(i * 3)) == 0);
    }
    CHECK(up_list_len(l) == 1000);
    CHECK(((up_list_t *)l)->alloc >= 1000 && ((up_list_t *)l)->alloc < 1600);
    bool ok = true;
    for (int i = 0; i < 1000; i++) {
        ok &= up_list_get_cint(l, i) == I(i * 3);
    }
    CHECK(ok);
    CHECK(up_list_get_cint(l, -1) == I(2997));
    CHECK(up_list_get_cint(l, -1000) == I(0));
    CHECK_EXC(up_list_get_cint(l, -1001), up_type_IndexError, "list index out of range");
    CHECK_EXC(up_list_get_cint(l, 1000), up_type_IndexError, "list index out of range");
    CHECK_EXC_INT(up_list_set_cint(l, 1000, I(1)), up_type_IndexError, "list assignment index out of range");
    CHECK(up_list_set_cint(l, -2, S("x")) == 0);
    CHECK_REPR(up_list_get_cint(l, 998), "'x'");

    CHECK_REPR(up_list_new(3), "[None, None, None]");
    up_obj_t items[3] = {I(1), S("a"), UP_NONE};
    up_obj_t m = up_list_from_items(3, items);
    CHECK_REPR(m, "[1, 'a', None]");
    CHECK_STR(m, "[1, 'a', None]");
    up_obj_t inner = up_list_from_items(2, items);
    up_list_append(m, inner);
    up_list_append(m, up_tuple_pack2(I(1), up_list_new(0)));
    CHECK_REPR(m, "[1, 'a', None, [1, 'a'], (1, [])]");

    // shrinking gives memory back
    up_obj_t big = range_list(200);
    for (int i = 0; i < 195; i++) {
        up_list_pop_cint(big, -1);
    }
    CHECK(up_list_len(big) == 5 && ((up_list_t *)big)->alloc < 50);
    CHECK_REPR(big, "[0, 1, 2, 3, 4]");
}

static void test_recursive_repr(void) {
    up_obj_t l = INTS(1, 2);
    up_list_append(l, l);
    CHECK_REPR(l, "[1, 2, [...]]");
    up_obj_t a = up_list_new(0), b = up_list_new(0);
    up_list_append(a, b);
    up_list_append(b, a);
    CHECK_REPR(a, "[[[...]]]");
    up_obj_t t = up_tuple_pack2(a, I(5));
    CHECK_REPR(t, "([[[...]]], 5)");
    // a tuple inside a list inside the same tuple
    up_obj_t holder = up_list_new(0);
    up_obj_t t2 = up_tuple_from_items(1, &holder);
    up_list_append(holder, t2);
    CHECK_REPR(t2, "([(...)],)");
    // the same list twice (not recursive) prints in full
    up_obj_t s = INTS(7);
    up_obj_t twice[2] = {s, s};
    CHECK_REPR(up_list_from_items(2, twice), "[[7], [7]]");
    // deep but finite nesting prints in full, past the guard's stack
    up_obj_t deep = up_list_new(0);
    for (int i = 0; i < 40; i++) {
        up_obj_t o = up_list_new(0);
        up_list_append(o, deep);
        deep = o;
    }
    const char *text = up_test_render(deep, UP_PRINT_REPR);
    CHECK(strlen(text) == 82 && text[0] == '[' && text[40] == '[' && text[41] == ']');
    // a cycle through the outermost list at depth 30 is still found
    up_obj_t chain = up_list_new(0), cur = chain;
    for (int i = 0; i < 30; i++) {
        up_obj_t o = up_list_new(0);
        up_list_append(cur, o);
        cur = o;
    }
    up_list_append(cur, chain);
    text = up_test_render(chain, UP_PRINT_REPR);
    CHECK(strncmp(text + 31, "[...]", 5) == 0);
}

static void test_subscr(void) {
    up_obj_t l = INTS(10, 20, 30);
    CHECK(up_getitem(l, I(-1)) == I(30));
    CHECK(up_getitem(l, UP_TRUE) == I(20));
    CHECK_EXC(up_getitem(l, I(3)), up_type_IndexError, "list index out of range");
    CHECK_EXC(up_getitem(l, S("a")), up_type_TypeError, "list indices must be integers or slices, not str");
    CHECK_EXC_INT(up_setitem(l, I(-4), I(1)), up_type_IndexError, "list assignment index out of range");
    CHECK_EXC_INT(up_setitem(l, UP_NONE, I(1)), up_type_TypeError,
                  "list indices must be integers or slices, not NoneType");
    CHECK(up_setitem(l, I(0), I(11)) == 0);
    CHECK(up_delitem(l, I(1)) == 0);
    CHECK_REPR(l, "[11, 30]");
    CHECK_EXC_INT(up_delitem(l, I(2)), up_type_IndexError, "list assignment index out of range");
    CHECK_EXC(up_getitem(l, up_slice_new(UP_NONE, UP_NONE, I(0))), up_type_ValueError, "slice step cannot be zero");
    CHECK_EXC(up_getitem(l, up_slice_new(S("a"), UP_NONE, UP_NONE)), up_type_TypeError,
              "slice indices must be integers or None or have an __index__ method");
    // the step's error comes first
    CHECK_EXC(up_getitem(l, up_slice_new(S("a"), UP_NONE, I(0))), up_type_ValueError, "slice step cannot be zero");
    CHECK_EXC(up_list_slice(l, UP_NONE, UP_NONE, I(0)), up_type_ValueError, "slice step cannot be zero");
    // bool slice bounds
    CHECK_REPR(up_list_slice(INTS(1, 2, 3), UP_TRUE, UP_NONE, UP_NONE), "[2, 3]");
    // extended slice assignment errors
    up_obj_t m = range_list(6);
    CHECK_EXC_INT(up_list_set_slice(m, UP_NONE, UP_NONE, I(2), INTS(1, 2)), up_type_ValueError,
                  "attempt to assign sequence of size 2 to extended slice of size 3");
    CHECK_EXC_INT(up_list_set_slice(m, UP_NONE, UP_NONE, I(2), I(5)), up_type_TypeError,
                  "must assign iterable to extended slice");
    CHECK_EXC_INT(up_list_set_slice(m, I(1), I(2), UP_NONE, I(5)), up_type_TypeError, "can only assign an iterable");
    // assigning a list to a slice of itself
    CHECK(up_list_set_slice(m, I(1), I(3), UP_NONE, m) == 0);
    CHECK_REPR(m, "[0, 0, 1, 2, 3, 4, 5, 3, 4, 5]");
    up_obj_t r = range_list(5);
    CHECK(up_list_set_slice(r, UP_NONE, UP_NONE, I(-1), r) == 0);
    CHECK_REPR(r, "[4, 3, 2, 1, 0]");
    // any iterable on the right
    CHECK(up_setitem(r, up_slice_new(I(0), I(2), UP_NONE), S("ab")) == 0);
    CHECK_REPR(r, "['a', 'b', 2, 1, 0]");
    CHECK(up_setitem(r, up_slice_new(UP_NONE, UP_NONE, I(2)), up_range_new(I(7), I(10), I(1))) == 0);
    CHECK_REPR(r, "[7, 'b', 8, 1, 9]");
    // stop before start inserts at start
    CHECK(up_list_set_slice(r, I(3), I(1), UP_NONE, INTS(5, 6)) == 0);
    CHECK_REPR(r, "[7, 'b', 8, 5, 6, 1, 9]");
    // huge bounds clamp, huge indices don't fit
    up_obj_t e20 = up_int_from_str("100000000000000000000", 21, 10);
    CHECK_REPR(up_list_slice(INTS(1, 2, 3), up_int_neg(e20), e20, UP_NONE), "[1, 2, 3]");
    CHECK_REPR(up_list_slice(INTS(1, 2, 3), UP_NONE, UP_NONE, e20), "[1]");
    CHECK_REPR(up_list_slice(INTS(1, 2, 3), UP_NONE, UP_NONE, up_int_neg(e20)), "[3]");
    CHECK_EXC(up_getitem(INTS(1), e20), up_type_IndexError, "cannot fit 'int' into an index-sized integer");
    CHECK_EXC(up_binary_op(UP_OP_MUL, INTS(1), e20), up_type_OverflowError,
              "cannot fit 'int' into an index-sized integer");
    CHECK_EXC(CALL(INTS(1), "insert", e20, I(1)), up_type_OverflowError, "Python int too large to convert to C ssize_t");
    CHECK_EXC(CALL(INTS(1), "pop", e20), up_type_OverflowError, "Python int too large to convert to C ssize_t");
    CHECK_REPR(up_list_slice(INTS(1, 2, 3), I(-1000000), I(1000000), UP_NONE), "[1, 2, 3]");
    CHECK_REPR(up_list_slice(INTS(1, 2, 3), I(UP_SMALL_MAX), I(UP_SMALL_MIN), I(-1)), "[3, 2, 1]");
    CHECK_REPR(up_list_slice(INTS(1, 2, 3), UP_NONE, UP_NONE, I(UP_SMALL_MIN)), "[3]");
}

static void test_operators(void) {
    up_obj_t a = INTS(1, 2), b = INTS(3);
    CHECK_REPR(up_binary_op(UP_OP_ADD, a, b), "[1, 2, 3]");
    CHECK_EXC(up_binary_op(UP_OP_ADD, a, up_tuple_pack2(I(1), I(2))), up_type_TypeError,
              "can only concatenate list (not \"tuple\") to list");
    CHECK_EXC(up_binary_op(UP_OP_ADD, a, I(1)), up_type_TypeError, "can only concatenate list (not \"int\") to list");
    CHECK_REPR(up_binary_op(UP_OP_MUL, a, I(3)), "[1, 2, 1, 2, 1, 2]");
    CHECK_REPR(up_binary_op(UP_OP_MUL, I(2), a), "[1, 2, 1, 2]");
    CHECK_REPR(up_binary_op(UP_OP_MUL, a, I(-1)), "[]");
    CHECK_REPR(up_binary_op(UP_OP_MUL, a, UP_TRUE), "[1, 2]");
    CHECK_REPR(up_binary_op(UP_OP_MUL, up_list_new(0), I(5)), "[]");
    CHECK_EXC(up_binary_op(UP_OP_MUL, a, S("x")), up_type_TypeError, "can't multiply sequence by non-int of type 'str'");
    CHECK_EXC(up_binary_op(UP_OP_MUL, a, a), up_type_TypeError, "can't multiply sequence by non-int of type 'list'");
    CHECK_EXC(up_binary_op(UP_OP_MUL, a, I(UP_SMALL_MAX)), up_type_MemoryError, "");
    // += extends with any iterable and keeps identity; *= repeats in place
    up_obj_t c = INTS(1);
    CHECK(up_binary_op(UP_OP_IADD, c, up_tuple_pack2(I(2), I(3))) == c);
    CHECK(up_binary_op(UP_OP_IADD, c, S("ab")) == c);
    CHECK(up_binary_op(UP_OP_IADD, c, c) == c);
    CHECK_REPR(c, "[1, 2, 3, 'a', 'b', 1, 2, 3, 'a', 'b']");
    CHECK_EXC(up_binary_op(UP_OP_IADD, c, I(5)), up_type_TypeError, "'int' object is not iterable");
    up_obj_t d = INTS(4, 5);
    CHECK(up_binary_op(UP_OP_IMUL, d, I(2)) == d);
    CHECK_REPR(d, "[4, 5, 4, 5]");
    CHECK(up_binary_op(UP_OP_IMUL, d, I(0)) == d);
    CHECK_REPR(d, "[]");
    CHECK_EXC(up_binary_op(UP_OP_IMUL, d, S("a")), up_type_TypeError, "can't multiply sequence by non-int of type 'str'");
    // comparisons
    CHECK(up_compare_bool(UP_OP_LT, INTS(1, 2), INTS(1, 3)) == 1);
    CHECK(up_compare_bool(UP_OP_LT, INTS(1, 2), INTS(1, 2, 0)) == 1);
    CHECK(up_compare_bool(UP_OP_LE, INTS(1, 2), INTS(1, 2)) == 1);
    CHECK(up_compare_bool(UP_OP_GT, INTS(2), INTS(1, 9)) == 1);
    CHECK(up_compare_bool(UP_OP_GE, INTS(), INTS()) == 1);
    CHECK(up_compare_bool(UP_OP_EQ, INTS(1, 2), INTS(1, 2)) == 1);
    CHECK(up_compare_bool(UP_OP_NE, INTS(1, 2), INTS(1, 2)) == 0);
    CHECK(up_compare_bool(UP_OP_EQ, INTS(1, 2), up_tuple_pack2(I(1), I(2))) == 0);
    CHECK(up_compare_bool(UP_OP_NE, INTS(1, 2), up_tuple_pack2(I(1), I(2))) == 1);
    CHECK_EXC_INT(up_compare_bool(UP_OP_LT, INTS(1), up_tuple_pack2(I(1), I(2))), up_type_TypeError,
                  "'<' not supported between instances of 'list' and 'tuple'");
    up_obj_t mixed1[2] = {I(1), S("a")}, mixed2[2] = {I(1), I(2)};
    CHECK_EXC_INT(up_compare_bool(UP_OP_LT, up_list_from_items(2, mixed1), up_list_from_items(2, mixed2)),
                  up_type_TypeError, "'<' not supported between instances of 'str' and 'int'");
    // == on mixed items is fine
    CHECK(up_compare_bool(UP_OP_EQ, up_list_from_items(2, mixed1), up_list_from_items(2, mixed2)) == 0);
    // identity implies equality of items
    up_obj_t self_ref = up_list_new(0);
    up_list_append(self_ref, self_ref);
    CHECK(up_eq(self_ref, self_ref) == 1);
    // in
    CHECK(up_contains(INTS(1, 2, 3), I(3)) == 1);
    CHECK(up_contains(INTS(1, 2, 3), S("3")) == 0);
    CHECK(up_contains(up_list_new(0), I(0)) == 0);
    // len, bool, hash
    CHECK(up_len_obj(INTS(1, 2)) == I(2));
    CHECK(up_truthy(INTS()) == 0 && up_truthy(INTS(0)) == 1);
    up_int_t h;
    CHECK_EXC_INT(up_hash(INTS(), &h), up_type_TypeError, "unhashable type: 'list'");
}

static void test_methods(void) {
    up_obj_t l = up_list_new(0);
    CHECK(CALL(l, "append", I(1)) == UP_NONE);
    CHECK(CALL(l, "extend", up_tuple_pack2(I(2), I(3))) == UP_NONE);
    CHECK(CALL(l, "insert", I(0), I(0)) == UP_NONE);
    CHECK(CALL(l, "insert", I(-1), S("m")) == UP_NONE);
    CHECK(CALL(l, "insert", I(100), S("end")) == UP_NONE);
    CHECK(CALL(l, "insert", I(-100), S("start")) == UP_NONE);
    CHECK_REPR(l, "['start', 0, 1, 2, 'm', 3, 'end']");
    CHECK_EXC(CALL(l, "insert", S("x"), I(1)), up_type_TypeError, "'str' object cannot be interpreted as an integer");
    CHECK_REPR(CALL0(l, "pop"), "'end'");
    CHECK_REPR(CALL(l, "pop", I(0)), "'start'");
    CHECK_REPR(CALL(l, "pop", I(-2)), "'m'");
    CHECK_EXC(CALL(l, "pop", I(10)), up_type_IndexError, "pop index out of range");
    CHECK_EXC(CALL0(up_list_new(0), "pop"), up_type_IndexError, "pop from empty list");
    CHECK_REPR(l, "[0, 1, 2, 3]");
    CHECK(CALL(l, "remove", I(2)) == UP_NONE);
    CHECK_EXC(CALL(l, "remove", I(2)), up_type_ValueError, "list.remove(x): x not in list");
    CHECK(CALL(l, "append", I(1)) == UP_NONE);
    CHECK(CALL(l, "index", I(1)) == I(1));
    CHECK(CALL(l, "index", I(1), I(2)) == I(3));
    CHECK(CALL(l, "index", I(1), I(-1)) == I(3));
    CHECK(CALL(l, "index", I(1), I(-100), I(100)) == I(1));
    CHECK_EXC(CALL(l, "index", I(1), I(2), I(3)), up_type_ValueError, "1 is not in list");
    CHECK_EXC(CALL(l, "index", S("q")), up_type_ValueError, "'q' is not in list");
    CHECK_EXC(CALL(l, "index", I(1), UP_NONE), up_type_TypeError,
              "slice indices must be integers or have an __index__ method");
    CHECK(CALL(l, "count", I(1)) == I(2));
    CHECK(CALL(l, "count", I(9)) == I(0));
    up_obj_t c = CALL0(l, "copy");
    CHECK(c != l);
    CHECK_REPR(c, "[0, 1, 3, 1]");
    CHECK(CALL0(l, "reverse") == UP_NONE);
    CHECK_REPR(l, "[1, 3, 1, 0]");
    CHECK(CALL0(l, "clear") == UP_NONE);
    CHECK_REPR(l, "[]");
    CHECK(CALL(l, "append", I(5)) == UP_NONE);
    CHECK_REPR(l, "[5]");
    CHECK_REPR(c, "[0, 1, 3, 1]");
    // argument count errors come from the builtin's limits
    CHECK_RAISES(CALL0(l, "append"), up_type_TypeError);
    CHECK_RAISES(CALL(l, "sort", I(1)), up_type_TypeError);
    // list() constructor
    up_obj_t lt = (up_obj_t)&up_type_list;
    CHECK_REPR(up_call0(lt), "[]");
    CHECK_REPR(up_call1(lt, S("abc")), "['a', 'b', 'c']");
    CHECK_REPR(up_call1(lt, up_range_new(I(0), I(3), I(1))), "[0, 1, 2]");
    up_obj_t orig = INTS(1, 2);
    up_obj_t cp = up_call1(lt, orig);
    CHECK(cp != orig);
    CHECK_REPR(cp, "[1, 2]");
    CHECK_EXC(up_call1(lt, I(1)), up_type_TypeError, "'int' object is not iterable");
    CHECK_EXC(up_call2(lt, I(1), I(2)), up_type_TypeError, "list expected at most 1 argument, got 2");
}

// ---- sort -----------------------------------------------------------------------------

static uint32_t rng = 12345;
static uint32_t rnd(void) {
    rng = rng * 1103515245u + 12345u;
    return (rng >> 16) & 0x7fff;
}

static up_obj_t key_div10(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return I(up_small_value(args[0]) / 10);
}
static const up_builtin_t builtin_key_div10 = {{&up_type_builtin}, "key", 1, 1, 0, key_div10};

static int key_calls;
static up_obj_t key_counting(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    key_calls++;
    return args[0];
}
static const up_builtin_t builtin_key_counting = {{&up_type_builtin}, "key", 1, 1, 0, key_counting};

static up_obj_t key_fail_at_7(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    if (args[0] == I(7)) {
        return up_raise_msg(&up_type_ValueError, "no 7");
    }
    return args[0];
}
static const up_builtin_t builtin_key_fail = {{&up_type_builtin}, "key", 1, 1, 0, key_fail_at_7};

static up_obj_t sorted_list;  // the list being sorted, for the key that touches it
static up_obj_t key_mutating(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    if (args[0] == I(3)) {
        CHECK(up_list_len(sorted_list) == 0);  // looks empty while sorting
    }
    up_list_append(sorted_list, I(99));
    return args[0];
}
static const up_builtin_t builtin_key_mutating = {{&up_type_builtin}, "key", 1, 1, 0, key_mutating};

// Reference: stable insertion sort of values by value/10 (optionally reversed).
static void ref_sort(up_int_t *v, size_t n, bool by_key, bool rev) {
    for (size_t i = 1; i < n; i++) {
        up_int_t x = v[i];
        size_t j = i;
        while (j > 0) {
            up_int_t a = by_key ? x / 10 : x, b = by_key ? v[j - 1] / 10 : v[j - 1];
            if (rev ? !(a > b) : !(a < b)) {
                break;
            }
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

static void test_sort_random(void) {
    static const size_t sizes[] = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 257};
    up_int_t vals[300], ref[300];
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        for (int mode = 0; mode < 8; mode++) {
            size_t n = sizes[si];
            bool by_key = mode & 1, rev = mode & 2, presorted = mode & 4;
            for (size_t i = 0; i < n; i++) {
                vals[i] = presorted ? (up_int_t)(i * 7 % 23 < 20 ? i : n - i) : (up_int_t)(rnd() % 200);
            }
            memcpy(ref, vals, n * sizeof(up_int_t));
            ref_sort(ref, n, by_key, rev);
            up_obj_t l = ints(n, vals);
            CHECK(up_list_sort(l, by_key ? (up_obj_t)&builtin_key_div10 : UP_NONE, rev) == 0);
            bool same = up_list_len(l) == n;
            for (size_t i = 0; same && i < n; i++) {
                same = up_list_get_cint(l, (up_int_t)i) == I(ref[i]);
            }
            CHECK(same);
        }
    }
}

static void test_sort(void) {
    up_obj_t l = INTS(3, 1, 2);
    CHECK(CALL0(l, "sort") == UP_NONE);
    CHECK_REPR(l, "[1, 2, 3]");
    up_obj_t strs[4] = {S("pear"), S("apple"), S("fig"), S("banana")};
    up_obj_t s = up_list_from_items(4, strs);
    CHECK(up_list_sort(s, UP_NONE, false) == 0);
    CHECK_REPR(s, "['apple', 'banana', 'fig', 'pear']");
    const char *kn[2] = {"reverse", "key"};
    up_obj_t kv[2] = {UP_TRUE, (up_obj_t)&builtin_key_div10};
    up_obj_t k = INTS(15, 21, 11, 30, 12, 25, 5);
    CHECK(callkw(k, "sort", 0, NULL, 2, kn, kv) == UP_NONE);
    CHECK_REPR(k, "[30, 21, 25, 15, 11, 12, 5]");  // reverse keeps equal keys in order
    CHECK(callkw(k, "sort", 0, NULL, 1, kn + 1, kv + 1) == UP_NONE);
    CHECK_REPR(k, "[5, 15, 11, 12, 21, 25, 30]");
    const char *bad[1] = {"cmp"};
    CHECK_EXC(callkw(k, "sort", 0, NULL, 1, bad, kv), up_type_TypeError, "'cmp' is an invalid keyword argument for sort()");
    CHECK_EXC(CALL(k, "sort", I(1)), up_type_TypeError, "sort() takes no positional arguments");
    // keys are computed once per item, also for a single item
    key_calls = 0;
    CHECK(up_list_sort(range_list(50), (up_obj_t)&builtin_key_counting, false) == 0);
    CHECK(key_calls == 50);
    key_calls = 0;
    CHECK(up_list_sort(INTS(4), (up_obj_t)&builtin_key_counting, false) == 0);
    CHECK(key_calls == 1);
    // a failing key leaves the list as it was
    up_obj_t f = INTS(9, 8, 7, 6);
    CHECK_EXC_INT(up_list_sort(f, (up_obj_t)&builtin_key_fail, false), up_type_ValueError, "no 7");
    CHECK_REPR(f, "[9, 8, 7, 6]");
    CHECK_EXC_INT(up_list_sort(f, I(3), false), up_type_TypeError, "'int' object is not callable");
    // a failing comparison leaves a permutation, at every position and size
    for (size_t n = 2; n < 40; n += 3) {
        for (size_t pos = 0; pos < n; pos += 2) {
            up_obj_t m = up_list_new(0);
            for (size_t i = 0; i < n; i++) {
                up_list_append(m, i == pos ? S("s") : I((up_int_t)((i * 17) % n)));
            }
            int r = up_list_sort(m, UP_NONE, (n & 1) != 0);
            up_obj_t e = up_exc_fetch();
            CHECK(r < 0 && e != UP_NULL && up_exc_type(e) == &up_type_TypeError);
            // still the same multiset: one 's' and the ints
            size_t strs_seen = 0;
            up_int_t sum = 0;
            for (size_t i = 0; i < up_list_len(m); i++) {
                up_obj_t x = up_list_get_cint(m, (up_int_t)i);
                if (up_is_str(x)) {
                    strs_seen++;
                } else {
                    sum += up_small_value(x);
                }
            }
            up_int_t want = 0;
            for (size_t i = 0; i < n; i++) {
                if (i != pos) {
                    want += (up_int_t)((i * 17) % n);
                }
            }
            CHECK(up_list_len(m) == n && strs_seen == 1 && sum == want);
        }
    }
    up_obj_t mixed[3] = {I(1), S("a"), I(2)};
    CHECK_EXC_INT(up_list_sort(up_list_from_items(3, mixed), UP_NONE, false), up_type_TypeError,
                  "'<' not supported between instances of 'str' and 'int'");
    // changing the list from a key function
    sorted_list = INTS(3, 2, 1);
    CHECK_EXC_INT(up_list_sort(sorted_list, (up_obj_t)&builtin_key_mutating, false), up_type_ValueError,
                  "list modified during sort");
    CHECK_REPR(sorted_list, "[1, 2, 3]");  // sorted; the appended items are gone
    sorted_list = UP_NULL;
    test_sort_random();
}

static void test_iteration(void) {
    up_obj_t l = INTS(1, 2);
    up_obj_t it = up_getiter(l);
    CHECK_STR(up_obj_str((up_obj_t)up_type_of(it)), "<class 'list_iterator'>");
    CHECK(up_getiter(it) == it);
    CHECK(up_iternext(it) == I(1));
    up_list_append(l, I(3));  // seen: the iterator reads the current length
    CHECK(up_iternext(it) == I(2));
    CHECK(up_iternext(it) == I(3));
    CHECK(up_iternext(it) == UP_STOP);
    up_list_append(l, I(4));  // exhausted iterators stay exhausted
    CHECK(up_iternext(it) == UP_STOP);
    up_obj_t out[3];
    CHECK(up_unpack(INTS(1, 2, 3), 3, out) == 0 && out[2] == I(3));
}

static void tests(void) {
    test_basics();
    test_recursive_repr();
    test_subscr();
    test_slice_tables();
    test_assign_tables();
    test_del_tables();
    test_operators();
    test_methods();
    test_sort();
    test_iteration();
}

UP_TEST_MAIN(tests)
