// Self-checking C tests of the runtime. A test file defines
//   static void tests(void) { CHECK(...); CHECK_REPR(obj, "[1, 2]"); ... }
//   UP_TEST_MAIN(tests)
// and is linked with the runtime and the host HAL. Each failed check prints
// file:line and the expression; the process exits 1 if any failed, after
// printing "ok N checks" otherwise. An exception escaping the tests prints
// its traceback and exits 1.
#ifndef UP_TEST_CHECK_H
#define UP_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#include "up.h"

extern int up_test_failures;
extern int up_test_checks;

static inline void up_test_fail(const char *file, int line, const char *what, const char *detail) {
    fprintf(stderr, "%s:%d: check failed: %s%s%s\n", file, line, what, detail ? "\n    " : "",
            detail ? detail : "");
    up_test_failures++;
}

// Render an object with str() or repr() into a C string (static buffer).
const char *up_test_render(up_obj_t o, int kind);

#define CHECK(cond)                                          \
    do {                                                     \
        up_test_checks++;                                    \
        if (!(cond)) {                                       \
            up_test_fail(__FILE__, __LINE__, #cond, NULL);   \
        }                                                    \
    } while (0)

// o must be a value (not UP_NULL) whose repr is exactly `expected`.
#define CHECK_REPR(o, expected) up_test_check_text(__FILE__, __LINE__, #o, (o), UP_PRINT_REPR, (expected))
#define CHECK_STR(o, expected) up_test_check_text(__FILE__, __LINE__, #o, (o), UP_PRINT_STR, (expected))
// expr must fail (return UP_NULL or -1) raising exactly `type`; clears it.
#define CHECK_RAISES(expr, type) up_test_check_raises(__FILE__, __LINE__, #expr, (up_obj_t)(expr), &(type))
#define CHECK_RAISES_INT(expr, type) up_test_check_raises_int(__FILE__, __LINE__, #expr, (expr), &(type))

void up_test_check_text(const char *file, int line, const char *what, up_obj_t o, int kind,
                        const char *expected);
void up_test_check_raises(const char *file, int line, const char *what, up_obj_t r,
                          const up_type_t *type);
void up_test_check_raises_int(const char *file, int line, const char *what, int r,
                              const up_type_t *type);

// Helpers to build values in tests.
#define I(v) up_int_from_cint(v)
#define S(text) up_str_from_cstr(text)

#define UP_TEST_MAIN(fn)                                       \
    const char up_program_file[] = __FILE__;                   \
    int up_program_main(void) {                                \
        fn();                                                  \
        return up_test_finish() == UP_NULL ? up_report_uncaught() : 0; \
    }

up_obj_t up_test_finish(void);

#endif
