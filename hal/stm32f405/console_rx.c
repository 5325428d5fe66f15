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
//
// Under the emulator, input can come from the host instead: when the
// emulator's working directory holds a file named HOST_INPUT (`uptc run`
// puts one there when its stdin is a pipe or a file), every read takes its
// bytes from that file through semihosting. A serial line has no end, but
// that file does: at its end a read returns -1, and input() raises EOFError
// as on the host. A read with a timeout waits for the host's bytes too.

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

// ---- input from the host (emulator only) -----------------------------------

#define HOST_INPUT "uptc-stdin"
#define SYS_OPEN 0x01u
#define SYS_READ 0x06u
#define SYS_OPEN_READ_BINARY 1u  // fopen mode "rb"

static int s_host = -1;  // semihosting handle of HOST_INPUT; -1: the USART is the input
static uint8_t s_host_buf[64];
static uint8_t s_host_len;  // bytes in s_host_buf
static uint8_t s_host_pos;  // the next one to return

static bool open_host_input(void) {
    if (!hal_stm32_in_emulator()) {
        return false;
    }
    static const char name[] = HOST_INPUT;
    const uint32_t block[3] = {(uint32_t)name, SYS_OPEN_READ_BINARY, sizeof name - 1u};
    s_host = hal_stm32_semihosting(SYS_OPEN, block);
    return s_host >= 0;
}

static int read_host_input(void) {
    if (s_host_pos == s_host_len) {
        hal_stm32_console_flush();  // a prompt goes out before the wait
        uint32_t block[3] = {(uint32_t)s_host, (uint32_t)s_host_buf, sizeof s_host_buf};
        // The result is the number of bytes NOT read: all of them at the end.
        int left = hal_stm32_semihosting(SYS_READ, block);
        if (left < 0 || (uint32_t)left >= sizeof s_host_buf) {
            return -1;  // the end of the input (or an error reading it)
        }
        s_host_len = (uint8_t)(sizeof s_host_buf - (uint32_t)left);
        s_host_pos = 0;
    }
    return s_host_buf[s_host_pos++];
}

// ---- the console ------------------------------------------------------------

int hal_console_read(int timeout_ms) {
    if (!s_started) {
        s_started = true;
        if (open_host_input()) {
            return read_host_input();
        }
        CONSOLE->CR1 |= USART_CR1_RXNEIE;
        hal_stm32_irq_enable(CONSOLE_IRQ);
    }
    if (s_host >= 0) {
        return read_host_input();
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
