// Console input (hal_console_read): the USART's receive interrupt fills a
// ring buffer, and a reader sleeps (WFI) until a byte or the next tick comes.
//
// The USART holds a single byte; polling it would lose input whenever the
// program is busy for more than one character time (87 us at 115200 baud).
// Under QEMU, sleeping also lets the emulator deliver the bytes at once (a
// busy-polling guest delays them by seconds).
//
// This file is linked only into programs that read the console, and only
// then does its handler replace the weak CONSOLE_IRQHandler (USART1_IRQHandler
// on the pyboard) of startup.c. The interrupt is enabled at the first read.

#include "stm32f405.h"

#ifndef UP_CONSOLE_RX_SIZE
#define UP_CONSOLE_RX_SIZE 64u  // bytes; a power of 2, at most 256
#endif
_Static_assert((UP_CONSOLE_RX_SIZE & (UP_CONSOLE_RX_SIZE - 1u)) == 0 && UP_CONSOLE_RX_SIZE <= 256u,
               "UP_CONSOLE_RX_SIZE must be a power of 2, at most 256");

// Written by the interrupt (s_head) and the reader (s_tail) only: the buffer
// is empty when they are equal, full when head + 1 == tail.
static volatile uint8_t s_buf[UP_CONSOLE_RX_SIZE];
static volatile uint8_t s_head;
static volatile uint8_t s_tail;
static bool s_started;

void CONSOLE_IRQHandler(void) {
    uint32_t sr = CONSOLE->SR;
    if (sr & (USART_SR_RXNE | USART_SR_ERRORS)) {
        uint8_t c = (uint8_t)CONSOLE->DR;  // clears RXNE, and the errors after the SR read
        uint8_t next = (uint8_t)((s_head + 1u) & (UP_CONSOLE_RX_SIZE - 1u));
        if ((sr & USART_SR_RXNE) && next != s_tail) {
            s_buf[s_head] = c;
            s_head = next;
        }
    }
}

int hal_console_read(int timeout_ms) {
    if (!s_started) {
        s_started = true;
        CONSOLE->CR1 |= USART_CR1_RXNEIE;
        hal_stm32_irq_enable(CONSOLE_IRQ);
    }
    uint32_t start = hal_ticks_ms();
    for (;;) {
        if (s_tail != s_head) {
            int c = s_buf[s_tail];
            s_tail = (uint8_t)((s_tail + 1u) & (UP_CONSOLE_RX_SIZE - 1u));
            return c;
        }
        if (timeout_ms >= 0 && hal_ticks_ms() - start >= (uint32_t)timeout_ms) {
            return -1;
        }
        // A byte that arrived since the check above has run its interrupt
        // already; WFI then waits at most until the next tick.
        __asm volatile("wfi");
    }
}
