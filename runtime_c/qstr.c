// The ROM str objects for the names in qstr.h.
#include "qstr.h"

#include "str.h"

#define UP_DEFINE_QSTR(name) const up_str_t up_q_##name = UP_ROM_STR_INIT(#name);
UP_QSTRS(UP_DEFINE_QSTR)
