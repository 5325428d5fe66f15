// Generators: a heap frame plus a resume function compiled from the
// generator's body (a state machine: the frame's `state` says where to
// continue). Iteration never allocates: the resume function returns the
// yielded value, UP_STOP when the body returned (value in `ret`), or UP_NULL
// when it raised.
#ifndef UP_GEN_H
#define UP_GEN_H

#include "obj.h"

typedef struct up_gen up_gen_t;
typedef up_obj_t (*up_gen_resume_t)(up_gen_t *gen, up_obj_t sent);

enum { UP_GEN_FINISHED = -1 };

struct up_gen {
    up_base_t base;          // &up_type_generator
    up_gen_resume_t resume;
    up_obj_t name;           // the function's name (str)
    up_obj_t ret;            // the return value once finished
    int32_t state;           // 0: not started; k > 0: at yield k; UP_GEN_*
    int32_t saved_state;     // flags while running
    // the compiled function's frame follows (its own struct)
};

extern const up_type_t up_type_generator;

// A new generator whose frame struct is `size` bytes (header included).
up_gen_t *up_gen_new(size_t size, up_gen_resume_t resume, up_obj_t name);

// gen.send(value) / next(gen): the next yielded value, or UP_NULL with
// StopIteration (carrying the return value) or the generator's exception.
up_obj_t up_gen_send(up_obj_t gen, up_obj_t value);

// `yield from it` in compiled code: the next value of the sub-iterator
// after sending `sent` (None: plain next), or UP_STOP when it is exhausted
// (its result is then in *result), or UP_NULL when it raised.
up_obj_t up_yield_from(up_obj_t it, up_obj_t sent, up_obj_t *result);

#endif
