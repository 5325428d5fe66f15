// Reset and the vector table of the STM32F405.
//
// The core boots from the table at 0x08000000 (linker: .isr_vector first in
// flash): word 0 is the initial SP, word 1 the reset handler, then the 14
// other system exceptions and the 82 interrupts of the F405 (RM0090 table 61).
// Every interrupt handler is a weak alias: the runtime defines
// e.g. USART1_IRQHandler to take it; an interrupt nobody handles ends in the
// fault report (fault.c), which names it by its IPSR number.

#include "stm32f405.h"

typedef void (*handler_t)(void);

// A slot holds either the initial stack pointer or a handler.
typedef union {
    handler_t handler;
    void *sp;
} vector_t;

_Noreturn void Reset_Handler(void);

// Every exception and interrupt nobody handles: the fault report (fault.c).
// A plain branch keeps LR (EXC_RETURN) and the stacked frame as they are.
__attribute__((naked)) void Default_Handler(void) {
    __asm volatile("b hal_stm32_fault_entry");
}

// System exceptions a program may take over (weak: the fault report otherwise).
void NMI_Handler(void) __attribute__((weak, alias("Default_Handler")));
void HardFault_Handler(void) __attribute__((weak, alias("Default_Handler")));
void MemManage_Handler(void) __attribute__((weak, alias("Default_Handler")));
void BusFault_Handler(void) __attribute__((weak, alias("Default_Handler")));
void UsageFault_Handler(void) __attribute__((weak, alias("Default_Handler")));
void SVC_Handler(void) __attribute__((weak, alias("Default_Handler")));
void DebugMon_Handler(void) __attribute__((weak, alias("Default_Handler")));
void PendSV_Handler(void) __attribute__((weak, alias("Default_Handler")));
void SysTick_Handler(void);  // clock.c

// The 82 interrupts, IRQ 0..81 (RM0090 table 61). Some slots (Ethernet,
// DCMI, CRYP) are for the F407/F415 family members and never fire on an F405.
#define STM32F405_IRQS(X)                                                         \
    X(WWDG)               /*  0 window watchdog */                                \
    X(PVD)                /*  1 PVD through EXTI line 16 */                       \
    X(TAMP_STAMP)         /*  2 tamper and time stamp, EXTI 21 */                 \
    X(RTC_WKUP)           /*  3 RTC wakeup, EXTI 22 */                            \
    X(FLASH)              /*  4 flash interface */                                \
    X(RCC)                /*  5 */                                                \
    X(EXTI0)              /*  6 */                                                \
    X(EXTI1)              /*  7 */                                                \
    X(EXTI2)              /*  8 */                                                \
    X(EXTI3)              /*  9 */                                                \
    X(EXTI4)              /* 10 */                                                \
    X(DMA1_Stream0)       /* 11 */                                                \
    X(DMA1_Stream1)       /* 12 */                                                \
    X(DMA1_Stream2)       /* 13 */                                                \
    X(DMA1_Stream3)       /* 14 */                                                \
    X(DMA1_Stream4)       /* 15 */                                                \
    X(DMA1_Stream5)       /* 16 */                                                \
    X(DMA1_Stream6)       /* 17 */                                                \
    X(ADC)                /* 18 ADC1, ADC2, ADC3 */                               \
    X(CAN1_TX)            /* 19 */                                                \
    X(CAN1_RX0)           /* 20 */                                                \
    X(CAN1_RX1)           /* 21 */                                                \
    X(CAN1_SCE)           /* 22 */                                                \
    X(EXTI9_5)            /* 23 EXTI lines 5..9 */                                \
    X(TIM1_BRK_TIM9)      /* 24 */                                                \
    X(TIM1_UP_TIM10)      /* 25 */                                                \
    X(TIM1_TRG_COM_TIM11) /* 26 */                                                \
    X(TIM1_CC)            /* 27 */                                                \
    X(TIM2)               /* 28 */                                                \
    X(TIM3)               /* 29 */                                                \
    X(TIM4)               /* 30 */                                                \
    X(I2C1_EV)            /* 31 */                                                \
    X(I2C1_ER)            /* 32 */                                                \
    X(I2C2_EV)            /* 33 */                                                \
    X(I2C2_ER)            /* 34 */                                                \
    X(SPI1)               /* 35 */                                                \
    X(SPI2)               /* 36 */                                                \
    X(USART1)             /* 37 */                                                \
    X(USART2)             /* 38 */                                                \
    X(USART3)             /* 39 */                                                \
    X(EXTI15_10)          /* 40 EXTI lines 10..15 */                              \
    X(RTC_Alarm)          /* 41 RTC alarms, EXTI 17 */                            \
    X(OTG_FS_WKUP)        /* 42 USB OTG FS wakeup, EXTI 18 */                     \
    X(TIM8_BRK_TIM12)     /* 43 */                                                \
    X(TIM8_UP_TIM13)      /* 44 */                                                \
    X(TIM8_TRG_COM_TIM14) /* 45 */                                                \
    X(TIM8_CC)            /* 46 */                                                \
    X(DMA1_Stream7)       /* 47 */                                                \
    X(FSMC)               /* 48 */                                                \
    X(SDIO)               /* 49 */                                                \
    X(TIM5)               /* 50 */                                                \
    X(SPI3)               /* 51 */                                                \
    X(UART4)              /* 52 */                                                \
    X(UART5)              /* 53 */                                                \
    X(TIM6_DAC)           /* 54 TIM6, DAC underrun */                             \
    X(TIM7)               /* 55 */                                                \
    X(DMA2_Stream0)       /* 56 */                                                \
    X(DMA2_Stream1)       /* 57 */                                                \
    X(DMA2_Stream2)       /* 58 */                                                \
    X(DMA2_Stream3)       /* 59 */                                                \
    X(DMA2_Stream4)       /* 60 */                                                \
    X(ETH)                /* 61 not on F405 */                                    \
    X(ETH_WKUP)           /* 62 not on F405 */                                    \
    X(CAN2_TX)            /* 63 */                                                \
    X(CAN2_RX0)           /* 64 */                                                \
    X(CAN2_RX1)           /* 65 */                                                \
    X(CAN2_SCE)           /* 66 */                                                \
    X(OTG_FS)             /* 67 */                                                \
    X(DMA2_Stream5)       /* 68 */                                                \
    X(DMA2_Stream6)       /* 69 */                                                \
    X(DMA2_Stream7)       /* 70 */                                                \
    X(USART6)             /* 71 */                                                \
    X(I2C3_EV)            /* 72 */                                                \
    X(I2C3_ER)            /* 73 */                                                \
    X(OTG_HS_EP1_OUT)     /* 74 */                                                \
    X(OTG_HS_EP1_IN)      /* 75 */                                                \
    X(OTG_HS_WKUP)        /* 76 */                                                \
    X(OTG_HS)             /* 77 */                                                \
    X(DCMI)               /* 78 not on F405 */                                    \
    X(CRYP)               /* 79 not on F405 */                                    \
    X(HASH_RNG)           /* 80 RNG */                                            \
    X(FPU)                /* 81 */

#define DECLARE_IRQ(name) \
    void name##_IRQHandler(void) __attribute__((weak, alias("Default_Handler")));
STM32F405_IRQS(DECLARE_IRQ)

#define VECTOR_IRQ(name) {.handler = name##_IRQHandler},

__attribute__((section(".isr_vector"), used)) static const vector_t vector_table[16 + 82] = {
    {.sp = _estack},                 // initial SP: top of the stack at the bottom of RAM
    {.handler = Reset_Handler},      // 1
    {.handler = NMI_Handler},        // 2
    {.handler = HardFault_Handler},  // 3
    {.handler = MemManage_Handler},  // 4
    {.handler = BusFault_Handler},   // 5
    {.handler = UsageFault_Handler}, // 6
    {0},                             // 7 reserved
    {0},                             // 8 reserved
    {0},                             // 9 reserved
    {0},                             // 10 reserved
    {.handler = SVC_Handler},        // 11
    {.handler = DebugMon_Handler},   // 12
    {0},                             // 13 reserved
    {.handler = PendSV_Handler},     // 14
    {.handler = SysTick_Handler},    // 15
    STM32F405_IRQS(VECTOR_IRQ)       // 16 + IRQ number
};

// Runs on the initial stack (_estack) in privileged thread mode. The copy
// loops must stay loops: gcc would otherwise call memcpy/memset, which
// costs 450 bytes of flash in a program that needs neither.
__attribute__((optimize("no-tree-loop-distribute-patterns"))) _Noreturn void Reset_Handler(void) {
    // .data: initial values from flash; .bss: zeros.
    uint32_t *src = _sidata;
    for (uint32_t *dst = _sdata; dst < _edata; dst++) {
        *dst = *src++;
    }
    for (uint32_t *dst = _sbss; dst < _ebss; dst++) {
        *dst = 0;
    }

    // Interrupts use this table even when we were started by a bootloader
    // (the ST DFU loader's "leave" jump) that left another one mapped at 0.
    SCB->VTOR = (uint32_t)vector_table;

    // The FPU: full access to CP10/CP11 before the first float instruction
    // (otherwise a UsageFault NOCP). The barriers make it take effect now.
    SCB->CPACR |= SCB_CPACR_CP10_CP11;
    __asm volatile("dsb\n\tisb" ::: "memory");

    hal_init();
    hal_exit(up_main());
}
