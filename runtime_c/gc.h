// The garbage collector: mark-sweep over one fixed heap, in blocks of two
// words. See gc.c for the allocation table.
#ifndef UP_GC_H
#define UP_GC_H

#include "obj.h"

// Called once by up_main: the heap region and the top of the stack (the
// address of a local in the outermost runtime frame).
void up_gc_init(void *heap_start, void *heap_end, void *stack_top);

// Allocate n zeroed bytes. Returns NULL with MemoryError pending when the
// heap is full even after a collection. A noscan block is never searched for
// pointers (string bytes, big-int digits, floats).
void *up_alloc(size_t n);
void *up_alloc_noscan(size_t n);
// Resize a block (keeping its noscan flag); p may be NULL. New bytes are zero.
void *up_realloc(void *p, size_t n);
// Give a block back early (optional; the collector finds it anyway).
void up_free(void *p);

void up_gc_collect(void);
size_t up_gc_mem_free(void);
size_t up_gc_mem_alloc(void);
// True between gc.disable() and gc.enable(): allocation then fails instead
// of collecting when the heap is full.
void up_gc_enable(bool on);
bool up_gc_is_enabled(void);

// Number of collections so far (for tests and gc stress statistics).
size_t up_gc_collections(void);

#endif
