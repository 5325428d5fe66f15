// Simulated GPIO and LEDs, and the hardware event trace.
//
// Every pin of ports A..I has a mode, a pull and an output level. Reading an
// output gives its level; reading an input gives what its pull resistor
// makes it (pull-up: high, otherwise low), so the pyboard's USR switch
// (pull-up, pressed = low) reads "not pressed".
//
// With UPTC_TRACE=stderr (or =PATH) every change of an output level is
// written as one line, named by LED when the pin drives one:
//
//   LED1 on @12ms
//   LED1 off @512ms
//   PA0 high @512ms
//
// never on stdout, which belongs to the program. `uptc run --board pyboard
// --trace-gpio` prints the same events (without times) from QEMU.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

#define NPINS (9u * 16u)  // ports A..I

enum { MODE_UNSET, MODE_IN, MODE_OUT, MODE_OPEN_DRAIN };

static unsigned char s_mode[NPINS];
static unsigned char s_pull[NPINS];
static unsigned char s_level[NPINS];

static FILE *s_trace;     // NULL: no trace
static int s_trace_file;  // 1: s_trace is our own file (closed at exit)

static const unsigned s_led_pins[UP_BOARD_LED_COUNT] = UP_BOARD_LED_PINS;

void hal_host_trace_init(void) {
    const char *dest = getenv("UPTC_TRACE");
    if (dest == NULL || dest[0] == 0) {
        return;
    }
    if (strcmp(dest, "stderr") == 0) {
        s_trace = stderr;
        return;
    }
    s_trace = fopen(dest, "w");
    if (s_trace == NULL) {
        fprintf(stderr, "uptc: cannot write the event trace to %s (UPTC_TRACE)\n", dest);
        return;
    }
    s_trace_file = 1;
}

void hal_host_trace_close(void) {
    if (s_trace_file) {
        fclose(s_trace);
    }
    s_trace = NULL;
    s_trace_file = 0;
}

// LED number (from 1) driven by pin, or 0.
static unsigned led_of_pin(unsigned pin) {
    for (unsigned i = 0; i < UP_BOARD_LED_COUNT; i++) {
        if (s_led_pins[i] == pin) {
            return i + 1;
        }
    }
    return 0;
}

static void trace_level(unsigned pin, bool high) {
    if (s_trace == NULL) {
        return;
    }
    if (s_trace == stderr) {
        hal_host_console_flush();
    }
    uint32_t t = hal_ticks_ms();
    unsigned led = led_of_pin(pin);
    if (led != 0) {
        bool active_high = (UP_BOARD_LED_ACTIVE_HIGH_MASK >> (led - 1)) & 1u;
        fprintf(s_trace, "LED%u %s @%ums\n", led, high == active_high ? "on" : "off", (unsigned)t);
    } else {
        fprintf(s_trace, "P%c%u %s @%ums\n", 'A' + pin / 16u, pin % 16u, high ? "high" : "low",
                (unsigned)t);
    }
    fflush(s_trace);
}

void hal_gpio_init(unsigned pin, enum hal_gpio_mode mode, enum hal_gpio_pull pull) {
    if (pin >= NPINS) {
        return;
    }
    s_mode[pin] = mode == HAL_GPIO_IN ? MODE_IN : mode == HAL_GPIO_OUT ? MODE_OUT : MODE_OPEN_DRAIN;
    s_pull[pin] = (unsigned char)pull;
}

void hal_gpio_write(unsigned pin, bool high) {
    if (pin >= NPINS) {
        return;
    }
    if (s_level[pin] != high) {
        s_level[pin] = high;
        trace_level(pin, high);
    }
}

bool hal_gpio_read(unsigned pin) {
    if (pin >= NPINS) {
        return false;
    }
    switch (s_mode[pin]) {
    case MODE_OUT:
        return s_level[pin];
    case MODE_OPEN_DRAIN:
        return s_level[pin] && s_pull[pin] == HAL_PULL_UP;  // released line: pulled up or not
    default:
        return s_pull[pin] == HAL_PULL_UP;
    }
}

// ---- LEDs -------------------------------------------------------------------

unsigned hal_led_count(void) {
    return UP_BOARD_LED_COUNT;
}

void hal_led_set(unsigned n, bool on) {
    if (n < 1u || n > UP_BOARD_LED_COUNT) {
        return;
    }
    unsigned pin = s_led_pins[n - 1];
    bool active_high = (UP_BOARD_LED_ACTIVE_HIGH_MASK >> (n - 1)) & 1u;
    if (s_mode[pin] != MODE_OUT) {
        hal_gpio_init(pin, HAL_GPIO_OUT, HAL_PULL_NONE);
    }
    hal_gpio_write(pin, on == active_high);
}

bool hal_led_get(unsigned n) {
    if (n < 1u || n > UP_BOARD_LED_COUNT) {
        return false;
    }
    bool active_high = (UP_BOARD_LED_ACTIVE_HIGH_MASK >> (n - 1)) & 1u;
    return s_level[s_led_pins[n - 1]] == active_high;
}

void hal_led_toggle(unsigned n) {
    hal_led_set(n, !hal_led_get(n));
}
