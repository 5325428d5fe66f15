// The command line (hal_argc, hal_argv).
//
// A board has no command line: argv is just the program's name. Under the
// emulator the semihosting call SYS_GET_CMDLINE returns the words that
// `uptc run` passed to QEMU (-semihosting-config ...,arg=app.py,arg=a1),
// separated by spaces (so an argument cannot contain a space). The buffers
// exist only in programs that ask for argv.

#include "stm32f405.h"

#ifndef UP_CMDLINE_MAX
#define UP_CMDLINE_MAX 96  // bytes of command line kept, with its NUL
#endif
#ifndef UP_ARGV_MAX
#define UP_ARGV_MAX 8
#endif

#define SYS_GET_CMDLINE 0x15u

// argv[0] when there is no command line; the compiler may define a strong
// up_program_name (e.g. "app.py").
__attribute__((weak)) const char up_program_name[] = "main.py";

static char s_cmdline[UP_CMDLINE_MAX];
static const char *s_argv[UP_ARGV_MAX];
static int s_argc = -1;  // -1: not read yet

static void read_args(void) {
    s_argc = 0;
    if (hal_stm32_in_emulator()) {
        struct {
            char *buf;
            uint32_t len;
        } block = {s_cmdline, sizeof s_cmdline};
        if (hal_stm32_semihosting(SYS_GET_CMDLINE, &block) == 0) {
            s_cmdline[sizeof s_cmdline - 1] = 0;
            char *p = s_cmdline;
            while (*p && s_argc < UP_ARGV_MAX) {
                while (*p == ' ') {
                    *p++ = 0;
                }
                if (*p) {
                    s_argv[s_argc++] = p;
                }
                while (*p && *p != ' ') {
                    p++;
                }
            }
        }
    }
    if (s_argc == 0) {
        s_argv[s_argc++] = up_program_name;
    }
}

int hal_argc(void) {
    if (s_argc < 0) {
        read_args();
    }
    return s_argc;
}

const char *hal_argv(int i) {
    if (i < 0 || i >= hal_argc()) {
        return NULL;
    }
    return s_argv[i];
}
