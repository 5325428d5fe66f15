// Support for the self-checking runtime tests (see check.h).
#include "check.h"

int up_test_failures;
int up_test_checks;

static char render_buf[4096];

const char *up_test_render(up_obj_t o, int kind) {
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    if (up_print_obj(&sb.base, o, kind) < 0) {
        up_obj_t exc = up_exc_fetch();
        snprintf(render_buf, sizeof render_buf, "<printing raised %s>", up_type_name(exc));
        return render_buf;
    }
    up_obj_t s = up_strbuf_finish(&sb);
    if (s == UP_NULL) {
        up_exc_fetch();
        return "<MemoryError>";
    }
    snprintf(render_buf, sizeof render_buf, "%s", up_str_data(s));
    return render_buf;
}

void up_test_check_text(const char *file, int line, const char *what, up_obj_t o, int kind,
                        const char *expected) {
    up_test_checks++;
    char detail[4600];
    if (o == UP_NULL) {
        up_obj_t exc = up_exc_fetch();
        snprintf(detail, sizeof detail, "raised %s: %s", exc ? up_type_name(exc) : "?",
                 exc ? up_test_render(exc, UP_PRINT_STR) : "");
        up_test_fail(file, line, what, detail);
        return;
    }
    const char *got = up_test_render(o, kind);
    if (strcmp(got, expected) != 0) {
        snprintf(detail, sizeof detail, "expected %s\n    got      %s", expected, got);
        up_test_fail(file, line, what, detail);
    }
}

static void check_exc(const char *file, int line, const char *what, bool failed,
                      const up_type_t *type) {
    up_test_checks++;
    char detail[512];
    if (!failed) {
        snprintf(detail, sizeof detail, "expected %s, nothing raised", up_type_name_of(type));
        up_test_fail(file, line, what, detail);
        return;
    }
    up_obj_t exc = up_exc_fetch();
    if (exc == UP_NULL) {
        up_test_fail(file, line, what, "failed without an exception");
    } else if (up_exc_type(exc) != type) {
        snprintf(detail, sizeof detail, "expected %s, got %s: %s", up_type_name_of(type),
                 up_type_name(exc), up_test_render(exc, UP_PRINT_STR));
        up_test_fail(file, line, what, detail);
    }
}

void up_test_check_raises(const char *file, int line, const char *what, up_obj_t r,
                          const up_type_t *type) {
    check_exc(file, line, what, r == UP_NULL, type);
}

void up_test_check_raises_int(const char *file, int line, const char *what, int r,
                              const up_type_t *type) {
    check_exc(file, line, what, r < 0, type);
}

up_obj_t up_test_finish(void) {
    if (up_exc_pending) {
        return UP_NULL;
    }
    if (up_test_failures) {
        fprintf(stderr, "%d of %d checks failed\n", up_test_failures, up_test_checks);
        fflush(stderr);
        exit(1);
    }
    printf("ok %d checks\n", up_test_checks);
    return UP_NONE;
}
