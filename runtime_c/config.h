// What the runtime is built with: the compiler picks these per program and
// the driver passes them as -D defines, to the runtime archive (cached per
// configuration) and to the program's C alike. Undefined means 1, the full
// runtime (unit tests, host builds).
//
//   UP_CFG_FLOAT   0: the program has no float values. The float type gets
//                  no slots (uptc/backend_c/types.py) and no code outside
//                  float.c, floatrepr.c and mod_math.c, which such a program
//                  does not link, refers to float code or libm: int / int,
//                  int ** -int, float(n) of an int and the format types
//                  e, f, g, % of an int raise TypeError("float support
//                  disabled").
//   UP_CFG_BIGINT  0: the program's ints stay in the small-int range (the
//                  compiler proved it): where a result would leave it the
//                  runtime raises OverflowError("int too large") instead of
//                  making a big int, and int.c's big-int paths are dead code.
//                  bigint.c is linked only by float(str) of long decimals.
//   UP_CFG_FORMAT  0: no % formatting or format specs: str % x is
//                  NotImplemented (TypeError); format(x, spec) and f"{x:spec}"
//                  with a non-empty spec raise ValueError("format specs
//                  disabled") for str, int, bool and float. (str.format is a
//                  method: linked only when the program names it.)
#ifndef UP_CONFIG_H
#define UP_CONFIG_H

#ifndef UP_CFG_FLOAT
#define UP_CFG_FLOAT 1
#endif
#ifndef UP_CFG_BIGINT
#define UP_CFG_BIGINT 1
#endif
#ifndef UP_CFG_FORMAT
#define UP_CFG_FORMAT 1
#endif

#endif
