// Not a test of its own (tests/test_runtime_c.py runs it in the sanitize
// variant only): prints a line, then makes UBSan report a signed overflow.
// The report must end the program with the sanitizer status, the line
// already out.
#include "check.h"

static void tests(void) {
    printf("before the report\n");
    volatile int big = 0x7fffffff;
    volatile int r = big + 1;
    printf("after the report %d\n", r);
}

UP_TEST_MAIN(tests)
