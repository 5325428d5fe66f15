// Console input: a read with nothing sent times out; then, after the
// "ready" prompt, echoes bytes in brackets until 'q'.
#include "hal.h"

int up_main(void) {
    uint32_t t0 = hal_ticks_ms();
    int c = hal_console_read(30);
    uint32_t waited = hal_ticks_ms() - t0;
    hal_console_write(c < 0 && waited >= 30 && waited < 40 ? "timeout ok\n" : "timeout bad\n",
                      c < 0 && waited >= 30 && waited < 40 ? 11 : 12);
    hal_console_write("ready\n", 6);
    for (;;) {
        c = hal_console_read(-1);
        if (c == 'q') {
            break;
        }
        char out[3] = {'[', (char)c, ']'};
        hal_console_write(out, 3);
    }
    hal_console_write("\n", 1);
    return 0;
}
