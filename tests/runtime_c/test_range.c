// range and slice objects: construction and errors, len, indexing, slicing
// (table from CPython 3.11), in, iteration, ==, hash, repr, attributes,
// count/index; slice objects, slice.indices, up_slice_adjust and
// up_index_value.
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

static up_obj_t R(up_int_t a, up_int_t b, up_int_t c) {
    return up_range_new(I(a), I(b), I(c));
}

static up_obj_t getattr_s(up_obj_t o, const char *name) {
    return up_getattr(o, S(name));
}

#define NONE 99
static up_obj_t opt(int v) {
    return v == NONE ? UP_NONE : I(v);
}

struct range_case {
    int start, stop, step;
    const char *slices;
    const char *items;
};
#include "test_range_slices.inc"
static const int bounds[] = {NONE, -12, -1, 0, 2, 12};
static const int steps[] = {NONE, 1, 2, -1, -3};

static void test_tables(void) {
    for (size_t c = 0; c < sizeof range_cases / sizeof range_cases[0]; c++) {
        const struct range_case *k = &range_cases[c];
        up_obj_t r = R(k->start, k->stop, k->step);
        up_strbuf_t sb;
        up_strbuf_init(&sb);
        bool first = true;
        for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++) {
            for (size_t i = 0; i < sizeof bounds / sizeof bounds[0]; i++) {
                for (size_t j = 0; j < sizeof bounds / sizeof bounds[0]; j++) {
                    if (!first) {
                        up_strbuf_addc(&sb, '|');
                    }
                    first = false;
                    up_obj_t x = up_getitem(r, up_slice_new(opt(bounds[i]), opt(bounds[j]), opt(steps[s])));
                    CHECK(up_type_is(x, &up_type_range));
                    up_obj_t parts[3] = {getattr_s(x, "start"), getattr_s(x, "stop"), getattr_s(x, "step")};
                    for (int q = 0; q < 3; q++) {
                        if (q > 0) {
                            up_strbuf_addc(&sb, ',');
                        }
                        up_print_obj(&sb.base, parts[q], UP_PRINT_STR);
                    }
                }
            }
        }
        CHECK_STR(up_strbuf_finish(&sb), k->slices);
        up_strbuf_init(&sb);
        for (int i = -6; i <= 6; i++) {
            if (i > -6) {
                up_strbuf_addc(&sb, '|');
            }
            up_obj_t x = up_getitem(r, I(i));
            if (x == UP_NULL) {
                up_obj_t e = up_exc_fetch();
                CHECK(up_exc_type(e) == &up_type_IndexError);
                CHECK_STR(e, "range object index out of range");
                up_strbuf_addc(&sb, 'E');
            } else {
                up_print_obj(&sb.base, x, UP_PRINT_STR);
            }
        }
        CHECK_STR(up_strbuf_finish(&sb), k->items);
        // iteration agrees with indexing, and membership with iteration
        up_int_t len;
        CHECK(up_len(r, &len) == 0);
        up_obj_t it = up_getiter(r);
        bool ok = true;
        for (up_int_t i = 0; i < len; i++) {
            up_obj_t x = up_iternext(it);
            ok &= x == up_getitem(r, I(i));
        }
        ok &= up_iternext(it) == UP_STOP && up_iternext(it) == UP_STOP;
        CHECK(ok);
        // reversed() gives the same values backwards
        up_obj_t fwd = up_list_from_iter(r);
        up_obj_t back = up_list_new(0);
        up_obj_t rit = up_range_reversed(r);
        for (up_obj_t x; (x = up_iternext(rit)) != UP_STOP;) {
            up_list_insert_cint(back, 0, x);
        }
        CHECK(up_compare_bool(UP_OP_EQ, fwd, back) == 1);
        for (int v = -12; v <= 12; v++) {
            bool in = false;
            for (up_int_t i = 0; i < len; i++) {
                in |= up_getitem(r, I(i)) == I(v);
            }
            ok &= up_contains(r, I(v)) == in;
        }
        CHECK(ok);
    }
}

static void test_range(void) {
    up_obj_t rt = (up_obj_t)&up_type_range;
    CHECK_REPR(up_call1(rt, I(5)), "range(0, 5)");
    CHECK_REPR(up_call2(rt, I(1), I(5)), "range(1, 5)");
    up_obj_t args3[3] = {I(1), I(10), I(2)};
    CHECK_REPR(up_call(rt, 3, args3, UP_NULL), "range(1, 10, 2)");
    CHECK_STR(up_call1(rt, UP_TRUE), "range(0, 1)");
    CHECK_REPR(R(5, 0, -1), "range(5, 0, -1)");
    up_obj_t zero[3] = {I(1), I(10), I(0)};
    CHECK_EXC(up_call(rt, 3, zero, UP_NULL), up_type_ValueError, "range() arg 3 must not be zero");
    CHECK_EXC(up_range_new(I(0), I(1), I(0)), up_type_ValueError, "range() arg 3 must not be zero");
    CHECK_EXC(up_call1(rt, S("5")), up_type_TypeError, "'str' object cannot be interpreted as an integer");
    CHECK_EXC(up_call0(rt), up_type_TypeError, "range expected at least 1 argument, got 0");
    up_obj_t four[4] = {I(1), I(2), I(3), I(4)};
    CHECK_EXC(up_call(rt, 4, four, UP_NULL), up_type_TypeError, "range expected at most 3 arguments, got 4");
    up_obj_t r = R(0, -10, -3);
    CHECK(up_len_obj(r) == I(4));
    CHECK(up_truthy(r) == 1 && up_truthy(R(0, 0, 1)) == 0 && up_truthy(R(0, 5, -1)) == 0);
    CHECK(up_getitem(r, I(-1)) == I(-9));
    CHECK(up_getitem(r, UP_TRUE) == I(-3));
    CHECK_EXC(up_getitem(r, S("a")), up_type_TypeError, "range indices must be integers or slices, not str");
    CHECK_EXC_INT(up_setitem(r, I(0), I(1)), up_type_TypeError, "'range' object does not support item assignment");
    CHECK_EXC(up_getitem(r, up_slice_new(UP_NONE, UP_NONE, I(0))), up_type_ValueError, "slice step cannot be zero");
    // in: ints in O(1), bools as ints, other values by equality
    CHECK(up_contains(r, I(-6)) == 1 && up_contains(r, I(-7)) == 0 && up_contains(r, I(0)) == 1);
    CHECK(up_contains(r, I(-12)) == 0 && up_contains(r, I(3)) == 0);
    CHECK(up_contains(R(0, 3, 1), UP_TRUE) == 1);
    CHECK(up_contains(R(0, 3, 1), S("1")) == 0);
    CHECK(up_contains(R(0, 3, 1), up_float_new(2.0)) == 1);
    CHECK(up_contains(R(0, 3, 1), up_float_new(2.5)) == 0);
    // ==
    CHECK(up_compare_bool(UP_OP_EQ, R(0, 10, 2), R(0, 9, 2)) == 1);
    CHECK(up_compare_bool(UP_OP_EQ, R(0, 0, 1), R(5, 1, 1)) == 1);
    CHECK(up_compare_bool(UP_OP_EQ, R(1, 2, 3), R(1, 3, 5)) == 1);
    CHECK(up_compare_bool(UP_OP_EQ, R(1, 3, 1), R(1, 3, 2)) == 0);
    CHECK(up_compare_bool(UP_OP_NE, R(1, 3, 1), R(1, 3, 2)) == 1);
    CHECK(up_compare_bool(UP_OP_EQ, R(0, 3, 1), up_list_new(0)) == 0);
    CHECK_EXC_INT(up_compare_bool(UP_OP_LT, R(0, 3, 1), R(0, 3, 1)), up_type_TypeError,
                  "'<' not supported between instances of 'range' and 'range'");
    // equal ranges hash equal
    up_int_t h1, h2;
    CHECK(up_hash(R(0, 10, 2), &h1) == 0 && up_hash(R(0, 9, 2), &h2) == 0 && h1 == h2);
    CHECK(up_hash(R(0, 0, 1), &h1) == 0 && up_hash(R(7, 3, 2), &h2) == 0 && h1 == h2);
    // attributes
    CHECK(getattr_s(r, "start") == I(0) && getattr_s(r, "stop") == I(-10) && getattr_s(r, "step") == I(-3));
    CHECK_EXC_INT(up_setattr(r, S("start"), I(1)), up_type_AttributeError, "readonly attribute");
    CHECK_EXC(getattr_s(r, "nope"), up_type_AttributeError, "'range' object has no attribute 'nope'");
    // count and index
    up_obj_t args[2] = {r, I(-6)};
    CHECK(up_call_method(S("index"), 2, args, UP_NULL) == I(2));
    CHECK(up_call_method(S("count"), 2, args, UP_NULL) == I(1));
    args[1] = I(-5);
    CHECK(up_call_method(S("count"), 2, args, UP_NULL) == I(0));
    CHECK_EXC(up_call_method(S("index"), 2, args, UP_NULL), up_type_ValueError, "-5 is not in range");
    args[1] = up_float_new(-3.0);
    CHECK(up_call_method(S("index"), 2, args, UP_NULL) == I(1));
    args[1] = S("x");
    CHECK_EXC(up_call_method(S("index"), 2, args, UP_NULL), up_type_ValueError, "sequence.index(x): x not in sequence");
    // iteration of a long range allocates only the iterator
    up_obj_t it = up_getiter(R(0, 100000, 1));
    size_t before = up_gc_mem_alloc();
    up_int_t sum = 0;
    for (up_obj_t x; (x = up_iternext(it)) != UP_STOP;) {
        sum += up_small_value(x);
    }
    CHECK(sum == 4999950000 && up_gc_mem_alloc() == before);
    CHECK_STR(up_obj_str((up_obj_t)up_type_of(it)), "<class 'range_iterator'>");
    // extremes of the small-int range
    up_obj_t e = R(UP_SMALL_MAX - 2, UP_SMALL_MAX, 1);
    it = up_getiter(e);
    CHECK(up_iternext(it) == I(UP_SMALL_MAX - 2) && up_iternext(it) == I(UP_SMALL_MAX - 1));
    CHECK(up_iternext(it) == UP_STOP);
    e = R(UP_SMALL_MIN + 1, UP_SMALL_MIN, -1);
    CHECK(up_len_obj(e) == I(1));
    it = up_getiter(e);
    CHECK(up_iternext(it) == I(UP_SMALL_MIN + 1) && up_iternext(it) == UP_STOP);
    CHECK(up_len_obj(R(UP_SMALL_MIN, UP_SMALL_MAX, UP_SMALL_MAX)) == I(3));
}

static void test_slice_objects(void) {
    up_obj_t st = (up_obj_t)&up_type_slice;
    CHECK_REPR(up_call1(st, I(5)), "slice(None, 5, None)");
    CHECK_REPR(up_call2(st, I(1), S("a")), "slice(1, 'a', None)");
    CHECK_EXC(up_call0(st), up_type_TypeError, "slice expected at least 1 argument, got 0");
    up_obj_t s = up_slice_new(I(1), UP_NONE, I(2));
    CHECK(up_is_slice(s) && !up_is_slice(I(1)));
    CHECK(getattr_s(s, "start") == I(1) && getattr_s(s, "stop") == UP_NONE && getattr_s(s, "step") == I(2));
    CHECK_EXC_INT(up_setattr(s, S("stop"), I(1)), up_type_AttributeError, "readonly attribute");
    up_obj_t a[2] = {s, I(10)};
    CHECK_REPR(up_call_method(S("indices"), 2, a, UP_NULL), "(1, 10, 2)");
    a[0] = up_slice_new(UP_NONE, UP_NONE, I(-1));
    a[1] = I(5);
    CHECK_REPR(up_call_method(S("indices"), 2, a, UP_NULL), "(4, -1, -1)");
    a[0] = up_slice_new(I(-100), I(100), UP_NONE);
    a[1] = I(7);
    CHECK_REPR(up_call_method(S("indices"), 2, a, UP_NULL), "(0, 7, 1)");
    a[1] = I(-1);
    CHECK_EXC(up_call_method(S("indices"), 2, a, UP_NULL), up_type_ValueError, "length should not be negative");
    CHECK(up_compare_bool(UP_OP_EQ, up_slice_new(I(1), I(2), UP_NONE), up_slice_new(I(1), I(2), UP_NONE)) == 1);
    CHECK(up_compare_bool(UP_OP_LT, up_slice_new(I(1), I(2), UP_NONE), up_slice_new(I(1), I(3), UP_NONE)) == 1);
    up_int_t h;
    CHECK_EXC_INT(up_hash(s, &h), up_type_TypeError, "unhashable type: 'slice'");

    up_int_t b, e, st2, n;
    CHECK(up_slice_adjust(UP_NONE, UP_NONE, UP_NONE, 5, &b, &e, &st2, &n) == 0);
    CHECK(b == 0 && e == 5 && st2 == 1 && n == 5);
    CHECK(up_slice_adjust(UP_NONE, UP_NONE, I(-2), 5, &b, &e, &st2, &n) == 0);
    CHECK(b == 4 && e == -1 && st2 == -2 && n == 3);
    CHECK(up_slice_adjust(I(-100), I(100), I(3), 10, &b, &e, &st2, &n) == 0);
    CHECK(b == 0 && e == 10 && n == 4);
    CHECK(up_slice_adjust(I(8), I(2), UP_NONE, 10, &b, &e, &st2, &n) == 0);
    CHECK(b == 8 && e == 2 && n == 0);
    CHECK(up_slice_adjust(UP_TRUE, UP_NONE, UP_NONE, 3, &b, &e, &st2, &n) == 0 && b == 1 && n == 2);
    CHECK_EXC_INT(up_slice_adjust(UP_NONE, up_float_new(1.0), UP_NONE, 3, &b, &e, &st2, &n), up_type_TypeError,
                  "slice indices must be integers or None or have an __index__ method");
    CHECK(up_slice_indices(up_slice_new(I(-2), UP_NONE, UP_NONE), 5, &b, &e, &st2, &n) == 0 && b == 3 && n == 2);

    up_int_t v;
    CHECK(up_index_value(I(-7), &v) == 0 && v == -7);
    CHECK(up_index_value(UP_TRUE, &v) == 0 && v == 1);
    CHECK_EXC_INT(up_index_value(S("x"), &v), up_type_TypeError, "'str' object cannot be interpreted as an integer");
    CHECK(up_repeat_count(I(-3), &v) == 0 && v == 0);
    CHECK_EXC_INT(up_repeat_count(up_float_new(1.0), &v), up_type_TypeError,
                  "can't multiply sequence by non-int of type 'float'");
}

static up_obj_t BIG(const char *digits) {
    return up_int_from_str(digits, strlen(digits), 10);
}

static void test_big(void) {
    up_obj_t e20 = BIG("100000000000000000000");
    up_obj_t r = up_call1((up_obj_t)&up_type_range, e20);
    CHECK_REPR(r, "range(0, 100000000000000000000)");
    CHECK_EXC(up_len_obj(r), up_type_OverflowError, "Python int too large to convert to C ssize_t");
    CHECK(up_truthy(r) == 1);
    CHECK_REPR(up_getitem(r, I(-1)), "99999999999999999999");
    CHECK_REPR(up_getitem(r, BIG("10000000000000000000")), "10000000000000000000");
    CHECK_EXC(up_getitem(r, e20), up_type_IndexError, "range object index out of range");
    CHECK_REPR(up_getitem(r, up_slice_new(I(5), BIG("10000000000000000000"), I(3))),
               "range(5, 10000000000000000000, 3)");
    CHECK_REPR(up_getitem(r, up_slice_new(UP_NONE, UP_NONE, I(-1))), "range(99999999999999999999, -1, -1)");
    CHECK(up_contains(r, BIG("10000000000000000000")) == 1);
    CHECK(up_contains(r, e20) == 0 && up_contains(r, I(-1)) == 0);
    up_obj_t a[2] = {r, BIG("12345678901234567890")};
    CHECK_REPR(up_call_method(S("index"), 2, a, UP_NULL), "12345678901234567890");
    CHECK(up_compare_bool(UP_OP_EQ, r, up_range_new(I(0), e20, I(1))) == 1);
    CHECK(up_truthy(up_range_new(e20, e20, I(1))) == 0);
    // iteration across the end of the small ints
    up_obj_t lo = BIG("4611686018427387902"), hi = BIG("4611686018427387906");
    up_obj_t b = up_range_new(lo, hi, I(1));
    CHECK(up_len_obj(b) == I(4));
    CHECK_REPR(up_list_from_iter(b),
               "[4611686018427387902, 4611686018427387903, 4611686018427387904, 4611686018427387905]");
    CHECK_REPR(up_getitem(b, I(-1)), "4611686018427387905");
    up_obj_t c = up_range_new(BIG("-4611686018427387905"), BIG("-4611686018427387901"), I(2));
    CHECK_REPR(up_list_from_iter(c), "[-4611686018427387905, -4611686018427387903]");
    up_obj_t e19 = BIG("10000000000000000000");
    CHECK_REPR(up_getitem(up_range_new(I(0), e20, e19), up_slice_new(I(3), I(-2), UP_NONE)),
               "range(30000000000000000000, 80000000000000000000, 10000000000000000000)");
    CHECK_REPR(up_list_from_iter(up_range_new(I(0), e20, BIG("30000000000000000000"))),
               "[0, 30000000000000000000, 60000000000000000000, 90000000000000000000]");
    up_obj_t down = up_range_new(e20, I(0), up_int_neg(e19));
    CHECK_REPR(up_list_from_iter(up_range_reversed(up_range_new(I(0), e20, BIG("30000000000000000000")))),
               "[90000000000000000000, 60000000000000000000, 30000000000000000000, 0]");
    CHECK_REPR(up_getitem(down, up_slice_new(UP_NONE, UP_NONE, I(-2))),
               "range(10000000000000000000, 110000000000000000000, 20000000000000000000)");
    up_obj_t wide = up_range_new(I(0), BIG("9223372036854775808"), BIG("2305843009213693952"));
    CHECK(up_contains(wide, BIG("4611686018427387904")) == 1);
    CHECK(up_contains(wide, BIG("4611686018427387905")) == 0);
    // big slice bounds clamp; big indices don't fit
    up_int_t v;
    CHECK_EXC_INT(up_index_value(e20, &v), up_type_IndexError, "cannot fit 'int' into an index-sized integer");
    CHECK_EXC_INT(up_repeat_count(e20, &v), up_type_OverflowError, "cannot fit 'int' into an index-sized integer");
    CHECK_EXC_INT(up_repeat_count(up_int_neg(e20), &v), up_type_OverflowError,
                  "cannot fit 'int' into an index-sized integer");
}

static void tests(void) {
    test_big();
    test_tables();
    test_range();
    test_slice_objects();
}

UP_TEST_MAIN(tests)
