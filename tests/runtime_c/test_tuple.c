// tuple: construction, the ROM empty tuple, indexing, slicing (table from
// CPython 3.11), +, *, comparisons, hash (CPython's values), count, index,
// repr, iteration, tuple().
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

static up_obj_t ints(size_t n, const up_int_t *v) {
    up_obj_t t = up_tuple_new(n);
    for (size_t i = 0; i < n; i++) {
        ((up_tuple_t *)t)->items[i] = I(v[i]);
    }
    return t;
}
#define T(...) ints(sizeof((up_int_t[]){__VA_ARGS__}) / sizeof(up_int_t), (up_int_t[]){__VA_ARGS__})
#define T0 UP_EMPTY_TUPLE

static up_int_t hash_of(up_obj_t o) {
    up_int_t h = 0;
    CHECK(up_hash(o, &h) == 0);
    return h;
}

#define NONE 99
static up_obj_t opt(int v) {
    return v == NONE ? UP_NONE : I(v);
}

struct slice_case {
    int len, step;
    const char *expect;
};
#include "test_tuple_slices.inc"
static const int bounds[] = {NONE, -7, -3, -1, 0, 1, 3, 6, 7};
#define NB (sizeof bounds / sizeof bounds[0])

static void test_slices(void) {
    for (size_t c = 0; c < sizeof slice_cases / sizeof slice_cases[0]; c++) {
        const struct slice_case *k = &slice_cases[c];
        up_obj_t t = up_tuple_new((size_t)k->len);
        for (int i = 0; i < k->len; i++) {
            ((up_tuple_t *)t)->items[i] = I(i);
        }
        up_strbuf_t sb;
        up_strbuf_init(&sb);
        for (size_t i = 0; i < NB; i++) {
            for (size_t j = 0; j < NB; j++) {
                if (i + j > 0) {
                    up_strbuf_addc(&sb, '|');
                }
                up_obj_t r = (i + j) % 2 ? up_tuple_slice(t, opt(bounds[i]), opt(bounds[j]), opt(k->step))
                                         : up_getitem(t, up_slice_new(opt(bounds[i]), opt(bounds[j]), opt(k->step)));
                CHECK(up_is_tuple(r));
                for (size_t q = 0; q < up_tuple_len(r); q++) {
                    up_strbuf_addc(&sb, (char)('0' + up_small_value(up_tuple_item(r, q))));
                }
            }
        }
        CHECK_STR(up_strbuf_finish(&sb), k->expect);
    }
    up_obj_t t = T(1, 2, 3);
    CHECK(up_tuple_slice(t, UP_NONE, UP_NONE, UP_NONE) == t);  // immutable: no copy
    CHECK(up_tuple_slice(t, I(5), UP_NONE, UP_NONE) == UP_EMPTY_TUPLE);
    CHECK_EXC(up_tuple_slice(t, UP_NONE, UP_NONE, I(0)), up_type_ValueError, "slice step cannot be zero");
}

static void test_basics(void) {
    CHECK(up_tuple_new(0) == UP_EMPTY_TUPLE);
    CHECK(up_tuple_from_items(0, NULL) == UP_EMPTY_TUPLE);
    CHECK_REPR(T0, "()");
    CHECK_REPR(T(1), "(1,)");
    CHECK_REPR(T(1, 2), "(1, 2)");
    CHECK_STR(up_tuple_pack2(S("a"), T0), "('a', ())");
    up_obj_t t = T(10, 20, 30);
    CHECK(up_tuple_get_cint(t, -3) == I(10));
    CHECK_EXC(up_tuple_get_cint(t, 3), up_type_IndexError, "tuple index out of range");
    CHECK_EXC(up_tuple_get_cint(t, -4), up_type_IndexError, "tuple index out of range");
    CHECK(up_getitem(t, I(1)) == I(20));
    CHECK(up_getitem(t, UP_FALSE) == I(10));
    CHECK_EXC(up_getitem(t, S("1")), up_type_TypeError, "tuple indices must be integers or slices, not str");
    CHECK_EXC_INT(up_setitem(t, I(0), I(1)), up_type_TypeError, "'tuple' object does not support item assignment");
    CHECK_EXC_INT(up_delitem(t, I(0)), up_type_TypeError, "'tuple' object doesn't support item deletion");
    CHECK(up_len_obj(t) == I(3));
    CHECK(up_truthy(T0) == 0 && up_truthy(T(0)) == 1);
    CHECK(up_contains(t, I(20)) == 1 && up_contains(t, I(21)) == 0);
}

static void test_operators(void) {
    CHECK_REPR(up_binary_op(UP_OP_ADD, T(1), T(2, 3)), "(1, 2, 3)");
    up_obj_t t = T(1);
    CHECK(up_binary_op(UP_OP_ADD, t, T0) == t);
    CHECK(up_binary_op(UP_OP_ADD, T0, t) == t);
    CHECK_EXC(up_binary_op(UP_OP_ADD, t, up_list_new(0)), up_type_TypeError,
              "can only concatenate tuple (not \"list\") to tuple");
    CHECK_REPR(up_binary_op(UP_OP_IADD, t, T(5)), "(1, 5)");
    CHECK_REPR(t, "(1,)");
    CHECK_REPR(up_binary_op(UP_OP_MUL, T(1, 2), I(2)), "(1, 2, 1, 2)");
    CHECK_REPR(up_binary_op(UP_OP_MUL, I(3), t), "(1, 1, 1)");
    CHECK(up_binary_op(UP_OP_MUL, t, I(1)) == t);
    CHECK(up_binary_op(UP_OP_MUL, t, I(0)) == UP_EMPTY_TUPLE);
    CHECK(up_binary_op(UP_OP_MUL, t, I(-5)) == UP_EMPTY_TUPLE);
    CHECK_REPR(up_binary_op(UP_OP_IMUL, t, I(2)), "(1, 1)");
    CHECK_EXC(up_binary_op(UP_OP_MUL, t, t), up_type_TypeError, "can't multiply sequence by non-int of type 'tuple'");
    CHECK(up_compare_bool(UP_OP_LT, T(1, 2), T(1, 2, 3)) == 1);
    CHECK(up_compare_bool(UP_OP_GT, T(2), T(1, 5)) == 1);
    CHECK(up_compare_bool(UP_OP_EQ, T(1, 2), T(1, 2)) == 1);
    CHECK(up_compare_bool(UP_OP_EQ, T0, T0) == 1);
    CHECK(up_compare_bool(UP_OP_NE, T(1), T(2)) == 1);
    CHECK(up_compare_bool(UP_OP_LE, T(1, 2), T(1, 2)) == 1);
    CHECK(up_compare_bool(UP_OP_GE, T(1, 1), T(1, 2)) == 0);
    CHECK_EXC_INT(up_compare_bool(UP_OP_LT, T(1), up_list_new(0)), up_type_TypeError,
                  "'<' not supported between instances of 'tuple' and 'list'");
    up_obj_t a[2] = {S("a"), I(1)}, b[2] = {I(1), I(1)};
    CHECK_EXC_INT(up_compare_bool(UP_OP_LT, up_tuple_from_items(2, a), up_tuple_from_items(2, b)), up_type_TypeError,
                  "'<' not supported between instances of 'str' and 'int'");
}

static void test_hash(void) {
    // Exact CPython 3.11 (64-bit) values where they fit a small int ...
    CHECK(hash_of(T(1, 2)) == -3550055125485641917);
    CHECK(hash_of(T(1, 2, 3)) == 529344067295497451);
    CHECK(hash_of(T(3, 2, 1)) == -925386691174542831);
    up_obj_t inner[2] = {T0, T(1)};
    up_obj_t nested[2] = {I(1), up_tuple_from_items(2, inner)};
    CHECK(hash_of(up_tuple_from_items(2, nested)) == -3466116933397752884);  // nested lanes unfolded
    // ... and CPython's value >> 2 where they don't
    CHECK(hash_of(T0) == 1435088725006518046);
    CHECK(hash_of(T(1)) == -1661053613718400724);
    CHECK(hash_of(T(-1)) == hash_of(T(-2)));  // hash(-1) == hash(-2) in CPython
    up_obj_t bools[2] = {UP_TRUE, UP_FALSE};
    CHECK(hash_of(up_tuple_from_items(2, bools)) == -1291155463153735994);
    CHECK(hash_of(T(1, 2)) == hash_of(T(1, 2)));
    CHECK(up_unary_op(UP_UOP_HASH, T(1, 2)) == I(-3550055125485641917));
    up_obj_t unh[2] = {I(1), up_list_new(0)};
    up_int_t h;
    CHECK_EXC_INT(up_hash(up_tuple_from_items(2, unh), &h), up_type_TypeError, "unhashable type: 'list'");
}

static void test_methods(void) {
    up_obj_t t = T(1, 2, 1, 3, 1);
    CHECK(CALL(t, "count", I(1)) == I(3));
    CHECK(CALL(t, "count", S("1")) == I(0));
    CHECK(CALL(t, "index", I(3)) == I(3));
    CHECK(CALL(t, "index", I(1), I(1)) == I(2));
    CHECK(CALL(t, "index", I(1), I(-1)) == I(4));
    CHECK(CALL(t, "index", I(1), I(-100), I(1)) == I(0));
    CHECK_EXC(CALL(t, "index", I(2), I(2)), up_type_ValueError, "tuple.index(x): x not in tuple");
    CHECK_EXC(CALL(t, "index", I(9)), up_type_ValueError, "tuple.index(x): x not in tuple");
    up_obj_t tt = (up_obj_t)&up_type_tuple;
    CHECK(up_call0(tt) == UP_EMPTY_TUPLE);
    CHECK(up_call1(tt, t) == t);
    CHECK_REPR(up_call1(tt, S("ab")), "('a', 'b')");
    CHECK(up_call1(tt, up_list_new(0)) == UP_EMPTY_TUPLE);
    CHECK_EXC(up_call1(tt, I(5)), up_type_TypeError, "'int' object is not iterable");
    CHECK_EXC(up_call2(tt, I(5), I(6)), up_type_TypeError, "tuple expected at most 1 argument, got 2");
}

static void test_iteration(void) {
    up_obj_t it = up_getiter(T(7, 8));
    CHECK(up_getiter(it) == it);
    CHECK(up_iternext(it) == I(7));
    CHECK(up_iternext(it) == I(8));
    CHECK(up_iternext(it) == UP_STOP);
    CHECK(up_iternext(it) == UP_STOP);
    CHECK(up_iternext(up_getiter(T0)) == UP_STOP);
    CHECK_STR(up_obj_str((up_obj_t)up_type_of(it)), "<class 'tuple_iterator'>");
}

static void tests(void) {
    test_basics();
    test_slices();
    test_operators();
    test_hash();
    test_methods();
    test_iteration();
}

UP_TEST_MAIN(tests)
