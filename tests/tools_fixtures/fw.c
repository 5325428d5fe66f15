// Test firmware for `uptc monitor` and `uptc flash` tests: prints a banner on
// USART1, echoes what it receives until it sees '!', then faults on purpose
// (a load from 0x10000000: CCM RAM, which QEMU 7.2 does not map) and reports
// the fault in the format of uptc's HAL (hal/stm32f405/fault.c):
//   *** HardFault
//   IPSR=0x00000003 CFSR=0x00008200 HFSR=0x40000000 MMFAR=0x... BFAR=0x...
//   PC=0x080000b6 LR=0x08000131 SP=0x2001ffe0
// The #line directive makes the faulting load "app.py:7", as in generated C.
#include <stdint.h>

#define USART1_SR (*(volatile uint32_t *)0x40011000)
#define USART1_DR (*(volatile uint32_t *)0x40011004)
#define USART1_CR1 (*(volatile uint32_t *)0x4001100C)
#define SCB_CFSR (*(volatile uint32_t *)0xE000ED28)
#define SCB_HFSR (*(volatile uint32_t *)0xE000ED2C)
#define SCB_MMFAR (*(volatile uint32_t *)0xE000ED34)
#define SCB_BFAR (*(volatile uint32_t *)0xE000ED38)

extern uint32_t _estack, _sidata, _sdata, _edata, _sbss, _ebss;

static void put(const char *s) {
    while (*s) {
        while (!(USART1_SR & 0x80)) {  // TXE
        }
        USART1_DR = (uint32_t)*s++;
    }
}

static void put_hex(uint32_t v) {
    char buf[11] = "0x";
    for (int i = 0; i < 8; i++) {
        buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xF];
    }
    buf[10] = 0;
    put(buf);
}

static uint32_t crash(volatile uint32_t *p);

static int get(void) {
    while (!(USART1_SR & 0x20)) {  // RXNE
    }
    return (int)(USART1_DR & 0xFF);
}

void fault_report(uint32_t *frame) {
    uint32_t ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    put("\r\n*** HardFault\r\nIPSR=");
    put_hex(ipsr & 0x1FF);
    put(" CFSR=");
    put_hex(SCB_CFSR);
    put(" HFSR=");
    put_hex(SCB_HFSR);
    put(" MMFAR=");
    put_hex(SCB_MMFAR);
    put(" BFAR=");
    put_hex(SCB_BFAR);
    put("\r\nPC=");
    put_hex(frame[6]);
    put(" LR=");
    put_hex(frame[5]);
    put(" SP=");
    put_hex((uint32_t)frame);
    put("\r\n");
    for (;;) {
    }
}

__attribute__((naked)) void HardFault_Handler(void) {
    __asm volatile("tst lr, #4\n ite eq\n mrseq r0, msp\n mrsne r0, psp\n b fault_report\n");
}

void Reset_Handler(void) {
    for (uint32_t *s = &_sidata, *d = &_sdata; d < &_edata;) {
        *d++ = *s++;
    }
    for (uint32_t *d = &_sbss; d < &_ebss;) {
        *d++ = 0;
    }
    USART1_CR1 = 0x200C;  // UE | TE | RE: QEMU drops received bytes otherwise
    put("uptc test firmware ready\r\n");
    for (;;) {
        int c = get();
        if (c == '!') {
            break;
        }
        USART1_DR = (uint32_t)c;
    }
    put("\r\ncrashing\r\n");
    crash((volatile uint32_t *)0x10000000);
    for (;;) {
    }
}

__attribute__((section(".isr_vector"), used)) static const void *const vectors[16] = {
    &_estack, Reset_Handler, HardFault_Handler, HardFault_Handler,
    HardFault_Handler, HardFault_Handler, HardFault_Handler,
};

// Last in the file: the #line below renames the rest of the translation unit.
__attribute__((noinline)) static uint32_t crash(volatile uint32_t *p) {
#line 7 "app.py"
    return *p;
}
