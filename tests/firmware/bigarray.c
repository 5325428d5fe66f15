// A static array bigger than the 128k8k profile's whole RAM: the link must
// fail with "region `RAM' overflowed by N bytes".
#include "hal.h"

static char big[8192];

int up_main(void) {
    big[100] = 1;
    hal_console_write(big, sizeof big);
    return big[100];
}
