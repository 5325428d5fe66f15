// The micropython module: const(x), mem_info([verbose]) and
// alloc_emergency_exception_buf(size).
#include "up.h"

// const(x) is x; the compiler folds it where it can.
up_obj_t up_micropython_m_const(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("const", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    return args[0];
}

// mem_info([verbose]): the GC heap's total, used and free bytes on the
// console, in MicroPython's words.
up_obj_t up_micropython_m_mem_info(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_nargs("mem_info", n, kwnames, 0, 1) < 0) {
        return UP_NULL;
    }
    size_t used = up_gc_mem_alloc(), free = up_gc_mem_free();
    up_printer_t *p = &up_stdout_printer;
    up_printer_puts(p, "GC: total: ");
    up_printer_int(p, (up_int_t)(used + free));
    up_printer_puts(p, ", used: ");
    up_printer_int(p, (up_int_t)used);
    up_printer_puts(p, ", free: ");
    up_printer_int(p, (up_int_t)free);
    up_printer_putc(p, '\n');
    return UP_NONE;
}

// alloc_emergency_exception_buf(size): MicroPython reserves memory so that
// interrupt handlers can raise; here MemoryError and the traceback never
// allocate, so there is nothing to reserve. The size is still checked.
up_obj_t up_micropython_m_alloc_emergency_exception_buf(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("alloc_emergency_exception_buf", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    return up_index_obj(args[0]) == UP_NULL ? UP_NULL : UP_NONE;
}

#define MICROPYTHON_FUNCS(X) X(alloc_emergency_exception_buf) X(const) X(mem_info)
#define BUILTIN(name)                                                                                        \
    const up_builtin_t up_builtin_micropython_##name = {{&up_type_builtin}, #name, 0, UP_ARGS_ANY, 1, \
                                                        up_micropython_m_##name};
#define NAME(name) UP_ROM_STR(static, name_##name, #name);
#define ENTRY(name) {(up_obj_t)&name_##name, (up_obj_t)&up_builtin_micropython_##name},

MICROPYTHON_FUNCS(BUILTIN)
MICROPYTHON_FUNCS(NAME)
static const up_method_t micropython_attr_entries[] = {MICROPYTHON_FUNCS(ENTRY)};
static const up_methods_t micropython_attrs = {sizeof micropython_attr_entries / sizeof micropython_attr_entries[0],
                                               micropython_attr_entries};
UP_ROM_STR(static, name_module_micropython, "micropython");

const up_module_t up_module_micropython = {{&up_type_module}, (up_obj_t)&name_module_micropython,
                                           &micropython_attrs, NULL};
