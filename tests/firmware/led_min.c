// The smallest useful program: blink LED1 forever (flash budget test).
#include "hal.h"

int up_main(void) {
    for (;;) {
        hal_led_toggle(1);
        hal_delay_ms(500);
    }
}
