// Console input to its end: echoes each byte in brackets until a read
// returns -1 (the end of the host's input), then prints "end".
#include "hal.h"

int up_main(void) {
    for (;;) {
        int c = hal_console_read(-1);
        if (c < 0) {
            break;
        }
        char out[3] = {'[', (char)c, ']'};
        hal_console_write(out, 3);
    }
    hal_console_write("end\n", 4);
    return 0;
}
