// The pyb module (MicroPython's pyboard API) over the HAL: LED, Switch,
// delay/udelay, millis/micros and their elapsed_* forms, wfi, freq.
//
// LEDs and the switch are ROM singletons (pyb.LED(1) is pyb.LED(1)); an
// LED's number is its position in the LED table. The LED path (make, on,
// off, toggle) touches no floats, big ints or formatted printing, so a
// blink program stays small. The LED and Switch type structs and their
// method tables are emitted by the compiler with only what the program
// reaches (uptc/primitives/types.py), like the builtin types'. Pins and
// clocks come from board_config.h.
//
// millis/micros wrap at 2**30 like MicroPython's (small ints everywhere);
// elapsed_millis/elapsed_micros subtract modulo that period.
#include "up.h"

#include "board_config.h"

#define TICKS_MAX (((up_int_t)1 << 30) - 1)

// ---- LED ----------------------------------------------------------------------

#define LED_SLOTS (UP_BOARD_LED_COUNT > 0 ? UP_BOARD_LED_COUNT : 1)

const up_base_t up_pyb_leds[LED_SLOTS] = {[0 ... LED_SLOTS - 1] = {&up_type_pyb_LED}};
#define leds up_pyb_leds

static unsigned led_number(up_obj_t led) {
    return (unsigned)((const up_base_t *)led - leds) + 1;
}

up_obj_t up_pyb_led_get(up_int_t n) {
    if (n < 1 || n > (up_int_t)hal_led_count() || n > (up_int_t)UP_BOARD_LED_COUNT) {
        return up_raise_fmt(&up_type_ValueError, "LED(%d) doesn't exist", n);
    }
    return (up_obj_t)&leds[n - 1];
}

up_obj_t up_pyb_led_const(up_int_t n) {
    return (up_obj_t)&leds[n - 1];
}

up_obj_t up_pyb_led_on(up_obj_t led) {
    hal_led_set(led_number(led), true);
    return UP_NONE;
}

up_obj_t up_pyb_led_off(up_obj_t led) {
    hal_led_set(led_number(led), false);
    return UP_NONE;
}

up_obj_t up_pyb_led_toggle(up_obj_t led) {
    hal_led_toggle(led_number(led));
    return UP_NONE;
}

up_obj_t up_pyb_led_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (up_check_args("LED", n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    up_obj_t x = args[0];
    if (up_is_bool(x)) {
        x = up_small(x == UP_TRUE);
    }
    if (up_is_small(x)) {
        return up_pyb_led_get(up_small_value(x));
    }
    if (up_is_int(x)) {
        return up_raise_fmt(&up_type_ValueError, "LED(%S) doesn't exist", x);
    }
    return up_raise_fmt(&up_type_TypeError, "can't convert %T to int", x);
}

int up_pyb_led_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    up_printer_puts(p, "LED(");
    up_printer_int(p, (up_int_t)led_number(self));
    up_printer_putc(p, ')');
    return 0;
}

up_obj_t up_led_m_on(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_pyb_led_on(args[0]);
}

up_obj_t up_led_m_off(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_pyb_led_off(args[0]);
}

up_obj_t up_led_m_toggle(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_pyb_led_toggle(args[0]);
}

// intensity([value]): these LEDs are on/off only: reading gives 255 or 0;
// a value above 0 turns the LED on, 0 or below turns it off.
up_obj_t up_led_m_intensity(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    unsigned num = led_number(args[0]);
    if (n == 1) {
        return up_small(hal_led_get(num) ? 255 : 0);
    }
    up_obj_t v = args[1];
    if (up_is_bool(v)) {
        v = up_small(v == UP_TRUE);
    }
    if (!up_is_int(v)) {
        return up_raise_fmt(&up_type_TypeError, "can't convert %T to int", v);
    }
    hal_led_set(num, up_int_sign(v) > 0);
    return UP_NONE;
}

const up_builtin_t up_builtin_led_on = {{&up_type_builtin}, "on", 1, 1, 0, up_led_m_on};
const up_builtin_t up_builtin_led_off = {{&up_type_builtin}, "off", 1, 1, 0, up_led_m_off};
const up_builtin_t up_builtin_led_toggle = {{&up_type_builtin}, "toggle", 1, 1, 0, up_led_m_toggle};
const up_builtin_t up_builtin_led_intensity = {{&up_type_builtin}, "intensity", 1, 2, 0, up_led_m_intensity};

// ---- Switch -------------------------------------------------------------------

static const up_base_t switch_obj = {&up_type_pyb_Switch};

#ifdef UP_BOARD_SWITCH_PIN
up_obj_t up_pyb_switch_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    (void)args;
    if (up_check_args("Switch", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    hal_gpio_init(UP_BOARD_SWITCH_PIN, HAL_GPIO_IN, UP_BOARD_SWITCH_PULL);
    return (up_obj_t)&switch_obj;
}

static bool switch_pressed(void) {
    return hal_gpio_read(UP_BOARD_SWITCH_PIN) != (UP_BOARD_SWITCH_ACTIVE_LOW != 0);
}
#else
up_obj_t up_pyb_switch_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    (void)n;
    (void)args;
    (void)kwnames;
    return up_raise_msg(&up_type_ValueError, "this board has no user switch");
}

static bool switch_pressed(void) {
    return false;
}
#endif

// sw(): True while the switch is pressed
up_obj_t up_pyb_switch_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)self;
    (void)args;
    if (up_check_args("Switch", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    return up_bool(switch_pressed());
}

up_obj_t up_switch_m_value(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)args;
    (void)kwnames;
    return up_bool(switch_pressed());
}

int up_pyb_switch_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)self;
    (void)kind;
    up_printer_puts(p, "Switch()");
    return 0;
}

const up_builtin_t up_builtin_switch_value = {{&up_type_builtin}, "value", 1, 1, 0, up_switch_m_value};

// ---- time ---------------------------------------------------------------------

// An int argument as a machine int (bools too); TypeError otherwise.
static int int_arg(up_obj_t o, up_int_t *out) {
    if (up_is_small(o)) {
        *out = up_small_value(o);
        return 0;
    }
    if (up_is_bool(o)) {
        *out = o == UP_TRUE;
        return 0;
    }
    if (!up_is_int(o)) {
        up_raise_fmt(&up_type_TypeError, "can't convert %T to int", o);
        return -1;
    }
    return up_int_as_cint(o, out);
}

up_obj_t up_pyb_delay_cint(up_int_t ms) {
    if (ms > 0) {
        hal_delay_ms((uint32_t)ms);
    }
    return UP_NONE;
}

up_obj_t up_pyb_m_delay(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_int_t ms;
    if (up_check_args("delay", n, kwnames, 1, 1) < 0 || int_arg(args[0], &ms) < 0) {
        return UP_NULL;
    }
    return up_pyb_delay_cint(ms);
}

up_obj_t up_pyb_m_udelay(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    up_int_t us;
    if (up_check_args("udelay", n, kwnames, 1, 1) < 0 || int_arg(args[0], &us) < 0) {
        return UP_NULL;
    }
    if (us > 0) {
        hal_delay_us((uint32_t)us);
    }
    return UP_NONE;
}

up_obj_t up_pyb_m_millis(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("millis", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    return up_small((up_int_t)(hal_ticks_ms() & TICKS_MAX));
}

up_obj_t up_pyb_m_micros(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("micros", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    return up_small((up_int_t)(hal_ticks_us() & TICKS_MAX));
}

static up_obj_t elapsed(const char *name, size_t n, const up_obj_t *args, up_obj_t kwnames, uint32_t now) {
    up_int_t start;
    if (up_check_args(name, n, kwnames, 1, 1) < 0 || int_arg(args[0], &start) < 0) {
        return UP_NULL;
    }
    return up_small((up_int_t)(((uintptr_t)now - (uintptr_t)start) & TICKS_MAX));
}

up_obj_t up_pyb_m_elapsed_millis(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return elapsed("elapsed_millis", n, args, kwnames, hal_ticks_ms());
}

up_obj_t up_pyb_m_elapsed_micros(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    return elapsed("elapsed_micros", n, args, kwnames, hal_ticks_us());
}

// wfi(): sleep until the next interrupt (at the latest the 1 ms tick). The
// host has no interrupts to wait for and returns at once.
up_obj_t up_pyb_m_wfi(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("wfi", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
#ifdef __arm__
    __asm__ volatile("wfi");
#endif
    return UP_NONE;
}

// freq(): (sysclk, hclk, pclk1, pclk2) in Hz. The host simulates a pyboard
// and reports its clocks.
#ifdef UP_BOARD_SYSCLK_HZ
#define FREQ_SYSCLK UP_BOARD_SYSCLK_HZ
#define FREQ_HCLK UP_BOARD_HCLK_HZ
#define FREQ_PCLK1 UP_BOARD_APB1_HZ
#define FREQ_PCLK2 UP_BOARD_APB2_HZ
#else
#define FREQ_SYSCLK 168000000u
#define FREQ_HCLK 168000000u
#define FREQ_PCLK1 42000000u
#define FREQ_PCLK2 84000000u
#endif

static const up_tuple_t freq_tuple = {
    {&up_type_tuple},
    4,
    {UP_SMALL_CONST(FREQ_SYSCLK), UP_SMALL_CONST(FREQ_HCLK), UP_SMALL_CONST(FREQ_PCLK1), UP_SMALL_CONST(FREQ_PCLK2)}};

up_obj_t up_pyb_m_freq(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("freq", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    return (up_obj_t)&freq_tuple;
}

// ---- the module -----------------------------------------------------------------

#define PYB_FUNCS(X) \
    X(delay) X(elapsed_micros) X(elapsed_millis) X(freq) X(micros) X(millis) X(udelay) X(wfi)
#define BUILTIN(name) \
    const up_builtin_t up_builtin_pyb_##name = {{&up_type_builtin}, #name, 0, UP_ARGS_ANY, 1, up_pyb_m_##name};
#define NAME(name) UP_ROM_STR(static, name_##name, #name);
#define ENTRY(name) {(up_obj_t)&name_##name, (up_obj_t)&up_builtin_pyb_##name},

PYB_FUNCS(BUILTIN)
PYB_FUNCS(NAME)
NAME(LED)
NAME(Switch)
static const up_method_t pyb_attr_entries[] = {
    {(up_obj_t)&name_LED, (up_obj_t)&up_type_pyb_LED},
    {(up_obj_t)&name_Switch, (up_obj_t)&up_type_pyb_Switch},
    PYB_FUNCS(ENTRY)
};
static const up_methods_t pyb_attrs = {sizeof pyb_attr_entries / sizeof pyb_attr_entries[0], pyb_attr_entries};
UP_ROM_STR(static, name_module_pyb, "pyb");

const up_module_t up_module_pyb = {{&up_type_module}, (up_obj_t)&name_module_pyb, &pyb_attrs, NULL};
