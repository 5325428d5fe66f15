// Time under QEMU (deterministic with -icount shift=0,sleep=off): delays
// last what they say, microseconds advance with milliseconds.
#include "hal.h"

static void put_num(const char *label, uint32_t v) {
    char buf[12];
    int n = 0;
    do {
        buf[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0);
    while (*label) {
        hal_console_write(label++, 1);
    }
    while (n > 0) {
        hal_console_write(&buf[--n], 1);
    }
    hal_console_write("\n", 1);
}

int up_main(void) {
    uint32_t m0 = hal_ticks_ms();
    uint32_t u0 = hal_ticks_us();
    hal_delay_ms(100);
    uint32_t m1 = hal_ticks_ms();
    uint32_t u1 = hal_ticks_us();
    hal_delay_us(2500);
    uint32_t u2 = hal_ticks_us();
    put_num("ms ", m1 - m0);
    put_num("us ", (u1 - u0 + 500u) / 1000u * 1000u);
    put_num("us2 ", u2 - u1 >= 2500u && u2 - u1 < 3000u);
    return 0;
}
