// The object model: how a Python value is represented in one machine word,
// what a type is, and the conventions every runtime function follows.
//
// Value representation (up_obj_t, one word):
//
//   ...xxxx1   small int: the value is the word shifted right by one
//              (63-bit on a 64-bit host, 31-bit on the pyboard); arithmetic
//              that leaves this range continues in a heap big int.
//   ...xxx00   pointer to an object whose first word is its type
//              (None, True, False, () and all literals are const objects in
//              ROM; everything else lives on the GC heap).
//   0          UP_NULL: "no value" -- an exception is pending (as a result),
//              an unbound variable or attribute slot (as a stored value).
//
// Error convention: a function returning up_obj_t returns UP_NULL when it
// raised (the exception is in up_exc_pending); a function returning int
// returns -1 when it raised. Nothing returns normally with an exception set.
//
// Values are only touched through these macros and inline functions, so the
// representation can change in one place.
#ifndef UP_OBJ_H
#define UP_OBJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "config.h"

typedef uintptr_t up_obj_t;
typedef intptr_t up_int_t;  // a small int's payload, and machine ints in general

#define UP_NULL ((up_obj_t)0)

#if defined(UP_FLOAT32) && UP_FLOAT32
typedef float up_float_t;
#else
typedef double up_float_t;
#endif

#define UP_NORETURN __attribute__((noreturn))
#define UP_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define UP_LIKELY(x) __builtin_expect(!!(x), 1)

// ---- small ints -----------------------------------------------------------

#define UP_WORD_BITS ((int)(sizeof(up_obj_t) * 8))
#define UP_SMALL_MAX ((up_int_t)(UINTPTR_MAX >> 2))
#define UP_SMALL_MIN (-UP_SMALL_MAX - 1)

static inline bool up_is_small(up_obj_t o) {
    return (o & 1) != 0;
}
static inline up_int_t up_small_value(up_obj_t o) {
    return (up_int_t)o >> 1;  // arithmetic shift (GCC guarantees it)
}
static inline up_obj_t up_small(up_int_t v) {
    return ((up_obj_t)v << 1) | 1;
}
// A small int as a constant expression (static initializers in generated code).
#define UP_SMALL_INIT(v) ((up_obj_t)(((uintptr_t)(intptr_t)(v) << 1) | 1))

static inline bool up_small_fits(up_int_t v) {
    return v >= UP_SMALL_MIN && v <= UP_SMALL_MAX;
}

// ---- objects and types ----------------------------------------------------

typedef struct up_type up_type_t;

typedef struct {
    const up_type_t *type;
} up_base_t;

static inline bool up_is_ptr(up_obj_t o) {
    return (o & 1) == 0;
}

// The operators a type's binary_op slot may be asked for. The in-place forms
// come right after the plain ones so `op - UP_OP_IADD + UP_OP_ADD` maps back.
enum up_binop {
    UP_OP_ADD,
    UP_OP_SUB,
    UP_OP_MUL,
    UP_OP_TRUEDIV,
    UP_OP_FLOORDIV,
    UP_OP_MOD,
    UP_OP_POW,
    UP_OP_LSHIFT,
    UP_OP_RSHIFT,
    UP_OP_AND,
    UP_OP_OR,
    UP_OP_XOR,
    UP_OP_MATMUL,
    UP_OP_IADD,
    UP_OP_ISUB,
    UP_OP_IMUL,
    UP_OP_ITRUEDIV,
    UP_OP_IFLOORDIV,
    UP_OP_IMOD,
    UP_OP_IPOW,
    UP_OP_ILSHIFT,
    UP_OP_IRSHIFT,
    UP_OP_IAND,
    UP_OP_IOR,
    UP_OP_IXOR,
    UP_OP_IMATMUL,
    // comparisons: return a bool object (or NotImplemented)
    UP_OP_LT,
    UP_OP_LE,
    UP_OP_EQ,
    UP_OP_NE,
    UP_OP_GT,
    UP_OP_GE,
    // membership: called on the container's type as (op, container, item)
    UP_OP_CONTAINS,
    UP_OP__COUNT
};

enum up_unop {
    UP_UOP_NEG,
    UP_UOP_POS,
    UP_UOP_INVERT,
    UP_UOP_ABS,
    UP_UOP_BOOL,  // -> bool object
    UP_UOP_LEN,   // -> int
    UP_UOP_HASH,  // -> small int
    UP_UOP_INT,   // int(x) for x of this type
    UP_UOP_FLOAT, // float(x)
    UP_UOP__COUNT
};

// Where print/str/repr write: the console, or a string being built.
typedef struct up_printer {
    void (*write)(struct up_printer *p, const char *s, size_t n);
} up_printer_t;

enum up_print_kind { UP_PRINT_STR, UP_PRINT_REPR };

// One entry of a type's method table: a name (interned str) and a callable
// (a builtin-function object or a compiled function).
typedef struct {
    up_obj_t name;
    up_obj_t value;
} up_method_t;

typedef struct {
    size_t n;
    const up_method_t *entries;
} up_methods_t;

// Type flags.
enum {
    UP_TF_USER = 1u << 0,         // a class compiled from Python
    UP_TF_EXCEPTION = 1u << 1,    // BaseException or a subclass
    UP_TF_BASETYPE = 1u << 2,     // can be subclassed in Python
    UP_TF_UNHASHABLE = 1u << 3,   // hash() raises TypeError
    UP_TF_ITERATOR = 1u << 4,     // iter(x) is x
    UP_TF_KEY_REPR = 1u << 5,     // KeyError and subclasses: str(e) is repr(e.args[0])
};

typedef up_obj_t (*up_vcall_t)(up_obj_t self, size_t n, const up_obj_t *args, up_obj_t kwnames);

// A type: a const struct in ROM. A NULL slot means "not supported"; the
// generic operations in ops.c then raise the TypeError CPython would.
struct up_type {
    up_base_t base;               // &up_type_type
    const char *name;             // "list" (a C string: most types' names are never a str object)
    const up_type_t *parent;      // base class; NULL only for object
    uint16_t flags;               // UP_TF_*
    // Classes compiled from Python (UP_TF_USER) and exception types: the
    // number of instance attribute slots incl. the parent's (beside flags,
    // so that the two share a word).
    uint16_t nslots;
    // Calling the type object: construct an instance. args are the call's
    // arguments (not the type); kwnames as in up_call.
    up_obj_t (*make_new)(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
    // Calling an instance (functions, bound methods, user __call__).
    up_vcall_t call;
    // str()/repr() into a printer; returns 0, or -1 when it raised.
    int (*print)(up_printer_t *p, up_obj_t self, int kind);
    // Binary operators and comparisons. Tried on type(a), then on type(b)
    // when the first returns UP_NOTIMPL; so the slot must check which
    // operand is its own. Return UP_NOTIMPL when the operands don't fit.
    up_obj_t (*binary_op)(int op, up_obj_t a, up_obj_t b);
    // Unary operators (enum up_unop); UP_NOTIMPL when unsupported.
    up_obj_t (*unary_op)(int op, up_obj_t a);
    // Subscript: value == UP_NULL loads self[index]; value == UP_DELETE
    // deletes it; otherwise stores value. Loads return the item; stores and
    // deletes return UP_NONE.
    up_obj_t (*subscr)(up_obj_t self, up_obj_t index, up_obj_t value);
    // iter(self) and next(it); iternext returns UP_STOP when exhausted
    // (no StopIteration is created on that path).
    up_obj_t (*getiter)(up_obj_t self);
    up_obj_t (*iternext)(up_obj_t self);
    // Attribute hook run before the method table: value == UP_NULL loads,
    // otherwise stores (UP_DELETE deletes). Returns UP_NOTIMPL when the
    // name is not handled here (the lookup then continues in the methods).
    up_obj_t (*attr)(up_obj_t self, up_obj_t name, up_obj_t value);
    // Methods by name. For builtin types the table is emitted by the
    // compiler with only the methods the program can reach (so unused
    // methods are not linked); see up_methods_<type> in up.h.
    const up_methods_t *methods;
    // Classes compiled from Python (UP_TF_USER) and exception types:
    const up_obj_t *slot_names;   // nslots interned names
    up_obj_t *class_dict;         // class attributes set at run time (RAM cell)
};

static inline bool up_type_is(up_obj_t o, const up_type_t *t) {
    return up_is_ptr(o) && ((const up_base_t *)o)->type == t;
}

// ---- singletons -----------------------------------------------------------

extern const up_base_t up_none_obj;
extern const up_base_t up_true_obj;
extern const up_base_t up_false_obj;
extern const up_base_t up_notimpl_obj;
extern const up_base_t up_ellipsis_obj;
extern const up_base_t up_stop_obj;     // "iterator exhausted" marker, never a Python value
extern const up_base_t up_delete_obj;   // "delete" marker for subscr/attr, never a Python value

#define UP_NONE ((up_obj_t)&up_none_obj)
#define UP_TRUE ((up_obj_t)&up_true_obj)
#define UP_FALSE ((up_obj_t)&up_false_obj)
#define UP_NOTIMPL ((up_obj_t)&up_notimpl_obj)
#define UP_ELLIPSIS ((up_obj_t)&up_ellipsis_obj)
#define UP_STOP ((up_obj_t)&up_stop_obj)
#define UP_DELETE ((up_obj_t)&up_delete_obj)

static inline up_obj_t up_bool(bool b) {
    return b ? UP_TRUE : UP_FALSE;
}

// ---- the builtin types ----------------------------------------------------
// Defined by the compiler in each program's C, with only the slots that
// program can reach (uptc/primitives/types.py); the runtime uses their
// addresses. (Exception types, iterators and the other types are defined in
// the runtime.)

extern const up_type_t up_type_type;
extern const up_type_t up_type_object;
extern const up_type_t up_type_none;
extern const up_type_t up_type_notimpl;
extern const up_type_t up_type_ellipsis;
extern const up_type_t up_type_bool;
extern const up_type_t up_type_int;       // small ints have no header; big ints do
extern const up_type_t up_type_float;
extern const up_type_t up_type_str;
extern const up_type_t up_type_bytes;
extern const up_type_t up_type_tuple;
extern const up_type_t up_type_list;
extern const up_type_t up_type_dict;
extern const up_type_t up_type_set;
extern const up_type_t up_type_range;
extern const up_type_t up_type_slice;
extern const up_type_t up_type_function;
extern const up_type_t up_type_builtin;
extern const up_type_t up_type_bound_method;
extern const up_type_t up_type_module;

static inline const up_type_t *up_type_of(up_obj_t o) {
    return up_is_small(o) ? &up_type_int : ((const up_base_t *)o)->type;
}

static inline bool up_is_int(up_obj_t o) {  // int, not bool
    return up_is_small(o) || ((const up_base_t *)o)->type == &up_type_int;
}
static inline bool up_is_bool(up_obj_t o) {
    return o == UP_TRUE || o == UP_FALSE;
}
static inline bool up_is_float(up_obj_t o) {
#if UP_CFG_FLOAT
    return up_type_is(o, &up_type_float);
#else
    (void)o;
    return false;  // the program has no float values (config.h)
#endif
}
static inline bool up_is_str(up_obj_t o) {
    return up_type_is(o, &up_type_str);
}
static inline bool up_is_list(up_obj_t o) {
    return up_type_is(o, &up_type_list);
}
static inline bool up_is_tuple(up_obj_t o) {
    return up_type_is(o, &up_type_tuple);
}
static inline bool up_is_dict(up_obj_t o) {
    return up_type_is(o, &up_type_dict);
}
static inline bool up_is_type(up_obj_t o) {
    return up_type_is(o, &up_type_type);
}

// type t is s or derives from s
bool up_type_derives(const up_type_t *t, const up_type_t *s);

// ---- the core object layouts ----------------------------------------------
// (Other types keep their layout private to their .c file.)

typedef struct {
    up_base_t base;
    up_float_t value;
} up_float_obj_t;

// str (UTF-8) and bytes share this layout. Literals live in ROM with data
// pointing to a const array; heap strings keep their bytes right after the
// header. data[len] is always 0.
typedef struct {
    up_base_t base;
    uint32_t hash;    // 0 = not computed yet (a computed hash is never 0)
    uint32_t len;     // bytes
    uint32_t nchars;  // code points (== len for ASCII)
    const char *data;
} up_str_t;

typedef struct {
    up_base_t base;
    size_t len;
    up_obj_t items[];
} up_tuple_t;

typedef struct {
    up_base_t base;
    size_t len;
    size_t alloc;
    up_obj_t *items;
} up_list_t;

// A builtin function or method implemented in C. args/kwnames as up_call;
// for methods args[0] is self.
typedef up_obj_t (*up_builtin_fn_t)(size_t n, const up_obj_t *args, up_obj_t kwnames);
typedef struct {
    up_base_t base;
    const char *name;
    uint8_t min_args;  // positional, including self for methods
    uint8_t max_args;  // 255 = any number
    uint8_t takes_kw;  // 0: keyword arguments are rejected before the call
    up_builtin_fn_t fn;
} up_builtin_t;

#define UP_ARGS_ANY 255

// A compiled Python function. The native C function takes the closure
// environment and then one up_obj_t per parameter, in the order of
// param_names: positional (incl. defaulted), *args (a tuple), keyword-only,
// **kwargs (a dict).
enum {
    UP_FN_VARARGS = 1u << 0,
    UP_FN_VARKW = 1u << 1,
};

typedef struct {
    up_obj_t name;                 // interned str
    const up_obj_t *param_names;   // nparams interned strs
    uint8_t nparams;               // native parameters (excluding env)
    uint8_t npos;                  // positional parameters
    uint8_t nkwonly;               // keyword-only parameters
    uint8_t flags;                 // UP_FN_*
    const void *native;            // up_obj_t native(up_obj_t env, up_obj_t p0, ...)
} up_fun_info_t;

typedef struct {
    up_base_t base;
    const up_fun_info_t *info;
    up_obj_t env;       // closure environment, or UP_NULL
    up_obj_t defaults;    // tuple for the last positional params, or UP_NULL
    up_obj_t kwdefaults;  // tuple, one per keyword-only param (UP_NULL: required), or UP_NULL
} up_fun_t;

#define UP_MAX_PARAMS 16

typedef struct {
    up_base_t base;
    up_obj_t self;
    up_obj_t fun;
} up_bound_t;

// Instances of classes compiled from Python, and exceptions: a fixed slot
// per attribute the compiler saw assigned (self.x = ...), in the order of
// type->slot_names (the parent's first), then a dict for the rest.
typedef struct {
    up_base_t base;
    up_obj_t dict;  // UP_NULL until an attribute outside the slots is set
    up_obj_t slots[];
} up_instance_t;

#endif
