// Printing: the console and error printers, str()/repr() dispatch, and the
// print() builtin.
#include "up.h"

#include "hal.h"

static void stdout_write(up_printer_t *p, const char *s, size_t n) {
    (void)p;
    hal_console_write(s, n);
}

static void stderr_write(up_printer_t *p, const char *s, size_t n) {
    (void)p;
    hal_error_write(s, n);
}

up_printer_t up_stdout_printer = {stdout_write};
up_printer_t up_stderr_printer = {stderr_write};

void up_printer_puts(up_printer_t *p, const char *s) {
    p->write(p, s, strlen(s));
}

void up_printer_putc(up_printer_t *p, char c) {
    p->write(p, &c, 1);
}

void up_printer_int(up_printer_t *p, up_int_t v) {
    char buf[24];
    char *e = buf + sizeof buf, *d = e;
    uintptr_t u = v < 0 ? -(uintptr_t)v : (uintptr_t)v;
    do {
        *--d = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) {
        *--d = '-';
    }
    p->write(p, d, (size_t)(e - d));
}

static void print_hex(up_printer_t *p, uintptr_t v) {
    char buf[2 + 2 * sizeof(uintptr_t)];
    char *e = buf + sizeof buf, *d = e;
    do {
        *--d = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    *--d = 'x';
    *--d = '0';
    p->write(p, d, (size_t)(e - d));
}

int up_print_obj(up_printer_t *p, up_obj_t o, int kind) {
    const up_type_t *t = up_type_of(o);
    if (t->print != NULL) {
        // The containers' print slots come back here for their items.
        if (up_nest_enter() < 0) {
            return -1;
        }
        int r = t->print(p, o, kind);
        up_nest_leave();
        return r;
    }
    up_printer_putc(p, '<');
    up_printer_puts(p, up_type_name_of(t));
    up_printer_puts(p, " object at ");
    print_hex(p, o);
    up_printer_putc(p, '>');
    return 0;
}

up_obj_t up_print_n(size_t n, const up_obj_t *args, up_obj_t sep, up_obj_t end) {
    up_printer_t *p = &up_stdout_printer;
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            if (sep == UP_NULL || sep == UP_NONE) {
                up_printer_putc(p, ' ');
            } else {
                up_printer_write(p, up_str_data(sep), up_str_size(sep));
            }
        }
        if (up_print_obj(p, args[i], UP_PRINT_STR) < 0) {
            return UP_NULL;
        }
    }
    if (end == UP_NULL || end == UP_NONE) {
        up_printer_putc(p, '\n');
    } else {
        up_printer_write(p, up_str_data(end), up_str_size(end));
    }
    return UP_NONE;
}

static int check_str_arg(up_obj_t v, const char *what) {
    if (v != UP_NULL && v != UP_NONE && !up_is_str(v)) {
        up_raise_fmt(&up_type_TypeError, "%s must be None or a string, not %T", what, v);
        return -1;
    }
    return 0;
}

up_obj_t up_builtin_print_fn(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    size_t npos = up_npos(n, kwnames);
    up_obj_t sep = UP_NULL, end = UP_NULL;
    if (kwnames) {
        const up_tuple_t *kw = (const up_tuple_t *)kwnames;
        for (size_t i = 0; i < kw->len; i++) {
            up_obj_t name = kw->items[i], v = args[npos + i];
            if (up_str_eq_cstr(name, "sep")) {
                sep = v;
            } else if (up_str_eq_cstr(name, "end")) {
                end = v;
            } else if (!up_str_eq_cstr(name, "file") && !up_str_eq_cstr(name, "flush")) {
                return up_raise_fmt(&up_type_TypeError,
                                    "'%q' is an invalid keyword argument for print()", name);
            }
        }
    }
    if (check_str_arg(sep, "sep") < 0 || check_str_arg(end, "end") < 0) {
        return UP_NULL;
    }
    return up_print_n(npos, args, sep, end);
}

// ---- print() pieces the compiler calls when it knows the argument types ----
// print(a, b) becomes up_print_value(a); up_print_sep(UP_NULL); ...;
// up_print_end(UP_NULL): no argument array, and no type dispatch for str,
// int, bool and float arguments.

void up_print_sep(up_obj_t sep) {
    if (sep == UP_NULL || sep == UP_NONE) {
        hal_console_write(" ", 1);
    } else {
        hal_console_write(up_str_data(sep), up_str_size(sep));
    }
}

void up_print_end(up_obj_t end) {
    if (end == UP_NULL || end == UP_NONE) {
        hal_console_write("\n", 1);
    } else {
        hal_console_write(up_str_data(end), up_str_size(end));
    }
}

void up_print_str(up_obj_t s) {
    hal_console_write(up_str_data(s), up_str_size(s));
}

void up_print_small_int(up_obj_t i) {
    up_printer_int(&up_stdout_printer, up_small_value(i));
}

int up_print_int(up_obj_t i) {
    if (up_is_small(i)) {
        up_printer_int(&up_stdout_printer, up_small_value(i));
        return 0;
    }
    return up_int_print(&up_stdout_printer, i, UP_PRINT_STR);
}

void up_print_bool(int b) {
    up_printer_puts(&up_stdout_printer, b ? "True" : "False");
}

void up_print_float(up_float_t f) {
    char buf[32];
    size_t n = up_float_repr(f, buf);
    hal_console_write(buf, n);
}

int up_print_value(up_obj_t o) {
    return up_print_obj(&up_stdout_printer, o, UP_PRINT_STR);
}
