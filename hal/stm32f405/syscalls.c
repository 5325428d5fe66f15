// The system calls newlib's C library expects (_write, _sbrk, ...), for the
// few library functions that reach them. Each is linked only when something
// uses it.
//
// There is no malloc heap: all of RAM after .bss belongs to the GC
// (hal_heap_bounds), so _sbrk always fails and malloc returns NULL. The
// runtime must not rely on malloc -- note that newlib's printf of floats
// calls it.

#include <errno.h>
#include <sys/stat.h>

#include "stm32f405.h"

void *_sbrk(ptrdiff_t increment) {
    (void)increment;
    errno = ENOMEM;
    return (void *)-1;
}

int _write(int fd, const char *buf, int len) {
    if (fd == 2) {
        hal_error_write(buf, (size_t)len);
    } else {
        hal_console_write(buf, (size_t)len);
    }
    return len;
}

int _read(int fd, char *buf, int len) {
    (void)fd;
    int n = 0;
    while (n < len) {
        int c = hal_console_read(-1);
        if (c < 0) {
            break;  // the end of the input
        }
        buf[n++] = (char)c;
        if (c == '\n') {
            break;
        }
    }
    return n;
}

int _close(int fd) {
    (void)fd;
    return -1;
}

int _fstat(int fd, struct stat *st) {
    (void)fd;
    st->st_mode = S_IFCHR;  // the console: unbuffered character device
    return 0;
}

int _isatty(int fd) {
    (void)fd;
    return 1;
}

int _lseek(int fd, int offset, int whence) {
    (void)fd;
    (void)offset;
    (void)whence;
    return 0;
}

_Noreturn void _exit(int status) {
    hal_exit(status);
}

int _kill(int pid, int sig) {
    (void)pid;
    (void)sig;
    errno = EINVAL;
    return -1;
}

int _getpid(void) {
    return 1;
}
