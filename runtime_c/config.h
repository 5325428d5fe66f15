// What the runtime is built with: the compiler picks these per program and
// the driver passes them as -D defines, to the runtime archive (cached per
// configuration) and to the program's C alike. Undefined means 1, the full
// runtime (unit tests, host builds).
//
//   UP_CFG_FLOAT   0: the program has no float values (the float type's
//                  slots are left out).
#ifndef UP_CONFIG_H
#define UP_CONFIG_H

#ifndef UP_CFG_FLOAT
#define UP_CFG_FLOAT 1
#endif

#endif
