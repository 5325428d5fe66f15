// Exercises the host HAL: console, error output, virtual clock, LEDs and
// GPIO (the event trace), argv, heap, static roots, stack limit; exits 5.
#include <stdio.h>
#include <string.h>

#include "hal.h"

static int s_static_counter = 1;  // in .data: must be inside a static root range
static char s_zeroed[64];         // in .bss: likewise

static int in_roots(const void *p) {
    const hal_range_t *r;
    size_t n = hal_static_roots(&r);
    for (size_t i = 0; i < n; i++) {
        if ((const char *)p >= (const char *)r[i].start && (const char *)p < (const char *)r[i].end) {
            return 1;
        }
    }
    return 0;
}

static void say(const char *s) {
    hal_console_write(s, strlen(s));
}

int up_main(void) {
    char line[128];
    say("hello from the host\n");
    hal_error_write("to stderr\n", 10);

    uint32_t t0 = hal_ticks_ms();
    hal_led_set(1, true);
    hal_delay_ms(12);
    hal_led_toggle(1);
    hal_delay_ms(500);
    hal_gpio_init(HAL_PIN('A', 0), HAL_GPIO_OUT, HAL_PULL_NONE);
    hal_gpio_write(HAL_PIN('A', 0), true);
    hal_led_set(4, true);
    hal_led_set(4, true);  // no change: no event
    hal_delay_us(1500);
    snprintf(line, sizeof line, "elapsed %u ms, led1 %d led4 %d\n", (unsigned)(hal_ticks_ms() - t0),
             hal_led_get(1), hal_led_get(4));
    say(line);

    hal_gpio_init(HAL_PIN('B', 3), HAL_GPIO_IN, HAL_PULL_UP);
    hal_gpio_init(HAL_PIN('B', 5), HAL_GPIO_IN, HAL_PULL_DOWN);
    snprintf(line, sizeof line, "switch %d pulldown %d leds %u\n", hal_gpio_read(HAL_PIN('B', 3)),
             hal_gpio_read(HAL_PIN('B', 5)), hal_led_count());
    say(line);

    for (int i = 0; i < hal_argc(); i++) {
        snprintf(line, sizeof line, "argv[%d] %s\n", i, i == 0 ? "(name)" : hal_argv(i));
        say(line);
    }

    void *start;
    void *end;
    hal_heap_bounds(&start, &end);
    memset(start, 0xA5, 4096);
    memset((char *)end - 4096, 0x5A, 4096);
    snprintf(line, sizeof line, "heap %zu bytes, aligned %d, in roots %d\n",
             (size_t)((char *)end - (char *)start), ((uintptr_t)start & 7u) == 0,
             in_roots(start) || in_roots((char *)end - 1));
    say(line);
    snprintf(line, sizeof line, "statics in roots %d %d\n", in_roots(&s_static_counter),
             in_roots(&s_zeroed[10]));
    say(line);
    int local = 0;
    snprintf(line, sizeof line, "stack ok %d\n", (uintptr_t)&local > hal_stack_limit());
    say(line);

    int c = hal_console_read(20);
    snprintf(line, sizeof line, "read %d\n", c);
    say(line);
    return 5 + s_static_counter - 1 + s_zeroed[0];
}
