// Recurses without end: the stack (at the bottom of RAM) runs into the
// unmapped space below 0x20000000 and the core faults at once. The HAL must
// report the fault and exit non-zero instead of hanging or corrupting data.
#include "hal.h"

static volatile unsigned s_depth;

__attribute__((noinline)) static unsigned dive(unsigned n) {
    volatile char frame[64];
    frame[0] = (char)n;
    s_depth = n;
    return dive(n + 1) + frame[0];
}

int up_main(void) {
    hal_console_write("diving\n", 7);
    return (int)dive(0);
}
