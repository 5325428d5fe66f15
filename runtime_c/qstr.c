// The ROM str objects for the names in qstr.h.
#include "qstr.h"

#include "str.h"

// Each text is an array of its own (not a literal, which would share one
// string section with all the others), so the linker keeps only the names
// a program uses.
#define UP_DEFINE_QSTR(name)                   \
    static const char text_##name[] = #name; \
    const up_str_t up_q_##name = {{&up_type_str}, 0, sizeof #name - 1, sizeof #name - 1, text_##name};
UP_QSTRS(UP_DEFINE_QSTR)
