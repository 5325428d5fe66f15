// The sys module: argv, exit, maxsize, byteorder, platform, implementation,
// version, version_info, the stdout/stderr stream objects, and MicroPython's
// print_exception.
//
// sys.argv is made on first use and kept in a static (a GC root); every
// other attribute is ROM.
#include "up.h"

#include "hal.h"

#define ROM_STR(id, text) UP_ROM_STR(static, id, text);

// ---- argv, maxsize (made at run time) ---------------------------------------------

static up_obj_t argv_list;

up_obj_t up_sys_argv(void) {
    if (argv_list != UP_NULL) {
        return argv_list;
    }
    up_obj_t l = up_list_new(0);
    if (l == UP_NULL) {
        return UP_NULL;
    }
    int argc = hal_argc();
    for (int i = 0; i < argc; i++) {
        const char *a = hal_argv(i);
        up_obj_t s = up_builtins_decode_utf8(a, strlen(a));
        if (s == UP_NULL || up_list_append(l, s) < 0) {
            return UP_NULL;
        }
    }
    argv_list = l;
    return l;
}

ROM_STR(name_argv, "argv")
ROM_STR(name_maxsize, "maxsize")

static up_obj_t sys_getattr(up_obj_t name) {
    if (up_str_eq(name, (up_obj_t)&name_argv)) {
        return up_sys_argv();
    }
    if (up_str_eq(name, (up_obj_t)&name_maxsize)) {
        // The largest machine int: 2**63-1 on the host, 2**31-1 on the board
        // (as MicroPython); both are big ints here.
        return up_int_from_cint(INTPTR_MAX);
    }
    return UP_NOTIMPL;
}

// ---- exit, print_exception --------------------------------------------------------

up_obj_t up_sys_m_exit(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("exit", n, kwnames, 0, 1) < 0) {
        return UP_NULL;
    }
    up_obj_t e = up_exc_new(&up_type_SystemExit, n, args);
    return e == UP_NULL ? UP_NULL : up_raise(e);
}
const up_builtin_t up_builtin_sys_exit = {{&up_type_builtin}, "exit", 0, UP_ARGS_ANY, 1, up_sys_m_exit};

// print_exception(exc, file=sys.stdout): MicroPython's; the traceback goes
// to sys.stdout unless file is sys.stderr.
up_obj_t up_sys_m_print_exception(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_nargs("print_exception", n, kwnames, 1, 2) < 0) {
        return UP_NULL;
    }
    up_obj_t exc = args[0];
    if (!up_is_ptr(exc) || !up_type_derives(up_type_of(exc), &up_type_BaseException)) {
        return up_raise_fmt(&up_type_TypeError, "print_exception() argument must be an exception, not %T", exc);
    }
    up_obj_t file = n == 2 ? args[1] : (up_obj_t)&up_sys_stdout_obj;
    if (file == (up_obj_t)&up_sys_stderr_obj) {
        up_print_exception(exc);
        return UP_NONE;
    }
    if (file != (up_obj_t)&up_sys_stdout_obj) {
        return up_raise_fmt(&up_type_TypeError, "print_exception() file must be sys.stdout or sys.stderr, not %T",
                            file);
    }
    up_print_exception_to(&up_stdout_printer, exc);
    return UP_NONE;
}
const up_builtin_t up_builtin_sys_print_exception = {
    {&up_type_builtin}, "print_exception", 0, UP_ARGS_ANY, 1, up_sys_m_print_exception};

// ---- stdout, stderr -------------------------------------------------------------

static up_printer_t *stream_printer(up_obj_t self) {
    return self == (up_obj_t)&up_sys_stderr_obj ? &up_stderr_printer : &up_stdout_printer;
}

// write(s): the number of characters written
static up_obj_t stream_write(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args("TextIOWrapper.write", n - 1, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    up_obj_t s = args[1];
    if (!up_is_str(s)) {
        return up_raise_fmt(&up_type_TypeError, "write() argument must be str, not %T", s);
    }
    up_printer_write(stream_printer(args[0]), up_str_data(s), up_str_size(s));
    return up_small((up_int_t)up_str_len(s));
}

// flush(): the console streams are not buffered by the runtime.
static up_obj_t stream_flush(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("TextIOWrapper.flush", n - 1, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    return UP_NONE;
}

static const up_builtin_t builtin_stream_write = {{&up_type_builtin}, "write", 1, UP_ARGS_ANY, 1, stream_write};
static const up_builtin_t builtin_stream_flush = {{&up_type_builtin}, "flush", 1, UP_ARGS_ANY, 1, stream_flush};
ROM_STR(name_write, "write")
ROM_STR(name_flush, "flush")
static const up_method_t stream_method_entries[] = {
    {(up_obj_t)&name_flush, (up_obj_t)&builtin_stream_flush},
    {(up_obj_t)&name_write, (up_obj_t)&builtin_stream_write},
};
static const up_methods_t stream_methods = {2, stream_method_entries};

static int stream_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    up_printer_puts(p, self == (up_obj_t)&up_sys_stderr_obj
                           ? "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"
                           : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    return 0;
}

const up_type_t up_type_sys_stream = {
    .base = {&up_type_type},
    .name = "TextIOWrapper",
    .parent = &up_type_object,
    .print = stream_print,
    .methods = &stream_methods,
};
const up_base_t up_sys_stdout_obj = {&up_type_sys_stream};
const up_base_t up_sys_stderr_obj = {&up_type_sys_stream};

// ---- implementation, version ------------------------------------------------------

static const up_tuple_t version_info = {{&up_type_tuple}, 3, {UP_SMALL_CONST(3), UP_SMALL_CONST(4), UP_SMALL_CONST(0)}};
static const up_tuple_t uptc_version = {{&up_type_tuple}, 3, {UP_SMALL_CONST(0), UP_SMALL_CONST(1), UP_SMALL_CONST(0)}};
ROM_STR(str_uptc, "uptc")

// sys.implementation: an object with the attributes name and version.
static up_obj_t impl_attr(up_obj_t self, up_obj_t name, up_obj_t value) {
    (void)self;
    if (value != UP_NULL) {
        return UP_NOTIMPL;
    }
    if (up_str_eq_cstr(name, "name")) {
        return (up_obj_t)&str_uptc;
    }
    if (up_str_eq_cstr(name, "version")) {
        return (up_obj_t)&uptc_version;
    }
    return UP_NOTIMPL;
}

static int impl_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)self;
    (void)kind;
    up_printer_puts(p, "namespace(name='uptc', version=(0, 1, 0))");
    return 0;
}

static const up_type_t type_impl = {
    .base = {&up_type_type},
    .name = "implementation",
    .parent = &up_type_object,
    .print = impl_print,
    .attr = impl_attr,
};
static const up_base_t impl_obj = {&type_impl};

// ---- the module -----------------------------------------------------------------

ROM_STR(str_little, "little")
// sys.platform (the compiler reads it directly as up_sys_platform_str)
#ifdef __arm__
UP_ROM_STR(, up_sys_platform_str, "pyboard");
#else
UP_ROM_STR(, up_sys_platform_str, "linux");
#endif
#define str_platform up_sys_platform_str
ROM_STR(str_version, "3.4.0; uptc 0.1.0")

ROM_STR(name_byteorder, "byteorder")
ROM_STR(name_exit, "exit")
ROM_STR(name_implementation, "implementation")
ROM_STR(name_platform, "platform")
ROM_STR(name_print_exception, "print_exception")
ROM_STR(name_stderr, "stderr")
ROM_STR(name_stdout, "stdout")
ROM_STR(name_version, "version")
ROM_STR(name_version_info, "version_info")
ROM_STR(name_sys, "sys")

static const up_method_t sys_attr_entries[] = {
    {(up_obj_t)&name_byteorder, (up_obj_t)&str_little},
    {(up_obj_t)&name_exit, (up_obj_t)&up_builtin_sys_exit},
    {(up_obj_t)&name_implementation, (up_obj_t)&impl_obj},
    {(up_obj_t)&name_platform, (up_obj_t)&str_platform},
    {(up_obj_t)&name_print_exception, (up_obj_t)&up_builtin_sys_print_exception},
    {(up_obj_t)&name_stderr, (up_obj_t)&up_sys_stderr_obj},
    {(up_obj_t)&name_stdout, (up_obj_t)&up_sys_stdout_obj},
    {(up_obj_t)&name_version, (up_obj_t)&str_version},
    {(up_obj_t)&name_version_info, (up_obj_t)&version_info},
};
static const up_methods_t sys_attrs = {sizeof sys_attr_entries / sizeof sys_attr_entries[0], sys_attr_entries};

const up_module_t up_module_sys = {{&up_type_module}, (up_obj_t)&name_sys, &sys_attrs, sys_getattr};
