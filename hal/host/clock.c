// The host clock: real time by default; virtual when UPTC_CLOCK=virtual.
//
// Virtual time starts at 0 and moves only when the program waits: a delay
// returns at once and advances the clock by its length, so a program that
// blinks an LED for a minute runs in milliseconds and its event trace
// ("LED1 on @500ms") is the same on every run.

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "host.h"

static int s_virtual;
static uint64_t s_virtual_us;
static struct timespec s_start;

void hal_host_clock_init(void) {
    const char *mode = getenv("UPTC_CLOCK");
    s_virtual = mode != NULL && strcmp(mode, "virtual") == 0;
    clock_gettime(CLOCK_MONOTONIC, &s_start);
}

static uint64_t now_us(void) {
    if (s_virtual) {
        return s_virtual_us;
    }
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)(t.tv_sec - s_start.tv_sec) * 1000000u +
           (uint64_t)((t.tv_nsec - s_start.tv_nsec) / 1000);
}

void hal_host_clock_advance_ms(uint32_t ms) {
    if (s_virtual) {
        s_virtual_us += (uint64_t)ms * 1000u;
    }
}

uint32_t hal_ticks_ms(void) {
    return (uint32_t)(now_us() / 1000u);
}

uint32_t hal_ticks_us(void) {
    return (uint32_t)now_us();
}

static void sleep_us(uint64_t us) {
    struct timespec t = {.tv_sec = (time_t)(us / 1000000u), .tv_nsec = (long)(us % 1000000u) * 1000};
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}

void hal_delay_ms(uint32_t ms) {
    if (s_virtual) {
        s_virtual_us += (uint64_t)ms * 1000u;
    } else {
        sleep_us((uint64_t)ms * 1000u);
    }
}

void hal_delay_us(uint32_t us) {
    if (s_virtual) {
        s_virtual_us += us;
    } else {
        sleep_us(us);
    }
}
