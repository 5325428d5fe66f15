// The host HAL's entry point and memory: main(), hal_init, hal_exit, argv,
// the GC heap, the static roots and the stack limit.
//
// main() keeps argv, calls hal_init(), runs the program (up_main) and ends
// with hal_exit(status). The GC heap is a static array of UP_HEAP_SIZE bytes
// (board_config.h: UP_BOARD_HEAP_SIZE, 64 MB unless the build chose
// another); it lives in .bss, so the static roots are .data and .bss with the
// heap cut out.
//
// In a sanitizer build (uptc run --sanitize: ASan + UBSan, UBSan without
// recovery) every report ends the program with HAL_SANITIZER_STATUS, so that
// it is never mistaken for an ordinary ending (an uncaught exception exits
// with 1), and stdout is line-buffered, so that what the program printed
// before the report is not lost.

#define _GNU_SOURCE  // pthread_getattr_np
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "host.h"

#ifdef __SANITIZE_ADDRESS__
// "Hard error" in the test harnesses' convention; no uptc test program
// exits with it.
#define HAL_SANITIZER_STATUS "99"

// Read by the sanitizer runtimes before ASAN_OPTIONS / UBSAN_OPTIONS.
const char *__asan_default_options(void) {
    return "exitcode=" HAL_SANITIZER_STATUS;
}

const char *__ubsan_default_options(void) {
    return "halt_on_error=1:print_stacktrace=1:exitcode=" HAL_SANITIZER_STATUS;
}
#endif

#ifndef UP_HEAP_SIZE
#define UP_HEAP_SIZE UP_BOARD_HEAP_SIZE
#endif

// Room left below the stack limit for what runs without the runtime's
// check: libc, signal delivery, the sanitizers' reports.
#define STACK_MARGIN (256u * 1024u)
// When RLIMIT_STACK is unlimited, assume the usual default.
#define DEFAULT_STACK (8u * 1024u * 1024u)

static int s_argc;
static char **s_argv;
static uintptr_t s_stack_limit;

_Alignas(16) static unsigned char s_heap[UP_HEAP_SIZE];

// Linker-defined bounds of the data segments (GNU ld's default script).
extern char __data_start[], _edata[], __bss_start[], _end[];

static void find_stack_limit(void) {
    uintptr_t top = (uintptr_t)__builtin_frame_address(0);
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void *addr;
        size_t size;
        if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
            top = (uintptr_t)addr + size;  // the base: highest address of the stack
        }
        pthread_attr_destroy(&attr);
    }
    struct rlimit rl;
    uintptr_t size = DEFAULT_STACK;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        size = (uintptr_t)rl.rlim_cur;
    }
    s_stack_limit = top - size + STACK_MARGIN;
}

int main(int argc, char **argv) {
    s_argc = argc;
    s_argv = argv;
    find_stack_limit();
#ifdef __SANITIZE_ADDRESS__
    // A report ends the process without flushing stdio: what the program
    // printed before it must already be out.
    setvbuf(stdout, NULL, _IOLBF, BUFSIZ);
#endif
    hal_init();
    hal_exit(up_main());
}

void hal_init(void) {
    hal_host_clock_init();
    hal_host_trace_init();
}

_Noreturn void hal_exit(int status) {
    hal_host_console_flush();
    hal_host_trace_close();
    exit(status);
}

int hal_argc(void) {
    return s_argc;
}

const char *hal_argv(int i) {
    if (i < 0 || i >= s_argc) {
        return NULL;
    }
    return s_argv[i];
}

void hal_heap_bounds(void **start, void **end) {
    *start = s_heap;
    *end = s_heap + sizeof s_heap;
}

uintptr_t hal_stack_limit(void) {
    return s_stack_limit;
}

// Adds [start, end) minus the heap to ranges; returns the new count.
static size_t add_range(hal_range_t *ranges, size_t n, char *start, char *end) {
    char *h0 = (char *)s_heap;
    char *h1 = h0 + sizeof s_heap;
    if (h1 <= start || h0 >= end) {
        ranges[n++] = (hal_range_t){start, end};
        return n;
    }
    if (start < h0) {
        ranges[n++] = (hal_range_t){start, h0};
    }
    if (h1 < end) {
        ranges[n++] = (hal_range_t){h1, end};
    }
    return n;
}

size_t hal_static_roots(const hal_range_t **ranges) {
    static hal_range_t s_ranges[4];
    static size_t s_count;
    if (s_count == 0) {
        s_count = add_range(s_ranges, 0, __data_start, _edata);
        s_count = add_range(s_ranges, s_count, __bss_start, _end);
    }
    *ranges = s_ranges;
    return s_count;
}
