// Exceptions: the builtin exception classes, raising and matching, and the
// traceback.
//
// The traceback is one static array of ROM positions (up_tb_site_t),
// innermost first: raising a new exception clears it, each function the
// exception leaves appends its position, and re-raising (bare `raise`)
// keeps appending. It costs no heap, so MemoryError and RecursionError can
// report where they happened. Only the exception currently propagating has
// a traceback; a chained __cause__ prints as its type and message.
#include <stdarg.h>

#include "up.h"

up_obj_t up_exc_pending;
up_obj_t up_exc_handling;
uintptr_t up_stack_limit;

#if UINTPTR_MAX > 0xffffffffu
#define TB_MAX 64
#else
#define TB_MAX 16
#endif

static const up_tb_site_t *tb_sites[TB_MAX];
static size_t tb_count;    // entries in tb_sites
static size_t tb_dropped;  // outer frames that did not fit

// ---- the classes ----------------------------------------------------------------

// The exception classes' structs are emitted per program, like the core
// builtin types (uptc/primitives/types.py, EXCEPTION_TYPES), so a program
// links only the slots it can use; they share these.
const up_obj_t up_exc_slot_names[UP_EXC_NSLOTS] = {UP_Q(args), UP_Q(__cause__), UP_Q(__context__)};

static up_obj_t exc_init(size_t n, const up_obj_t *args, up_obj_t kwnames);
static const up_builtin_t builtin_exc_init = {{&up_type_builtin}, "__init__", 1, UP_ARGS_ANY, 0, exc_init};
static const up_method_t exc_method_entries[] = {
    {UP_Q(__init__), (up_obj_t)&builtin_exc_init},
};
const up_methods_t up_exc_methods = {1, exc_method_entries};

// MemoryError must be raisable with an empty heap: a static instance.
static struct {
    up_instance_t inst;
    up_obj_t slots[UP_EXC_NSLOTS];
} memory_error = {{{&up_type_MemoryError}, UP_NULL}, {UP_EMPTY_TUPLE, UP_NULL, UP_NULL}};

static up_obj_t *exc_slots(up_obj_t exc) {
    return ((up_instance_t *)exc)->slots;
}

up_obj_t up_exc_new(const up_type_t *type, size_t nargs, const up_obj_t *args) {
    up_obj_t exc = up_instance_new(type);
    if (exc == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t t = up_tuple_from_items(nargs, args);
    if (t == UP_NULL) {
        return UP_NULL;
    }
    exc_slots(exc)[UP_EXC_SLOT_ARGS] = t;
    return exc;
}

up_obj_t up_exc_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (kwnames) {
        return up_raise_fmt(&up_type_TypeError, "%s() takes no keyword arguments",
                            up_type_name_of(type));
    }
    return up_exc_new(type, n, args);
}

// BaseException.__init__(self, *args): sets args (super().__init__(msg)).
static up_obj_t exc_init(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_obj_t t = up_tuple_from_items(n - 1, args + 1);
    if (t == UP_NULL) {
        return UP_NULL;
    }
    exc_slots(args[0])[UP_EXC_SLOT_ARGS] = t;
    return UP_NONE;
}

up_obj_t up_exc_args(up_obj_t exc) {
    up_obj_t a = exc_slots(exc)[UP_EXC_SLOT_ARGS];
    return a ? a : UP_EMPTY_TUPLE;
}

up_obj_t up_exc_value(up_obj_t exc) {
    up_obj_t a = up_exc_args(exc);
    return up_tuple_len(a) > 0 ? up_tuple_item(a, 0) : UP_NONE;
}

int up_exc_print(up_printer_t *p, up_obj_t self, int kind) {
    up_obj_t args = up_exc_args(self);
    size_t n = up_tuple_len(args);
    const up_type_t *t = up_type_of(self);
    if (kind == UP_PRINT_REPR) {
        up_printer_puts(p, up_type_name_of(t));
        if (n == 1) {
            up_printer_putc(p, '(');
            if (up_print_obj(p, up_tuple_item(args, 0), UP_PRINT_REPR) < 0) {
                return -1;
            }
            up_printer_putc(p, ')');
            return 0;
        }
        return up_print_obj(p, args, UP_PRINT_REPR);
    }
    if (n == 0) {
        return 0;
    }
    if (n == 1) {
        // str(KeyError(k)) is repr(k): the key, quoted.
        int k = (t->flags & UP_TF_KEY_REPR) ? UP_PRINT_REPR : UP_PRINT_STR;
        return up_print_obj(p, up_tuple_item(args, 0), k);
    }
    return up_print_obj(p, args, UP_PRINT_REPR);
}

up_obj_t up_exc_attr(up_obj_t self, up_obj_t name, up_obj_t value) {
    if (value == UP_NULL) {
        const up_type_t *t = up_type_of(self);
        if (up_str_eq(name, UP_Q(value)) && up_type_derives(t, &up_type_StopIteration)) {
            return up_exc_value(self);
        }
        if (up_str_eq(name, UP_Q(code)) && up_type_derives(t, &up_type_SystemExit)) {
            return up_exc_value(self);
        }
        if (up_str_eq(name, UP_Q(errno)) && up_type_derives(t, &up_type_OSError)) {
            return up_exc_value(self);
        }
        up_obj_t *slots = exc_slots(self);
        if (up_str_eq(name, UP_Q(args))) {
            return up_exc_args(self);
        }
        if (up_str_eq(name, UP_Q(__cause__)) || up_str_eq(name, UP_Q(__context__))) {
            up_obj_t v = slots[up_str_eq(name, UP_Q(__cause__)) ? UP_EXC_SLOT_CAUSE : UP_EXC_SLOT_CONTEXT];
            return v ? v : UP_NONE;
        }
    }
    return up_instance_attr(self, name, value);
}

// ---- raising --------------------------------------------------------------------

static up_obj_t instantiate(up_obj_t exc) {
    if (up_is_type(exc) && up_type_derives((const up_type_t *)exc, &up_type_BaseException)) {
        return up_call(exc, 0, NULL, UP_NULL);
    }
    if (up_is_ptr(exc) && up_type_derives(up_type_of(exc), &up_type_BaseException)) {
        return exc;
    }
    return up_raise_msg(&up_type_TypeError, "exceptions must derive from BaseException");
}

// Make the exception instance e the pending one (a new traceback).
static up_obj_t raise_instance(up_obj_t e) {
    tb_count = 0;
    tb_dropped = 0;
    // Raised while handling another: that one is its __context__.
    if (up_exc_handling != UP_NULL && up_exc_handling != e && e != (up_obj_t)&memory_error &&
        exc_slots(e)[UP_EXC_SLOT_CONTEXT] == UP_NULL) {
        exc_slots(e)[UP_EXC_SLOT_CONTEXT] = up_exc_handling;
    }
    up_exc_pending = e;
    return UP_NULL;
}

up_obj_t up_raise(up_obj_t exc) {
    up_obj_t e = instantiate(exc);
    return e == UP_NULL ? UP_NULL : raise_instance(e);
}

up_obj_t up_exc_enter(up_obj_t exc) {
    up_obj_t prev = up_exc_handling;
    up_exc_handling = exc;
    return prev;
}

void up_exc_leave(up_obj_t prev) {
    up_exc_handling = prev;
}

up_obj_t up_raise_from(up_obj_t exc, up_obj_t cause) {
    up_obj_t e = instantiate(exc);
    if (e == UP_NULL) {
        return UP_NULL;
    }
    if (cause != UP_NONE) {
        cause = instantiate(cause);
        if (cause == UP_NULL) {
            return UP_NULL;
        }
    }
    // UP_NONE in the slot: `from None` (__cause__ is None, the context is
    // not printed).
    exc_slots(e)[UP_EXC_SLOT_CAUSE] = cause;
    return up_raise(e);
}

up_obj_t up_reraise(up_obj_t exc) {
    up_exc_pending = exc;
    return UP_NULL;
}

up_obj_t up_raise_msg(const up_type_t *type, const char *msg) {
    up_obj_t s = up_str_from_cstr(msg);
    if (s == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t e = up_exc_new(type, 1, &s);
    return e == UP_NULL ? UP_NULL : raise_instance(e);
}

up_obj_t up_raise_fmt(const up_type_t *type, const char *fmt, ...) {
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    va_list ap;
    va_start(ap, fmt);
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            const char *run = f;
            while (f[1] && f[1] != '%') {
                f++;
            }
            up_strbuf_add(&sb, run, (size_t)(f - run + 1));
            continue;
        }
        f++;
        switch (*f) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            up_strbuf_add(&sb, s, strlen(s));
            break;
        }
        case 'd':
            up_printer_int(&sb.base, va_arg(ap, up_int_t));
            break;
        case 'c':
            up_strbuf_addc(&sb, (char)va_arg(ap, int));
            break;
        case 'q': {
            up_obj_t s = va_arg(ap, up_obj_t);
            up_strbuf_add(&sb, up_str_data(s), up_str_size(s));
            break;
        }
        case 'r':
        case 'S':
            if (up_print_obj(&sb.base, va_arg(ap, up_obj_t), *f == 'r' ? UP_PRINT_REPR : UP_PRINT_STR) < 0) {
                va_end(ap);
                up_free(sb.buf);
                return UP_NULL;
            }
            break;
        case 'T': {
            const char *s = up_type_name(va_arg(ap, up_obj_t));
            up_strbuf_add(&sb, s, strlen(s));
            break;
        }
        case '%':
            up_strbuf_addc(&sb, '%');
            break;
        default:
            f--;  // a lone % at the end
            up_strbuf_addc(&sb, '%');
            break;
        }
    }
    va_end(ap);
    up_obj_t s = up_strbuf_finish(&sb);
    if (s == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t e = up_exc_new(type, 1, &s);
    return e == UP_NULL ? UP_NULL : raise_instance(e);
}

void up_raise_memory_error(void) {
    tb_count = 0;
    tb_dropped = 0;
    up_exc_pending = (up_obj_t)&memory_error;
}

int up_stack_check_slow(void) {
    char here;
    if ((uintptr_t)&here >= up_stack_limit) {
        return 0;
    }
    // Give the handler room to run: lower the limit while the error
    // propagates; up_exc_fetch restores it.
    static bool in_overflow;
    if (in_overflow) {
        return 0;
    }
    in_overflow = true;
    up_raise_msg(&up_type_RecursionError, "maximum recursion depth exceeded");
    in_overflow = false;
    return -1;
}

unsigned up_nest_depth;

int up_nest_enter_slow(void) {
    if (up_nest_depth >= UP_NEST_LIMIT) {
        up_raise_msg(&up_type_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    if (up_stack_check_slow() < 0) {
        return -1;
    }
    up_nest_depth++;
    return 0;
}

// ---- catching -----------------------------------------------------------------

up_obj_t up_exc_fetch(void) {
    up_obj_t e = up_exc_pending;
    up_exc_pending = UP_NULL;
    return e;
}

void up_exc_restore(up_obj_t exc) {
    up_exc_pending = exc;
}

int up_exc_matches(up_obj_t exc, up_obj_t type_or_tuple) {
    if (up_is_tuple(type_or_tuple)) {
        size_t n = up_tuple_len(type_or_tuple);
        for (size_t i = 0; i < n; i++) {
            int m = up_exc_matches(exc, up_tuple_item(type_or_tuple, i));
            if (m != 0) {
                return m;
            }
        }
        return 0;
    }
    if (!up_is_type(type_or_tuple) ||
        !up_type_derives((const up_type_t *)type_or_tuple, &up_type_BaseException)) {
        up_raise_msg(&up_type_TypeError,
                     "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return up_type_derives(up_type_of(exc), (const up_type_t *)type_or_tuple);
}

// ---- the traceback --------------------------------------------------------------

void up_tb_add(const up_tb_site_t *site) {
    if (tb_count < TB_MAX) {
        tb_sites[tb_count++] = site;
    } else {
        tb_dropped++;
    }
}

// Whether str(exc) is empty, for the builtin exceptions ("ValueError" and
// not "ValueError: " when there is nothing to say); a class with its own
// __str__ is assumed to say something.
static bool message_is_empty(up_obj_t exc) {
    if (up_exc_type(exc)->flags & UP_TF_USER) {
        return false;
    }
    up_obj_t args = up_exc_args(exc);
    size_t n = up_tuple_len(args);
    return n == 0 || (n == 1 && up_is_str(up_tuple_item(args, 0)) && up_str_size(up_tuple_item(args, 0)) == 0);
}

static void print_message(up_printer_t *p, up_obj_t exc) {
    up_printer_puts(p, up_type_name(exc));
    if (!message_is_empty(exc)) {
        up_printer_puts(p, ": ");
        if (up_print_obj(p, exc, UP_PRINT_STR) < 0) {
            up_exc_fetch();
            up_printer_puts(p, "<exception str() failed>");
        }
    }
    up_printer_putc(p, '\n');
}

void up_print_exception(up_obj_t exc) {
    up_print_exception_to(&up_stderr_printer, exc);
}

void up_print_exception_to(up_printer_t *p, up_obj_t exc) {
    up_obj_t cause = exc_slots(exc)[UP_EXC_SLOT_CAUSE];
    up_obj_t context = exc_slots(exc)[UP_EXC_SLOT_CONTEXT];
    if (cause != UP_NULL && cause != UP_NONE) {
        print_message(p, cause);
        up_printer_puts(p, "\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (cause == UP_NULL && context != UP_NULL) {
        print_message(p, context);
        up_printer_puts(p, "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    if (tb_count > 0) {
        up_printer_puts(p, "Traceback (most recent call last):\n");
        if (tb_dropped) {
            up_printer_puts(p, "  [");
            up_printer_int(p, (up_int_t)tb_dropped);
            up_printer_puts(p, " more frames]\n");
        }
        for (size_t i = tb_count; i-- > 0;) {
            const up_tb_site_t *s = tb_sites[i];
            up_printer_puts(p, "  File \"");
            up_printer_puts(p, s->file);
            up_printer_puts(p, "\", line ");
            up_printer_int(p, (up_int_t)s->line);
            up_printer_puts(p, ", in ");
            up_printer_puts(p, s->func);
            up_printer_putc(p, '\n');
        }
    }
    print_message(p, exc);
}

// ---- raised by compiled code ------------------------------------------------------

up_obj_t up_assert_fail(up_obj_t msg) {
    up_obj_t e = up_exc_new(&up_type_AssertionError, msg == UP_NULL ? 0 : 1, &msg);
    return e == UP_NULL ? UP_NULL : raise_instance(e);
}

up_obj_t up_unbound_error(const char *name, int kind) {
    if (kind == 2) {
        return up_raise_fmt(&up_type_NameError,
                            "cannot access free variable '%s' where it is not associated with a value in "
                            "enclosing scope",
                            name);
    }
    return up_raise_fmt(&up_type_NameError, "name '%s' is not defined", name);
}

up_obj_t up_cast_check(up_obj_t o, up_obj_t t) {
    const up_type_t *want = (const up_type_t *)t;
    if (want == &up_type_int ? up_is_int(o) : up_type_derives(up_type_of(o), want)) {
        return o;
    }
    return up_raise_fmt(&up_type_TypeError, "expected %s, got %T", up_type_name_of(want), o);
}
