// Toggles LED1 three times (on, off, on, off, on, off), then lights LED4
// and drives PA0 (X1) high: the GPIO trace must show exactly these changes.
#include "hal.h"

int up_main(void) {
    for (int i = 0; i < 6; i++) {
        hal_led_toggle(1);
        hal_delay_ms(50);
    }
    hal_led_set(4, true);
    hal_led_set(4, true);  // no change: no event
    hal_gpio_init(HAL_PIN('A', 0), HAL_GPIO_OUT, HAL_PULL_NONE);
    hal_gpio_write(HAL_PIN('A', 0), true);
    hal_console_write("done\n", 5);
    return 0;
}
