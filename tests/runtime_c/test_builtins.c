// The builtin functions: results and error messages as CPython 3.11 gives
// them (expected values generated with python3.11).
#include "test_builtins_util.h"

// ---- user classes used below --------------------------------------------------------

// class Num: __abs__ -> 'abs!', __index__ -> 10, __call__(*a) -> len(a), __float__ -> 2.5
static up_obj_t num_abs(size_t n, const up_obj_t *args, up_obj_t kw) {
    (void)n, (void)args, (void)kw;
    return S("abs!");
}
static up_obj_t num_index(size_t n, const up_obj_t *args, up_obj_t kw) {
    (void)n, (void)args, (void)kw;
    return I(10);
}
static up_obj_t num_call(size_t n, const up_obj_t *args, up_obj_t kw) {
    (void)args, (void)kw;
    return I((up_int_t)n - 1);
}
METHOD(b_num_abs, num_abs, 1, 1)
METHOD(b_num_index, num_index, 1, 1)
METHOD(b_num_call, num_call, 1, 255)
static const up_method_t num_entries[] = {
    {UP_Q(__abs__), (up_obj_t)&b_num_abs},
    {UP_Q(__index__), (up_obj_t)&b_num_index},
    {UP_Q(__call__), (up_obj_t)&b_num_call},
};
static const up_methods_t num_methods = {3, num_entries};
USER_CLASS(type_Num, "Num", &num_methods)

// class Plain: nothing special
static const up_methods_t plain_methods = {0, NULL};
USER_CLASS(type_Plain, "Plain", &plain_methods)

// class Writer: write(s) appends s to self.out (a list in the instance dict)
UP_ROM_STR(static, name_out, "out");
UP_ROM_STR(static, name_write, "write");
static up_obj_t writer_write(size_t n, const up_obj_t *args, up_obj_t kw) {
    (void)n, (void)kw;
    up_obj_t out = up_getattr(args[0], (up_obj_t)&name_out);
    if (out == UP_NULL || up_list_append(out, args[1]) < 0) {
        return UP_NULL;
    }
    return up_small((up_int_t)up_str_len(args[1]));
}
METHOD(b_writer_write, writer_write, 2, 2)
static const up_method_t writer_entries[] = {
    {(up_obj_t)&name_write, (up_obj_t)&b_writer_write},
};
static const up_methods_t writer_methods = {1, writer_entries};
USER_CLASS(type_Writer, "Writer", &writer_methods)

// class Stopper: __call__ raises StopIteration
static up_obj_t stopper_call(size_t n, const up_obj_t *args, up_obj_t kw) {
    (void)n, (void)args, (void)kw;
    return up_raise((up_obj_t)&up_type_StopIteration);
}
METHOD(b_stopper_call, stopper_call, 1, 1)
static const up_method_t stopper_entries[] = {
    {UP_Q(__call__), (up_obj_t)&b_stopper_call},
};
static const up_methods_t stopper_methods = {1, stopper_entries};
USER_CLASS(type_Stopper, "Stopper", &stopper_methods)

static up_obj_t new_instance(const up_type_t *t) {
    return up_call((up_obj_t)t, 0, NULL, UP_NULL);
}

// ---- the tests ------------------------------------------------------------------------

static void test_abs_all_any(void) {
    CHECK_REPR(CALL(up_bi_abs, I(-5)), "5");
    CHECK_REPR(CALL(up_bi_abs, I(7)), "7");
    CHECK_REPR(CALL(up_bi_abs, up_small(UP_SMALL_MIN)), UP_WORD_BITS == 64 ? "4611686018427387904" : "1073741824");
    CHECK_REPR(CALL(up_bi_abs, F(-2.5)), "2.5");
    CHECK_REPR(CALL(up_bi_abs, UP_TRUE), "1");
    CHECK_REPR(CALL(up_bi_abs, new_instance(&type_Num)), "'abs!'");
    CHECK_ERR(CALL(up_bi_abs, S("a")), up_type_TypeError, "bad operand type for abs(): 'str'");
    CHECK_ERR(CALL0(up_bi_abs), up_type_TypeError, "abs() takes exactly one argument (0 given)");
    CHECK_ERR(CALL(up_bi_abs, I(1), I(2)), up_type_TypeError, "abs() takes exactly one argument (2 given)");
    CHECK_ERR(CALLKW(up_bi_abs, KW(S("x")), I(1)), up_type_TypeError, "abs() takes no keyword arguments");

    CHECK(CALL(up_bi_all, L(I(1), S("a"), UP_TRUE)) == UP_TRUE);
    CHECK(CALL(up_bi_all, L(I(1), I(0), UP_TRUE)) == UP_FALSE);
    CHECK(CALL(up_bi_all, EMPTY_LIST()) == UP_TRUE);
    CHECK(CALL(up_bi_any, L(I(0), S(""), UP_NONE)) == UP_FALSE);
    CHECK(CALL(up_bi_any, L(I(0), S("x"))) == UP_TRUE);
    CHECK(CALL(up_bi_any, EMPTY_LIST()) == UP_FALSE);
    CHECK(CALL(up_bi_any, S("ab")) == UP_TRUE);
    CHECK_ERR(CALL(up_bi_all, I(1)), up_type_TypeError, "'int' object is not iterable");
    CHECK_ERR(CALL(up_bi_any, I(1)), up_type_TypeError, "'int' object is not iterable");
    CHECK_ERR(CALL0(up_bi_all), up_type_TypeError, "all() takes exactly one argument (0 given)");
}

static void test_text(void) {
    CHECK_REPR(CALL(up_bi_ascii, S("h\xc3\xa9\xe2\x82\xac")), "\"'h\\\\xe9\\\\u20ac'\"");
    CHECK_STR(CALL(up_bi_ascii, L(S("\xc3\xa9"))), "['\\xe9']");
    CHECK_REPR(CALL(up_bi_repr, S("a'b")), "'\"a\\'b\"'");
    CHECK_STR(CALL(up_bi_repr, L(I(1), S("x"))), "[1, 'x']");

    CHECK_STR(CALL(up_bi_bin, I(10)), "0b1010");
    CHECK_STR(CALL(up_bi_bin, I(-5)), "-0b101");
    CHECK_STR(CALL(up_bi_bin, UP_TRUE), "0b1");
    CHECK_STR(CALL(up_bi_oct, I(8)), "0o10");
    CHECK_STR(CALL(up_bi_hex, I(-255)), "-0xff");
    CHECK_STR(CALL(up_bi_hex, I(0)), "0x0");
    CHECK_STR(CALL(up_bi_hex, up_int_from_str("1180591620717411303424", 22, 10)), "0x400000000000000000");
    CHECK_STR(CALL(up_bi_hex, new_instance(&type_Num)), "0xa");
    CHECK_ERR(CALL(up_bi_hex, F(1.5)), up_type_TypeError, "'float' object cannot be interpreted as an integer");
    CHECK_ERR(CALL(up_bi_bin, S("a")), up_type_TypeError, "'str' object cannot be interpreted as an integer");
    CHECK_ERR(CALL(up_bi_oct, UP_NONE), up_type_TypeError, "'NoneType' object cannot be interpreted as an integer");
    CHECK_ERR(CALL0(up_bi_hex), up_type_TypeError, "hex() takes exactly one argument (0 given)");

    CHECK_STR(CALL(up_bi_chr, I(65)), "A");
    CHECK_STR(CALL(up_bi_chr, I(233)), "\xc3\xa9");
    CHECK_STR(CALL(up_bi_chr, I(0x1F600)), "\xf0\x9f\x98\x80");
    CHECK_REPR(CALL(up_bi_chr, UP_TRUE), "'\\x01'");
    CHECK_ERR(CALL(up_bi_chr, I(-1)), up_type_ValueError, "chr() arg not in range(0x110000)");
    CHECK_ERR(CALL(up_bi_chr, I(0x110000)), up_type_ValueError, "chr() arg not in range(0x110000)");
    CHECK_ERR(CALL(up_bi_chr, I((up_int_t)1 << 30)), up_type_ValueError, "chr() arg not in range(0x110000)");
    CHECK_ERR(CALL(up_bi_chr, up_int_from_str("1180591620717411303424", 22, 10)), up_type_OverflowError,
              "Python int too large to convert to C int");
    CHECK_ERR(CALL(up_bi_chr, F(1.5)), up_type_TypeError, "'float' object cannot be interpreted as an integer");
    CHECK_ERR(CALL(up_bi_chr, S("a")), up_type_TypeError, "'str' object cannot be interpreted as an integer");

    CHECK_REPR(CALL(up_bi_ord, S("A")), "65");
    CHECK_REPR(CALL(up_bi_ord, S("\xc3\xa9")), "233");
    CHECK_REPR(CALL(up_bi_ord, S("\xe2\x82\xac")), "8364");
    CHECK_REPR(CALL(up_bi_ord, S("\xf0\x9f\x98\x80")), "128512");
    CHECK_REPR(CALL(up_bi_ord, up_bytes_new("\xff", 1)), "255");
    CHECK_ERR(CALL(up_bi_ord, S("ab")), up_type_TypeError, "ord() expected a character, but string of length 2 found");
    CHECK_ERR(CALL(up_bi_ord, S("")), up_type_TypeError, "ord() expected a character, but string of length 0 found");
    CHECK_ERR(CALL(up_bi_ord, up_bytes_new("ab", 2)), up_type_TypeError,
              "ord() expected a character, but string of length 2 found");
    CHECK_ERR(CALL(up_bi_ord, I(1)), up_type_TypeError, "ord() expected string of length 1, but int found");

    CHECK_STR(CALL(up_bi_format, I(255), S("x")), "ff");
    CHECK_STR(CALL(up_bi_format, I(42)), "42");
    CHECK_STR(CALL(up_bi_format, S("ab"), S(">4")), "  ab");
    CHECK_ERR(CALL(up_bi_format, I(1), I(2)), up_type_TypeError, "format() argument 2 must be str, not int");
    CHECK_ERR(CALL0(up_bi_format), up_type_TypeError, "format expected at least 1 argument, got 0");
    CHECK_ERR(CALL(up_bi_format, I(1), I(1), I(1)), up_type_TypeError, "format expected at most 2 arguments, got 3");
}

static void test_callable_hash_id_len(void) {
    CHECK(CALL(up_bi_callable, (up_obj_t)&up_builtin_len) == UP_TRUE);
    CHECK(CALL(up_bi_callable, I(1)) == UP_FALSE);
    CHECK(CALL(up_bi_callable, (up_obj_t)&up_type_int) == UP_TRUE);
    CHECK(CALL(up_bi_callable, new_instance(&type_Num)) == UP_TRUE);
    CHECK(CALL(up_bi_callable, new_instance(&type_Plain)) == UP_FALSE);
    CHECK(CALL(up_bi_callable, (up_obj_t)&type_Plain) == UP_TRUE);
    CHECK_ERR(CALL0(up_bi_callable), up_type_TypeError, "callable() takes exactly one argument (0 given)");

    CHECK_REPR(CALL(up_bi_hash, I(1)), "1");
    CHECK_REPR(CALL(up_bi_hash, I(-1)), "-2");
    CHECK(up_eq(CALL(up_bi_hash, S("abc")), CALL(up_bi_hash, S("abc"))) == 1);
    CHECK_ERR(CALL(up_bi_hash, EMPTY_LIST()), up_type_TypeError, "unhashable type: 'list'");

    up_obj_t l = EMPTY_LIST();
    CHECK(up_eq(CALL(up_bi_id, l), CALL(up_bi_id, l)) == 1);
    CHECK(up_eq(CALL(up_bi_id, l), CALL(up_bi_id, EMPTY_LIST())) == 0);
    CHECK(up_is_int(CALL(up_bi_id, UP_NONE)));

    CHECK_REPR(CALL(up_bi_len, S("h\xc3\xa9")), "2");
    CHECK_REPR(CALL(up_bi_len, L(I(1), I(2), I(3))), "3");
    CHECK_ERR(CALL(up_bi_len, I(1)), up_type_TypeError, "object of type 'int' has no len()");
    CHECK_ERR(CALL0(up_bi_len), up_type_TypeError, "len() takes exactly one argument (0 given)");
}

static void test_attrs(void) {
    up_obj_t p = new_instance(&type_Plain);
    up_obj_t name = S("color");
    CHECK(CALL(up_bi_hasattr, p, name) == UP_FALSE);
    CHECK(CALL(up_bi_setattr, p, name, S("red")) == UP_NONE);
    CHECK(CALL(up_bi_hasattr, p, name) == UP_TRUE);
    CHECK_STR(CALL(up_bi_getattr, p, name), "red");
    CHECK_STR(CALL(up_bi_getattr, p, S("size"), I(3)), "3");
    CHECK(CALL(up_bi_delattr, p, name) == UP_NONE);
    CHECK(CALL(up_bi_hasattr, p, name) == UP_FALSE);
    CHECK_ERR(CALL(up_bi_getattr, p, name), up_type_AttributeError, "'Plain' object has no attribute 'color'");
    CHECK_ERR(CALL(up_bi_delattr, p, name), up_type_AttributeError, "'Plain' object has no attribute 'color'");
    CHECK_ERR(CALL(up_bi_getattr, I(1), S("x")), up_type_AttributeError, "'int' object has no attribute 'x'");
    CHECK_ERR(CALL(up_bi_getattr, I(1), I(2)), up_type_TypeError, "attribute name must be string, not 'int'");
    CHECK_ERR(CALL(up_bi_setattr, I(1), I(2), I(3)), up_type_TypeError, "attribute name must be string, not 'int'");
    CHECK_ERR(CALL(up_bi_delattr, I(1), I(2)), up_type_TypeError, "attribute name must be string, not 'int'");
    CHECK_ERR(CALL(up_bi_hasattr, I(1), I(2)), up_type_TypeError, "attribute name must be string, not 'int'");
    CHECK_ERR(CALL(up_bi_getattr, I(1)), up_type_TypeError, "getattr expected at least 2 arguments, got 1");
    CHECK_ERR(CALL(up_bi_getattr, I(1), I(1), I(1), I(1)), up_type_TypeError,
              "getattr expected at most 3 arguments, got 4");
    CHECK_ERR(CALL0(up_bi_hasattr), up_type_TypeError, "hasattr expected 2 arguments, got 0");
    CHECK_ERR(CALL0(up_bi_setattr), up_type_TypeError, "setattr expected 3 arguments, got 0");
    CHECK_ERR(CALLKW(up_bi_delattr, KW(S("zz")), I(1)), up_type_TypeError, "delattr() takes no keyword arguments");
}

static void test_divmod_pow_round(void) {
    CHECK_REPR(CALL(up_bi_divmod, I(-7), I(2)), "(-4, 1)");
    CHECK_REPR(CALL(up_bi_divmod, UP_TRUE, I(2)), "(0, 1)");
    CHECK_REPR(CALL(up_bi_divmod, I(7), F(2.0)), "(3.0, 1.0)");
    CHECK_REPR(CALL(up_bi_divmod, F(-7.5), I(2)), "(-4.0, 0.5)");
    CHECK_ERR(CALL(up_bi_divmod, I(1), I(0)), up_type_ZeroDivisionError, "integer division or modulo by zero");
    CHECK_ERR(CALL(up_bi_divmod, F(1.0), I(0)), up_type_ZeroDivisionError, "float divmod()");
    CHECK_ERR(CALL(up_bi_divmod, S("a"), I(1)), up_type_TypeError,
              "unsupported operand type(s) for divmod(): 'str' and 'int'");
    CHECK_ERR(CALL(up_bi_divmod, I(1)), up_type_TypeError, "divmod expected 2 arguments, got 1");

    CHECK_REPR(CALL(up_bi_pow, I(2), I(10)), "1024");
    CHECK_REPR(CALL(up_bi_pow, I(2), I(100)), "1267650600228229401496703205376");
    CHECK_REPR(CALL(up_bi_pow, I(2), I(-2)), "0.25");
    CHECK_REPR(CALL(up_bi_pow, UP_TRUE, I(2)), "1");
    CHECK_REPR(CALL(up_bi_pow, I(2), F(0.5)), "1.4142135623730951");
    CHECK_REPR(CALL(up_bi_pow, I(10), I(20), I(7)), "2");
    CHECK_REPR(CALL(up_bi_pow, I(2), I(-1), I(5)), "3");
    CHECK_REPR(CALL(up_bi_pow, I(1), I(2), UP_NONE), "1");
    CHECK_REPR(CALLKW(up_bi_pow, KW(S("base"), S("exp")), I(2), I(3)), "8");
    CHECK_REPR(CALLKW(up_bi_pow, KW(S("mod")), I(2), I(3), I(5)), "3");
    CHECK_ERR(CALL(up_bi_pow, F(1.5), I(2), I(3)), up_type_TypeError,
              "pow() 3rd argument not allowed unless all arguments are integers");
    CHECK_ERR(CALL(up_bi_pow, S("a"), I(2)), up_type_TypeError,
              "unsupported operand type(s) for ** or pow(): 'str' and 'int'");
    CHECK_ERR(CALL(up_bi_pow, I(2), I(3), I(0)), up_type_ValueError, "pow() 3rd argument cannot be 0");
    CHECK_ERR(CALL(up_bi_pow, I(2), I(-1), I(4)), up_type_ValueError, "base is not invertible for the given modulus");
    CHECK_ERR(CALL(up_bi_pow, F(0.0), I(-1)), up_type_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    CHECK_ERR(CALL0(up_bi_pow), up_type_TypeError, "pow() missing required argument 'base' (pos 1)");
    CHECK_ERR(CALLKW(up_bi_pow, KW(S("zz")), I(1), I(1)), up_type_TypeError,
              "pow() missing required argument 'exp' (pos 2)");
    CHECK_ERR(CALL(up_bi_pow, I(1), I(1), I(1), I(1), I(1)), up_type_TypeError, "pow() takes at most 3 arguments (5 given)");
    CHECK_ERR(CALLKW(up_bi_pow, KW(S("zz")), I(1), I(1), I(1)), up_type_TypeError,
              "'zz' is an invalid keyword argument for pow()");
    CHECK_ERR(CALLKW(up_bi_pow, KW(S("base")), I(1), I(1), I(1)), up_type_TypeError,
              "argument for pow() given by name ('base') and position (1)");

    CHECK_REPR(CALL(up_bi_round, I(12345), I(-2)), "12300");
    CHECK_REPR(CALL(up_bi_round, I(-15), I(-1)), "-20");
    CHECK_REPR(CALL(up_bi_round, I(-25), I(-1)), "-20");
    CHECK_REPR(CALL(up_bi_round, I(25), I(-1)), "20");
    CHECK_REPR(CALL(up_bi_round, I(35), I(-1)), "40");
    CHECK_REPR(CALL(up_bi_round, I(7), I(3)), "7");
    CHECK_REPR(CALL(up_bi_round, I(7), UP_NONE), "7");
    CHECK_REPR(CALL(up_bi_round, I(5), up_int_from_str("-100000000000000000000", 22, 10)), "0");
    CHECK_REPR(CALL(up_bi_round, UP_TRUE), "1");
    CHECK_REPR(CALL(up_bi_round, UP_TRUE, I(1)), "1");
    CHECK_REPR(CALL(up_bi_round, F(2.5)), "2");
    CHECK_REPR(CALL(up_bi_round, F(3.5)), "4");
    CHECK_REPR(CALL(up_bi_round, F(-0.5)), "0");
    CHECK_REPR(CALL(up_bi_round, F(2.675), I(2)), "2.67");
    CHECK_REPR(CALL(up_bi_round, F(1234.5), I(-1)), "1230.0");
    CHECK_REPR(CALLKW(up_bi_round, KW(S("ndigits")), F(0.125), I(2)), "0.12");
    CHECK_REPR(CALL(up_bi_round, F(1.5), UP_NONE), "2");
    CHECK_ERR(CALL(up_bi_round, S("a")), up_type_TypeError, "type str doesn't define __round__ method");
    CHECK_ERR(CALL(up_bi_round, F(1.5), S("a")), up_type_TypeError, "'str' object cannot be interpreted as an integer");
    CHECK_ERR(CALL(up_bi_round, I(1), F(1.5)), up_type_TypeError, "'float' object cannot be interpreted as an integer");
    CHECK_ERR(CALLKW(up_bi_round, KW(S("ndigits")), F(1.5), I(1), I(2)), up_type_TypeError,
              "round() takes at most 2 arguments (3 given)");
    CHECK_ERR(CALL0(up_bi_round), up_type_TypeError, "round() missing required argument 'number' (pos 1)");
    CHECK_ERR(CALLKW(up_bi_round, KW(S("zz")), I(1), I(1)), up_type_TypeError,
              "'zz' is an invalid keyword argument for round()");
}

static void test_isinstance(void) {
    up_obj_t t_int = (up_obj_t)&up_type_int, t_bool = (up_obj_t)&up_type_bool, t_str = (up_obj_t)&up_type_str;
    up_obj_t t_obj = (up_obj_t)&up_type_object;
    CHECK(CALL(up_bi_isinstance, UP_TRUE, t_int) == UP_TRUE);
    CHECK(CALL(up_bi_isinstance, I(1), t_bool) == UP_FALSE);
    CHECK(CALL(up_bi_isinstance, I(1), t_int) == UP_TRUE);
    CHECK(CALL(up_bi_isinstance, up_int_from_str("1180591620717411303424", 22, 10), t_int) == UP_TRUE);
    CHECK(CALL(up_bi_isinstance, S("a"), T(t_int, T(t_bool, t_str))) == UP_TRUE);
    CHECK(CALL(up_bi_isinstance, F(1.0), T(t_int, T(t_bool, t_str))) == UP_FALSE);
    CHECK(CALL(up_bi_isinstance, F(1.0), T()) == UP_FALSE);
    CHECK(CALL(up_bi_isinstance, UP_NONE, t_obj) == UP_TRUE);
    CHECK(CALL(up_bi_isinstance, t_int, (up_obj_t)&up_type_type) == UP_TRUE);
    CHECK(CALL(up_bi_isinstance, new_instance(&type_Plain), (up_obj_t)&type_Plain) == UP_TRUE);
    CHECK(CALL(up_bi_isinstance, I(1), T(t_int, I(5))) == UP_TRUE);
    CHECK(up_isinstance(I(3), t_int) == 1);
    CHECK_ERR(CALL(up_bi_isinstance, I(1), I(5)), up_type_TypeError,
              "isinstance() arg 2 must be a type, a tuple of types, or a union");
    CHECK_ERR(CALL(up_bi_isinstance, I(1), T(t_str, I(5))), up_type_TypeError,
              "isinstance() arg 2 must be a type, a tuple of types, or a union");
    CHECK_ERR(CALL(up_bi_isinstance, I(1)), up_type_TypeError, "isinstance expected 2 arguments, got 1");

    CHECK(CALL(up_bi_issubclass, t_bool, t_int) == UP_TRUE);
    CHECK(CALL(up_bi_issubclass, t_int, t_bool) == UP_FALSE);
    CHECK(CALL(up_bi_issubclass, (up_obj_t)&up_type_KeyError, T(t_str, (up_obj_t)&up_type_LookupError)) == UP_TRUE);
    CHECK(CALL(up_bi_issubclass, (up_obj_t)&type_Plain, t_obj) == UP_TRUE);
    CHECK_ERR(CALL(up_bi_issubclass, I(1), t_int), up_type_TypeError, "issubclass() arg 1 must be a class");
    CHECK_ERR(CALL(up_bi_issubclass, t_int, I(5)), up_type_TypeError,
              "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    CHECK_ERR(CALL(up_bi_issubclass, t_int, T(t_str, I(5))), up_type_TypeError,
              "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    CHECK_ERR(CALL0(up_bi_issubclass), up_type_TypeError, "issubclass expected 2 arguments, got 0");
}

static void test_iter_next(void) {
    up_obj_t it = CALL(up_bi_iter, L(I(1), I(2)));
    CHECK_REPR(CALL(up_bi_next, it), "1");
    CHECK_REPR(CALL(up_bi_next, it, S("d")), "2");
    CHECK_REPR(CALL(up_bi_next, it, S("d")), "'d'");
    CHECK_ERR(CALL(up_bi_next, it), up_type_StopIteration, "");
    CHECK_REPR(up_next_default(it, I(9)), "9");
    CHECK_ERR(CALL(up_bi_next, EMPTY_LIST()), up_type_TypeError, "'list' object is not an iterator");
    CHECK_ERR(CALL(up_bi_next, I(1)), up_type_TypeError, "'int' object is not an iterator");
    CHECK_ERR(CALL0(up_bi_next), up_type_TypeError, "next expected at least 1 argument, got 0");
    CHECK_ERR(CALL(up_bi_iter, I(1)), up_type_TypeError, "'int' object is not iterable");
    CHECK_ERR(CALL0(up_bi_iter), up_type_TypeError, "iter expected at least 1 argument, got 0");
    CHECK_ERR(CALL(up_bi_iter, I(1), I(1), I(1)), up_type_TypeError, "iter expected at most 2 arguments, got 3");
    CHECK_ERR(CALLKW(up_bi_iter, KW(S("zz")), I(1)), up_type_TypeError, "iter() takes no keyword arguments");

    // iter(callable, sentinel): [1, 2, 3].pop until it returns 1
    up_obj_t l = L(I(1), I(2), I(3));
    up_obj_t pop = up_getattr(l, S("pop"));
    CHECK_REPR(up_list_from_iter(CALL(up_bi_iter, pop, I(1))), "[3, 2]");
    CHECK_REPR(l, "[]");
    // a callable that raises StopIteration ends the iteration too
    CHECK_REPR(up_list_from_iter(CALL(up_bi_iter, new_instance(&type_Stopper), I(0))), "[]");
    up_obj_t ci = CALL(up_bi_iter, pop, I(5));
    CHECK_ERR(up_iternext(ci), up_type_IndexError, "pop from empty list");
    CHECK_ERR(CALL(up_bi_iter, I(1), I(2)), up_type_TypeError, "iter(v, w): v must be callable");
    CHECK_STR(up_obj_str((up_obj_t)up_type_of(CALL(up_bi_iter, new_instance(&type_Num), I(0)))),
              "<class 'callable_iterator'>");
}

static void test_min_max(void) {
    CHECK_REPR(CALL(up_bi_max, L(I(3), I(9), I(2))), "9");
    CHECK_REPR(CALL(up_bi_min, L(I(3), I(9), I(2))), "2");
    CHECK_REPR(CALL(up_bi_max, I(3), I(9), I(2)), "9");
    CHECK_REPR(CALL(up_bi_min, S("b"), S("a"), S("c")), "'a'");
    CHECK_REPR(CALL(up_bi_max, L(I(1), F(1.0))), "1");
    CHECK_REPR(CALL(up_bi_min, L(F(1.0), I(1))), "1.0");
    CHECK_REPR(CALL(up_bi_max, T(I(1), S("a")), T(I(1), S("b"))), "(1, 'b')");
    CHECK_REPR(CALLKW(up_bi_max, KW(S("key")), L(I(3), I(-9), I(2)), (up_obj_t)&up_builtin_abs), "-9");
    CHECK_REPR(CALLKW(up_bi_min, KW(S("key")), I(-3), I(3), I(-1), I(1), (up_obj_t)&up_builtin_abs), "-1");
    CHECK_REPR(CALLKW(up_bi_max, KW(S("key")), I(-3), I(3), I(1), (up_obj_t)&up_builtin_abs), "-3");
    CHECK_REPR(CALLKW(up_bi_max, KW(S("default")), EMPTY_LIST(), I(5)), "5");
    CHECK_REPR(CALLKW(up_bi_max, KW(S("default")), L(I(1)), I(5)), "1");
    CHECK_REPR(CALLKW(up_bi_max, KW(S("key")), I(1), I(2), UP_NONE), "2");
    CHECK_REPR(CALLKW(up_bi_min, KW(S("key"), S("default")), EMPTY_LIST(), UP_NONE, UP_NONE), "None");
    CHECK_REPR(CALL(up_bi_max, S("hello")), "'o'");
    CHECK_ERR(CALL0(up_bi_max), up_type_TypeError, "max expected at least 1 argument, got 0");
    CHECK_ERR(CALL0(up_bi_min), up_type_TypeError, "min expected at least 1 argument, got 0");
    CHECK_ERR(CALL(up_bi_max, I(1)), up_type_TypeError, "'int' object is not iterable");
    CHECK_ERR(CALL(up_bi_max, EMPTY_LIST()), up_type_ValueError, "max() arg is an empty sequence");
    CHECK_ERR(CALL(up_bi_min, EMPTY_LIST()), up_type_ValueError, "min() arg is an empty sequence");
    CHECK_ERR(CALLKW(up_bi_max, KW(S("default")), I(1), I(2), I(3)), up_type_TypeError,
              "Cannot specify a default for max() with multiple positional arguments");
    CHECK_ERR(CALLKW(up_bi_max, KW(S("foo")), EMPTY_LIST(), I(1)), up_type_TypeError,
              "'foo' is an invalid keyword argument for max()");
    CHECK_ERR(CALLKW(up_bi_min, KW(S("key"), S("default"), S("x")), EMPTY_LIST(), UP_NONE, UP_NONE, I(1)),
              up_type_TypeError, "min() takes at most 2 keyword arguments (3 given)");
    CHECK_ERR(CALL(up_bi_max, I(1), S("a")), up_type_TypeError, "'>' not supported between instances of 'str' and 'int'");
    CHECK_ERR(CALLKW(up_bi_max, KW(S("key")), I(1), I(2), (up_obj_t)&up_builtin_len), up_type_TypeError,
              "object of type 'int' has no len()");
}

static void test_sorted_sum(void) {
    up_obj_t l = L(I(3), I(1), I(2));
    up_obj_t s = CALL(up_bi_sorted, l);
    CHECK_REPR(s, "[1, 2, 3]");
    CHECK_REPR(l, "[3, 1, 2]");
    CHECK(s != l);
    CHECK_REPR(CALL(up_bi_sorted, T(S("b"), S("a"))), "['a', 'b']");
    CHECK_REPR(CALLKW(up_bi_sorted, KW(S("reverse")), l, I(1)), "[3, 2, 1]");
    CHECK_REPR(CALLKW(up_bi_sorted, KW(S("reverse")), l, UP_FALSE), "[1, 2, 3]");
    CHECK_REPR(CALLKW(up_bi_sorted, KW(S("key")), l, UP_NONE), "[1, 2, 3]");
    CHECK_REPR(CALLKW(up_bi_sorted, KW(S("key"), S("reverse")), L(I(-3), I(1), I(-2)), (up_obj_t)&up_builtin_abs,
                      UP_TRUE),
               "[-3, -2, 1]");
    CHECK_REPR(CALLKW(up_bi_sorted, KW(S("key")), L(S("bb"), S("a"), S("cc"), S("d")), (up_obj_t)&up_builtin_len),
               "['a', 'd', 'bb', 'cc']");
    CHECK_REPR(up_sorted(S("cab"), UP_NULL, false), "['a', 'b', 'c']");
    CHECK_ERR(CALL0(up_bi_sorted), up_type_TypeError, "sorted expected 1 argument, got 0");
    CHECK_ERR(CALL(up_bi_sorted, l, l), up_type_TypeError, "sorted expected 1 argument, got 2");
    CHECK_ERR(CALLKW(up_bi_sorted, KW(S("foo")), l, I(1)), up_type_TypeError,
              "'foo' is an invalid keyword argument for sort()");
    CHECK_ERR(CALLKW(up_bi_sorted, KW(S("reverse")), l, UP_NONE), up_type_TypeError,
              "'NoneType' object cannot be interpreted as an integer");
    CHECK_ERR(CALL(up_bi_sorted, I(1)), up_type_TypeError, "'int' object is not iterable");
    CHECK_ERR(CALL(up_bi_sorted, L(I(1), S("a"))), up_type_TypeError,
              "'<' not supported between instances of 'str' and 'int'");

    CHECK_REPR(CALL(up_bi_sum, L(I(1), I(2), I(3))), "6");
    CHECK_REPR(CALL(up_bi_sum, EMPTY_LIST()), "0");
    CHECK_REPR(CALL(up_bi_sum, L(UP_TRUE, UP_TRUE)), "2");
    CHECK_REPR(CALL(up_bi_sum, L(I(UP_SMALL_MAX), I(UP_SMALL_MAX), I(2))),
               UP_WORD_BITS == 64 ? "9223372036854775808" : "2147483648");
    CHECK_REPR(CALL(up_bi_sum, L(F(1.5), I(2), I(3))), "6.5");
    CHECK_REPR(CALL(up_bi_sum, L(I(1), F(2.5)), F(0.5)), "4.0");
    CHECK_REPR(CALL(up_bi_sum, L(F(0.1), F(0.2), F(0.3))), "0.6000000000000001");
    CHECK_REPR(CALL(up_bi_sum, L(F(1e100), F(1.0), F(-1e100))), "0.0");  // 3.11: no compensation
    CHECK_REPR(CALL(up_bi_sum, L(F(1.0), up_int_from_str("100000000000000000000", 21, 10), F(0.5))), "1e+20");
    CHECK_REPR(CALL(up_bi_sum, L(L(I(1)), L(I(2))), EMPTY_LIST()), "[1, 2]");
    CHECK_REPR(CALLKW(up_bi_sum, KW(S("start")), up_range_new(I(0), I(10), I(1)), I(5)), "50");
    CHECK_REPR(CALLKW(up_bi_sum, KW(S("start")), EMPTY_LIST(), F(1.5)), "1.5");
    CHECK_REPR(CALL(up_bi_sum, L(I(1), F(0.5), I(2), S("x"))) == UP_NULL ? up_obj_str(up_exc_fetch()) : UP_NONE,
               "\"unsupported operand type(s) for +: 'float' and 'str'\"");
    CHECK_ERR(CALL(up_bi_sum, L(S("a")), S("")), up_type_TypeError,
              "sum() can't sum strings [use ''.join(seq) instead]");
    CHECK_ERR(CALL(up_bi_sum, EMPTY_LIST(), up_bytes_new("", 0)), up_type_TypeError,
              "sum() can't sum bytes [use b''.join(seq) instead]");
    CHECK_ERR(CALL(up_bi_sum, L(S("a"))), up_type_TypeError, "unsupported operand type(s) for +: 'int' and 'str'");
    CHECK_ERR(CALL0(up_bi_sum), up_type_TypeError, "sum() takes at least 1 positional argument (0 given)");
    CHECK_ERR(CALL(up_bi_sum, I(1), I(2), I(3)), up_type_TypeError, "sum() takes at most 2 arguments (3 given)");
    CHECK_ERR(CALL(up_bi_sum, I(1)), up_type_TypeError, "'int' object is not iterable");
    CHECK_ERR(CALLKW(up_bi_sum, KW(S("zz")), I(1), I(1)), up_type_TypeError,
              "'zz' is an invalid keyword argument for sum()");
    CHECK_ERR(CALLKW(up_bi_sum, KW(S("iterable")), EMPTY_LIST()), up_type_TypeError,
              "sum() takes at least 1 positional argument (0 given)");
    CHECK_ERR(CALLKW(up_bi_sum, KW(S("zz"), S("start")), L(I(1)), I(1), I(2)), up_type_TypeError,
              "sum() takes at most 2 arguments (3 given)");
}

static void test_int_float_make_new(void) {
    const up_type_t *ti = &up_type_int;
    CHECK_REPR(up_int_make_new(ti, 0, NULL, UP_NULL), "0");
    CHECK_REPR(up_int_make_new(ti, 1, ARGS(F(3.9)), UP_NULL), "3");
    CHECK_REPR(up_int_make_new(ti, 1, ARGS(F(-3.9)), UP_NULL), "-3");
    CHECK_REPR(up_int_make_new(ti, 1, ARGS(F(1e30)), UP_NULL), "1000000000000000019884624838656");
    CHECK_REPR(up_int_make_new(ti, 1, ARGS(UP_TRUE), UP_NULL), "1");
    CHECK_REPR(up_int_make_new(ti, 1, ARGS(S(" 42 ")), UP_NULL), "42");
    CHECK_REPR(up_int_make_new(ti, 1, ARGS(up_bytes_new("42", 2)), UP_NULL), "42");
    CHECK_REPR(up_int_make_new(ti, 2, ARGS(S("0x1f"), I(0)), UP_NULL), "31");
    CHECK_REPR(up_int_make_new(ti, 2, ARGS(S("ff"), I(16)), UP_NULL), "255");
    CHECK_REPR(up_int_make_new(ti, 2, ARGS(S("10"), I(2)), KW(S("base"))), "2");
    CHECK_REPR(up_int_make_new(ti, 1, ARGS(new_instance(&type_Num)), UP_NULL), "10");
    CHECK_REPR(up_int_make_new(ti, 1, ARGS(I(-7)), UP_NULL), "-7");
    CHECK_ERR(up_int_make_new(ti, 2, ARGS(F(1.5), I(10)), UP_NULL), up_type_TypeError,
              "int() can't convert non-string with explicit base");
    CHECK_ERR(up_int_make_new(ti, 2, ARGS(F(1.5), S("a")), UP_NULL), up_type_TypeError,
              "'str' object cannot be interpreted as an integer");
    CHECK_ERR(up_int_make_new(ti, 2, ARGS(S("1"), I(1)), UP_NULL), up_type_ValueError,
              "int() base must be >= 2 and <= 36, or 0");
    CHECK_ERR(up_int_make_new(ti, 2, ARGS(S("1"), I(37)), UP_NULL), up_type_ValueError,
              "int() base must be >= 2 and <= 36, or 0");
    CHECK_ERR(up_int_make_new(ti, 1, ARGS(EMPTY_LIST()), UP_NULL), up_type_TypeError,
              "int() argument must be a string, a bytes-like object or a real number, not 'list'");
    CHECK_ERR(up_int_make_new(ti, 1, ARGS(I(10)), KW(S("base"))), up_type_TypeError, "int() missing string argument");
    CHECK_ERR(up_int_make_new(ti, 1, ARGS(S("5")), KW(S("x"))), up_type_TypeError,
              "'x' is an invalid keyword argument for int()");
    CHECK_ERR(up_int_make_new(ti, 3, ARGS(S("5"), I(1), I(1)), UP_NULL), up_type_TypeError,
              "int() takes at most 2 arguments (3 given)");
    CHECK_ERR(up_int_make_new(ti, 1, ARGS(F(INFINITY)), UP_NULL), up_type_OverflowError,
              "cannot convert float infinity to integer");
    CHECK_ERR(up_int_make_new(ti, 1, ARGS(F(NAN)), UP_NULL), up_type_ValueError, "cannot convert float NaN to integer");

    const up_type_t *tf = &up_type_float;
    CHECK_REPR(up_float_make_new(tf, 0, NULL, UP_NULL), "0.0");
    CHECK_REPR(up_float_make_new(tf, 1, ARGS(UP_TRUE), UP_NULL), "1.0");
    CHECK_REPR(up_float_make_new(tf, 1, ARGS(I(3)), UP_NULL), "3.0");
    CHECK_REPR(up_float_make_new(tf, 1, ARGS(S(" -1e3 ")), UP_NULL), "-1000.0");
    CHECK_REPR(up_float_make_new(tf, 1, ARGS(F(0.5)), UP_NULL), "0.5");
    CHECK_ERR(up_float_make_new(tf, 1, ARGS(S("a")), UP_NULL), up_type_ValueError, "could not convert string to float: 'a'");
    CHECK_ERR(up_float_make_new(tf, 1, ARGS(EMPTY_LIST()), UP_NULL), up_type_TypeError,
              "float() argument must be a string or a real number, not 'list'");
    CHECK_ERR(up_float_make_new(tf, 1, ARGS(I(1)), KW(S("x"))), up_type_TypeError, "float() takes no keyword arguments");
    CHECK_ERR(up_float_make_new(tf, 2, ARGS(I(1), I(2)), UP_NULL), up_type_TypeError,
              "float expected at most 1 argument, got 2");
}

static void test_print(void) {
    up_test_capture_t cap;
    up_obj_t err = (up_obj_t)&up_sys_stderr_obj, out = (up_obj_t)&up_sys_stdout_obj;

    up_test_capture_begin(&cap, 1);
    up_obj_t r1 = CALL(up_bi_print, I(1), S("a"), F(2.5));
    up_obj_t r2 = CALLKW(up_bi_print, KW(S("sep"), S("end")), I(1), I(2), S("-"), S("!\n"));
    up_obj_t r3 = CALLKW(up_bi_print, KW(S("file"), S("flush")), S("x"), out, UP_TRUE);
    up_obj_t r4 = CALLKW(up_bi_print, KW(S("file")), S("y"), UP_NONE);
    up_obj_t r5 = CALL0(up_bi_print);
    CHECK_TEXT(up_test_capture_end(&cap), "1 a 2.5\n1-2!\nx\ny\n\n");
    CHECK(r1 == UP_NONE && r2 == UP_NONE && r3 == UP_NONE && r4 == UP_NONE && r5 == UP_NONE);

    up_test_capture_begin(&cap, 2);
    up_obj_t r6 = CALLKW(up_bi_print, KW(S("file")), S("to"), S("err"), err);
    up_obj_t r7 = CALLKW(up_bi_print, KW(S("sep"), S("file"), S("end")), I(1), I(2), UP_NONE, err, S("."));
    CHECK_TEXT(up_test_capture_end(&cap), "to err\n1 2.");
    CHECK(r6 == UP_NONE && r7 == UP_NONE);

    // Any object with write(): one call per piece, as CPython.
    up_obj_t w = new_instance(&type_Writer);
    CHECK(up_setattr(w, (up_obj_t)&name_out, EMPTY_LIST()) == 0);
    CHECK(CALLKW(up_bi_print, KW(S("sep"), S("file")), I(1), L(I(2)), S(", "), w) == UP_NONE);
    CHECK_REPR(up_getattr(w, (up_obj_t)&name_out), "['1', ', ', '[2]', '\\n']");
    CHECK_ERR(CALLKW(up_bi_print, KW(S("file")), I(1), I(5)), up_type_AttributeError, "'int' object has no attribute 'write'");
    CHECK_ERR(CALLKW(up_bi_print, KW(S("sep")), I(1), I(1)), up_type_TypeError, "sep must be None or a string, not int");
    CHECK_ERR(CALLKW(up_bi_print, KW(S("end"), S("file")), I(1), I(1), err), up_type_TypeError,
              "end must be None or a string, not int");
    CHECK_ERR(CALLKW(up_bi_print, KW(S("foo")), I(1), I(2)), up_type_TypeError,
              "'foo' is an invalid keyword argument for print()");
    CHECK_ERR(CALLKW(up_bi_print, KW(S("foo"), S("file")), I(1), I(2), err), up_type_TypeError,
              "'foo' is an invalid keyword argument for print()");
}

static void test_input(void) {
    static const char text[] = "abc\r\ndef\rg\xc3\xa9\xff!\n\nlast";
    up_test_stdin(text, sizeof text - 1);
    up_test_capture_t cap;
    up_test_capture_begin(&cap, 1);
    up_obj_t a = CALL(up_bi_input, S("name? "));
    up_obj_t b = CALL0(up_bi_input);
    up_obj_t c = CALL(up_bi_input, I(5));
    up_obj_t d = CALL0(up_bi_input);
    up_obj_t e = CALL0(up_bi_input);
    up_obj_t f = CALL0(up_bi_input);
    CHECK_TEXT(up_test_capture_end(&cap), "name? 5");
    CHECK_REPR(a, "'abc'");
    CHECK_REPR(b, "'def'");
    CHECK_REPR(c, "'g\xc3\xa9\xef\xbf\xbd!'");
    CHECK_REPR(d, "''");
    CHECK_REPR(e, "'last'");
    CHECK_ERR(f, up_type_EOFError, "EOF when reading a line");
    CHECK_ERR(CALL(up_bi_input, I(1), I(2)), up_type_TypeError, "input expected at most 1 argument, got 2");
    CHECK_ERR(CALLKW(up_bi_input, KW(S("prompt")), I(1)), up_type_TypeError, "input() takes no keyword arguments");

    CHECK_REPR(up_builtins_decode_utf8("a\xed\xa0\x80z\xf4\x90\x80\x80\xc0\xaf\xe2\x82", 13),
               "'a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd'");
    CHECK_REPR(up_builtins_decode_utf8("\xf0\x9f\x98\x80", 4), "'\xf0\x9f\x98\x80'");
}

static void test_builtin_objects(void) {
    // The builtin objects call the same functions (and print as builtins).
    CHECK_REPR(CALLOBJ(&up_builtin_len, S("abc")), "3");
    CHECK_REPR(CALLOBJKW(&up_builtin_max, KW(S("key")), I(1), I(-2), (up_obj_t)&up_builtin_abs), "-2");
    CHECK_ERR(CALLOBJ(&up_builtin_abs, I(1), I(2)), up_type_TypeError, "abs() takes exactly one argument (2 given)");
    CHECK_STR((up_obj_t)&up_builtin_sorted, "<built-in function sorted>");
    CHECK_REPR(CALLOBJ(&up_builtin_divmod, I(7), I(2)), "(3, 1)");
}

static void test_argument_helpers(void) {
    static const char *const names[] = {"a", "b", "c"};
    static const up_argspec_t kwonly = {"f", 3, 0, 1, 1, names};
    static const up_argspec_t kwonly2 = {"g", 3, 0, 2, 1, names};
    up_obj_t out[3];
    CHECK(up_parse_args(&kwonly, 2, ARGS(I(1), I(2)), KW(S("c")), out) == 0);
    CHECK(out[0] == I(1) && out[1] == UP_NULL && out[2] == I(2));
    CHECK_ERR(up_parse_args(&kwonly, 2, ARGS(I(1), I(2)), UP_NULL, out) < 0 ? UP_NULL : UP_NONE, up_type_TypeError,
              "f() takes exactly 1 positional argument (2 given)");
    CHECK_ERR(up_parse_args(&kwonly2, 3, ARGS(I(1), I(2), I(3)), UP_NULL, out) < 0 ? UP_NULL : UP_NONE,
              up_type_TypeError, "g() takes at most 2 positional arguments (3 given)");
    CHECK_ERR(up_check_nargs("h", 3, UP_NULL, 2, 2) < 0 ? UP_NULL : UP_NONE, up_type_TypeError,
              "h expected 2 arguments, got 3");
    CHECK_ERR(up_check_nargs("h", 0, UP_NULL, 1, 1) < 0 ? UP_NULL : UP_NONE, up_type_TypeError,
              "h expected 1 argument, got 0");
    CHECK(up_check_nargs("h", 1, UP_NULL, 0, 2) == 0);
}

static void tests(void) {
    test_abs_all_any();
    test_text();
    test_callable_hash_id_len();
    test_attrs();
    test_divmod_pow_round();
    test_isinstance();
    test_iter_next();
    test_min_max();
    test_sorted_sum();
    test_int_float_make_new();
    test_print();
    test_input();
    test_builtin_objects();
    test_argument_helpers();
}

UP_TEST_MAIN(tests)
