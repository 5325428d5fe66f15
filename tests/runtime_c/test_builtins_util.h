// Helpers shared by the tests of the builtins, the builtin iterators and the
// built-in modules (test_builtins*.c, test_iter*.c, test_modules*.c):
// argument arrays, exact error messages, user classes with special methods,
// and capturing what the program writes to stdout/stderr or reads from stdin.
#ifndef UP_TEST_BUILTINS_UTIL_H
#define UP_TEST_BUILTINS_UTIL_H

#include <fcntl.h>
#include <math.h>
#include <unistd.h>

#include "check.h"

// An argument array and its length: CALL(up_bi_abs, I(-1)).
#define ARGS(...) ((up_obj_t[]){__VA_ARGS__})
#define NARGS(...) (sizeof(ARGS(__VA_ARGS__)) / sizeof(up_obj_t))
#define CALL(f, ...) f(NARGS(__VA_ARGS__), ARGS(__VA_ARGS__), UP_NULL)
#define CALL0(f) f(0, NULL, UP_NULL)
// Keyword calls: the last len(kw) values are keyword arguments.
#define CALLKW(f, kw, ...) f(NARGS(__VA_ARGS__), ARGS(__VA_ARGS__), (kw))
#define KW(...) up_tuple_from_items(NARGS(__VA_ARGS__), ARGS(__VA_ARGS__))
// Calling a type object or other callable.
#define CALLOBJ(callee, ...) up_call((up_obj_t)(callee), NARGS(__VA_ARGS__), ARGS(__VA_ARGS__), UP_NULL)
#define CALLOBJKW(callee, kw, ...) up_call((up_obj_t)(callee), NARGS(__VA_ARGS__), ARGS(__VA_ARGS__), (kw))
#define L(...) up_list_from_items(NARGS(__VA_ARGS__), ARGS(__VA_ARGS__))
#define T(...) up_tuple_from_items(NARGS(__VA_ARGS__), ARGS(__VA_ARGS__))
#define F(v) up_float_new(v)
#define EMPTY_LIST() up_list_new(0)

// expr must fail with exactly `type` and str(exception) == msg; clears it.
static inline void up_test_check_err(const char *file, int line, const char *what, up_obj_t r,
                                     const up_type_t *type, const char *msg) {
    up_test_checks++;
    char detail[1024];
    if (r != UP_NULL) {
        snprintf(detail, sizeof detail, "expected %s: %s, got %s", up_type_name_of(type), msg,
                 up_test_render(r, UP_PRINT_REPR));
        up_test_fail(file, line, what, detail);
        return;
    }
    up_obj_t e = up_exc_fetch();
    if (e == UP_NULL) {
        up_test_fail(file, line, what, "failed without an exception");
        return;
    }
    const char *got = up_test_render(e, UP_PRINT_STR);
    if (up_exc_type(e) != type || strcmp(got, msg) != 0) {
        snprintf(detail, sizeof detail, "expected %s: %s\n    got      %s: %s", up_type_name_of(type), msg,
                 up_type_name(e), got);
        up_test_fail(file, line, what, detail);
    }
}
#define CHECK_ERR(expr, type, msg) up_test_check_err(__FILE__, __LINE__, #expr, (up_obj_t)(expr), &(type), (msg))

// ---- user classes -------------------------------------------------------------

// A class compiled from Python, written out by hand: its methods are C
// builtins in `methods`.
#define USER_CLASS(cname, pyname, methods_table)                \
    static const up_type_t cname = {                            \
        .base = {&up_type_type},                                \
        .name = pyname,                                         \
        .parent = &up_type_object,                              \
        .flags = UP_TF_USER | UP_TF_BASETYPE,                   \
        .make_new = up_instance_make_new,                       \
        .call = up_instance_call,                               \
        .print = up_instance_print,                             \
        .binary_op = up_instance_binary_op,                     \
        .unary_op = up_instance_unary_op,                       \
        .subscr = up_instance_subscr,                           \
        .getiter = up_instance_getiter,                         \
        .iternext = up_instance_iternext,                       \
        .attr = up_instance_attr,                               \
        .methods = methods_table,                               \
    };

#define METHOD(cname, fn, nmin, nmax) static const up_builtin_t cname = {{&up_type_builtin}, #fn, nmin, nmax, 0, fn};

// ---- capturing the console ----------------------------------------------------

// Redirect file descriptor fd (1 or 2) into a pipe until up_test_capture_end,
// which returns what was written (static buffer, NUL-terminated).
typedef struct {
    int fd;
    int saved;
    int pipe_r;
} up_test_capture_t;

static inline void up_test_capture_begin(up_test_capture_t *c, int fd) {
    int p[2];
    fflush(stdout);
    fflush(stderr);
    if (pipe(p) != 0) {
        perror("pipe");
        exit(2);
    }
    c->fd = fd;
    c->saved = dup(fd);
    c->pipe_r = p[0];
    dup2(p[1], fd);
    close(p[1]);
}

static inline const char *up_test_capture_end(up_test_capture_t *c) {
    static char buf[8192];
    fflush(stdout);
    fflush(stderr);
    dup2(c->saved, c->fd);
    close(c->saved);
    size_t len = 0;
    ssize_t r;
    while (len < sizeof buf - 1 && (r = read(c->pipe_r, buf + len, sizeof buf - 1 - len)) > 0) {
        len += (size_t)r;
    }
    close(c->pipe_r);
    buf[len] = 0;
    return buf;
}

#define CHECK_TEXT(got, expected)                                                        \
    do {                                                                                 \
        const char *got_ = (got);                                                        \
        up_test_checks++;                                                                \
        if (strcmp(got_, (expected)) != 0) {                                             \
            static char detail_[20000];                                                          \
            snprintf(detail_, sizeof detail_, "expected %s\n    got      %s", (expected), got_); \
            up_test_fail(__FILE__, __LINE__, #got, detail_);                             \
        }                                                                                \
    } while (0)

// Make stdin read the bytes of text (then end of input).
static inline void up_test_stdin(const char *text, size_t len) {
    int p[2];
    if (pipe(p) != 0) {
        perror("pipe");
        exit(2);
    }
    if (write(p[1], text, len) != (ssize_t)len) {
        perror("write");
        exit(2);
    }
    close(p[1]);
    dup2(p[0], 0);
    close(p[0]);
}

#endif
