// Exits with status 3: the status must reach the caller (QEMU's exit code).
#include "hal.h"

int up_main(void) {
    hal_console_write("bye\n", 4);
    return 3;
}
