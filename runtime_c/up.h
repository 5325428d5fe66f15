// The uptc runtime's public interface: everything generated code may call.
// uptc/backend_c reads this header (after the preprocessor) to check that
// every runtime function the compiler's primitive tables name exists with
// the right number of parameters.
#ifndef UP_H
#define UP_H

#include "obj.h"
#include "object.h"
#include "gc.h"
#include "exc.h"
#include "qstr.h"
#include "print.h"
#include "ops.h"
#include "int.h"
#include "float.h"
#include "str.h"
#include "bytes.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "set.h"
#include "range.h"
#include "fun.h"
#include "gen.h"
#include "builtins.h"
#include "modules.h"
#include "compiled.h"

// Method tables of the builtin types, emitted by the compiler for each
// program with only the methods that program can reach.
extern const up_methods_t up_methods_int;
extern const up_methods_t up_methods_float;
extern const up_methods_t up_methods_str;
extern const up_methods_t up_methods_bytes;
extern const up_methods_t up_methods_tuple;
extern const up_methods_t up_methods_list;
extern const up_methods_t up_methods_dict;
extern const up_methods_t up_methods_set;
extern const up_methods_t up_methods_led;     // pyb.LED
extern const up_methods_t up_methods_switch;  // pyb.Switch

// The program: defined by the generated C. Runs the main module's body and
// returns the exit status (calling up_report_uncaught when it raised).
int up_program_main(void);
// The uncaught pending exception: print its traceback (SystemExit: its
// message, if any) and return the exit status.
int up_report_uncaught(void);
// The program's source file name (for tracebacks and sys.argv[0]).
extern const char up_program_file[];

#endif
