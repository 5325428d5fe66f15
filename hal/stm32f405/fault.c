// The fault report: HardFault, MemManage, BusFault, UsageFault, NMI and any
// interrupt without a handler end here (startup.c aliases them all).
//
// On the console:
//
//   *** HardFault
//   IPSR=0x00000003 CFSR=0x00009200 HFSR=0x40000000 MMFAR=0xe000edf8 BFAR=0x1ffffff8
//   PC=0x080001a4 LR=0x08000211 SP=0x1fffffe0
//
// PC and LR come from the exception frame the core stacked; it is read only
// when it lies inside RAM (a stack overflow faults while stacking, and the
// frame is then below RAM): otherwise they show as 0xffffffff. Any other
// exception is reported as "*** exception" with its IPSR: 2 NMI, 4 MemManage,
// 5 BusFault, 6 UsageFault (when a program enables them), 11 SVCall,
// 14 PendSV, 16 + n interrupt n -- each without a handler. `uptc run` decodes PC to a source line.
// Then: under the emulator, exit with status 100 + IPSR; on a board, blink
// the red LED fast forever.
//
// Fault status bits worth knowing (ARMv7-M ARM B3.2.15/16):
//   CFSR  bit 0 IACCVIOL, 1 DACCVIOL, 7 MMARVALID       (MemManage)
//         bit 8 IBUSERR, 9 PRECISERR, 10 IMPRECISERR,
//             12 STKERR, 15 BFARVALID                    (BusFault)
//         bit 16 UNDEFINSTR, 17 INVSTATE, 19 NOCP,
//             24 UNALIGNED, 25 DIVBYZERO                 (UsageFault)
//   HFSR  bit 30 FORCED (escalated from a configurable fault)

#include "stm32f405.h"

_Noreturn void hal_stm32_fault(const uint32_t *frame);

// Entered with the faulting context's registers stacked on MSP or PSP
// (EXC_RETURN bit 2 says which). The stack in use may be the one that
// overflowed, so the report runs on a fresh stack from the top of the stack
// region: the program is over, nothing there is needed any more.
__attribute__((naked, used)) void hal_stm32_fault_entry(void) {
    __asm volatile(
        "tst   lr, #4\n\t"
        "ite   eq\n\t"
        "mrseq r0, msp\n\t"
        "mrsne r0, psp\n\t"
        "ldr   r1, =_estack\n\t"
        "mov   sp, r1\n\t"
        "b     hal_stm32_fault\n\t"
        ".ltorg");
}

static void put(const char *s) {
    const char *e = s;
    while (*e) {
        e++;
    }
    hal_console_write(s, (size_t)(e - s));
}

// Writes v as 0x%08x.
static void put_hex(uint32_t v) {
    char buf[10];
    buf[0] = '0';
    buf[1] = 'x';
    for (int i = 0; i < 8; i++) {
        buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xFu];
    }
    hal_console_write(buf, sizeof buf);
}

// The report's values, in this order, each after its label.
static const char s_labels[] = "IPSR=\0 CFSR=\0 HFSR=\0 MMFAR=\0 BFAR=\0\nPC=\0 LR=\0 SP=";
enum { N_VALUES = 8 };

__attribute__((used)) _Noreturn void hal_stm32_fault(const uint32_t *frame) {
    uint32_t ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    ipsr &= 0x1FFu;

    // Stacked frame: r0, r1, r2, r3, r12, lr, pc, xpsr. Read it only when it
    // lies in RAM; otherwise PC and LR show as 0xffffffff.
    uintptr_t f = (uintptr_t)frame;
    uint32_t pc = 0xFFFFFFFFu;
    uint32_t lr = 0xFFFFFFFFu;
    if (f >= (uintptr_t)_sstack && f + 32u <= (uintptr_t)_eheap && (f & 3u) == 0) {
        pc = frame[6];
        lr = frame[5];
    }
    const uint32_t values[N_VALUES] = {
        ipsr, SCB->CFSR, SCB->HFSR, SCB->MMFAR, SCB->BFAR, pc, lr, (uint32_t)f,
    };

    hal_stm32_console_init();  // the fault may have hit before or during hal_init
    put("\n*** ");
    // MemManage, BusFault and UsageFault are not enabled (SHCSR), so faults
    // arrive as HardFault; anything else is named by its IPSR alone.
    put(ipsr == 3u ? "HardFault" : "exception");
    put("\n");
    const char *label = s_labels;
    for (int i = 0; i < N_VALUES; i++) {
        put(label);
        put_hex(values[i]);
        while (*label++) {
        }
    }
    put("\n");
    hal_stm32_console_flush();

    if (hal_stm32_in_emulator()) {
        hal_stm32_semihosting_exit((int)(100u + ipsr));
    }
    hal_stm32_blink_forever(50);
}
