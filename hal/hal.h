// The board interface: everything the runtime and the pyb/machine/time
// modules need from a board. hal/stm32f405/ implements it on the pyboard's
// MCU, hal/host/ on Linux. Nothing above this header touches a register or
// knows a pin number: pins and LEDs come from the board data (board_config.h,
// generated from uptc/boards/<board>.toml).
//
// Pins are numbered port * 16 + line: PA0 = 0, PA15 = 15, PB4 = 20, PC6 = 38.
#ifndef UP_HAL_H
#define UP_HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HAL_PIN(port_letter, line) ((unsigned)(((port_letter) - 'A') * 16 + (line)))

// ---- lifecycle ----------------------------------------------------------

// The HAL owns the entry point (main() on the host, Reset_Handler on the
// board). It calls hal_init(), then up_main() -- the runtime's entry, which
// runs the compiled program and returns its exit status -- then hal_exit().
int up_main(void);

// Clocks, the 1 ms tick and the console; called once before the program
// starts. LED pins are configured on first use (hal_led_set): on the pyboard
// LED1/LED2 share the SWD pins, and a program without LEDs stays debuggable.
void hal_init(void);

// The program is over. status 0: finished; non-zero: died (the traceback has
// been printed). Under the emulator this ends the emulator with that status;
// on a real board it idles in low power (0) or blinks the red LED (non-zero);
// on the host it flushes the console and exits the process.
_Noreturn void hal_exit(int status);

// ---- console ------------------------------------------------------------

// The program's standard output (print). On the board: the console UART.
void hal_console_write(const char *buf, size_t len);
// Diagnostics (tracebacks, faults). On the host: stderr; on the board: the
// console UART, like MicroPython.
void hal_error_write(const char *buf, size_t len);
// One byte from the console, or -1 when none arrives within timeout_ms
// (timeout_ms < 0: wait forever) or the input has ended (host: EOF).
// Output is flushed first, so a prompt is visible while waiting.
int hal_console_read(int timeout_ms);

// ---- time ---------------------------------------------------------------

// Board: SysTick, 1 ms. Host: real time, or virtual time with
// UPTC_CLOCK=virtual (delays return at once and advance the clock).
uint32_t hal_ticks_ms(void);   // milliseconds since hal_init, wraps at 2^32
uint32_t hal_ticks_us(void);   // microseconds since hal_init, wraps at 2^32
void hal_delay_ms(uint32_t ms);  // board: sleeps (WFI) between ticks
void hal_delay_us(uint32_t us);

// ---- GPIO ---------------------------------------------------------------

enum hal_gpio_mode { HAL_GPIO_IN, HAL_GPIO_OUT, HAL_GPIO_OPEN_DRAIN };
enum hal_gpio_pull { HAL_PULL_NONE, HAL_PULL_UP, HAL_PULL_DOWN };

// On the host, pins are simulated: an input reads what its pull makes it,
// and output changes go to the event trace (UPTC_TRACE=stderr or a path).
void hal_gpio_init(unsigned pin, enum hal_gpio_mode mode, enum hal_gpio_pull pull);
void hal_gpio_write(unsigned pin, bool high);
bool hal_gpio_read(unsigned pin);

// ---- LEDs (numbered from 1, as pyb.LED) ---------------------------------

unsigned hal_led_count(void);
void hal_led_set(unsigned n, bool on);   // n out of range: ignored
bool hal_led_get(unsigned n);
void hal_led_toggle(unsigned n);

// ---- memory for the runtime ---------------------------------------------

// The GC heap: [*start, *end), word aligned. On the board it is what the
// linker left between .bss and the end of RAM; on the host a static array.
void hal_heap_bounds(void **start, void **end);
// The lowest address the stack may grow to (minus a safety margin the
// runtime adds), for the RecursionError check.
uintptr_t hal_stack_limit(void);
// Static data the GC scans as roots (.data and .bss, excluding the heap
// itself when the heap lives there): sets *ranges, returns their number.
typedef struct {
    const void *start;
    const void *end;
} hal_range_t;
size_t hal_static_roots(const hal_range_t **ranges);

// ---- command line (host; the board has none) ----------------------------

// argv as given to the program (argv[0] = the program's file name);
// hal_argv(i) is NULL for i out of range. On the board argv is just
// `const char up_program_name[]` (hal/stm32f405 defines a weak "main.py" the
// compiler may override); under QEMU it is what `uptc run` passed (the
// semihosting command line, split at spaces).
int hal_argc(void);
const char *hal_argv(int i);

#endif
