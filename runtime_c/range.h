// range and slice objects.
#ifndef UP_RANGE_H
#define UP_RANGE_H

#include "obj.h"

// range(start, stop, step) of ints (big ints allowed); ValueError for step 0.
up_obj_t up_range_new(up_obj_t start, up_obj_t stop, up_obj_t step);
up_obj_t up_range_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
int up_range_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_range_binary_op(int op, up_obj_t a, up_obj_t b);  // == != in
up_obj_t up_range_unary_op(int op, up_obj_t a);
up_obj_t up_range_subscr(up_obj_t self, up_obj_t index, up_obj_t value);
up_obj_t up_range_getiter(up_obj_t self);
up_obj_t up_range_attr(up_obj_t self, up_obj_t name, up_obj_t value);  // start stop step count index
// reversed(r): an iterator over r's values from the last to the first
up_obj_t up_range_reversed(up_obj_t self);

// slice(start, stop, step) objects (a[i:j] passes them to the subscr slot).
up_obj_t up_slice_new(up_obj_t start, up_obj_t stop, up_obj_t step);
bool up_is_slice(up_obj_t o);
up_obj_t up_slice_make_new(const up_type_t *type, size_t n, const up_obj_t *args, up_obj_t kwnames);
int up_slice_print(up_printer_t *p, up_obj_t self, int kind);
up_obj_t up_slice_binary_op(int op, up_obj_t a, up_obj_t b);  // comparisons
up_obj_t up_slice_attr(up_obj_t self, up_obj_t name, up_obj_t value);  // start stop step indices
// Resolve a slice against a length like CPython's PySlice_AdjustIndices:
// 0, or -1 (ValueError: slice step cannot be zero; TypeError: bad indices).
int up_slice_indices(up_obj_t slice, up_int_t len, up_int_t *start, up_int_t *stop, up_int_t *step,
                     up_int_t *count);
// The same for separate start/stop/step values (UP_NONE = omitted).
int up_slice_adjust(up_obj_t start, up_obj_t stop, up_obj_t step, up_int_t len, up_int_t *ostart,
                    up_int_t *ostop, up_int_t *ostep, up_int_t *count);
// The two halves, for a sequence that __index__ may change (a list): unpack
// the bounds to machine ints (PySlice_Unpack; runs __index__, 0 or -1),
// then clamp them to the length read afterwards (returns the item count).
int up_slice_unpack(up_obj_t start, up_obj_t stop, up_obj_t step, up_int_t *ostart, up_int_t *ostop,
                    up_int_t *ostep);
int up_slice_unpack_obj(up_obj_t slice, up_int_t *ostart, up_int_t *ostop, up_int_t *ostep);
up_int_t up_slice_clamp(up_int_t len, up_int_t *start, up_int_t *stop, up_int_t step);
// The int value of an index-like object: an int as is, a bool as 0/1, the
// result of __index__ for a class that has one; UP_NOTIMPL (no exception)
// for anything else, so callers can raise their own message; UP_NULL when
// __index__ raised. (up_index_obj in compiled.h raises instead.)
up_obj_t up_index_try(up_obj_t o);
// A repetition count for seq * n: TypeError "can't multiply sequence by
// non-int of type 'float'", OverflowError when huge; negative counts give 0.
int up_repeat_count(up_obj_t n, up_int_t *out);
// An index object (int or bool, or __index__) to a machine int; IndexError
// "cannot fit 'int' into an index-sized integer" when huge. 0 or -1.
int up_index_value(up_obj_t o, up_int_t *out);

#endif
