// input(): a line from the console. In a file of its own so that a program
// which never reads the console does not link the console's receive
// interrupt (an archive member is linked whole into the symbol table).
#include "up.h"

#include "hal.h"

// A line ends at "\n", "\r" or "\r\n" (serial terminals send a lone CR for
// Enter). After a CR the next call skips one LF, so "\r\n" is one line end.
static bool input_after_cr;

up_obj_t up_bi_input(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("input", n, kwnames, 0, 1) < 0) {
        return UP_NULL;
    }
    if (n == 1 && up_print_obj(&up_stdout_printer, args[0], UP_PRINT_STR) < 0) {
        return UP_NULL;
    }
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    bool got_any = false;
    for (;;) {
        int c = hal_console_read(-1);
        if (c < 0) {
            if (!got_any) {
                up_free(sb.buf);
                return up_raise_msg(&up_type_EOFError, "EOF when reading a line");
            }
            break;
        }
        bool skip = input_after_cr && !got_any && c == '\n';
        input_after_cr = false;
        got_any = true;
        if (skip) {
            got_any = false;
            continue;
        }
        if (c == '\n') {
            break;
        }
        if (c == '\r') {
            input_after_cr = true;
            break;
        }
        up_strbuf_addc(&sb, (char)c);
    }
    if (sb.failed) {
        up_free(sb.buf);
        return UP_NULL;
    }
    up_obj_t s = up_builtins_decode_utf8(sb.buf ? sb.buf : "", sb.len);
    up_free(sb.buf);
    return s;
}
const up_builtin_t up_builtin_input = {{&up_type_builtin}, "input", 0, UP_ARGS_ANY, 1, up_bi_input};
