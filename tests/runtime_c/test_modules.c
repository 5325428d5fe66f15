// The module type and the sys, gc and micropython modules.
#include "test_builtins_util.h"

#define MOD(m) ((up_obj_t)&up_module_##m)
#define ATTR(m, name) up_getattr(MOD(m), S(name))
// m.name(args...) through the module's attribute, as a program would.
#define MCALL(m, name, ...) up_call(ATTR(m, name), NARGS(__VA_ARGS__), ARGS(__VA_ARGS__), UP_NULL)
#define MCALL0(m, name) up_call(ATTR(m, name), 0, NULL, UP_NULL)

static void test_module_type(void) {
    CHECK_REPR(MOD(sys), "<module 'sys'>");
    CHECK_STR(MOD(math), "<module 'math'>");
    CHECK_REPR((up_obj_t)up_type_of(MOD(gc)), "<class 'module'>");
    CHECK_REPR(ATTR(sys, "__name__"), "'sys'");
    CHECK_REPR(ATTR(micropython, "__name__"), "'micropython'");
    CHECK_ERR(ATTR(sys, "foo"), up_type_AttributeError, "module 'sys' has no attribute 'foo'");
    CHECK_ERR(ATTR(time, "sleepy"), up_type_AttributeError, "module 'time' has no attribute 'sleepy'");
    CHECK_ERR(up_setattr(MOD(sys), S("foo"), I(1)) < 0 ? UP_NULL : UP_NONE, up_type_AttributeError,
              "'module' object attribute 'foo' is read-only");
    CHECK_ERR(up_delattr(MOD(math), S("pi")) < 0 ? UP_NULL : UP_NONE, up_type_AttributeError,
              "'module' object attribute 'pi' is read-only");
    CHECK(up_getattr_default(MOD(sys), S("nothing"), I(7)) == I(7));
    // Attribute names compare by text as well as by identity.
    CHECK(ATTR(gc, "collect") == (up_obj_t)&up_builtin_gc_collect);
    CHECK(up_getattr(MOD(gc), up_str_new("collect", 7)) == (up_obj_t)&up_builtin_gc_collect);
    // A module function called as a method of the module.
    CHECK(up_call_method(S("isenabled"), 1, ARGS(MOD(gc)), UP_NULL) == UP_TRUE);
    CHECK_REPR(ATTR(gc, "collect"), "<built-in function collect>");
}

static void test_sys(void) {
    CHECK_REPR(ATTR(sys, "byteorder"), "'little'");
    CHECK_REPR(ATTR(sys, "platform"), "'linux'");
    CHECK_REPR(ATTR(sys, "version_info"), "(3, 4, 0)");
    CHECK_REPR(ATTR(sys, "version"), "'3.4.0; uptc 0.1.0'");
    up_obj_t impl = ATTR(sys, "implementation");
    CHECK_REPR(up_getattr(impl, S("name")), "'uptc'");
    CHECK_REPR(up_getattr(impl, S("version")), "(0, 1, 0)");
    CHECK_REPR(impl, "namespace(name='uptc', version=(0, 1, 0))");
    CHECK_ERR(up_getattr(impl, S("cache_tag")), up_type_AttributeError,
              "'implementation' object has no attribute 'cache_tag'");
    CHECK_REPR(ATTR(sys, "maxsize"), UP_WORD_BITS == 64 ? "9223372036854775807" : "2147483647");

    up_obj_t argv = ATTR(sys, "argv");
    CHECK(up_is_list(argv));
    CHECK(up_list_len(argv) >= 1 && up_is_str(up_list_get_cint(argv, 0)));
    CHECK(strstr(up_str_data(up_list_get_cint(argv, 0)), "test_modules") != NULL);
    CHECK(ATTR(sys, "argv") == argv);
    CHECK(up_sys_argv() == argv);

    up_obj_t e = MCALL0(sys, "exit");
    CHECK(e == UP_NULL);
    e = up_exc_fetch();
    CHECK(up_exc_type(e) == &up_type_SystemExit);
    CHECK_REPR(up_getattr(e, UP_Q(code)), "None");
    CHECK(MCALL(sys, "exit", I(3)) == UP_NULL);
    e = up_exc_fetch();
    CHECK(up_exc_type(e) == &up_type_SystemExit);
    CHECK_REPR(up_getattr(e, UP_Q(code)), "3");
    CHECK_ERR(MCALL(sys, "exit", S("bye")), up_type_SystemExit, "bye");
    CHECK_ERR(MCALL(sys, "exit", I(1), I(2)), up_type_TypeError, "exit expected at most 1 argument, got 2");
    CHECK_ERR(up_sys_m_exit(1, ARGS(I(1)), KW(S("code"))), up_type_TypeError, "exit() takes no keyword arguments");
}

static void test_streams(void) {
    up_obj_t out = ATTR(sys, "stdout"), err = ATTR(sys, "stderr");
    CHECK(out == (up_obj_t)&up_sys_stdout_obj && err == (up_obj_t)&up_sys_stderr_obj);
    CHECK_REPR(out, "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    CHECK_REPR(err, "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>");
    up_obj_t write = S("write");

    up_test_capture_t cap;
    up_test_capture_begin(&cap, 1);
    up_obj_t n1 = up_call_method(write, 2, ARGS(out, S("h\xc3\xa9llo\n")), UP_NULL);
    up_obj_t n2 = up_call(up_getattr(out, write), 1, ARGS(S("")), UP_NULL);
    up_obj_t f = up_call_method(S("flush"), 1, ARGS(out), UP_NULL);
    CHECK_TEXT(up_test_capture_end(&cap), "h\xc3\xa9llo\n");
    CHECK_REPR(n1, "6");
    CHECK_REPR(n2, "0");
    CHECK(f == UP_NONE);

    up_test_capture_begin(&cap, 2);
    up_obj_t n3 = up_call_method(write, 2, ARGS(err, S("oops")), UP_NULL);
    CHECK_TEXT(up_test_capture_end(&cap), "oops");
    CHECK_REPR(n3, "4");

    CHECK_ERR(up_call_method(write, 2, ARGS(out, I(1)), UP_NULL), up_type_TypeError,
              "write() argument must be str, not int");
    CHECK_ERR(up_call_method(write, 1, ARGS(out), UP_NULL), up_type_TypeError,
              "TextIOWrapper.write() takes exactly one argument (0 given)");
}

static const up_tb_site_t site = {"app.py", "<module>", 7};

static void test_print_exception(void) {
    up_raise_msg(&up_type_ValueError, "bad value");
    up_tb_add(&site);
    up_obj_t e = up_exc_fetch();
    up_test_capture_t cap;
    up_test_capture_begin(&cap, 1);
    up_obj_t r = MCALL(sys, "print_exception", e);
    CHECK_TEXT(up_test_capture_end(&cap),
               "Traceback (most recent call last):\n  File \"app.py\", line 7, in <module>\nValueError: bad value\n");
    CHECK(r == UP_NONE);

    up_test_capture_begin(&cap, 2);
    r = MCALL(sys, "print_exception", e, ATTR(sys, "stderr"));
    CHECK_TEXT(up_test_capture_end(&cap),
               "Traceback (most recent call last):\n  File \"app.py\", line 7, in <module>\nValueError: bad value\n");
    CHECK(r == UP_NONE);

    // Errors go to stderr again afterwards.
    up_test_capture_begin(&cap, 2);
    up_printer_puts(&up_stderr_printer, "err");
    CHECK_TEXT(up_test_capture_end(&cap), "err");

    CHECK_ERR(MCALL(sys, "print_exception", I(1)), up_type_TypeError,
              "print_exception() argument must be an exception, not int");
    CHECK_ERR(MCALL(sys, "print_exception", e, I(1)), up_type_TypeError,
              "print_exception() file must be sys.stdout or sys.stderr, not int");
    CHECK_ERR(MCALL0(sys, "print_exception"), up_type_TypeError, "print_exception expected at least 1 argument, got 0");
}

static void test_gc(void) {
    CHECK(MCALL0(gc, "collect") == UP_NONE);
    up_obj_t fr = MCALL0(gc, "mem_free"), al = MCALL0(gc, "mem_alloc");
    CHECK(up_is_int(fr) && up_is_int(al));
    CHECK(up_int_sign(fr) > 0 && up_int_sign(al) > 0);
    CHECK(MCALL0(gc, "isenabled") == UP_TRUE);
    CHECK(MCALL0(gc, "disable") == UP_NONE);
    CHECK(MCALL0(gc, "isenabled") == UP_FALSE);
    CHECK(MCALL0(gc, "enable") == UP_NONE);
    CHECK(MCALL0(gc, "isenabled") == UP_TRUE);
    // Garbage made and collected: the free count comes back.
    for (int i = 0; i < 100; i++) {
        CHECK(up_list_new(50) != UP_NULL);
    }
    up_gc_collect();
    up_obj_t fr2 = MCALL0(gc, "mem_free");
    CHECK(up_int_compare(fr2, up_int_sub(fr, I(4096))) > 0);
    CHECK_RAISES(MCALL(gc, "collect", I(1)), up_type_TypeError);
    CHECK_ERR(up_gc_m_mem_free(0, NULL, KW()), up_type_TypeError, "mem_free() takes no keyword arguments");
}

static void test_micropython(void) {
    CHECK_REPR(MCALL(micropython, "const", I(5)), "5");
    CHECK_REPR(MCALL(micropython, "const", S("x")), "'x'");
    CHECK_ERR(MCALL0(micropython, "const"), up_type_TypeError, "const() takes exactly one argument (0 given)");
    CHECK(MCALL(micropython, "alloc_emergency_exception_buf", I(100)) == UP_NONE);
    CHECK_ERR(MCALL(micropython, "alloc_emergency_exception_buf", S("a")), up_type_TypeError,
              "'str' object cannot be interpreted as an integer");

    up_test_capture_t cap;
    up_test_capture_begin(&cap, 1);
    up_obj_t r1 = MCALL0(micropython, "mem_info");
    up_obj_t r2 = MCALL(micropython, "mem_info", I(1));
    const char *text = up_test_capture_end(&cap);
    CHECK(r1 == UP_NONE && r2 == UP_NONE);
    CHECK(strncmp(text, "GC: total: ", 11) == 0);
    CHECK(strstr(text, ", used: ") != NULL && strstr(text, ", free: ") != NULL);
    CHECK_ERR(MCALL(micropython, "mem_info", I(1), I(2)), up_type_TypeError,
              "mem_info expected at most 1 argument, got 2");
}

static void tests(void) {
    test_module_type();
    test_sys();
    test_streams();
    test_print_exception();
    test_gc();
    test_micropython();
}

UP_TEST_MAIN(tests)
