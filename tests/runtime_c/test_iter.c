// The builtin iterator types: enumerate, zip, map, filter, reversed (and
// iter(callable, sentinel) in test_builtins.c). Expected values from
// python3.11.
#include "test_builtins_util.h"

#define LIST(it) up_list_from_iter(it)

// class Seq: __len__ -> 3, __getitem__(i) -> i * 10 (IndexError past 2)
static up_obj_t seq_len(size_t n, const up_obj_t *args, up_obj_t kw) {
    (void)n, (void)args, (void)kw;
    return I(3);
}
static up_obj_t seq_getitem(size_t n, const up_obj_t *args, up_obj_t kw) {
    (void)n, (void)kw;
    up_int_t i = up_small_value(args[1]);
    if (i < 0 || i > 2) {
        return up_raise_msg(&up_type_IndexError, "Seq index out of range");
    }
    return I(i * 10);
}
METHOD(b_seq_len, seq_len, 1, 1)
METHOD(b_seq_getitem, seq_getitem, 2, 2)
static const up_method_t seq_entries[] = {
    {UP_Q(__len__), (up_obj_t)&b_seq_len},
    {UP_Q(__getitem__), (up_obj_t)&b_seq_getitem},
};
static const up_methods_t seq_methods = {2, seq_entries};
USER_CLASS(type_Seq, "Seq", &seq_methods)

// class Rev: __reversed__ -> 'custom', __getitem__ (but no __len__)
UP_ROM_STR(static, name_reversed, "__reversed__");
static up_obj_t rev_reversed(size_t n, const up_obj_t *args, up_obj_t kw) {
    (void)n, (void)args, (void)kw;
    return S("custom");
}
METHOD(b_rev_reversed, rev_reversed, 1, 1)
static const up_method_t rev_entries[] = {
    {(up_obj_t)&name_reversed, (up_obj_t)&b_rev_reversed},
    {UP_Q(__getitem__), (up_obj_t)&b_seq_getitem},
};
static const up_methods_t rev_methods = {2, rev_entries};
USER_CLASS(type_Rev, "Rev", &rev_methods)

// class Half: __getitem__ only (iterable by index; reversed() needs len())
static const up_method_t half_entries[] = {
    {UP_Q(__getitem__), (up_obj_t)&b_seq_getitem},
};
static const up_methods_t half_methods = {1, half_entries};
USER_CLASS(type_Half, "Half", &half_methods)

static up_obj_t big(const char *digits) {
    return up_int_from_str(digits, strlen(digits), 10);
}

static void test_enumerate(void) {
    up_obj_t e = (up_obj_t)&up_type_enumerate;
    CHECK_REPR(LIST(CALLOBJ(e, S("ab"))), "[(0, 'a'), (1, 'b')]");
    CHECK_REPR(LIST(CALLOBJ(e, S("ab"), I(-1))), "[(-1, 'a'), (0, 'b')]");
    CHECK_REPR(LIST(CALLOBJKW(e, KW(S("start")), S("ab"), I(5))), "[(5, 'a'), (6, 'b')]");
    CHECK_REPR(LIST(CALLOBJKW(e, KW(S("iterable"), S("start")), S("ab"), I(5))), "[(5, 'a'), (6, 'b')]");
    CHECK_REPR(LIST(CALLOBJ(e, S("ab"), UP_TRUE)), "[(1, 'a'), (2, 'b')]");
    CHECK_REPR(LIST(CALLOBJ(e, S("ab"), big("1180591620717411303424"))),
               "[(1180591620717411303424, 'a'), (1180591620717411303425, 'b')]");
    CHECK_REPR(LIST(CALLOBJ(e, S("abc"), I(UP_SMALL_MAX))),
               UP_WORD_BITS == 64
                   ? "[(4611686018427387903, 'a'), (4611686018427387904, 'b'), (4611686018427387905, 'c')]"
                   : "[(1073741823, 'a'), (1073741824, 'b'), (1073741825, 'c')]");
    CHECK_REPR(LIST(CALLOBJ(e, EMPTY_LIST())), "[]");
    CHECK_REPR(LIST(up_enumerate_new(L(S("x")), UP_NULL)), "[(0, 'x')]");
    CHECK_REPR(LIST(up_enumerate_new(L(S("x")), I(7))), "[(7, 'x')]");
    up_obj_t it = CALLOBJ(e, L(I(1)));
    CHECK(up_getiter(it) == it);
    CHECK_REPR(up_iternext(it), "(0, 1)");
    CHECK(up_iternext(it) == UP_STOP);
    CHECK(up_iternext(it) == UP_STOP);
    CHECK(strncmp(up_test_render(it, UP_PRINT_REPR), "<enumerate object at 0x", 23) == 0);
    CHECK_ERR(CALLOBJ(e, I(1)), up_type_TypeError, "'int' object is not iterable");
    CHECK_ERR(CALLOBJ(e, EMPTY_LIST(), S("a")), up_type_TypeError, "'str' object cannot be interpreted as an integer");
    CHECK_ERR(CALLOBJ(e, EMPTY_LIST(), F(1.5)), up_type_TypeError, "'float' object cannot be interpreted as an integer");
    CHECK_ERR(up_call(e, 0, NULL, UP_NULL), up_type_TypeError, "enumerate() missing required argument 'iterable'");
    CHECK_ERR(CALLOBJ(e, EMPTY_LIST(), I(1), I(2)), up_type_TypeError, "enumerate() takes at most 2 arguments (3 given)");
    CHECK_ERR(CALLOBJKW(e, KW(S("zz")), EMPTY_LIST(), I(1)), up_type_TypeError,
              "'zz' is an invalid keyword argument for enumerate()");
}

static void test_zip(void) {
    up_obj_t z = (up_obj_t)&up_type_zip;
    CHECK_REPR(LIST(up_call(z, 0, NULL, UP_NULL)), "[]");
    CHECK_REPR(LIST(CALLOBJ(z, S("ab"))), "[('a',), ('b',)]");
    CHECK_REPR(LIST(CALLOBJ(z, S("ab"), L(I(1), I(2), I(3)))), "[('a', 1), ('b', 2)]");
    CHECK_REPR(LIST(CALLOBJ(z, L(I(1), I(2), I(3)), S("ab"), T(UP_NONE, UP_TRUE))), "[(1, 'a', None), (2, 'b', True)]");
    CHECK_REPR(LIST(CALLOBJ(z, EMPTY_LIST(), S("ab"))), "[]");
    CHECK_REPR(LIST(CALLOBJKW(z, KW(S("strict")), S("ab"), S("cd"), UP_TRUE)), "[('a', 'c'), ('b', 'd')]");
    CHECK_REPR(LIST(CALLOBJKW(z, KW(S("strict")), S("abc"), S("d"), UP_FALSE)), "[('a', 'd')]");
    CHECK_ERR(LIST(CALLOBJKW(z, KW(S("strict")), S("ab"), S("c"), UP_TRUE)), up_type_ValueError,
              "zip() argument 2 is shorter than argument 1");
    CHECK_ERR(LIST(CALLOBJKW(z, KW(S("strict")), S("a"), S("bc"), UP_TRUE)), up_type_ValueError,
              "zip() argument 2 is longer than argument 1");
    CHECK_ERR(LIST(CALLOBJKW(z, KW(S("strict")), S("ab"), S("cd"), S("e"), UP_TRUE)), up_type_ValueError,
              "zip() argument 3 is shorter than arguments 1-2");
    CHECK_ERR(LIST(CALLOBJKW(z, KW(S("strict")), S("a"), S("b"), S("cd"), UP_TRUE)), up_type_ValueError,
              "zip() argument 3 is longer than arguments 1-2");
    // the first iterator is consumed one past the shortest, as in CPython
    up_obj_t it = up_getiter(L(I(1), I(2), I(3)));
    CHECK_REPR(LIST(CALLOBJ(z, it, S("a"))), "[(1, 'a')]");
    CHECK_REPR(LIST(it), "[3]");
    CHECK_ERR(CALLOBJ(z, I(1)), up_type_TypeError, "'int' object is not iterable");
    CHECK_ERR(CALLOBJ(z, EMPTY_LIST(), I(1)), up_type_TypeError, "'int' object is not iterable");
    CHECK_ERR(CALLOBJKW(z, KW(S("x")), I(1)), up_type_TypeError, "'x' is an invalid keyword argument for zip()");
}

static void test_map_filter(void) {
    up_obj_t m = (up_obj_t)&up_type_map, f = (up_obj_t)&up_type_filter;
    CHECK_REPR(LIST(CALLOBJ(m, (up_obj_t)&up_builtin_abs, L(I(-1), I(2), I(-3)))), "[1, 2, 3]");
    CHECK_REPR(LIST(CALLOBJ(m, (up_obj_t)&up_builtin_pow, L(I(1), I(2)), L(I(3), I(4), I(5)))), "[1, 16]");
    CHECK_REPR(LIST(CALLOBJ(m, (up_obj_t)&up_builtin_pow, L(I(2), I(3)), L(I(3), I(2)), L(I(5), I(7), I(9)))),
               "[3, 2]");
    // more iterables than the stack buffer holds
    up_obj_t ten[11] = {(up_obj_t)&up_builtin_max};
    for (int i = 1; i <= 10; i++) {
        ten[i] = L(I(i), I(-i));
    }
    CHECK_REPR(LIST(up_call(m, 11, ten, UP_NULL)), "[10, -1]");
    CHECK_REPR(LIST(CALLOBJ(m, (up_obj_t)&up_type_str, S(""))), "[]");
    CHECK_REPR(LIST(CALLOBJ(m, (up_obj_t)&up_type_str, L(I(1), UP_NONE))), "['1', 'None']");
    CHECK_ERR(LIST(CALLOBJ(m, (up_obj_t)&up_builtin_len, L(S("ab"), I(1)))), up_type_TypeError,
              "object of type 'int' has no len()");
    CHECK_ERR(LIST(CALLOBJ(m, I(1), L(I(1)))), up_type_TypeError, "'int' object is not callable");
    CHECK_ERR(up_call(m, 0, NULL, UP_NULL), up_type_TypeError, "map() must have at least two arguments.");
    CHECK_ERR(CALLOBJ(m, (up_obj_t)&up_builtin_len), up_type_TypeError, "map() must have at least two arguments.");
    CHECK_ERR(CALLOBJ(m, (up_obj_t)&up_builtin_len, I(1)), up_type_TypeError, "'int' object is not iterable");
    CHECK_ERR(CALLOBJKW(m, KW(S("zz")), (up_obj_t)&up_builtin_len, EMPTY_LIST(), I(1)), up_type_TypeError,
              "map() takes no keyword arguments");

    CHECK_REPR(LIST(CALLOBJ(f, UP_NONE, L(I(0), I(1), S(""), S("a"), UP_NONE, F(0.5)))), "[1, 'a', 0.5]");
    CHECK_REPR(LIST(CALLOBJ(f, (up_obj_t)&up_builtin_len, L(S("ab"), S(""), EMPTY_LIST(), L(I(0))))), "['ab', [0]]");
    CHECK_REPR(LIST(CALLOBJ(f, (up_obj_t)&up_type_bool, EMPTY_LIST())), "[]");
    CHECK_ERR(LIST(CALLOBJ(f, (up_obj_t)&up_builtin_len, L(I(1)))), up_type_TypeError,
              "object of type 'int' has no len()");
    CHECK_ERR(CALLOBJ(f, UP_NONE), up_type_TypeError, "filter expected 2 arguments, got 1");
    CHECK_ERR(CALLOBJ(f, UP_NONE, I(1)), up_type_TypeError, "'int' object is not iterable");
    CHECK_ERR(CALLOBJKW(f, KW(S("zz")), UP_NONE, EMPTY_LIST(), I(1)), up_type_TypeError,
              "filter() takes no keyword arguments");
}

static void test_reversed(void) {
    up_obj_t r = (up_obj_t)&up_type_reversed;
    CHECK_REPR(LIST(CALLOBJ(r, L(I(1), I(2), I(3)))), "[3, 2, 1]");
    CHECK_REPR(LIST(CALLOBJ(r, T(I(1), S("x")))), "['x', 1]");
    CHECK_REPR(LIST(CALLOBJ(r, T())), "[]");
    CHECK_REPR(LIST(CALLOBJ(r, S("h\xc3\xa9llo\xf0\x9f\x98\x80"))), "['\xf0\x9f\x98\x80', 'o', 'l', 'l', '\xc3\xa9', 'h']");
    CHECK_REPR(LIST(CALLOBJ(r, S(""))), "[]");
    CHECK_REPR(LIST(CALLOBJ(r, up_range_new(I(0), I(5), I(1)))), "[4, 3, 2, 1, 0]");
    CHECK_REPR(LIST(CALLOBJ(r, up_range_new(I(10), I(0), I(-3)))), "[1, 4, 7, 10]");
    CHECK_REPR(LIST(CALLOBJ(r, up_bytes_new("ab", 2))), "[98, 97]");
    up_obj_t d = up_dict_new();
    up_dict_setitem(d, I(1), I(2));
    up_dict_setitem(d, I(3), I(4));
    CHECK_REPR(LIST(CALLOBJ(r, d)), "[3, 1]");
    up_obj_t seq = up_call((up_obj_t)&type_Seq, 0, NULL, UP_NULL);
    CHECK_REPR(LIST(CALLOBJ(r, seq)), "[20, 10, 0]");
    up_obj_t rev = up_call((up_obj_t)&type_Rev, 0, NULL, UP_NULL);
    CHECK_REPR(CALLOBJ(r, rev), "'custom'");

    // A list that shrinks while reversed ends the iteration.
    up_obj_t l = L(I(1), I(2), I(3), I(4));
    up_obj_t it = CALLOBJ(r, l);
    CHECK_REPR(up_iternext(it), "4");
    CHECK(up_list_pop_cint(l, -1) != UP_NULL);
    CHECK(up_list_pop_cint(l, -1) != UP_NULL);
    CHECK(up_iternext(it) == UP_STOP);
    CHECK(up_iternext(it) == UP_STOP);
    CHECK(up_getiter(it) == it);

    CHECK_ERR(CALLOBJ(r, I(1)), up_type_TypeError, "'int' object is not reversible");
    CHECK_ERR(CALLOBJ(r, up_set_new()), up_type_TypeError, "'set' object is not reversible");
    CHECK_ERR(CALLOBJ(r, up_getiter(L(I(1)))), up_type_TypeError, "'list_iterator' object is not reversible");
    CHECK_ERR(CALLOBJ(r, up_call((up_obj_t)&type_Half, 0, NULL, UP_NULL)), up_type_TypeError,
              "object of type 'Half' has no len()");
    CHECK_ERR(up_call(r, 0, NULL, UP_NULL), up_type_TypeError, "reversed expected 1 argument, got 0");
    CHECK_ERR(CALLOBJKW(r, KW(S("zz")), EMPTY_LIST(), I(1)), up_type_TypeError, "reversed() takes no keyword arguments");
}

static void test_callable(void) {
    CHECK(up_callable((up_obj_t)&up_builtin_len));
    CHECK(up_callable((up_obj_t)&up_type_zip));
    CHECK(!up_callable(S("f")));
    CHECK(!up_callable(up_call((up_obj_t)&type_Seq, 0, NULL, UP_NULL)));
}

static void tests(void) {
    test_enumerate();
    test_zip();
    test_map_filter();
    test_reversed();
    test_callable();
}

UP_TEST_MAIN(tests)
