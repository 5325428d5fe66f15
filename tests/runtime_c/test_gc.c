// The collector: what it keeps (objects reachable from static data, the
// stack, interior pointers, scanned blocks) and what it gives back (the
// first block of the heap, a heap filled up to MemoryError, objects only
// a finished call's frame pointed to, the unused part of a list's items).
#include "check.h"

// A static root the tests set and clear.
static up_obj_t keep;

// Builds a list of n small lists and drops it: once this call has returned,
// nothing in a live frame points to it.
static __attribute__((noinline)) size_t build_and_drop(size_t n) {
    up_obj_t l = up_list_new(0);
    if (l == UP_NULL) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        up_obj_t item = up_list_new(3);
        if (item == UP_NULL || up_list_append(l, item) < 0) {
            up_exc_fetch();
            break;
        }
    }
    return up_list_len(l);
}

// Fills the heap with lists until MemoryError (the collector disabled, so
// the heap's worth is allocated without a collection), then drops them.
static __attribute__((noinline)) size_t fill_heap(void) {
    up_gc_enable(false);
    up_obj_t l = up_list_new(0);
    size_t n = 0;
    if (l != UP_NULL) {
        for (;;) {
            up_obj_t item = up_list_new(2);
            if (item == UP_NULL || up_list_append(l, item) < 0) {
                break;
            }
        }
        n = up_list_len(l);
    }
    up_obj_t exc = up_exc_fetch();
    up_gc_enable(true);
    return exc != UP_NULL && up_exc_type(exc) == &up_type_MemoryError ? n : 0;
}

static __attribute__((noinline)) void keep_new_list(size_t n) {
    keep = up_list_new(n);
}

// A pointer into the middle of the items block of a new list, which is
// then dropped (only the interior pointer is left).
static __attribute__((noinline)) up_obj_t *interior_pointer(void) {
    up_obj_t l = up_list_new(64);
    return l == UP_NULL ? NULL : ((up_list_t *)l)->items + 32;
}

static void tests(void) {
    up_gc_collect();
    size_t base = up_gc_mem_free();
    CHECK(base > 0 && up_gc_mem_alloc() == 0);

    // The first allocation is block 0 of the heap: the collector's own
    // record of where the heap starts must not keep it alive.
    CHECK(build_and_drop(1000) == 1000);
    CHECK(up_gc_mem_free() < base);
    up_gc_collect();
    CHECK(up_gc_mem_free() == base);

    // Filling the heap to MemoryError and dropping it gives everything back,
    // every time.
    for (int round = 0; round < 3; round++) {
        CHECK(fill_heap() > 1000);
        CHECK(up_gc_mem_free() < base / 2);
        up_gc_collect();
        CHECK(up_gc_mem_free() == base);
    }

    // A static root keeps its object (and what it points to) until cleared.
    keep_new_list(100);
    CHECK(keep != UP_NULL);
    up_gc_collect();
    size_t kept = up_gc_mem_free();
    CHECK(kept < base);
    CHECK(up_list_len(keep) == 100 && up_list_get_cint(keep, 99) == UP_NONE);
    keep = UP_NULL;
    up_gc_collect();
    CHECK(up_gc_mem_free() == base);

    // A pointer into an allocation keeps all of it.
    up_obj_t *volatile inner = interior_pointer();
    CHECK(inner != NULL);
    up_gc_collect();
    CHECK(up_gc_mem_free() < base);
    inner[0] = UP_NONE;  // still writable: the block was kept
    inner = NULL;
    up_gc_collect();
    CHECK(up_gc_mem_free() == base);

    // Items popped off a list are no longer referenced from its spare
    // capacity: the list survives, they do not.
    keep = up_list_new(0);
    for (int i = 0; i < 8; i++) {
        up_list_append(keep, up_list_new(200));
    }
    up_gc_collect();
    size_t full = up_gc_mem_free();
    for (int i = 0; i < 8; i++) {
        up_list_pop_cint(keep, -1);
    }
    up_gc_collect();
    CHECK(up_list_len(keep) == 0 && up_gc_mem_free() > full + 8 * 200 * sizeof(up_obj_t));
    keep = UP_NULL;
    up_gc_collect();
    CHECK(up_gc_mem_free() == base);
}

UP_TEST_MAIN(tests)
