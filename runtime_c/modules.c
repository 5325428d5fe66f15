// The module type: built-in modules are ROM objects (up_module_t) whose
// attributes are a ROM table of (name, value) pairs, plus an optional hook
// for attributes made at run time (sys.argv). Modules are read-only:
// their attributes cannot be assigned or deleted.
#include "up.h"

int up_module_print(up_printer_t *p, up_obj_t self, int kind) {
    (void)kind;
    up_printer_puts(p, "<module '");
    up_obj_t name = ((const up_module_t *)self)->name;
    up_printer_write(p, up_str_data(name), up_str_size(name));
    up_printer_puts(p, "'>");
    return 0;
}

up_obj_t up_module_attr(up_obj_t self, up_obj_t name, up_obj_t value) {
    const up_module_t *m = (const up_module_t *)self;
    if (value != UP_NULL) {
        return up_raise_fmt(&up_type_AttributeError, "'module' object attribute '%q' is read-only", name);
    }
    const up_methods_t *attrs = m->attrs;
    if (attrs != NULL) {
        // Names the compiler interned compare as pointers; others by text.
        for (size_t i = 0; i < attrs->n; i++) {
            if (attrs->entries[i].name == name) {
                return attrs->entries[i].value;
            }
        }
        for (size_t i = 0; i < attrs->n; i++) {
            if (up_str_eq(attrs->entries[i].name, name)) {
                return attrs->entries[i].value;
            }
        }
    }
    if (m->getattr != NULL) {
        up_obj_t r = m->getattr(name);
        if (r != UP_NOTIMPL) {
            return r;
        }
    }
    if (up_str_eq(name, UP_Q(__name__))) {
        return m->name;
    }
    return UP_NOTIMPL;
}
