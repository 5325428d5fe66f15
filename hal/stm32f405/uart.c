// The console: a USART at 115200 8N1, polled (hal_console_*, hal_error_write).
//
// Which USART and pins come from board_config.h (pyboard: USART1 on PB6/PB7,
// alternate function 7). Bytes are sent as they are: no "\n" -> "\r\n"
// translation, so the console carries exactly what the program printed.
//
//   USART | base        | bus  | clock enable (RM0090 7.3.13/14)
//   ------|-------------|------|--------------------------------
//   1     | 0x40011000  | APB2 | APB2ENR bit 4
//   2     | 0x40004400  | APB1 | APB1ENR bit 17
//   3     | 0x40004800  | APB1 | APB1ENR bit 18
//   4     | 0x40004C00  | APB1 | APB1ENR bit 19
//   5     | 0x40005000  | APB1 | APB1ENR bit 20
//   6     | 0x40011400  | APB2 | APB2ENR bit 5

#include "stm32f405.h"

#if UP_BOARD_CONSOLE_UART == 1
#define CONSOLE_BASE 0x40011000u
#define CONSOLE_APB2 1
#define CONSOLE_EN_BIT 4u
#elif UP_BOARD_CONSOLE_UART == 2
#define CONSOLE_BASE 0x40004400u
#define CONSOLE_APB2 0
#define CONSOLE_EN_BIT 17u
#elif UP_BOARD_CONSOLE_UART == 3
#define CONSOLE_BASE 0x40004800u
#define CONSOLE_APB2 0
#define CONSOLE_EN_BIT 18u
#elif UP_BOARD_CONSOLE_UART == 4
#define CONSOLE_BASE 0x40004C00u
#define CONSOLE_APB2 0
#define CONSOLE_EN_BIT 19u
#elif UP_BOARD_CONSOLE_UART == 5
#define CONSOLE_BASE 0x40005000u
#define CONSOLE_APB2 0
#define CONSOLE_EN_BIT 20u
#elif UP_BOARD_CONSOLE_UART == 6
#define CONSOLE_BASE 0x40011400u
#define CONSOLE_APB2 1
#define CONSOLE_EN_BIT 5u
#else
#error "board_config.h: UP_BOARD_CONSOLE_UART must be 1..6 on the STM32F405"
#endif

#define CONSOLE ((usart_regs_t *)CONSOLE_BASE)

// About 100 ms of polling: enough for one byte at any sane baud rate.
#define TX_POLLS 1000000u

void hal_stm32_console_init(void) {
    uint32_t pclk;
#if CONSOLE_APB2
    RCC->APB2ENR |= 1u << CONSOLE_EN_BIT;
    (void)RCC->APB2ENR;
    pclk = hal_stm32_clocks.pclk2_hz;
#else
    RCC->APB1ENR |= 1u << CONSOLE_EN_BIT;
    (void)RCC->APB1ENR;
    pclk = hal_stm32_clocks.pclk1_hz;
#endif
    if (pclk == 0) {
        pclk = UP_BOARD_HSI_HZ;  // before clock set-up (a very early fault): reset clocks
    }
    hal_stm32_gpio_af(UP_BOARD_CONSOLE_TX_PIN, UP_BOARD_CONSOLE_AF, HAL_PULL_NONE);
    // RX pulled up, so that an unplugged line idles high instead of floating.
    hal_stm32_gpio_af(UP_BOARD_CONSOLE_RX_PIN, UP_BOARD_CONSOLE_AF, HAL_PULL_UP);

    // Oversampling by 16: BRR = PCLK / baud, rounded (mantissa.fraction in 12.4).
    // 84 MHz / 115200 = 729.2 -> 729 = 45 + 9/16.
    CONSOLE->CR1 = 0;
    CONSOLE->BRR = (pclk + UP_BOARD_CONSOLE_BAUD / 2u) / UP_BOARD_CONSOLE_BAUD;
    CONSOLE->CR2 = 0;  // 1 stop bit
    CONSOLE->CR3 = 0;  // no flow control
    CONSOLE->CR1 = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE;
}

static void put_byte(uint8_t c) {
    for (uint32_t n = 0; n < TX_POLLS && !(CONSOLE->SR & USART_SR_TXE); n++) {
    }
    CONSOLE->DR = c;
}

void hal_console_write(const char *buf, size_t len) {
    for (size_t i = 0; i < len; i++) {
        put_byte((uint8_t)buf[i]);
    }
}

void hal_error_write(const char *buf, size_t len) {
    hal_console_write(buf, len);  // one console on the board, as MicroPython
}

void hal_stm32_console_flush(void) {
    for (uint32_t n = 0; n < TX_POLLS && !(CONSOLE->SR & USART_SR_TC); n++) {
    }
}

int hal_console_read(int timeout_ms) {
    uint32_t start = hal_ticks_ms();
    for (;;) {
        uint32_t sr = CONSOLE->SR;
        if (sr & USART_SR_RXNE) {
            return (int)(CONSOLE->DR & 0xFFu);
        }
        if (sr & USART_SR_ERRORS) {
            (void)CONSOLE->DR;  // SR then DR clears overrun/framing/noise errors
        }
        // Polled, without sleeping: the USART holds one byte, and the next
        // one arrives 87 us later at 115200 baud.
        if (timeout_ms >= 0 && hal_ticks_ms() - start >= (uint32_t)timeout_ms) {
            return -1;
        }
    }
}
