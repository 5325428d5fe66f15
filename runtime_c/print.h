// Printing: str()/repr() of any value into a printer (the console, the
// error stream or a string being built), and the print() builtin.
#ifndef UP_PRINT_H
#define UP_PRINT_H

#include "obj.h"

extern up_printer_t up_stdout_printer;  // hal_console_write
extern up_printer_t up_stderr_printer;  // hal_error_write

static inline void up_printer_write(up_printer_t *p, const char *s, size_t n) {
    p->write(p, s, n);
}
void up_printer_puts(up_printer_t *p, const char *s);
void up_printer_putc(up_printer_t *p, char c);
void up_printer_int(up_printer_t *p, up_int_t v);  // decimal

// str(o) (kind UP_PRINT_STR) or repr(o) (UP_PRINT_REPR); 0 or -1.
int up_print_obj(up_printer_t *p, up_obj_t o, int kind);

// print(*args, sep=' ', end='\n'): sep/end are str objects or UP_NULL for
// the defaults. Returns UP_NONE or UP_NULL.
up_obj_t up_print_n(size_t n, const up_obj_t *args, up_obj_t sep, up_obj_t end);
// print() piece by piece, when the compiler knows the argument types. sep
// and end are str objects or UP_NULL/UP_NONE for the defaults. The int
// functions return 0, or -1 when they raised.
void up_print_sep(up_obj_t sep);
void up_print_end(up_obj_t end);
void up_print_str(up_obj_t s);
void up_print_small_int(up_obj_t i);  // i is a small int
int up_print_int(up_obj_t i);
void up_print_bool(int b);
void up_print_float(up_float_t f);
int up_print_value(up_obj_t o);       // any value, str() of it

// The print builtin with the builtin calling convention (keywords sep, end, file, flush).
up_obj_t up_builtin_print_fn(size_t n, const up_obj_t *args, up_obj_t kwnames);

#endif
