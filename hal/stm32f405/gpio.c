// GPIO (hal_gpio_*) and the board's LEDs (hal_led_*).
//
// A pin number is port * 16 + line (hal.h). Each port is a register block at
// 0x40020000 + 0x400 * port whose clock must be enabled in RCC_AHB1ENR
// (bit n = port n) before it responds. Outputs are written through BSRR, so a
// write never reads and rewrites the other pins of the port (no race with
// interrupt handlers driving the same port).
//
// The LED pins are configured on first use, not in hal_init: on the pyboard
// LED1 and LED2 are the SWD pins (PA13 SWDIO, PA14 SWCLK), and a program that
// never touches them stays debuggable. LED state is kept in RAM because the
// output register cannot be read back under QEMU (GPIO is not modelled).

#include "stm32f405.h"

_Static_assert(HAL_PULL_NONE == 0 && HAL_PULL_UP == 1 && HAL_PULL_DOWN == 2,
               "hal.h's pull values are written to PUPDR as they are");

static gpio_regs_t *port_of(unsigned pin) {
    return GPIO_PORT(pin >> 4);
}

// Enables the port's clock, then sets the pin's mode (MODER: 00 input,
// 01 output, 10 alternate function), pull (PUPDR: 00 none, 01 up, 10 down),
// output type (OTYPER: 0 push-pull, 1 open drain) and, for mode 10, the
// alternate function number (AFRL/AFRH, 4 bits per pin).
static void pin_setup(unsigned pin, uint32_t mode, enum hal_gpio_pull pull, uint32_t open_drain,
                      uint32_t af) {
    gpio_regs_t *g = port_of(pin);
    unsigned line = pin & 15u;
    uint32_t shift2 = 2u * line;
    RCC->AHB1ENR |= 1u << (pin >> 4);
    (void)RCC->AHB1ENR;  // read back: the port is usable two cycles after enabling
    uint32_t pupd = (uint32_t)pull;  // HAL_PULL_NONE/UP/DOWN = 0/1/2, as PUPDR
    g->PUPDR = (g->PUPDR & ~(3u << shift2)) | (pupd << shift2);
    g->OTYPER = (g->OTYPER & ~(1u << line)) | (open_drain << line);
    volatile uint32_t *afr = &g->AFR[line >> 3];
    uint32_t shift4 = 4u * (line & 7u);
    *afr = (*afr & ~(0xFu << shift4)) | (af << shift4);
    g->MODER = (g->MODER & ~(3u << shift2)) | (mode << shift2);
}

void hal_gpio_init(unsigned pin, enum hal_gpio_mode mode, enum hal_gpio_pull pull) {
    pin_setup(pin, mode != HAL_GPIO_IN, pull, mode == HAL_GPIO_OPEN_DRAIN, 0);
}

void hal_stm32_gpio_af(unsigned pin, unsigned af, enum hal_gpio_pull pull) {
    pin_setup(pin, 2u, pull, 0, af);
}

void hal_gpio_write(unsigned pin, bool high) {
    unsigned line = pin & 15u;
    port_of(pin)->BSRR = high ? (1u << line) : (1u << (line + 16u));
}

bool hal_gpio_read(unsigned pin) {
    return (port_of(pin)->IDR >> (pin & 15u)) & 1u;
}

// ---- LEDs -----------------------------------------------------------------

static const uint8_t s_led_pins[UP_BOARD_LED_COUNT] = UP_BOARD_LED_PINS;
static uint8_t s_led_ready;  // bit n-1: LEDn's pin is configured
static uint8_t s_led_on;     // bit n-1: LEDn is on

unsigned hal_led_count(void) {
    return UP_BOARD_LED_COUNT;
}

void hal_led_set(unsigned n, bool on) {
    if (n < 1u || n > UP_BOARD_LED_COUNT) {
        return;
    }
    uint8_t bit = (uint8_t)(1u << (n - 1u));
    unsigned pin = s_led_pins[n - 1u];
    bool active_high = (UP_BOARD_LED_ACTIVE_HIGH_MASK & bit) != 0;
    if (!(s_led_ready & bit)) {
        hal_gpio_init(pin, HAL_GPIO_OUT, HAL_PULL_NONE);  // ODR is 0 after reset
        s_led_ready |= bit;
    }
    hal_gpio_write(pin, on == active_high);
    if (on) {
        s_led_on |= bit;
    } else {
        s_led_on &= (uint8_t)~bit;
    }
}

bool hal_led_get(unsigned n) {
    if (n < 1u || n > UP_BOARD_LED_COUNT) {
        return false;
    }
    return (s_led_on >> (n - 1u)) & 1u;
}

void hal_led_toggle(unsigned n) {
    hal_led_set(n, !hal_led_get(n));
}
