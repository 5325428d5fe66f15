// The host HAL's internal interface between its files (main.c, console.c,
// clock.c, gpio.c).
#ifndef UP_HAL_HOST_H
#define UP_HAL_HOST_H

#include "board_config.h"
#include "hal.h"

// clock.c: reads UPTC_CLOCK (real time unless "virtual") and starts the clock.
void hal_host_clock_init(void);
// clock.c: in virtual mode, moves time forward by ms (real mode: nothing).
void hal_host_clock_advance_ms(uint32_t ms);
// gpio.c: reads UPTC_TRACE ("stderr" or a file path) and opens the trace.
void hal_host_trace_init(void);
void hal_host_trace_close(void);
// console.c: flushes the program's stdout (before stderr output and reads).
void hal_host_console_flush(void);

#endif
