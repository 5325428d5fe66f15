// Writes stderr lines in pieces, toggling LED1 between lines: under QEMU
// each piece is a semihosting call (and a logged RCC read), so the GPIO
// trace must not split a line of the program's stderr.
#include "hal.h"

static void err(const char *s) {
    size_t n = 0;
    while (s[n]) {
        n++;
    }
    hal_error_write(s, n);
}

int up_main(void) {
    for (int i = 0; i < 3; i++) {
        hal_led_toggle(1);
        err("Trace");
        err("back ");
        err("line\n");
    }
    hal_led_toggle(1);
    err("no newline at the end");
    return 2;
}
