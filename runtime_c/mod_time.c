// The time module: CPython's sleep/time/monotonic and MicroPython's
// sleep_ms/sleep_us and ticks_* over the HAL's millisecond and microsecond
// counters.
//
// ticks_ms/ticks_us wrap like MicroPython's: values lie in [0, 2**30)
// (TICKS_PERIOD), so they are small ints on every board; ticks_diff and
// ticks_add work modulo the period. time() and monotonic() count from
// hal_init() on a 64-bit extension of hal_ticks_ms (kept correct as long as
// they are called at least once every 2**32 ms, about 49 days).
#include <math.h>

#include "up.h"

#include "hal.h"

#define TICKS_PERIOD ((up_int_t)1 << 30)
#define TICKS_MAX (TICKS_PERIOD - 1)
#define TICKS_HALF (TICKS_PERIOD / 2)

// A machine int argument (ints and bools); OverflowError when huge.
static int int_arg(up_obj_t o, up_int_t *out) {
    if (up_is_small(o)) {
        *out = up_small_value(o);
        return 0;
    }
    o = up_index_obj(o);
    if (o == UP_NULL) {
        return -1;
    }
    return up_int_as_cint(o, out);
}

// Wait ms milliseconds (any non-negative count, in HAL-sized steps).
static void delay_ms64(uint64_t ms) {
    while (ms > 0) {
        uint32_t step = ms > 0x40000000u ? 0x40000000u : (uint32_t)ms;
        hal_delay_ms(step);
        ms -= step;
    }
}

static uint64_t ticks_ms64(void) {
    static uint32_t last, high;
    uint32_t now = hal_ticks_ms();
    if (now < last) {
        high++;
    }
    last = now;
    return ((uint64_t)high << 32) | now;
}

// ---- sleep ------------------------------------------------------------------------

up_obj_t up_time_m_sleep(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("sleep", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    up_obj_t x = args[0];
    if (up_is_float(x)) {
        up_float_t s = up_float_value(x);
        if (isnan(s)) {
            return up_raise_msg(&up_type_ValueError, "Invalid value NaN (not a number)");
        }
        if (s < 0) {
            return up_raise_msg(&up_type_ValueError, "sleep length must be non-negative");
        }
        // Past 2**63 ns CPython's time type overflows.
        if (s > (up_float_t)9.2e9) {
            return up_raise_msg(&up_type_OverflowError, "timestamp out of range for platform time_t");
        }
        uint64_t us = (uint64_t)(s * (up_float_t)1e6 + (up_float_t)0.5);
        delay_ms64(us / 1000);
        hal_delay_us((uint32_t)(us % 1000));
        return UP_NONE;
    }
    up_int_t s;
    if (int_arg(x, &s) < 0) {
        if (up_type_derives(up_exc_type(up_exc_pending), &up_type_OverflowError)) {
            up_exc_fetch();
            return up_raise_msg(up_int_sign(x) < 0 ? &up_type_ValueError : &up_type_OverflowError,
                                up_int_sign(x) < 0 ? "sleep length must be non-negative"
                                                   : "timestamp out of range for platform time_t");
        }
        return UP_NULL;
    }
    if (s < 0) {
        return up_raise_msg(&up_type_ValueError, "sleep length must be non-negative");
    }
    if ((uint64_t)s > 9200000000u) {
        return up_raise_msg(&up_type_OverflowError, "timestamp out of range for platform time_t");
    }
    delay_ms64((uint64_t)s * 1000);
    return UP_NONE;
}
const up_builtin_t up_builtin_time_sleep = {{&up_type_builtin}, "sleep", 0, UP_ARGS_ANY, 1, up_time_m_sleep};

// sleep_ms / sleep_us: a negative count does not wait (as MicroPython).
up_obj_t up_time_m_sleep_ms(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_int_t ms;
    if (up_check_args("sleep_ms", n, kwnames, 1, 1) < 0 || int_arg(args[0], &ms) < 0) {
        return UP_NULL;
    }
    if (ms > 0) {
        delay_ms64((uint64_t)ms);
    }
    return UP_NONE;
}
const up_builtin_t up_builtin_time_sleep_ms = {{&up_type_builtin}, "sleep_ms", 0, UP_ARGS_ANY, 1, up_time_m_sleep_ms};

up_obj_t up_time_m_sleep_us(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_int_t us;
    if (up_check_args("sleep_us", n, kwnames, 1, 1) < 0 || int_arg(args[0], &us) < 0) {
        return UP_NULL;
    }
    if (us > 0) {
        delay_ms64((uint64_t)us / 1000);
        hal_delay_us((uint32_t)(us % 1000));
    }
    return UP_NONE;
}
const up_builtin_t up_builtin_time_sleep_us = {{&up_type_builtin}, "sleep_us", 0, UP_ARGS_ANY, 1, up_time_m_sleep_us};

// ---- ticks ------------------------------------------------------------------------

up_obj_t up_time_m_ticks_ms(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("ticks_ms", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    return up_small((up_int_t)(hal_ticks_ms() & TICKS_MAX));
}
const up_builtin_t up_builtin_time_ticks_ms = {{&up_type_builtin}, "ticks_ms", 0, UP_ARGS_ANY, 1, up_time_m_ticks_ms};

up_obj_t up_time_m_ticks_us(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("ticks_us", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    return up_small((up_int_t)(hal_ticks_us() & TICKS_MAX));
}
const up_builtin_t up_builtin_time_ticks_us = {{&up_type_builtin}, "ticks_us", 0, UP_ARGS_ANY, 1, up_time_m_ticks_us};

// ticks_diff(end, start): end - start as a signed value in
// [-TICKS_PERIOD/2, TICKS_PERIOD/2), correct across one wrap-around.
up_obj_t up_time_m_ticks_diff(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_int_t end, start;
    if (up_check_nargs("ticks_diff", n, kwnames, 2, 2) < 0 || int_arg(args[0], &end) < 0 ||
        int_arg(args[1], &start) < 0) {
        return UP_NULL;
    }
    up_int_t d = (up_int_t)(((uintptr_t)end - (uintptr_t)start + TICKS_HALF) & TICKS_MAX) - TICKS_HALF;
    return up_small(d);
}
const up_builtin_t up_builtin_time_ticks_diff = {
    {&up_type_builtin}, "ticks_diff", 0, UP_ARGS_ANY, 1, up_time_m_ticks_diff};

// ticks_add(ticks, delta): a tick value delta ticks later (or earlier);
// |delta| must be below half the period, as in MicroPython.
up_obj_t up_time_m_ticks_add(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_int_t t, delta;
    if (up_check_nargs("ticks_add", n, kwnames, 2, 2) < 0 || int_arg(args[0], &t) < 0 ||
        int_arg(args[1], &delta) < 0) {
        return UP_NULL;
    }
    if (delta < -TICKS_HALF || delta >= TICKS_HALF) {
        return up_raise_msg(&up_type_OverflowError, "ticks interval overflow");
    }
    return up_small((up_int_t)(((uintptr_t)t + (uintptr_t)delta) & TICKS_MAX));
}
const up_builtin_t up_builtin_time_ticks_add = {{&up_type_builtin}, "ticks_add", 0, UP_ARGS_ANY, 1, up_time_m_ticks_add};

// ---- time, monotonic --------------------------------------------------------------

// time(): whole seconds since the program started (the boards have no
// calendar clock).
up_obj_t up_time_m_time(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("time", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    return up_int_from_u64(ticks_ms64() / 1000);
}
const up_builtin_t up_builtin_time_time = {{&up_type_builtin}, "time", 0, UP_ARGS_ANY, 1, up_time_m_time};

// monotonic(): seconds since the program started, to the millisecond.
up_obj_t up_time_m_monotonic(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("monotonic", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    return up_float_new((up_float_t)ticks_ms64() / (up_float_t)1000);
}
const up_builtin_t up_builtin_time_monotonic = {{&up_type_builtin}, "monotonic", 0, UP_ARGS_ANY, 1, up_time_m_monotonic};

// ---- the module -----------------------------------------------------------------

#define NAME(name) UP_ROM_STR(static, name_##name, #name);
#define ENTRY(name) {(up_obj_t)&name_##name, (up_obj_t)&up_builtin_time_##name},
#define TIME_FUNCS(X) \
    X(monotonic) X(sleep) X(sleep_ms) X(sleep_us) X(ticks_add) X(ticks_diff) X(ticks_ms) X(ticks_us) X(time)

TIME_FUNCS(NAME)
static const up_method_t time_attr_entries[] = {TIME_FUNCS(ENTRY)};
static const up_methods_t time_attrs = {sizeof time_attr_entries / sizeof time_attr_entries[0], time_attr_entries};
UP_ROM_STR(static, name_module_time, "time");

const up_module_t up_module_time = {{&up_type_module}, (up_obj_t)&name_module_time, &time_attrs, NULL};
