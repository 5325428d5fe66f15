// STM32F405 register blocks and bits used by hal/stm32f405, and the HAL's
// internal interface between its files.
//
// Written from the reference manual RM0090 (STM32F405/415, 407/417, 427/437,
// 429/439) and the ARMv7-M Architecture Reference Manual. Only the registers
// the HAL uses are named; every struct is checked against the manual's
// offsets with _Static_assert, so a missing reserved word fails the build.
#ifndef UP_HAL_STM32F405_H
#define UP_HAL_STM32F405_H

#include <stddef.h>
#include <stdint.h>

#include "board_config.h"
#include "hal.h"

// ---- Cortex-M4 system control (ARMv7-M ARM, B3.2) ------------------------

// System control block, 0xE000ED00.
typedef struct {
    volatile uint32_t CPUID;     // 0x00
    volatile uint32_t ICSR;      // 0x04 interrupt control and state
    volatile uint32_t VTOR;      // 0x08
    volatile uint32_t AIRCR;     // 0x0C
    volatile uint32_t SCR;       // 0x10
    volatile uint32_t CCR;       // 0x14
    volatile uint32_t SHPR[3];   // 0x18 system handler priorities
    volatile uint32_t SHCSR;     // 0x24
    volatile uint32_t CFSR;      // 0x28 configurable fault status (MMFSR|BFSR|UFSR)
    volatile uint32_t HFSR;      // 0x2C hard fault status
    volatile uint32_t DFSR;      // 0x30
    volatile uint32_t MMFAR;     // 0x34 MemManage fault address
    volatile uint32_t BFAR;      // 0x38 BusFault address
    volatile uint32_t AFSR;      // 0x3C
    uint32_t reserved0[18];      // 0x40..0x84 feature registers
    volatile uint32_t CPACR;     // 0x88 coprocessor access control
} scb_regs_t;
_Static_assert(offsetof(scb_regs_t, ICSR) == 0x04, "SCB ICSR");
_Static_assert(offsetof(scb_regs_t, SHCSR) == 0x24, "SCB SHCSR");
_Static_assert(offsetof(scb_regs_t, CFSR) == 0x28, "SCB CFSR");
_Static_assert(offsetof(scb_regs_t, HFSR) == 0x2C, "SCB HFSR");
_Static_assert(offsetof(scb_regs_t, MMFAR) == 0x34, "SCB MMFAR");
_Static_assert(offsetof(scb_regs_t, BFAR) == 0x38, "SCB BFAR");
_Static_assert(offsetof(scb_regs_t, CPACR) == 0x88, "SCB CPACR");
#define SCB ((scb_regs_t *)0xE000ED00u)

#define SCB_ICSR_PENDSTSET (1u << 26)   // SysTick exception pending
#define SCB_CPACR_CP10_CP11 (0xFu << 20) // full access to the FPU (CP10, CP11)

// SysTick timer, 0xE000E010.
typedef struct {
    volatile uint32_t CSR;    // 0x00 control and status
    volatile uint32_t RVR;    // 0x04 reload value (24 bits)
    volatile uint32_t CVR;    // 0x08 current value (counts down)
    volatile uint32_t CALIB;  // 0x0C
} systick_regs_t;
_Static_assert(offsetof(systick_regs_t, RVR) == 0x04, "SysTick RVR");
_Static_assert(offsetof(systick_regs_t, CVR) == 0x08, "SysTick CVR");
#define SYSTICK ((systick_regs_t *)0xE000E010u)

#define SYSTICK_CSR_ENABLE (1u << 0)
#define SYSTICK_CSR_TICKINT (1u << 1)
#define SYSTICK_CSR_CLKSOURCE (1u << 2)  // 1 = processor clock (HCLK), 0 = HCLK/8
#define SYSTICK_CSR_COUNTFLAG (1u << 16) // counted to 0 since last read

// Nested vectored interrupt controller, 0xE000E100 (ARMv7-M ARM B3.4).
typedef struct {
    volatile uint32_t ISER[8];   // 0x000 set-enable, 1 bit per IRQ
    uint32_t reserved0[24];
    volatile uint32_t ICER[8];   // 0x080 clear-enable
    uint32_t reserved1[24];
    volatile uint32_t ISPR[8];   // 0x100 set-pending
    uint32_t reserved2[24];
    volatile uint32_t ICPR[8];   // 0x180 clear-pending
    uint32_t reserved3[24];
    volatile uint32_t IABR[8];   // 0x200 active
    uint32_t reserved4[56];
    volatile uint8_t IPR[240];   // 0x300 priority, 1 byte per IRQ (top 4 bits used)
} nvic_regs_t;
_Static_assert(offsetof(nvic_regs_t, ICER) == 0x080, "NVIC ICER");
_Static_assert(offsetof(nvic_regs_t, ISPR) == 0x100, "NVIC ISPR");
_Static_assert(offsetof(nvic_regs_t, ICPR) == 0x180, "NVIC ICPR");
_Static_assert(offsetof(nvic_regs_t, IABR) == 0x200, "NVIC IABR");
_Static_assert(offsetof(nvic_regs_t, IPR) == 0x300, "NVIC IPR");
#define NVIC ((nvic_regs_t *)0xE000E100u)

static inline void hal_stm32_irq_enable(unsigned irq) {
    NVIC->ISER[irq >> 5] = 1u << (irq & 31u);
}

// ---- RCC: reset and clock control, 0x40023800 (RM0090 sec. 7.3) ----------

typedef struct {
    volatile uint32_t CR;        // 0x00 clock control
    volatile uint32_t PLLCFGR;   // 0x04 PLL configuration
    volatile uint32_t CFGR;      // 0x08 clock configuration
    volatile uint32_t CIR;       // 0x0C
    volatile uint32_t AHB1RSTR;  // 0x10
    volatile uint32_t AHB2RSTR;  // 0x14
    volatile uint32_t AHB3RSTR;  // 0x18
    uint32_t reserved0;          // 0x1C
    volatile uint32_t APB1RSTR;  // 0x20
    volatile uint32_t APB2RSTR;  // 0x24
    uint32_t reserved1[2];       // 0x28, 0x2C
    volatile uint32_t AHB1ENR;   // 0x30 AHB1 peripheral clock enable (GPIOx)
    volatile uint32_t AHB2ENR;   // 0x34
    volatile uint32_t AHB3ENR;   // 0x38
    uint32_t reserved2;          // 0x3C
    volatile uint32_t APB1ENR;   // 0x40 APB1 peripheral clock enable (USART2..5)
    volatile uint32_t APB2ENR;   // 0x44 APB2 peripheral clock enable (USART1, 6)
} rcc_regs_t;
_Static_assert(offsetof(rcc_regs_t, PLLCFGR) == 0x04, "RCC PLLCFGR");
_Static_assert(offsetof(rcc_regs_t, CFGR) == 0x08, "RCC CFGR");
_Static_assert(offsetof(rcc_regs_t, APB1RSTR) == 0x20, "RCC APB1RSTR");
_Static_assert(offsetof(rcc_regs_t, AHB1ENR) == 0x30, "RCC AHB1ENR");
_Static_assert(offsetof(rcc_regs_t, APB1ENR) == 0x40, "RCC APB1ENR");
_Static_assert(offsetof(rcc_regs_t, APB2ENR) == 0x44, "RCC APB2ENR");
#define RCC ((rcc_regs_t *)0x40023800u)

// RCC_CR
#define RCC_CR_HSION (1u << 0)
#define RCC_CR_HSIRDY (1u << 1)
#define RCC_CR_HSEON (1u << 16)
#define RCC_CR_HSERDY (1u << 17)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
// RCC_PLLCFGR: M [5:0], N [14:6], P [17:16] (0=/2 1=/4 2=/6 3=/8), SRC [22], Q [27:24]
#define RCC_PLLCFGR_M(m) ((uint32_t)(m) << 0)
#define RCC_PLLCFGR_N(n) ((uint32_t)(n) << 6)
#define RCC_PLLCFGR_P(p) ((uint32_t)((p) / 2u - 1u) << 16)
#define RCC_PLLCFGR_SRC_HSE (1u << 22)
#define RCC_PLLCFGR_Q(q) ((uint32_t)(q) << 24)
#define RCC_PLLCFGR_FIELDS 0x0F437FFFu  // the bits above; the rest stay at reset value
// RCC_CFGR: SW [1:0], SWS [3:2], HPRE [7:4], PPRE1 [12:10], PPRE2 [15:13]
#define RCC_CFGR_SW_MASK (3u << 0)
#define RCC_CFGR_SW_PLL (2u << 0)
#define RCC_CFGR_SWS_MASK (3u << 2)
#define RCC_CFGR_SWS_PLL (2u << 2)
#define RCC_CFGR_PRE_MASK ((0xFu << 4) | (7u << 10) | (7u << 13))
// AHB prescaler codes: /1 = 0b0xxx, /2 = 0b1000, /4 = 0b1001 ... (RM0090 7.3.3)
#define RCC_HPRE_CODE(div) \
    ((div) == 1u ? 0u : (div) == 2u ? 8u : (div) == 4u ? 9u : (div) == 8u ? 10u : 11u)
// APB prescaler codes: /1 = 0b0xx, /2 = 0b100, /4 = 0b101, /8 = 0b110, /16 = 0b111
#define RCC_PPRE_CODE(div) \
    ((div) == 1u ? 0u : (div) == 2u ? 4u : (div) == 4u ? 5u : (div) == 8u ? 6u : 7u)
#define RCC_CFGR_HPRE(div) (RCC_HPRE_CODE(div) << 4)
#define RCC_CFGR_PPRE1(div) (RCC_PPRE_CODE(div) << 10)
#define RCC_CFGR_PPRE2(div) (RCC_PPRE_CODE(div) << 13)

// ---- Flash interface, 0x40023C00 (RM0090 sec. 3.9) ------------------------

typedef struct {
    volatile uint32_t ACR;  // 0x00 access control: latency, caches, prefetch
} flash_regs_t;
#define FLASH_IF ((flash_regs_t *)0x40023C00u)

#define FLASH_ACR_LATENCY(ws) ((uint32_t)(ws) << 0)
#define FLASH_ACR_PRFTEN (1u << 8)
#define FLASH_ACR_ICEN (1u << 9)
#define FLASH_ACR_DCEN (1u << 10)

// ---- GPIO ports A..I, 0x40020000 + 0x400 * port (RM0090 sec. 8.4) --------

typedef struct {
    volatile uint32_t MODER;    // 0x00 2 bits/pin: 00 in, 01 out, 10 alternate, 11 analog
    volatile uint32_t OTYPER;   // 0x04 1 bit/pin: 0 push-pull, 1 open drain
    volatile uint32_t OSPEEDR;  // 0x08
    volatile uint32_t PUPDR;    // 0x0C 2 bits/pin: 00 none, 01 pull-up, 10 pull-down
    volatile uint32_t IDR;      // 0x10 input data
    volatile uint32_t ODR;      // 0x14 output data
    volatile uint32_t BSRR;     // 0x18 bit set (low half) / reset (high half)
    volatile uint32_t LCKR;     // 0x1C
    volatile uint32_t AFR[2];   // 0x20 AFRL (pins 0-7), 0x24 AFRH (pins 8-15): 4 bits/pin
} gpio_regs_t;
_Static_assert(offsetof(gpio_regs_t, PUPDR) == 0x0C, "GPIO PUPDR");
_Static_assert(offsetof(gpio_regs_t, IDR) == 0x10, "GPIO IDR");
_Static_assert(offsetof(gpio_regs_t, ODR) == 0x14, "GPIO ODR");
_Static_assert(offsetof(gpio_regs_t, BSRR) == 0x18, "GPIO BSRR");
_Static_assert(offsetof(gpio_regs_t, AFR) == 0x20, "GPIO AFRL");
#define GPIO_PORT(port) ((gpio_regs_t *)(0x40020000u + 0x400u * (port)))

// ---- USART, 0x40011000 (USART1) etc. (RM0090 sec. 30.6) -------------------

typedef struct {
    volatile uint32_t SR;    // 0x00 status
    volatile uint32_t DR;    // 0x04 data
    volatile uint32_t BRR;   // 0x08 baud rate
    volatile uint32_t CR1;   // 0x0C control 1
    volatile uint32_t CR2;   // 0x10 control 2 (stop bits)
    volatile uint32_t CR3;   // 0x14 control 3 (flow control, DMA)
    volatile uint32_t GTPR;  // 0x18
} usart_regs_t;
_Static_assert(offsetof(usart_regs_t, DR) == 0x04, "USART DR");
_Static_assert(offsetof(usart_regs_t, BRR) == 0x08, "USART BRR");
_Static_assert(offsetof(usart_regs_t, CR1) == 0x0C, "USART CR1");
_Static_assert(offsetof(usart_regs_t, GTPR) == 0x18, "USART GTPR");

#define USART_SR_ERRORS 0x0Fu       // PE, FE, NF, ORE: cleared by reading SR then DR
#define USART_SR_RXNE (1u << 5)     // a received byte is in DR
#define USART_SR_TC (1u << 6)       // the last byte has left the shift register
#define USART_SR_TXE (1u << 7)      // DR may take the next byte
#define USART_CR1_RE (1u << 2)
#define USART_CR1_RXNEIE (1u << 5)  // interrupt while RXNE (or ORE) is set
#define USART_CR1_TE (1u << 3)
#define USART_CR1_UE (1u << 13)

// The console USART (board_config.h: UP_BOARD_CONSOLE_UART):
//
//   USART | base        | bus  | clock enable (RM0090 7.3.13/14) | IRQ
//   ------|-------------|------|---------------------------------|----
//   1     | 0x40011000  | APB2 | APB2ENR bit 4                   | 37
//   2     | 0x40004400  | APB1 | APB1ENR bit 17                  | 38
//   3     | 0x40004800  | APB1 | APB1ENR bit 18                  | 39
//   4     | 0x40004C00  | APB1 | APB1ENR bit 19                  | 52
//   5     | 0x40005000  | APB1 | APB1ENR bit 20                  | 53
//   6     | 0x40011400  | APB2 | APB2ENR bit 5                   | 71
#if UP_BOARD_CONSOLE_UART == 1
#define CONSOLE_BASE 0x40011000u
#define CONSOLE_APB2 1
#define CONSOLE_EN_BIT 4u
#define CONSOLE_IRQ 37u
#define CONSOLE_IRQHandler USART1_IRQHandler
#elif UP_BOARD_CONSOLE_UART == 2
#define CONSOLE_BASE 0x40004400u
#define CONSOLE_APB2 0
#define CONSOLE_EN_BIT 17u
#define CONSOLE_IRQ 38u
#define CONSOLE_IRQHandler USART2_IRQHandler
#elif UP_BOARD_CONSOLE_UART == 3
#define CONSOLE_BASE 0x40004800u
#define CONSOLE_APB2 0
#define CONSOLE_EN_BIT 18u
#define CONSOLE_IRQ 39u
#define CONSOLE_IRQHandler USART3_IRQHandler
#elif UP_BOARD_CONSOLE_UART == 4
#define CONSOLE_BASE 0x40004C00u
#define CONSOLE_APB2 0
#define CONSOLE_EN_BIT 19u
#define CONSOLE_IRQ 52u
#define CONSOLE_IRQHandler UART4_IRQHandler
#elif UP_BOARD_CONSOLE_UART == 5
#define CONSOLE_BASE 0x40005000u
#define CONSOLE_APB2 0
#define CONSOLE_EN_BIT 20u
#define CONSOLE_IRQ 53u
#define CONSOLE_IRQHandler UART5_IRQHandler
#elif UP_BOARD_CONSOLE_UART == 6
#define CONSOLE_BASE 0x40011400u
#define CONSOLE_APB2 1
#define CONSOLE_EN_BIT 5u
#define CONSOLE_IRQ 71u
#define CONSOLE_IRQHandler USART6_IRQHandler
#else
#error "board_config.h: UP_BOARD_CONSOLE_UART must be 1..6 on the STM32F405"
#endif
#define CONSOLE ((usart_regs_t *)CONSOLE_BASE)

// ---- the HAL's internal interface -----------------------------------------

// QEMU's netduinoplus2 does not model the RCC: RCC_CR reads 0 there. On
// silicon HSION/HSIRDY (or the PLL bits) are always set, so it never reads 0.
// This is the only test for "running under the emulator"; semihosting (bkpt)
// is used only when it is true, because on a board without a debugger a
// bkpt is a HardFault.
static inline int hal_stm32_in_emulator(void) {
    return RCC->CR == 0;
}

// Clock frequencies in use (after hal_stm32_clock_init).
typedef struct {
    uint32_t sysclk_hz;
    uint32_t pclk1_hz;  // APB1: USART2..5
    uint32_t pclk2_hz;  // APB2: USART1, 6
} hal_stm32_clocks_t;
extern hal_stm32_clocks_t hal_stm32_clocks;

void hal_stm32_clock_init(void);   // clock.c: PLL/HSI set-up and SysTick
void hal_stm32_console_init(void); // uart.c: the console USART and its pins
void hal_stm32_console_flush(void);
// gpio.c: a pin to alternate function `af` (push-pull) with a pull resistor.
void hal_stm32_gpio_af(unsigned pin, unsigned af, enum hal_gpio_pull pull);
// system.c: toggle LED1 (red) every half_period_ms forever, with interrupts
// or without (usable from a fault handler).
_Noreturn void hal_stm32_blink_forever(uint32_t half_period_ms);
// system.c: a semihosting call (bkpt 0xab): op in r0, argument block in r1.
// Only call it when hal_stm32_in_emulator().
int hal_stm32_semihosting(uint32_t op, const void *arg);
// system.c: end the emulator with `status` (semihosting SYS_EXIT_EXTENDED).
// Only call it when hal_stm32_in_emulator().
_Noreturn void hal_stm32_semihosting_exit(int status);

// Symbols from linker/stm32f405-sections.ld.
extern uint32_t _sidata[], _sdata[], _edata[], _sbss[], _ebss[];
extern uint32_t _sstack[], _estack[], _sheap[], _eheap[];

#endif
