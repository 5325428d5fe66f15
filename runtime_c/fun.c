// Function objects compiled from Python: argument binding for calls the
// compiler could not resolve, closure environments, and the staticmethod /
// classmethod / property wrappers. (The type structs of function,
// staticmethod, classmethod and property are emitted by the compiler; see
// uptc/primitives/types.py.)
#include "up.h"


up_obj_t up_fun_new(const up_fun_info_t *info, up_obj_t env, up_obj_t defaults, up_obj_t kwdefaults) {
    up_fun_t *f = up_alloc(sizeof(up_fun_t));
    if (f == NULL) {
        return UP_NULL;
    }
    f->base.type = &up_type_function;
    f->info = info;
    f->env = env;
    f->defaults = defaults;
    f->kwdefaults = kwdefaults;
    return (up_obj_t)f;
}

static const char *fname(const up_fun_info_t *info) {
    return up_str_data(info->name);
}

// "'a', 'b' and 'c'"
static void list_names(up_strbuf_t *sb, const up_obj_t *names, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            up_strbuf_add(sb, n > 2 ? ", " : " ", n > 2 ? 2 : 1);
        }
        if (i == n - 1 && n > 1) {
            up_strbuf_add(sb, "and ", 4);
        }
        up_strbuf_addc(sb, '\'');
        up_strbuf_add(sb, up_str_data(names[i]), up_str_size(names[i]));
        up_strbuf_addc(sb, '\'');
    }
}

static int missing_error(const up_fun_info_t *info, const up_obj_t *missing, size_t n, bool kwonly) {
    up_strbuf_t sb;
    up_strbuf_init(&sb);
    list_names(&sb, missing, n);
    up_obj_t names = up_strbuf_finish(&sb);
    if (names == UP_NULL) {
        return -1;
    }
    up_raise_fmt(&up_type_TypeError, "%s() missing %d required %s argument%s: %q", fname(info),
                 (up_int_t)n, kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", names);
    return -1;
}

int up_fun_bind(const up_fun_t *f, size_t n, const up_obj_t *args, up_obj_t kwnames, up_obj_t *p) {
    const up_fun_info_t *info = f->info;
    size_t npos_given = up_npos(n, kwnames);
    size_t npos = info->npos;
    bool varargs = info->flags & UP_FN_VARARGS;
    bool varkw = info->flags & UP_FN_VARKW;
    size_t kwonly_at = npos + varargs;
    size_t varkw_at = kwonly_at + info->nkwonly;
    for (size_t i = 0; i < info->nparams; i++) {
        p[i] = UP_NULL;
    }
    size_t take = npos_given < npos ? npos_given : npos;
    for (size_t i = 0; i < take; i++) {
        p[i] = args[i];
    }
    if (npos_given > npos) {
        if (!varargs) {
            size_t ndef = f->defaults ? up_tuple_len(f->defaults) : 0;
            if (ndef > 0) {
                up_raise_fmt(&up_type_TypeError,
                             "%s() takes from %d to %d positional arguments but %d were given",
                             fname(info), (up_int_t)(npos - ndef), (up_int_t)npos, (up_int_t)npos_given);
            } else {
                up_raise_fmt(&up_type_TypeError, "%s() takes %d positional argument%s but %d %s given",
                             fname(info), (up_int_t)npos, npos == 1 ? "" : "s", (up_int_t)npos_given,
                             npos_given == 1 ? "was" : "were");
            }
            return -1;
        }
        p[npos] = up_tuple_from_items(npos_given - npos, args + npos);
        if (p[npos] == UP_NULL) {
            return -1;
        }
    } else if (varargs) {
        p[npos] = UP_EMPTY_TUPLE;
    }
    if (varkw) {
        p[varkw_at] = up_dict_new();
        if (p[varkw_at] == UP_NULL) {
            return -1;
        }
    }
    if (kwnames) {
        const up_tuple_t *kw = (const up_tuple_t *)kwnames;
        for (size_t k = 0; k < kw->len; k++) {
            up_obj_t name = kw->items[k];
            up_obj_t value = args[npos_given + k];
            size_t found = SIZE_MAX;
            for (size_t i = 0; i < varkw_at; i++) {
                if (i == npos && varargs) {
                    continue;
                }
                if (info->param_names[i] == name || up_str_eq(info->param_names[i], name)) {
                    found = i;
                    break;
                }
            }
            if (found == SIZE_MAX) {
                if (!varkw) {
                    up_raise_fmt(&up_type_TypeError, "%s() got an unexpected keyword argument '%q'",
                                 fname(info), name);
                    return -1;
                }
                if (up_dict_setitem(p[varkw_at], name, value) < 0) {
                    return -1;
                }
                continue;
            }
            if (p[found] != UP_NULL) {
                up_raise_fmt(&up_type_TypeError, "%s() got multiple values for argument '%q'",
                             fname(info), name);
                return -1;
            }
            p[found] = value;
        }
    }
    // Defaults, then complain about what is still missing.
    size_t ndef = f->defaults ? up_tuple_len(f->defaults) : 0;
    up_obj_t missing[UP_MAX_PARAMS];
    size_t nmissing = 0;
    for (size_t i = 0; i < npos; i++) {
        if (p[i] == UP_NULL) {
            if (i >= npos - ndef) {
                p[i] = up_tuple_item(f->defaults, i - (npos - ndef));
            } else {
                missing[nmissing++] = info->param_names[i];
            }
        }
    }
    if (nmissing > 0) {
        return missing_error(info, missing, nmissing, false);
    }
    for (size_t i = kwonly_at; i < varkw_at; i++) {
        if (p[i] == UP_NULL) {
            up_obj_t d = f->kwdefaults ? up_tuple_item(f->kwdefaults, i - kwonly_at) : UP_NULL;
            if (d != UP_NULL) {
                p[i] = d;
            } else {
                missing[nmissing++] = info->param_names[i];
            }
        }
    }
    if (nmissing > 0) {
        return missing_error(info, missing, nmissing, true);
    }
    return 0;
}

typedef up_obj_t o_t;
up_obj_t up_fun_invoke(const up_fun_info_t *info, up_obj_t env, const up_obj_t *p) {
    const void *fn = info->native;
    switch (info->nparams) {
    case 0:
        return ((o_t(*)(o_t))fn)(env);
    case 1:
        return ((o_t(*)(o_t, o_t))fn)(env, p[0]);
    case 2:
        return ((o_t(*)(o_t, o_t, o_t))fn)(env, p[0], p[1]);
    case 3:
        return ((o_t(*)(o_t, o_t, o_t, o_t))fn)(env, p[0], p[1], p[2]);
    case 4:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t))fn)(env, p[0], p[1], p[2], p[3]);
    case 5:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t, o_t))fn)(env, p[0], p[1], p[2], p[3], p[4]);
    case 6:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t, o_t, o_t))fn)(env, p[0], p[1], p[2], p[3], p[4], p[5]);
    case 7:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t))fn)(env, p[0], p[1], p[2], p[3], p[4],
                                                                    p[5], p[6]);
    case 8:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t))fn)(env, p[0], p[1], p[2], p[3],
                                                                         p[4], p[5], p[6], p[7]);
    case 9:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t))fn)(
            env, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
    case 10:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t))fn)(
            env, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]);
    case 11:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t))fn)(
            env, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10]);
    case 12:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t))fn)(
            env, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11]);
    case 13:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t))fn)(
            env, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12]);
    case 14:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t))fn)(
            env, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12], p[13]);
    case 15:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t,
                        o_t))fn)(env, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9],
                                 p[10], p[11], p[12], p[13], p[14]);
    default:
        return ((o_t(*)(o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t, o_t,
                        o_t, o_t))fn)(env, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8],
                                      p[9], p[10], p[11], p[12], p[13], p[14], p[15]);
    }
}

up_obj_t up_fun_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    const up_fun_t *f = (const up_fun_t *)self;
    up_obj_t p[UP_MAX_PARAMS];
    if (up_fun_bind(f, n, args, kwnames, p) < 0) {
        return UP_NULL;
    }
    return up_fun_invoke(f->info, f->env, p);
}

int up_fun_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    const up_fun_t *f = (const up_fun_t *)self;
    up_printer_puts(p, "<function ");
    up_printer_puts(p, fname(f->info));
    up_printer_puts(p, ">");
    return 0;
}

// The info holds the qualified name ("Point.move"); __name__ is its last part.
up_obj_t up_fun_attr(up_obj_t self, up_obj_t name, up_obj_t value) {
    if (value != UP_NULL) {
        return UP_NOTIMPL;
    }
    up_obj_t qual = ((const up_fun_t *)self)->info->name;
    if (up_str_eq(name, UP_Q(__qualname__))) {
        return qual;
    }
    if (up_str_eq(name, UP_Q(__name__))) {
        const char *s = up_str_data(qual);
        const char *dot = strrchr(s, '.');
        return dot ? up_str_from_cstr(dot + 1) : qual;
    }
    return UP_NOTIMPL;
}

// ---- closures ------------------------------------------------------------------

up_obj_t up_env_new(size_t nvars, up_obj_t parent) {
    up_obj_t *env = up_alloc((nvars + 1) * sizeof(up_obj_t));
    if (env == NULL) {
        return UP_NULL;
    }
    env[0] = parent;
    return (up_obj_t)env;
}

// ---- staticmethod, classmethod, property ----------------------------------------

typedef up_wrapper_t wrapper_t;
typedef up_property_t property_t;

static up_obj_t wrap(const up_type_t *t, up_obj_t fun) {
    wrapper_t *w = up_alloc(sizeof(wrapper_t));
    if (w == NULL) {
        return UP_NULL;
    }
    w->base.type = t;
    w->fun = fun;
    return (up_obj_t)w;
}

up_obj_t up_staticmethod_new(up_obj_t fun) {
    return wrap(&up_type_staticmethod, fun);
}

up_obj_t up_classmethod_new(up_obj_t fun) {
    return wrap(&up_type_classmethod, fun);
}

up_obj_t up_wrapper_fun(up_obj_t w) {
    return ((const wrapper_t *)w)->fun;
}

up_obj_t up_staticmethod_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    if (up_check_args(up_type_name_of(type), n, kwnames, 1, 1) < 0) {
        return UP_NULL;
    }
    return wrap(type, args[0]);
}

up_obj_t up_property_new(up_obj_t fget, up_obj_t fset, up_obj_t fdel) {
    property_t *p = up_alloc(sizeof(property_t));
    if (p == NULL) {
        return UP_NULL;
    }
    p->base.type = &up_type_property;
    p->fget = fget;
    p->fset = fset;
    p->fdel = fdel;
    return (up_obj_t)p;
}

up_obj_t up_property_with(up_obj_t prop, up_obj_t fset, up_obj_t fdel) {
    const property_t *p = (const property_t *)prop;
    return up_property_new(p->fget, fset != UP_NULL ? fset : p->fset, fdel != UP_NULL ? fdel : p->fdel);
}

up_obj_t up_property_get(up_obj_t prop, up_obj_t self) {
    const property_t *p = (const property_t *)prop;
    if (p->fget == UP_NULL || p->fget == UP_NONE) {
        return up_raise_msg(&up_type_AttributeError, "unreadable attribute");
    }
    return up_call1(p->fget, self);
}

int up_property_set(up_obj_t prop, up_obj_t self, up_obj_t value) {
    const property_t *p = (const property_t *)prop;
    up_obj_t r;
    if (value == UP_DELETE) {
        if (p->fdel == UP_NULL || p->fdel == UP_NONE) {
            up_raise_msg(&up_type_AttributeError, "can't delete attribute");
            return -1;
        }
        r = up_call1(p->fdel, self);
    } else {
        if (p->fset == UP_NULL || p->fset == UP_NONE) {
            up_raise_msg(&up_type_AttributeError, "can't set attribute");
            return -1;
        }
        r = up_call2(p->fset, self, value);
    }
    return r == UP_NULL ? -1 : 0;
}

up_obj_t up_property_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)type;
    if (up_check_args("property", n, kwnames, 0, 3) < 0) {
        return UP_NULL;
    }
    return up_property_new(n > 0 ? args[0] : UP_NONE, n > 1 ? args[1] : UP_NONE, n > 2 ? args[2] : UP_NONE);
}

static up_obj_t property_setter(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_property_with(args[0], args[1], UP_NULL);
}

static up_obj_t property_deleter(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)n;
    (void)kwnames;
    return up_property_with(args[0], UP_NULL, args[1]);
}

static const up_builtin_t builtin_property_setter = {{&up_type_builtin}, "setter", 2, 2, 0, property_setter};
static const up_builtin_t builtin_property_deleter = {{&up_type_builtin}, "deleter", 2, 2, 0, property_deleter};
UP_ROM_STR(static, name_setter, "setter");
UP_ROM_STR(static, name_deleter, "deleter");
static const up_method_t property_method_entries[] = {
    {(up_obj_t)&name_setter, (up_obj_t)&builtin_property_setter},
    {(up_obj_t)&name_deleter, (up_obj_t)&builtin_property_deleter},
};
const up_methods_t up_property_methods = {2, property_method_entries};
