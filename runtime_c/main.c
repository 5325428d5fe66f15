// The runtime's entry: set up the heap and the stack limit and run the
// compiled program. The program (generated up_program_main) returns the exit
// status; only a program that can raise calls up_report_uncaught, so a
// program that cannot fail links no traceback or exception printing at all.
#include "up.h"

#include "hal.h"

// Exit status for SystemExit(code): None -> 0, an int -> itself, anything
// else is printed to the error stream -> 1.
static int system_exit_status(up_obj_t exc) {
    up_obj_t code = up_exc_value(exc);
    if (code == UP_NONE) {
        return 0;
    }
    if (up_is_small(code)) {
        return (int)up_small_value(code);
    }
    if (up_is_bool(code)) {
        return code == UP_TRUE;
    }
    if (up_print_obj(&up_stderr_printer, code, UP_PRINT_STR) < 0) {
        up_exc_fetch();
    }
    up_printer_putc(&up_stderr_printer, '\n');
    return 1;
}

int up_report_uncaught(void) {
    up_obj_t exc = up_exc_fetch();
    if (up_type_derives(up_exc_type(exc), &up_type_SystemExit)) {
        return system_exit_status(exc);
    }
    up_print_exception(exc);
    return 1;
}

// Runs below up_main's frame, so the GC's stack scan (from the address
// up_main passes as the stack top) covers every frame that holds objects.
static __attribute__((noinline)) int run(void) {
    return up_program_main();
}

int up_main(void) {
    volatile char top;
    void *heap_start, *heap_end;
    hal_heap_bounds(&heap_start, &heap_end);
    up_gc_init(heap_start, heap_end, (void *)&top);
    // Leave room below the limit for the runtime's own calls (printing the
    // RecursionError traceback, a sort's recursion) after the check fires.
    uintptr_t limit = hal_stack_limit();
    uintptr_t room = ((uintptr_t)&top - limit) / 8;
    if (room < 256) {
        room = 256;
    }
    if (room > 64 * 1024) {
        room = 64 * 1024;
    }
    up_stack_limit = limit + room;
    return run();
}
