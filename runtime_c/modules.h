// Built-in modules implemented in C: sys, time, gc, math, pyb, micropython.
// A module is a ROM object with a table of attributes; attributes whose
// value is made at run time (sys.argv) come from the module's getattr hook.
// The compiler resolves `import m` and `m.name` at build time and calls the
// functions directly (up_<module>_m_<name>, builtin calling convention).
#ifndef UP_MODULES_H
#define UP_MODULES_H

#include "obj.h"

// A small int as a constant expression, for ROM tables (up_small is an
// inline function, not usable in static initializers).
#define UP_SMALL_CONST(v) ((up_obj_t)(((uintptr_t)(v) << 1) | 1))

typedef struct {
    up_base_t base;                 // &up_type_module
    up_obj_t name;                  // str
    const up_methods_t *attrs;      // name -> value (functions, constants, classes)
    up_obj_t (*getattr)(up_obj_t name);  // run-time attributes; UP_NOTIMPL if absent
} up_module_t;

// The module type's slots (the struct is emitted by the compiler).
int up_module_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_module_attr(up_obj_t self, up_obj_t name, up_obj_t value);  // read-only attributes

#define UP_MODULE_FUNCS(X)                                                                \
    X(sys, exit) X(sys, print_exception)                                                  \
    X(time, sleep) X(time, sleep_ms) X(time, sleep_us) X(time, ticks_ms) X(time, ticks_us) \
    X(time, ticks_diff) X(time, ticks_add) X(time, time) X(time, monotonic)              \
    X(gc, collect) X(gc, mem_free) X(gc, mem_alloc) X(gc, enable) X(gc, disable)          \
    X(gc, isenabled)                                                                      \
    X(math, sqrt) X(math, sin) X(math, cos) X(math, tan) X(math, asin) X(math, acos)      \
    X(math, atan) X(math, atan2) X(math, exp) X(math, log) X(math, log2) X(math, log10)   \
    X(math, pow) X(math, floor) X(math, ceil) X(math, trunc) X(math, fabs) X(math, fmod) \
    X(math, isnan) X(math, isinf) X(math, isfinite) X(math, copysign) X(math, degrees)    \
    X(math, radians) X(math, hypot) X(math, gcd) X(math, factorial) X(math, modf)         \
    X(math, frexp) X(math, ldexp) X(math, isclose)                                        \
    X(math, sinh) X(math, cosh) X(math, tanh) X(math, asinh) X(math, acosh) X(math, atanh) \
    X(math, expm1) X(math, log1p) X(math, erf) X(math, erfc)                              \
    X(pyb, delay) X(pyb, udelay) X(pyb, millis) X(pyb, micros) X(pyb, elapsed_millis)     \
    X(pyb, elapsed_micros) X(pyb, wfi) X(pyb, freq)                                       \
    X(micropython, const) X(micropython, mem_info) X(micropython, alloc_emergency_exception_buf)

#define UP_DECLARE_MODULE_FUNC(mod, name)                                               \
    up_obj_t up_##mod##_m_##name(size_t n, const up_obj_t *args, up_obj_t kwnames); \
    extern const up_builtin_t up_builtin_##mod##_##name;
UP_MODULE_FUNCS(UP_DECLARE_MODULE_FUNC)

extern const up_module_t up_module_sys;
extern const up_module_t up_module_time;
extern const up_module_t up_module_gc;
extern const up_module_t up_module_math;
extern const up_module_t up_module_pyb;
extern const up_module_t up_module_micropython;

// sys
up_obj_t up_sys_argv(void);      // the list, made on first use from hal_argc/hal_argv
extern const up_type_t up_type_sys_stream;   // sys.stdout / sys.stderr objects (write, print(file=))
extern const up_base_t up_sys_stdout_obj;
extern const up_base_t up_sys_stderr_obj;

// pyb. The LED and Switch type structs and method tables (up_methods_led,
// up_methods_switch in up.h) are emitted by the compiler, as the builtin
// types' are (uptc/primitives/types.py).
extern const up_type_t up_type_pyb_LED;  // pyb.LED(n): on(), off(), toggle(), intensity()
extern const up_type_t up_type_pyb_Switch;
up_obj_t up_pyb_led_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
int up_pyb_led_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_pyb_switch_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
up_obj_t up_pyb_switch_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames);  // sw()
int up_pyb_switch_print(up_printer_t *p, up_obj_t self, int kind);
#define UP_LED_METHODS(X) X(intensity) X(off) X(on) X(toggle)
#define UP_SWITCH_METHODS(X) X(value)
#define UP_DECLARE_PYB_METHOD(cls, name)                                          \
    up_obj_t up_##cls##_m_##name(size_t n, const up_obj_t *args, up_obj_t kwnames); \
    extern const up_builtin_t up_builtin_##cls##_##name;
#define UP_DECLARE_LED_METHOD(name) UP_DECLARE_PYB_METHOD(led, name)
#define UP_DECLARE_SWITCH_METHOD(name) UP_DECLARE_PYB_METHOD(switch, name)
UP_LED_METHODS(UP_DECLARE_LED_METHOD)
UP_SWITCH_METHODS(UP_DECLARE_SWITCH_METHOD)
up_obj_t up_pyb_led_get(up_int_t n);  // the ROM LED object n (1-based); ValueError out of range
up_obj_t up_pyb_led_const(up_int_t n);  // the same for an n the compiler checked (cannot fail)
up_obj_t up_pyb_led_on(up_obj_t led);
up_obj_t up_pyb_led_off(up_obj_t led);
up_obj_t up_pyb_led_toggle(up_obj_t led);
up_obj_t up_pyb_delay_cint(up_int_t ms);

#endif
