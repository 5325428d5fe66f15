// Clocks, the 1 ms SysTick tick, ticks and delays (hal_ticks_*, hal_delay_*).
//
// Clock tree of the pyboard (numbers from board_config.h; limits from the
// STM32F405 datasheet and RM0090 sec. 6):
//
//   source       | divider / multiplier  | result   | limit
//   -------------|-----------------------|----------|------------------------
//   HSE 8 MHz    | PLL M = 8             | 1 MHz    | VCO input 1..2 MHz
//   VCO input    | PLL N = 336           | 336 MHz  | VCO 100..432 MHz
//   VCO          | PLL P = 2             | 168 MHz  | SYSCLK max 168 MHz
//   VCO          | PLL Q = 7             | 48 MHz   | USB/SDIO need 48 MHz
//   SYSCLK       | AHB /1                | 168 MHz  | HCLK (core, SysTick)
//   HCLK         | APB1 /4               | 42 MHz   | APB1 max 42 MHz
//   HCLK         | APB2 /2               | 84 MHz   | APB2 max 84 MHz
//
// Flash wait states at 2.7-3.6 V (RM0090 table 10): 0 WS up to 30 MHz,
// then one more per 30 MHz: 5 WS for 150..168 MHz.
//
// Every wait for a ready flag is bounded. If the HSE does not start, the PLL
// runs from the HSI (16 MHz, M = 16); if the PLL does not lock, the chip
// stays on the HSI. QEMU models no RCC at all (every wait times out) but
// always runs the core and SysTick at 168 MHz, so under QEMU the tick is
// computed from the nominal SYSCLK, never from the fallback.

#include "stm32f405.h"

// Until hal_stm32_clock_init runs (a fault that early), the reset clocks.
hal_stm32_clocks_t hal_stm32_clocks = {UP_BOARD_HSI_HZ, UP_BOARD_HSI_HZ, UP_BOARD_HSI_HZ};

static volatile uint32_t s_ticks_ms;  // incremented by SysTick_Handler
static uint32_t s_cycles_per_us;      // HCLK / 1 MHz

// About 40 ms at 16 MHz: longer than any crystal or PLL needs to start.
#define READY_POLLS 200000u

// Waits until (*reg & mask) == value; returns 0 on timeout. Gives up at
// once when there is no RCC at all (QEMU: RCC_CR reads 0, whereas on silicon
// the HSI we run on is on and ready), so that an emulator run does not spend
// READY_POLLS reads, each logged by -d unimp, on every wait.
static int wait_bits(volatile uint32_t *reg, uint32_t mask, uint32_t value) {
    for (uint32_t n = 0; n < READY_POLLS; n++) {
        if ((*reg & mask) == value) {
            return 1;
        }
        if (hal_stm32_in_emulator()) {
            return 0;
        }
    }
    return 0;
}

void hal_stm32_clock_init(void) {
    // The flash must be slowed down before the core speeds up.
    FLASH_IF->ACR = FLASH_ACR_LATENCY(UP_BOARD_FLASH_WAIT_STATES) | FLASH_ACR_PRFTEN |
                    FLASH_ACR_ICEN | FLASH_ACR_DCEN;
    // RM0090 3.5.1: read the latency back before changing the clock.
    wait_bits(&FLASH_IF->ACR, 7u, FLASH_ACR_LATENCY(UP_BOARD_FLASH_WAIT_STATES));

    // PLL input: the crystal if it starts, else the HSI; both give 1 MHz after M.
    uint32_t pll_src = RCC_PLLCFGR_SRC_HSE;
    uint32_t pll_m = UP_BOARD_PLL_M;
    RCC->CR |= RCC_CR_HSEON;
    if (!wait_bits(&RCC->CR, RCC_CR_HSERDY, RCC_CR_HSERDY)) {
        RCC->CR &= ~RCC_CR_HSEON;
        pll_src = 0;
        pll_m = UP_BOARD_HSI_HZ / (UP_BOARD_HSE_HZ / UP_BOARD_PLL_M);
    }
    RCC->PLLCFGR = (RCC->PLLCFGR & ~RCC_PLLCFGR_FIELDS) | RCC_PLLCFGR_M(pll_m) |
                   RCC_PLLCFGR_N(UP_BOARD_PLL_N) | RCC_PLLCFGR_P(UP_BOARD_PLL_P) |
                   RCC_PLLCFGR_Q(UP_BOARD_PLL_Q) | pll_src;

    // Bus prescalers first, so that APB1/APB2 never exceed their limits.
    RCC->CFGR = (RCC->CFGR & ~RCC_CFGR_PRE_MASK) | RCC_CFGR_HPRE(UP_BOARD_AHB_DIV) |
                RCC_CFGR_PPRE1(UP_BOARD_APB1_DIV) | RCC_CFGR_PPRE2(UP_BOARD_APB2_DIV);

    uint32_t sysclk = UP_BOARD_HSI_HZ;
    RCC->CR |= RCC_CR_PLLON;
    if (wait_bits(&RCC->CR, RCC_CR_PLLRDY, RCC_CR_PLLRDY)) {
        RCC->CFGR = (RCC->CFGR & ~RCC_CFGR_SW_MASK) | RCC_CFGR_SW_PLL;
        if (wait_bits(&RCC->CFGR, RCC_CFGR_SWS_MASK, RCC_CFGR_SWS_PLL)) {
            sysclk = UP_BOARD_SYSCLK_HZ;
        }
    }
    if (hal_stm32_in_emulator()) {
        sysclk = UP_BOARD_SYSCLK_HZ;  // QEMU's clocks are fixed at the nominal rate
    }
    uint32_t hclk = sysclk / UP_BOARD_AHB_DIV;
    hal_stm32_clocks.sysclk_hz = sysclk;
    hal_stm32_clocks.pclk1_hz = hclk / UP_BOARD_APB1_DIV;
    hal_stm32_clocks.pclk2_hz = hclk / UP_BOARD_APB2_DIV;

    // SysTick on the processor clock: reload HCLK/1000 - 1 = 167999 -> 1 ms.
    s_cycles_per_us = hclk / 1000000u;
    SYSTICK->RVR = hclk / 1000u - 1u;
    SYSTICK->CVR = 0;
    SYSTICK->CSR = SYSTICK_CSR_ENABLE | SYSTICK_CSR_TICKINT | SYSTICK_CSR_CLKSOURCE;
}

void SysTick_Handler(void) {
    s_ticks_ms++;
}

uint32_t hal_ticks_ms(void) {
    return s_ticks_ms;
}

uint32_t hal_ticks_us(void) {
    uint32_t ms;
    uint32_t val;
    do {
        ms = s_ticks_ms;
        val = SYSTICK->CVR;
    } while (ms != s_ticks_ms);  // a tick came in between: read again
    uint32_t reload = SYSTICK->RVR;
    // The counter wrapped (it counts down from reload) but the tick is not
    // counted yet, because interrupts are masked: one more ms.
    if ((SCB->ICSR & SCB_ICSR_PENDSTSET) && val > reload / 2u) {
        ms++;
    }
    return ms * 1000u + (reload - val) / s_cycles_per_us;
}

void hal_delay_ms(uint32_t ms) {
    uint32_t start = s_ticks_ms;
    while ((uint32_t)(s_ticks_ms - start) < ms) {
        // Sleep until the next interrupt (at the latest the next tick).
        __asm volatile("wfi");
    }
}

void hal_delay_us(uint32_t us) {
    if (us >= 1000u) {
        hal_delay_ms(us / 1000u);
        us %= 1000u;
    }
    uint32_t start = hal_ticks_us();
    while ((uint32_t)(hal_ticks_us() - start) < us) {
    }
}
