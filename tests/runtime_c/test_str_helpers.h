// Shared helpers for the str/bytes/format tests (test_str*.c, test_format*.c,
// test_bytes.c): building values and checking results, including the exact
// message of an expected exception. The expected values in those files were
// generated with CPython 3.11 (UnicodeEncodeError/UnicodeDecodeError appear as
// UnicodeError, which uptc raises with the same messages).
#ifndef UP_TEST_STR_HELPERS_H
#define UP_TEST_STR_HELPERS_H

#include <math.h>
#include <stdarg.h>

#include "bytes.h"
#include "check.h"

// str.expandtabs is implemented but not yet listed in UP_STR_METHODS (a
// repeated declaration is harmless once it is).
UP_DECLARE_STR_METHOD(expandtabs)

// An argument array and its length, for calling builtins directly.
#define ARGS(...) (sizeof((up_obj_t[]){__VA_ARGS__}) / sizeof(up_obj_t)), ((up_obj_t[]){__VA_ARGS__})
// s.name(args...) through the C function, and with keyword names kw.
#define M(name, ...) up_str_m_##name(ARGS(__VA_ARGS__), UP_NULL)
#define MK(name, kw, ...) up_str_m_##name(ARGS(__VA_ARGS__), kw)
#define BM(name, ...) up_bytes_m_##name(ARGS(__VA_ARGS__), UP_NULL)
#define BMK(name, kw, ...) up_bytes_m_##name(ARGS(__VA_ARGS__), kw)

// ascii(expr) is text (ascii() keeps the expectations plain ASCII), and
// str(expr) is text.
#define EQ(expr, text) test_check_ascii(__FILE__, __LINE__, #expr, (expr), text)
#define EQS(expr, text) CHECK_STR(expr, text)
// expr fails with exactly this exception type and str(exception).
#define ERR(expr, type, msg) test_check_err(__FILE__, __LINE__, #expr, (expr) == UP_NULL, &(type), msg)
#define ERRI(expr, type, msg) test_check_err(__FILE__, __LINE__, #expr, (expr) < 0, &(type), msg)

static inline void test_check_err(const char *file, int line, const char *what, bool failed,
                                  const up_type_t *type, const char *msg) {
    up_test_checks++;
    char detail[1024];
    if (!failed) {
        snprintf(detail, sizeof detail, "expected %s: %s, nothing raised", up_type_name_of(type), msg);
        up_test_fail(file, line, what, detail);
        return;
    }
    up_obj_t exc = up_exc_fetch();
    if (exc == UP_NULL) {
        up_test_fail(file, line, what, "failed without an exception");
        return;
    }
    const char *got = up_test_render(exc, UP_PRINT_STR);
    if (up_exc_type(exc) != type || strcmp(got, msg) != 0) {
        snprintf(detail, sizeof detail, "expected %s: %s\n    got      %s: %s", up_type_name_of(type), msg,
                 up_type_name(exc), got);
        up_test_fail(file, line, what, detail);
    }
}

static inline void test_check_ascii(const char *file, int line, const char *what, up_obj_t o,
                                    const char *expected) {
    if (o == UP_NULL) {
        up_test_check_text(file, line, what, o, UP_PRINT_STR, expected);  // reports the exception
        return;
    }
    up_obj_t a = up_obj_ascii(o);
    if (a == UP_NULL) {
        up_test_check_text(file, line, what, a, UP_PRINT_STR, expected);
        return;
    }
    up_test_check_text(file, line, what, a, UP_PRINT_STR, expected);
}

static inline up_obj_t test_seq(bool tuple, int n, va_list ap) {
    up_obj_t items[64];
    for (int i = 0; i < n; i++) {
        items[i] = va_arg(ap, up_obj_t);
    }
    return tuple ? up_tuple_from_items((size_t)n, items) : up_list_from_items((size_t)n, items);
}

// (a, b, ...) and [a, b, ...] of n values
static inline up_obj_t TUP(int n, ...) {
    va_list ap;
    va_start(ap, n);
    up_obj_t r = test_seq(true, n, ap);
    va_end(ap);
    return r;
}

static inline up_obj_t LST(int n, ...) {
    va_list ap;
    va_start(ap, n);
    up_obj_t r = test_seq(false, n, ap);
    va_end(ap);
    return r;
}

// {k1: v1, ...} of n pairs
static inline up_obj_t DICT(int n, ...) {
    va_list ap;
    va_start(ap, n);
    up_obj_t d = up_dict_new();
    for (int i = 0; i < n; i++) {
        up_obj_t k = va_arg(ap, up_obj_t);
        up_obj_t v = va_arg(ap, up_obj_t);
        up_dict_setitem(d, k, v);
    }
    va_end(ap);
    return d;
}

// A kwnames tuple of n C strings
static inline up_obj_t KW(int n, ...) {
    va_list ap;
    va_start(ap, n);
    up_obj_t items[8];
    for (int i = 0; i < n; i++) {
        items[i] = up_str_from_cstr(va_arg(ap, const char *));
    }
    va_end(ap);
    return up_tuple_from_items((size_t)n, items);
}

// type(arg), an exception instance
static inline up_obj_t test_exc1(const up_type_t *t, up_obj_t arg) {
    return up_exc_new(t, 1, &arg);
}
#define EXC1(type, arg) test_exc1(&(type), arg)

#define SN(text, len) up_str_new(text, len)
#define B(text, len) up_bytes_new(text, len)
#define F(v) up_float_new(v)
#define BIG(text) up_int_from_str(text, strlen(text), 10)

#endif
