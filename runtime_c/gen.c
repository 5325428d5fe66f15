// Generators: iteration, send, throw, close and `yield from` over the
// resume functions the compiler generates (see gen.h).
#include "gen.h"

#include "up.h"


// While a generator runs, its state holds the resume point it was entered
// at; this flag catches re-entry (a generator calling its own next()).
#define RUNNING_FLAG 0x40000000

up_gen_t *up_gen_new(size_t size, up_gen_resume_t resume, up_obj_t name) {
    up_gen_t *g = up_alloc(size);
    if (g == NULL) {
        return NULL;
    }
    g->base.type = &up_type_generator;
    g->resume = resume;
    g->name = name;
    g->ret = UP_NONE;
    g->state = 0;
    return g;
}

// Run the generator to its next yield: the value, UP_STOP (returned), or
// UP_NULL (raised; StopIteration escaping the body becomes RuntimeError).
static up_obj_t resume(up_gen_t *g, up_obj_t sent) {
    if (g->state == UP_GEN_FINISHED) {
        return UP_STOP;
    }
    if (g->saved_state & RUNNING_FLAG) {
        return up_raise_msg(&up_type_ValueError, "generator already executing");
    }
    // A generator pulling from another (generator expressions over
    // generator expressions, yield from) recurses through here: as deep as
    // CPython's recursion limit (its generators are frames) and the stack.
    if (up_nest_enter() < 0) {
        return UP_NULL;
    }
    g->saved_state |= RUNNING_FLAG;
    up_obj_t r = g->resume(g, sent);
    g->saved_state &= ~RUNNING_FLAG;
    up_nest_leave();
    if (r == UP_NULL || r == UP_STOP) {
        g->state = UP_GEN_FINISHED;
    }
    if (r == UP_NULL && up_type_derives(up_exc_type(up_exc_pending), &up_type_StopIteration)) {
        up_obj_t cause = up_exc_fetch();
        up_obj_t s = up_str_from_cstr("generator raised StopIteration");
        up_obj_t e = s == UP_NULL ? UP_NULL : up_exc_new(&up_type_RuntimeError, 1, &s);
        return e == UP_NULL ? UP_NULL : up_raise_from(e, cause);
    }
    return r;
}

static up_obj_t stop_iteration(up_gen_t *g) {
    up_obj_t v = g->ret;
    g->ret = UP_NONE;  // only the first StopIteration carries the value
    up_obj_t e = up_exc_new(&up_type_StopIteration, v == UP_NONE ? 0 : 1, &v);
    return e == UP_NULL ? UP_NULL : up_raise(e);
}

up_obj_t up_gen_send(up_obj_t gen, up_obj_t value) {
    up_gen_t *g = (up_gen_t *)gen;
    if (g->state == 0 && value != UP_NONE) {
        return up_raise_msg(&up_type_TypeError, "can't send non-None value to a just-started generator");
    }
    up_obj_t r = resume(g, value);
    return r == UP_STOP ? stop_iteration(g) : r;
}

static up_obj_t gen_iternext(up_obj_t self) {
    return resume((up_gen_t *)self, UP_NONE);
}

static up_obj_t gen_getiter(up_obj_t self) {
    return self;
}

// Raise exc inside the generator at its current yield.
static up_obj_t throw_in(up_gen_t *g, up_obj_t exc) {
    if (g->state == 0 || g->state == UP_GEN_FINISHED) {
        // Not started (or done): it raises at once and is finished.
        g->state = UP_GEN_FINISHED;
        return up_raise(exc);
    }
    if (up_raise(exc) != UP_NULL || up_exc_pending == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t r = resume(g, UP_NULL);
    return r == UP_STOP ? stop_iteration(g) : r;
}

up_obj_t up_gen_m_send(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_gen_send(args[0], args[1]);
}

up_obj_t up_gen_m_throw(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)kwnames;
    up_obj_t exc = args[1];
    if (n > 2 && args[2] != UP_NONE) {
        exc = up_call(exc, 1, &args[2], UP_NULL);  // throw(Type, value)
        if (exc == UP_NULL) {
            return UP_NULL;
        }
    }
    return throw_in((up_gen_t *)args[0], exc);
}

up_obj_t up_gen_m_close(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    up_gen_t *g = (up_gen_t *)args[0];
    if (g->state == 0 || g->state == UP_GEN_FINISHED) {
        g->state = UP_GEN_FINISHED;
        return UP_NONE;
    }
    up_raise((up_obj_t)&up_type_GeneratorExit);
    if (up_exc_pending == UP_NULL) {
        return UP_NULL;
    }
    up_obj_t r = resume(g, UP_NULL);
    if (r == UP_STOP) {
        return UP_NONE;
    }
    if (r == UP_NULL) {
        const up_type_t *t = up_exc_type(up_exc_pending);
        if (up_type_derives(t, &up_type_GeneratorExit) || up_type_derives(t, &up_type_StopIteration)) {
            up_exc_fetch();
            return UP_NONE;
        }
        return UP_NULL;
    }
    g->state = UP_GEN_FINISHED;
    return up_raise_msg(&up_type_RuntimeError, "generator ignored GeneratorExit");
}

const up_builtin_t up_builtin_generator_send = {{&up_type_builtin}, "send", 2, 2, 0, up_gen_m_send};
const up_builtin_t up_builtin_generator_throw = {{&up_type_builtin}, "throw", 2, 3, 0, up_gen_m_throw};
const up_builtin_t up_builtin_generator_close = {{&up_type_builtin}, "close", 1, 1, 0, up_gen_m_close};

static const up_method_t gen_method_entries[] = {
    {UP_Q(send), (up_obj_t)&up_builtin_generator_send},
    {UP_Q(throw), (up_obj_t)&up_builtin_generator_throw},
    {UP_Q(close), (up_obj_t)&up_builtin_generator_close},
};
static const up_methods_t gen_methods = {3, gen_method_entries};

static int gen_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    up_printer_puts(p, "<generator object ");
    up_obj_t name = ((up_gen_t *)self)->name;
    up_printer_write(p, up_str_data(name), up_str_size(name));
    up_printer_puts(p, ">");
    return 0;
}

static up_obj_t gen_unary_op(int op, up_obj_t a) {
    if (op == UP_UOP_HASH) {
        return up_small((up_int_t)(a >> 2));
    }
    if (op == UP_UOP_BOOL) {
        return UP_TRUE;
    }
    return UP_NOTIMPL;
}

const up_type_t up_type_generator = {
    .base = {&up_type_type},
    .name = "generator",
    .parent = &up_type_object,
    .flags = UP_TF_ITERATOR,
    .print = gen_print,
    .unary_op = gen_unary_op,
    .getiter = gen_getiter,
    .iternext = gen_iternext,
    .methods = &gen_methods,
};

// ---- yield from ------------------------------------------------------------

up_obj_t up_yield_from(up_obj_t it, up_obj_t sent, up_obj_t *result) {
    if (up_type_is(it, &up_type_generator)) {
        up_gen_t *g = (up_gen_t *)it;
        if (g->state == 0 && sent != UP_NONE) {
            return up_raise_msg(&up_type_TypeError,
                                "can't send non-None value to a just-started generator");
        }
        up_obj_t r = resume(g, sent);
        if (r == UP_STOP) {
            *result = g->ret;
        }
        return r;
    }
    up_obj_t r;
    if (sent == UP_NONE) {
        r = up_iternext(it);
        if (r == UP_STOP) {
            *result = UP_NONE;
        }
        return r;
    }
    up_obj_t args[2] = {it, sent};
    r = up_call_method(UP_Q(send), 2, args, UP_NULL);
    if (r == UP_NULL && up_type_derives(up_exc_type(up_exc_pending), &up_type_StopIteration)) {
        *result = up_exc_value(up_exc_fetch());
        return UP_STOP;
    }
    return r;
}
