// The host console: the program's output is stdout (buffered by stdio),
// diagnostics go to stderr, input comes from stdin.
//
// stdout is flushed before anything is written to stderr (diagnostics, the
// event trace) and before reading input, so that what the program printed
// and what went wrong appear in the order they happened.

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

#include "host.h"

void hal_host_console_flush(void) {
    fflush(stdout);
}

void hal_console_write(const char *buf, size_t len) {
    fwrite(buf, 1, len, stdout);
}

void hal_error_write(const char *buf, size_t len) {
    fflush(stdout);
    fwrite(buf, 1, len, stderr);
}

int hal_console_read(int timeout_ms) {
    fflush(stdout);  // a prompt must be visible before we wait
    uint32_t start = hal_ticks_ms();
    for (;;) {
        struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
        int left = -1;
        if (timeout_ms >= 0) {
            uint32_t spent = hal_ticks_ms() - start;
            left = spent >= (uint32_t)timeout_ms ? 0 : timeout_ms - (int)spent;
        }
        int r = poll(&p, 1, left);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            if (r == 0 && timeout_ms > 0) {
                hal_host_clock_advance_ms((uint32_t)timeout_ms);  // virtual clock
            }
            return -1;  // timed out (or poll failed)
        }
        unsigned char c;
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        return n == 1 ? c : -1;  // 0: end of input
    }
}
