// The slots of the fundamental types (object.c): type, object, NoneType /
// NotImplementedType / ellipsis, bool, builtin_function_or_method and
// method (bound). Like every core type's slots they are exported: the type
// structs themselves are emitted by the compiler for each program
// (uptc/primitives/types.py), with only the slots the program can reach.
#ifndef UP_OBJECT_H
#define UP_OBJECT_H

#include "obj.h"

// type: type(x), calling a type object (-> its make_new), printing a class,
// __name__ / class attributes.
up_obj_t up_typeobj_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
up_obj_t up_typeobj_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames);
int up_typeobj_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_typeobj_attr(up_obj_t self, up_obj_t name, up_obj_t value);

// object: object() and object.__init__ (print and attr are up_instance_*)
up_obj_t up_object_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
extern const up_methods_t up_object_methods;

// None, NotImplemented, Ellipsis (truth and hash are the generic defaults)
int up_none_print(up_printer_t *p, up_obj_t self, int kind);

// bool (arithmetic is int's binary_op)
up_obj_t up_bool_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
int up_bool_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_bool_unary_op(int op, up_obj_t a);

// builtin functions and methods (up_builtin_t)
up_obj_t up_builtinfn_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames);
int up_builtinfn_print(up_printer_t *p, up_obj_t self, int kind);

// bound methods (up_bound_t; up_bound_new is in fun.h)
up_obj_t up_bound_call(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames);
int up_bound_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_bound_binary_op(int op, up_obj_t a, up_obj_t b);

#endif
