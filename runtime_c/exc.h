// Exceptions: the builtin exception types, raising, catching, tracebacks.
//
// The exception being propagated is up_exc_pending; a runtime function that
// raises stores it there and returns UP_NULL (or -1). Compiled code checks
// the result of every operation that can fail and, on the way out of each
// function, records the Python position in the traceback (up_tb_add).
#ifndef UP_EXC_H
#define UP_EXC_H

#include "obj.h"

extern up_obj_t up_exc_pending;

// Exception instances are up_instance_t with these slots first.
enum {
    UP_EXC_SLOT_ARGS,      // tuple
    UP_EXC_SLOT_CAUSE,     // __cause__ (raise ... from ...), or UP_NULL
    UP_EXC_SLOT_CONTEXT,   // __context__ (raised while handling), or UP_NULL
    UP_EXC_NSLOTS
};

extern const up_type_t up_type_BaseException;
extern const up_type_t up_type_Exception;
extern const up_type_t up_type_ArithmeticError;
extern const up_type_t up_type_ZeroDivisionError;
extern const up_type_t up_type_OverflowError;
extern const up_type_t up_type_LookupError;
extern const up_type_t up_type_IndexError;
extern const up_type_t up_type_KeyError;
extern const up_type_t up_type_ValueError;
extern const up_type_t up_type_UnicodeError;
extern const up_type_t up_type_TypeError;
extern const up_type_t up_type_AttributeError;
extern const up_type_t up_type_NameError;
extern const up_type_t up_type_UnboundLocalError;
extern const up_type_t up_type_RuntimeError;
extern const up_type_t up_type_NotImplementedError;
extern const up_type_t up_type_RecursionError;
extern const up_type_t up_type_StopIteration;
extern const up_type_t up_type_GeneratorExit;
extern const up_type_t up_type_AssertionError;
extern const up_type_t up_type_MemoryError;
extern const up_type_t up_type_OSError;
extern const up_type_t up_type_EOFError;
extern const up_type_t up_type_ImportError;
extern const up_type_t up_type_SystemExit;
extern const up_type_t up_type_KeyboardInterrupt;

// A position in the Python program, in ROM: one per (function, line) that
// can raise.
typedef struct {
    const char *file;
    const char *func;
    uint32_t line;
} up_tb_site_t;

// ---- raising (all return UP_NULL, so `return up_raise(...)` reads well) --

// exc is an exception instance, or an exception class (instantiated with
// no arguments). Anything else raises TypeError instead.
up_obj_t up_raise(up_obj_t exc);
// raise exc from cause (cause: exception, class, or None)
up_obj_t up_raise_from(up_obj_t exc, up_obj_t cause);
// Re-raise a caught exception (bare `raise`): the traceback continues.
up_obj_t up_reraise(up_obj_t exc);
up_obj_t up_raise_msg(const up_type_t *type, const char *msg);
// A message built from fmt, where
//   %s  a C string          %d  an up_int_t        %c  a char (int)
//   %q  a str object's text %r  repr(object)       %S  str(object)
//   %T  the type name of an object                 %%  a percent sign
up_obj_t up_raise_fmt(const up_type_t *type, const char *fmt, ...);
// MemoryError from a preallocated instance: raising it never allocates.
void up_raise_memory_error(void);
// RecursionError when the stack is nearly exhausted: 0 ok, -1 raised.
int up_stack_check_slow(void);
extern uintptr_t up_stack_limit;
static inline int up_stack_check(void) {
    char here;
    return UP_UNLIKELY((uintptr_t)&here < up_stack_limit) ? up_stack_check_slow() : 0;
}

// The runtime's own recursion -- through nested containers (repr and str
// in up_print_obj; == and < of lists, tuples and dicts; hash of tuples) and
// through generators resuming generators -- goes at most UP_NEST_LIMIT
// levels deep, CPython's recursion limit (so that nesting deeper raises
// RecursionError on every board, as in CPython, whose tuple hash alone has
// no limit), and never past the stack limit. up_nest_enter: 0 entered (pair
// it with up_nest_leave on every way out), -1 RecursionError raised (not
// entered).
#define UP_NEST_LIMIT 1000
extern unsigned up_nest_depth;
int up_nest_enter_slow(void);
static inline int up_nest_enter(void) {
    char here;
    if (UP_UNLIKELY(up_nest_depth >= UP_NEST_LIMIT || (uintptr_t)&here < up_stack_limit)) {
        return up_nest_enter_slow();
    }
    up_nest_depth++;
    return 0;
}
static inline void up_nest_leave(void) {
    up_nest_depth--;
}

// ---- catching -------------------------------------------------------------

// The exception an except/finally block is handling (for __context__):
// compiled code enters a handler with up_exc_enter and restores the previous
// one with up_exc_leave on every way out.
extern up_obj_t up_exc_handling;
up_obj_t up_exc_enter(up_obj_t exc);
void up_exc_leave(up_obj_t prev);

// Take the pending exception (clearing it) / put one back.
up_obj_t up_exc_fetch(void);
void up_exc_restore(up_obj_t exc);
// except clause matching: type_or_tuple is an exception class or a tuple
// of them. Returns 1 / 0, or -1 (TypeError) when it is neither.
int up_exc_matches(up_obj_t exc, up_obj_t type_or_tuple);
// The exception's type, for `except E as e` and traceback printing.
static inline const up_type_t *up_exc_type(up_obj_t exc) {
    return ((const up_base_t *)exc)->type;
}
up_obj_t up_exc_args(up_obj_t exc);
// StopIteration's value (None when it has no arguments)
up_obj_t up_exc_value(up_obj_t exc);

// Make an instance: type(*args)
up_obj_t up_exc_new(const up_type_t *type, size_t nargs, const up_obj_t *args);

// ---- tracebacks -----------------------------------------------------------

void up_tb_add(const up_tb_site_t *site);
// Print "Traceback (most recent call last): ..." and "Type: message" through
// the HAL's error stream.
void up_print_exception(up_obj_t exc);
void up_print_exception_to(up_printer_t *p, up_obj_t exc);

// What every exception class's struct (emitted per program) shares.
extern const up_obj_t up_exc_slot_names[UP_EXC_NSLOTS];
extern const up_methods_t up_exc_methods;

// The builtin exception classes' generic slots (user subclasses use them).
up_obj_t up_exc_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
int up_exc_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_exc_attr(up_obj_t self, up_obj_t name, up_obj_t value);

#endif
