// Start and end of a program (hal_init, hal_exit), semihosting under the
// emulator, and the memory the runtime manages (heap, stack, static roots).
//
// RAM layout (linker/stm32f405-sections.ld):
//
//   0x20000000  _sstack  stack (grows down from _estack; overflow -> BusFault)
//               _estack
//               _sdata   .data
//               _ebss    .bss          <- static roots: [_sdata, _ebss)
//               _sheap   GC heap
//   end of RAM  _eheap

#include "stm32f405.h"

void hal_init(void) {
    hal_stm32_clock_init();
    hal_stm32_console_init();
}

// ---- semihosting (emulator only) ------------------------------------------
//
// A semihosting call is "bkpt 0xab" with the operation in r0 and a pointer to
// its argument block in r1; the debugger or emulator performs it. On a board
// with no debugger attached the bkpt is a HardFault, hence every caller checks
// hal_stm32_in_emulator() first.

#define SYS_EXIT_EXTENDED 0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

int hal_stm32_semihosting(uint32_t op, const void *arg) {
    register uint32_t r0 __asm("r0") = op;
    register const void *r1 __asm("r1") = arg;
    __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return (int)r0;
}

_Noreturn void hal_stm32_semihosting_exit(int status) {
    // QEMU exits with status & 0xff.
    const uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
    hal_stm32_semihosting(SYS_EXIT_EXTENDED, block);
    for (;;) {
        // Only reached if the emulator ignored the call.
    }
}

// ---- the end --------------------------------------------------------------

_Noreturn void hal_stm32_blink_forever(uint32_t half_period_ms) {
    // Time from SysTick's COUNTFLAG, which is set at every wrap even when
    // its interrupt cannot run (in a fault handler); start SysTick if needed.
    if (!(SYSTICK->CSR & SYSTICK_CSR_ENABLE)) {
        SYSTICK->RVR = UP_BOARD_HSI_HZ / 1000u - 1u;
        SYSTICK->CVR = 0;
        SYSTICK->CSR = SYSTICK_CSR_ENABLE | SYSTICK_CSR_CLKSOURCE;
    }
#if UP_BOARD_LED_COUNT > 0
    const unsigned led = UP_BOARD_LED1_PIN;
    const bool active_high = (UP_BOARD_LED_ACTIVE_HIGH_MASK & 1u) != 0;
    hal_gpio_init(led, HAL_GPIO_OUT, HAL_PULL_NONE);
    bool on = false;
    for (;;) {
        on = !on;
        hal_gpio_write(led, on == active_high);
        for (uint32_t ms = 0; ms < half_period_ms;) {
            if (SYSTICK->CSR & SYSTICK_CSR_COUNTFLAG) {
                ms++;
            }
        }
    }
#else
    (void)half_period_ms;
    for (;;) {
    }
#endif
}

_Noreturn void hal_exit(int status) {
    hal_stm32_console_flush();
    if (hal_stm32_in_emulator()) {
        hal_stm32_semihosting_exit(status);
    }
    if (status == 0) {
        // Finished: stop the tick and sleep (any enabled interrupt still wakes
        // the core, which goes back to sleep).
        SYSTICK->CSR = 0;
        for (;;) {
            __asm volatile("wfi");
        }
    }
    hal_stm32_blink_forever(500);  // died: slow red blinking
}

// ---- memory for the runtime -----------------------------------------------

void hal_heap_bounds(void **start, void **end) {
    *start = _sheap;  // 8-byte aligned by the linker script
    *end = _eheap;
}

uintptr_t hal_stack_limit(void) {
    return (uintptr_t)_sstack;
}

// .data and .bss are adjacent (the linker script puts .bss right after
// .data), so one range covers both; the heap starts after .bss.
static const hal_range_t s_static_roots[1] = {{_sdata, _ebss}};

size_t hal_static_roots(const hal_range_t **ranges) {
    *ranges = s_static_roots;
    return 1;
}
