// The console's output: a USART at 115200 8N1, polled (hal_console_write,
// hal_error_write), and its set-up.
//
// Which USART and pins come from board_config.h (pyboard: USART1 on PB6/PB7,
// alternate function 7; the table of USARTs is in stm32f405.h). Bytes are
// sent as they are: no "\n" -> "\r\n" translation, so the console carries
// exactly what the program printed. Input is in console_rx.c.

#include "stm32f405.h"

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

#define SYS_WRITE0 0x04u  // semihosting: a NUL-terminated string to the host's stderr

// Tracebacks: on a board the one console, as MicroPython does; under the
// emulator the host's stderr (semihosting), so that `uptc run --board
// pyboard` keeps the program's output and its errors apart as the host does.
void hal_error_write(const char *buf, size_t len) {
    if (!hal_stm32_in_emulator()) {
        hal_console_write(buf, len);
        return;
    }
    hal_stm32_console_flush();  // what the program printed comes first
    char chunk[33];
    while (len > 0) {
        size_t n = len < sizeof chunk - 1 ? len : sizeof chunk - 1;
        for (size_t i = 0; i < n; i++) {
            chunk[i] = buf[i] ? buf[i] : ' ';
        }
        chunk[n] = 0;
        hal_stm32_semihosting(SYS_WRITE0, chunk);
        buf += n;
        len -= n;
    }
}

void hal_stm32_console_flush(void) {
    for (uint32_t n = 0; n < TX_POLLS && !(CONSOLE->SR & USART_SR_TC); n++) {
    }
}
