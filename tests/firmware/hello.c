// Prints a greeting on the console and exits with status 0.
#include "hal.h"

int up_main(void) {
    hal_console_write("hello\n", 6);
    return 0;
}
