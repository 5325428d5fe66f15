// Full method tables for the runtime tests (a compiled program gets tables
// with only the methods it can reach, emitted by the compiler).
#include "up.h"

#define NAME(type, m) static const up_str_t name_##type##_##m = {{&up_type_str}, 0, sizeof #m - 1, sizeof #m - 1, #m};
#define ENTRY(type, m) {(up_obj_t)&name_##type##_##m, (up_obj_t)&up_builtin_##type##_##m},

#define TABLE(type, LIST)                                                        \
    LIST(NAME_##type)                                                            \
    static const up_method_t entries_##type[] = {LIST(ENTRY_##type)};            \
    const up_methods_t up_methods_##type = {sizeof entries_##type / sizeof entries_##type[0], entries_##type};

#define NAME_str(m) NAME(str, m)
#define ENTRY_str(m) ENTRY(str, m)
#define NAME_list(m) NAME(list, m)
#define ENTRY_list(m) ENTRY(list, m)
#define NAME_tuple(m) NAME(tuple, m)
#define ENTRY_tuple(m) ENTRY(tuple, m)
#define NAME_dict(m) NAME(dict, m)
#define ENTRY_dict(m) ENTRY(dict, m)
#define NAME_set(m) NAME(set, m)
#define ENTRY_set(m) ENTRY(set, m)

TABLE(str, UP_STR_METHODS)
TABLE(list, UP_LIST_METHODS)
TABLE(tuple, UP_TUPLE_METHODS)
TABLE(dict, UP_DICT_METHODS)
TABLE(set, UP_SET_METHODS)

#define NAME_int(m) NAME(int, m)
#define ENTRY_int(m) ENTRY(int, m)
#define NAME_float(m) NAME(float, m)
#define ENTRY_float(m) ENTRY(float, m)
TABLE(int, UP_INT_METHODS)
TABLE(float, UP_FLOAT_METHODS)

#define NAME_bytes(m) NAME(bytes, m)
#define ENTRY_bytes(m) ENTRY(bytes, m)
TABLE(bytes, UP_BYTES_METHODS)

#define NAME_led(m) NAME(led, m)
#define ENTRY_led(m) ENTRY(led, m)
#define NAME_switch(m) NAME(switch, m)
#define ENTRY_switch(m) ENTRY(switch, m)
TABLE(led, UP_LED_METHODS)
TABLE(switch, UP_SWITCH_METHODS)
