// The gc module over the collector's interface (gc.h): collect, enable,
// disable, isenabled, mem_free, mem_alloc. collect() returns None, as in
// MicroPython (CPython returns the number of objects it freed).
#include "up.h"

up_obj_t up_gc_m_collect(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("collect", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    up_gc_collect();
    return UP_NONE;
}

up_obj_t up_gc_m_mem_free(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("mem_free", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    return up_int_from_u64(up_gc_mem_free());
}

up_obj_t up_gc_m_mem_alloc(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("mem_alloc", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    return up_int_from_u64(up_gc_mem_alloc());
}

up_obj_t up_gc_m_enable(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("enable", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    up_gc_enable(true);
    return UP_NONE;
}

up_obj_t up_gc_m_disable(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("disable", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    up_gc_enable(false);
    return UP_NONE;
}

up_obj_t up_gc_m_isenabled(size_t n, const up_obj_t *args, up_obj_t kwnames) {
    (void)args;
    if (up_check_args("isenabled", n, kwnames, 0, 0) < 0) {
        return UP_NULL;
    }
    return up_bool(up_gc_is_enabled());
}

#define GC_FUNCS(X) X(collect) X(disable) X(enable) X(isenabled) X(mem_alloc) X(mem_free)
#define BUILTIN(name) \
    const up_builtin_t up_builtin_gc_##name = {{&up_type_builtin}, #name, 0, UP_ARGS_ANY, 1, up_gc_m_##name};
#define NAME(name) UP_ROM_STR(static, name_##name, #name);
#define ENTRY(name) {(up_obj_t)&name_##name, (up_obj_t)&up_builtin_gc_##name},

GC_FUNCS(BUILTIN)
GC_FUNCS(NAME)
static const up_method_t gc_attr_entries[] = {GC_FUNCS(ENTRY)};
static const up_methods_t gc_attrs = {sizeof gc_attr_entries / sizeof gc_attr_entries[0], gc_attr_entries};
UP_ROM_STR(static, name_module_gc, "gc");

const up_module_t up_module_gc = {{&up_type_module}, (up_obj_t)&name_module_gc, &gc_attrs, NULL};
