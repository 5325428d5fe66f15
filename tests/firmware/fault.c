// Faults on purpose at a known line: a store to an address nothing answers
// (a precise BusFault, escalated to HardFault). The #line directive mimics
// the compiler's mapping of generated C to the Python source, so the fault
// report's PC must decode to app.py:42.
#include <stdint.h>

#include "hal.h"

__attribute__((noinline)) static void poke(uint32_t value) {
#line 42 "app.py"
    *(volatile uint32_t *)0x30000000u = value;
}

int up_main(void) {
    hal_console_write("poking\n", 7);
    poke(1);
    hal_console_write("not reached\n", 12);
    return 0;
}
