// The time and pyb modules on the host HAL. With UPTC_CLOCK=virtual (as the
// test runner sets it) delays advance the clock exactly and return at once,
// so elapsed times are checked exactly; on the real clock, as lower bounds.
#include "test_builtins_util.h"

#include "board_config.h"

#define MOD(m) ((up_obj_t)&up_module_##m)
#define ATTR(m, name) up_getattr(MOD(m), S(name))
#define MCALL(m, name, ...) up_call(ATTR(m, name), NARGS(__VA_ARGS__), ARGS(__VA_ARGS__), UP_NULL)
#define MCALL0(m, name) up_call(ATTR(m, name), 0, NULL, UP_NULL)

static bool virtual_clock;

// Elapsed time: exact on the virtual clock, at least `expected` otherwise.
#define CHECK_ELAPSED(got, expected) CHECK(virtual_clock ? (got) == (expected) : (got) >= (expected))

static up_int_t ms_now(void) {
    return up_small_value(MCALL0(time, "ticks_ms"));
}

static up_int_t us_now(void) {
    return up_small_value(MCALL0(time, "ticks_us"));
}

static up_int_t diff(up_int_t a, up_int_t b) {
    return up_small_value(MCALL(time, "ticks_diff", I(a), I(b)));
}

static void test_sleep(void) {
    up_int_t t0 = ms_now();
    CHECK(MCALL(time, "sleep", I(1)) == UP_NONE);
    CHECK_ELAPSED(diff(ms_now(), t0), 1000);
    t0 = ms_now();
    CHECK(MCALL(time, "sleep", F(0.25)) == UP_NONE);
    CHECK(MCALL(time, "sleep", UP_FALSE) == UP_NONE);
    CHECK_ELAPSED(diff(ms_now(), t0), 250);
    up_int_t u0 = us_now();
    CHECK(MCALL(time, "sleep", F(0.0015)) == UP_NONE);
    CHECK_ELAPSED(diff(us_now(), u0), 1500);
    t0 = ms_now();
    CHECK(MCALL(time, "sleep_ms", I(5)) == UP_NONE);
    CHECK(MCALL(time, "sleep_ms", I(-5)) == UP_NONE);
    CHECK_ELAPSED(diff(ms_now(), t0), 5);
    u0 = us_now();
    CHECK(MCALL(time, "sleep_us", I(2500)) == UP_NONE);
    CHECK(MCALL(time, "sleep_us", I(-1)) == UP_NONE);
    CHECK(MCALL(time, "sleep_us", UP_TRUE) == UP_NONE);
    CHECK_ELAPSED(diff(us_now(), u0), 2501);

    CHECK_ERR(MCALL(time, "sleep", I(-1)), up_type_ValueError, "sleep length must be non-negative");
    CHECK_ERR(MCALL(time, "sleep", F(-0.5)), up_type_ValueError, "sleep length must be non-negative");
    CHECK_ERR(MCALL(time, "sleep", F(NAN)), up_type_ValueError, "Invalid value NaN (not a number)");
    CHECK_ERR(MCALL(time, "sleep", F(INFINITY)), up_type_OverflowError, "timestamp out of range for platform time_t");
    CHECK_ERR(MCALL(time, "sleep", up_int_from_str("1000000000000000000000000", 25, 10)), up_type_OverflowError,
              "timestamp out of range for platform time_t");
    CHECK_ERR(MCALL(time, "sleep", up_int_from_str("-1000000000000000000000000", 26, 10)), up_type_ValueError,
              "sleep length must be non-negative");
    CHECK_ERR(MCALL(time, "sleep", S("a")), up_type_TypeError, "'str' object cannot be interpreted as an integer");
    CHECK_ERR(MCALL0(time, "sleep"), up_type_TypeError, "sleep() takes exactly one argument (0 given)");
    CHECK_ERR(MCALL(time, "sleep_ms", F(1.5)), up_type_TypeError, "'float' object cannot be interpreted as an integer");
}

static void test_ticks(void) {
    up_int_t max = ((up_int_t)1 << 30) - 1, half = (up_int_t)1 << 29;
    CHECK(diff(5, 10) == -5);
    CHECK(diff(10, 5) == 5);
    CHECK(diff(0, max) == 1);
    CHECK(diff(max, 0) == -1);
    CHECK(diff(half, 0) == -half);
    CHECK(diff(half - 1, 0) == half - 1);
    CHECK_REPR(MCALL(time, "ticks_add", I(20), I(12)), "32");
    CHECK_REPR(MCALL(time, "ticks_add", I(20), I(-12)), "8");
    CHECK_REPR(MCALL(time, "ticks_add", I(max), I(1)), "0");
    CHECK_REPR(MCALL(time, "ticks_add", I(0), I(-1)), "1073741823");
    CHECK_REPR(MCALL(time, "ticks_add", I(0), I(-half)), "536870912");
    CHECK_REPR(MCALL(time, "ticks_add", I(0), I(half - 1)), "536870911");
    CHECK_ERR(MCALL(time, "ticks_add", I(0), I(half)), up_type_OverflowError, "ticks interval overflow");
    CHECK_ERR(MCALL(time, "ticks_add", I(0), I(-half - 1)), up_type_OverflowError, "ticks interval overflow");
    // ticks_diff(ticks_add(T, d), T) == d for every representable d
    up_int_t ts[] = {0, 10, max};
    up_int_t ds[] = {-half, -half + 1, -1, 0, 1, half - 1};
    for (size_t i = 0; i < 3; i++) {
        for (size_t j = 0; j < 6; j++) {
            up_obj_t t = MCALL(time, "ticks_add", I(ts[i]), I(ds[j]));
            CHECK(up_small_value(t) >= 0 && up_small_value(t) <= max);
            CHECK(diff(up_small_value(t), ts[i]) == ds[j]);
        }
    }
    CHECK_ERR(MCALL(time, "ticks_diff", I(1)), up_type_TypeError, "ticks_diff expected 2 arguments, got 1");
    CHECK_ERR(MCALL(time, "ticks_diff", I(1), S("a")), up_type_TypeError,
              "'str' object cannot be interpreted as an integer");
    CHECK_ERR(MCALL(time, "ticks_add", I(1)), up_type_TypeError, "ticks_add expected 2 arguments, got 1");
    CHECK_RAISES(MCALL(time, "ticks_ms", I(1)), up_type_TypeError);

    up_obj_t ms = MCALL0(time, "ticks_ms"), us = MCALL0(time, "ticks_us");
    CHECK(up_is_small(ms) && up_small_value(ms) >= 0 && up_small_value(ms) <= max);
    CHECK(up_is_small(us) && up_small_value(us) >= 0 && up_small_value(us) <= max);
}

static void test_time_monotonic(void) {
    up_obj_t t0 = MCALL0(time, "time");
    up_obj_t m0 = MCALL0(time, "monotonic");
    CHECK(up_is_int(t0) && up_is_float(m0));
    CHECK(MCALL(time, "sleep", I(3)) == UP_NONE);
    up_obj_t t1 = MCALL0(time, "time");
    up_obj_t m1 = MCALL0(time, "monotonic");
    up_int_t dt = up_small_value(t1) - up_small_value(t0);
    CHECK(virtual_clock ? dt == 3 : dt >= 2);
    up_float_t dm = up_float_value(m1) - up_float_value(m0);
    CHECK(virtual_clock ? dm > 2.999 && dm < 3.001 : dm >= 2.999);
    if (virtual_clock) {
        // everything slept so far: 1 + 0.25 + 0.0015 + 0.005 + 0.002501 + 3 s
        CHECK_REPR(t1, "4");
        CHECK_REPR(m1, "4.259");
    }
    CHECK_RAISES(MCALL(time, "time", I(1)), up_type_TypeError);
    CHECK_RAISES(MCALL(time, "monotonic", I(1)), up_type_TypeError);
}

static void test_led(void) {
    up_obj_t LED = ATTR(pyb, "LED");
    CHECK(LED == (up_obj_t)&up_type_pyb_LED);
    up_obj_t led1 = CALLOBJ(LED, I(1));
    CHECK(led1 == CALLOBJ(LED, I(1)));
    CHECK(led1 == up_pyb_led_get(1));
    CHECK(CALLOBJ(LED, UP_TRUE) == led1);
    CHECK_REPR(led1, "LED(1)");
    CHECK_STR(CALLOBJ(LED, I(4)), "LED(4)");
    CHECK(CALLOBJ(LED, I(2)) != led1);
    CHECK_REPR(LED, "<class 'LED'>");

    CHECK(!hal_led_get(1));
    CHECK(up_call_method(S("on"), 1, ARGS(led1), UP_NULL) == UP_NONE);
    CHECK(hal_led_get(1));
    CHECK_REPR(up_call_method(S("intensity"), 1, ARGS(led1), UP_NULL), "255");
    CHECK(up_call_method(S("toggle"), 1, ARGS(led1), UP_NULL) == UP_NONE);
    CHECK(!hal_led_get(1));
    CHECK_REPR(up_call_method(S("intensity"), 1, ARGS(led1), UP_NULL), "0");
    CHECK(up_call(up_getattr(led1, S("toggle")), 0, ARGS(UP_NONE), UP_NULL) == UP_NONE);  // a bound method
    CHECK(hal_led_get(1));
    CHECK(up_call_method(S("off"), 1, ARGS(led1), UP_NULL) == UP_NONE);
    CHECK(!hal_led_get(1));
    CHECK(up_call_method(S("intensity"), 2, ARGS(led1, I(100)), UP_NULL) == UP_NONE);
    CHECK(hal_led_get(1));
    CHECK(up_call_method(S("intensity"), 2, ARGS(led1, I(0)), UP_NULL) == UP_NONE);
    CHECK(!hal_led_get(1));
    CHECK(up_call_method(S("intensity"), 2, ARGS(led1, I(-3)), UP_NULL) == UP_NONE);
    CHECK(!hal_led_get(1));

    // the fast paths the compiler calls
    up_obj_t led3 = up_pyb_led_get(3);
    CHECK(up_pyb_led_on(led3) == UP_NONE && hal_led_get(3) && !hal_led_get(2) && !hal_led_get(4));
    CHECK(up_pyb_led_toggle(led3) == UP_NONE && !hal_led_get(3));
    CHECK(up_pyb_led_toggle(led3) == UP_NONE && hal_led_get(3));
    CHECK(up_pyb_led_off(led3) == UP_NONE && !hal_led_get(3));

    CHECK_ERR(CALLOBJ(LED, I(5)), up_type_ValueError, "LED(5) doesn't exist");
    CHECK_ERR(CALLOBJ(LED, I(0)), up_type_ValueError, "LED(0) doesn't exist");
    CHECK_ERR(CALLOBJ(LED, I(-1)), up_type_ValueError, "LED(-1) doesn't exist");
    CHECK_ERR(up_pyb_led_get(UP_BOARD_LED_COUNT + 1), up_type_ValueError, "LED(5) doesn't exist");
    CHECK_ERR(CALLOBJ(LED, up_int_from_str("1180591620717411303424", 22, 10)), up_type_ValueError,
              "LED(1180591620717411303424) doesn't exist");
    CHECK_ERR(CALLOBJ(LED, S("a")), up_type_TypeError, "can't convert str to int");
    CHECK_ERR(up_call(LED, 0, NULL, UP_NULL), up_type_TypeError, "LED() takes exactly one argument (0 given)");
    CHECK_ERR(up_call_method(S("intensity"), 2, ARGS(led1, S("x")), UP_NULL), up_type_TypeError,
              "can't convert str to int");
    CHECK_RAISES(up_call_method(S("on"), 2, ARGS(led1, I(1)), UP_NULL), up_type_TypeError);
    CHECK_ERR(up_getattr(led1, S("blink")), up_type_AttributeError, "'LED' object has no attribute 'blink'");
}

static void test_switch(void) {
    up_obj_t Switch = ATTR(pyb, "Switch");
    up_obj_t sw = up_call(Switch, 0, NULL, UP_NULL);
    CHECK(sw == up_call(Switch, 0, NULL, UP_NULL));
    CHECK_REPR(sw, "Switch()");
    // The host's switch input is pulled up and not pressed.
    CHECK(up_call_method(S("value"), 1, ARGS(sw), UP_NULL) == UP_FALSE);
    CHECK(up_call(sw, 0, NULL, UP_NULL) == UP_FALSE);
    // Press it: drive the (active-low) line low.
    hal_gpio_init(UP_BOARD_SWITCH_PIN, HAL_GPIO_OUT, HAL_PULL_NONE);
    hal_gpio_write(UP_BOARD_SWITCH_PIN, false);
    CHECK(up_call_method(S("value"), 1, ARGS(sw), UP_NULL) == UP_TRUE);
    CHECK(up_call(sw, 0, NULL, UP_NULL) == UP_TRUE);
    hal_gpio_write(UP_BOARD_SWITCH_PIN, true);
    CHECK(up_call(sw, 0, NULL, UP_NULL) == UP_FALSE);
    // Making the switch again sets the pin back to an input.
    CHECK(up_call(Switch, 0, NULL, UP_NULL) == sw);
    CHECK(up_call(sw, 0, NULL, UP_NULL) == UP_FALSE);
    CHECK_RAISES(up_call(Switch, 1, ARGS(I(1)), UP_NULL), up_type_TypeError);
    CHECK_RAISES(up_call(sw, 1, ARGS(I(1)), UP_NULL), up_type_TypeError);
    CHECK(up_callable(sw));
}

static void test_pyb_time(void) {
    up_int_t t0 = up_small_value(MCALL0(pyb, "millis"));
    up_int_t u0 = up_small_value(MCALL0(pyb, "micros"));
    CHECK(MCALL(pyb, "delay", I(100)) == UP_NONE);
    CHECK(MCALL(pyb, "delay", I(-100)) == UP_NONE);
    CHECK(up_pyb_delay_cint(20) == UP_NONE);
    CHECK(up_pyb_delay_cint(-20) == UP_NONE);
    CHECK_ELAPSED(up_small_value(MCALL(pyb, "elapsed_millis", I(t0))), 120);
    CHECK(MCALL(pyb, "udelay", I(250)) == UP_NONE);
    CHECK(MCALL(pyb, "udelay", I(-250)) == UP_NONE);
    CHECK_ELAPSED(up_small_value(MCALL(pyb, "elapsed_micros", I(u0))), 120250);
    CHECK_ELAPSED(diff(up_small_value(MCALL0(pyb, "millis")), t0), 120);
    // elapsed_* wrap like the counters: a start "in the future" by 5 ticks
    up_int_t now = up_small_value(MCALL0(pyb, "millis"));
    up_int_t start = (now + 5) & ((((up_int_t)1) << 30) - 1);
    if (virtual_clock) {
        CHECK_REPR(MCALL(pyb, "elapsed_millis", I(start)), "1073741819");
    }
    CHECK(MCALL0(pyb, "wfi") == UP_NONE);
    CHECK_REPR(MCALL0(pyb, "freq"), "(168000000, 168000000, 42000000, 84000000)");
    CHECK_ERR(MCALL(pyb, "delay", S("a")), up_type_TypeError, "can't convert str to int");
    CHECK_ERR(MCALL(pyb, "elapsed_millis", F(1.0)), up_type_TypeError, "can't convert float to int");
    CHECK_ERR(MCALL0(pyb, "delay"), up_type_TypeError, "delay() takes exactly one argument (0 given)");
    CHECK_RAISES(MCALL(pyb, "freq", I(1)), up_type_TypeError);
    CHECK_RAISES(MCALL(pyb, "millis", I(1)), up_type_TypeError);
}

static void tests(void) {
    const char *clock = getenv("UPTC_CLOCK");
    virtual_clock = clock != NULL && strcmp(clock, "virtual") == 0;
    test_sleep();
    test_ticks();
    test_time_monotonic();
    test_led();
    test_switch();
    test_pyb_time();
}

UP_TEST_MAIN(tests)
