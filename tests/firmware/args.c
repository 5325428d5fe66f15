// Prints its command line (semihosting under QEMU): argc, then each argv.
#include <string.h>

#include "hal.h"

int up_main(void) {
    char digit = (char)('0' + hal_argc());
    hal_console_write(&digit, 1);
    hal_console_write("\n", 1);
    for (int i = 0; i < hal_argc(); i++) {
        const char *a = hal_argv(i);
        hal_console_write(a, strlen(a));
        hal_console_write("\n", 1);
    }
    return hal_argv(hal_argc()) == NULL ? 0 : 1;
}
