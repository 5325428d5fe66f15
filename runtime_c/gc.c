// The garbage collector: mark-sweep over one fixed heap.
//
// The heap is cut into blocks of two words. An allocation table keeps two
// bits per block -- FREE, HEAD (first block of an allocation), TAIL (the
// rest of it), MARK (a HEAD reached during marking) -- and a second table
// one "noscan" bit per HEAD. Both tables sit at the start of the heap region,
// followed by the blocks. Objects carry no size: an allocation's extent is
// its HEAD plus the TAILs after it.
//
// Marking is conservative: every word of the static data, the stack, the
// registers (spilled by setjmp) and of every reachable scanned block that
// points into an allocation -- at its start or inside it -- keeps that
// allocation alive. A small explicit mark stack avoids recursion; when it
// overflows, marked blocks are rescanned until nothing new is found.
//
// What is not a root, so that dead objects are given back: the collector's
// own state (it holds the address of block 0), the stack below the
// collector's entry frame (the marking's own frames, and whatever finished
// calls left there), free blocks, and noscan blocks.
#include "gc.h"

#include <setjmp.h>

#include "exc.h"
#include "hal.h"

enum { FREE = 0, HEAD = 1, TAIL = 2, MARK = 3 };

#define BLOCK (2 * sizeof(uintptr_t))

#if UINTPTR_MAX > 0xffffffffu
#define MARK_STACK_SIZE 512
#else
#define MARK_STACK_SIZE 32
#endif

// The collector's own state. It holds the pool's bounds -- pool_start is
// the address of block 0 -- so it must never be scanned as a root: the
// static roots are marked with this struct cut out (mark_range_except).
static struct {
    uint8_t *atb;          // allocation table, 4 blocks per byte
    uint8_t *nsb;          // noscan bits, 8 blocks per byte
    uintptr_t pool_start;
    uintptr_t pool_end;
    size_t nblocks;
    size_t next_fit;       // where the next allocation starts looking
    uintptr_t stack_top;
    bool disabled;
    bool collecting;
    bool mark_overflow;
    size_t ncollections;
    size_t mark_sp;
    size_t mark_stack[MARK_STACK_SIZE];
} gc;

static inline unsigned atb_get(size_t b) {
    return (gc.atb[b >> 2] >> ((b & 3) * 2)) & 3;
}

static inline void atb_set(size_t b, unsigned v) {
    uint8_t *p = &gc.atb[b >> 2];
    unsigned sh = (b & 3) * 2;
    *p = (uint8_t)((*p & ~(3u << sh)) | (v << sh));
}

static inline bool ns_get(size_t b) {
    return (gc.nsb[b >> 3] >> (b & 7)) & 1;
}

static inline void ns_set(size_t b, bool v) {
    if (v) {
        gc.nsb[b >> 3] |= (uint8_t)(1u << (b & 7));
    } else {
        gc.nsb[b >> 3] &= (uint8_t)~(1u << (b & 7));
    }
}

void up_gc_init(void *heap_start, void *heap_end, void *top) {
    uintptr_t start = ((uintptr_t)heap_start + BLOCK - 1) & ~(uintptr_t)(BLOCK - 1);
    uintptr_t end = (uintptr_t)heap_end & ~(uintptr_t)(BLOCK - 1);
    size_t total = end > start ? end - start : 0;
    // Each block costs BLOCK bytes plus 3 bits of tables.
    gc.nblocks = (total * 8) / (BLOCK * 8 + 3);
    while (gc.nblocks > 0) {
        size_t tables = (gc.nblocks + 3) / 4 + (gc.nblocks + 7) / 8;
        tables = (tables + BLOCK - 1) & ~(size_t)(BLOCK - 1);
        if (tables + gc.nblocks * BLOCK <= total) {
            break;
        }
        gc.nblocks--;
    }
    gc.atb = (uint8_t *)start;
    gc.nsb = gc.atb + (gc.nblocks + 3) / 4;
    size_t tables = (gc.nblocks + 3) / 4 + (gc.nblocks + 7) / 8;
    tables = (tables + BLOCK - 1) & ~(size_t)(BLOCK - 1);
    memset(gc.atb, 0, tables);
    gc.pool_start = start + tables;
    gc.pool_end = gc.pool_start + gc.nblocks * BLOCK;
    gc.next_fit = 0;
    gc.stack_top = (uintptr_t)top;
}

// ---- marking --------------------------------------------------------------

static void mark_block(size_t b) {
    if (!ns_get(b)) {
        if (gc.mark_sp < MARK_STACK_SIZE) {
            gc.mark_stack[gc.mark_sp++] = b;
        } else {
            gc.mark_overflow = true;
        }
    }
}

__attribute__((no_sanitize_address)) static inline void mark_word(uintptr_t w) {
    if (w < gc.pool_start || w >= gc.pool_end) {
        return;
    }
    size_t b = (w - gc.pool_start) / BLOCK;
    unsigned k = atb_get(b);
    if (k == FREE) {
        return;
    }
    while (k == TAIL) {
        b--;
        k = atb_get(b);
    }
    if (k == MARK) {
        return;
    }
    atb_set(b, MARK);
    mark_block(b);
}

__attribute__((no_sanitize_address)) static void mark_range(const void *start, const void *end) {
    uintptr_t p = ((uintptr_t)start + sizeof(uintptr_t) - 1) & ~(uintptr_t)(sizeof(uintptr_t) - 1);
    for (; p + sizeof(uintptr_t) <= (uintptr_t)end; p += sizeof(uintptr_t)) {
        mark_word(*(const uintptr_t *)p);
    }
}

static size_t block_len(size_t b) {
    size_t n = 1;
    while (b + n < gc.nblocks && atb_get(b + n) == TAIL) {
        n++;
    }
    return n;
}

static void scan_block(size_t b) {
    uintptr_t p = gc.pool_start + b * BLOCK;
    mark_range((const void *)p, (const void *)(p + block_len(b) * BLOCK));
}

static void drain(void) {
    for (;;) {
        while (gc.mark_sp > 0) {
            scan_block(gc.mark_stack[--gc.mark_sp]);
        }
        if (!gc.mark_overflow) {
            return;
        }
        // The stack overflowed: some marked blocks were never scanned.
        // Rescanning every marked block finds them; already-marked children
        // are not pushed again, so this terminates.
        gc.mark_overflow = false;
        for (size_t b = 0; b < gc.nblocks; b++) {
            if (atb_get(b) == MARK && !ns_get(b)) {
                scan_block(b);
                while (gc.mark_sp > 0) {
                    scan_block(gc.mark_stack[--gc.mark_sp]);
                }
            }
        }
    }
}

static void sweep(void) {
    bool freeing = false;
    for (size_t b = 0; b < gc.nblocks; b++) {
        switch (atb_get(b)) {
        case HEAD:
            atb_set(b, FREE);
            freeing = true;
            break;
        case TAIL:
            if (freeing) {
                atb_set(b, FREE);
            }
            break;
        case MARK:
            atb_set(b, HEAD);
            freeing = false;
            break;
        default:
            freeing = false;
            break;
        }
    }
    gc.next_fit = 0;
}

// Marks [start, end) except the words of [hole, hole_end).
static void mark_range_except(const void *start, const void *end, const void *hole,
                              const void *hole_end) {
    if ((uintptr_t)hole_end <= (uintptr_t)start || (uintptr_t)hole >= (uintptr_t)end) {
        mark_range(start, end);
        return;
    }
    if ((uintptr_t)start < (uintptr_t)hole) {
        mark_range(start, hole);
    }
    if ((uintptr_t)hole_end < (uintptr_t)end) {
        mark_range(hole_end, end);
    }
}

// Marks from the static roots and the stack, then sweeps. sp is the lowest
// address of the collector's entry frame: the deeper frames (this one and
// the marking) hold nothing of the program's.
__attribute__((noinline, no_sanitize_address)) static void collect(uintptr_t sp) {
    gc.collecting = true;
    gc.mark_sp = 0;
    gc.mark_overflow = false;
    const hal_range_t *ranges;
    size_t nranges = hal_static_roots(&ranges);
    for (size_t i = 0; i < nranges; i++) {
        mark_range_except(ranges[i].start, ranges[i].end, &gc, &gc + 1);
        drain();
    }
    mark_range((const void *)sp, (const void *)gc.stack_top);
    drain();
    sweep();
    gc.ncollections++;
    gc.collecting = false;
}

// The entry frame holds nothing but the registers: setjmp spills the
// callee-saved ones (the live values of our callers that are not in their
// frames) into regs, zeroed first because setjmp does not fill all of it.
// The stack is scanned from regs up, so no stale word of a deeper, finished
// call is taken for a root.
__attribute__((noinline, no_sanitize_address)) void up_gc_collect(void) {
    if (gc.collecting || gc.nblocks == 0) {
        return;
    }
    jmp_buf regs;
    memset(&regs, 0, sizeof regs);
    setjmp(regs);
    collect((uintptr_t)&regs);
}

// ---- allocation -----------------------------------------------------------

// Next fit: look for nb free blocks from where the last allocation ended,
// then from the start. (First fit from the lowest hole made every
// allocation larger than the heap's small holes walk the whole used heap.)
static void *take(size_t start, size_t nb, bool noscan) {
    atb_set(start, HEAD);
    for (size_t i = start + 1; i < start + nb; i++) {
        atb_set(i, TAIL);
    }
    ns_set(start, noscan);
    gc.next_fit = start + nb;
    void *p = (void *)(gc.pool_start + start * BLOCK);
    memset(p, 0, nb * BLOCK);
    return p;
}

static void *scan(size_t from, size_t to, size_t nb, bool noscan) {
    size_t run = 0;
    for (size_t b = from; b < to; b++) {
        if ((b & 3) == 0 && b + 4 <= to && run == 0) {
            // Four blocks in use at once (no FREE pair in the byte): skip them.
            uint8_t byte = gc.atb[b >> 2];
            if (((byte | (byte >> 1)) & 0x55) == 0x55) {
                b += 3;
                continue;
            }
        }
        if (atb_get(b) != FREE) {
            run = 0;
            continue;
        }
        if (++run == nb) {
            return take(b + 1 - nb, nb, noscan);
        }
    }
    return NULL;
}

static void *try_alloc(size_t nb, bool noscan) {
    size_t from = gc.next_fit < gc.nblocks ? gc.next_fit : 0;
    void *p = scan(from, gc.nblocks, nb, noscan);
    if (p == NULL && from > 0) {
        p = scan(0, from, nb, noscan);
    }
    return p;
}

static void *gc_alloc(size_t n, bool noscan) {
    size_t nb = (n + BLOCK - 1) / BLOCK;
    if (nb == 0) {
        nb = 1;
    }
#ifdef UP_GC_STRESS
    if (!gc.disabled) {
        up_gc_collect();
    }
#endif
    void *p = try_alloc(nb, noscan);
    if (p == NULL && !gc.disabled) {
        up_gc_collect();
        p = try_alloc(nb, noscan);
    }
    if (p == NULL) {
        up_raise_memory_error();
    }
    return p;
}

void *up_alloc(size_t n) {
    return gc_alloc(n, false);
}

void *up_alloc_noscan(size_t n) {
    return gc_alloc(n, true);
}

static size_t block_of(void *p) {
    return ((uintptr_t)p - gc.pool_start) / BLOCK;
}

void up_free(void *p) {
    if (p == NULL || (uintptr_t)p < gc.pool_start || (uintptr_t)p >= gc.pool_end || gc.collecting) {
        return;
    }
    size_t b = block_of(p);
    if (atb_get(b) != HEAD) {
        return;
    }
    size_t n = block_len(b);
    for (size_t i = 0; i < n; i++) {
        atb_set(b + i, FREE);
    }
}

void *up_realloc(void *p, size_t n) {
    if (p == NULL) {
        return up_alloc(n);
    }
    size_t b = block_of(p);
    size_t have = block_len(b);
    size_t nb = (n + BLOCK - 1) / BLOCK;
    if (nb == 0) {
        nb = 1;
    }
    if (nb <= have) {
        // Shrink in place: release the tail blocks.
        for (size_t i = nb; i < have; i++) {
            atb_set(b + i, FREE);
        }
        return p;
    }
    // Grow in place when the following blocks are free.
    size_t extra = 0;
    while (have + extra < nb && b + have + extra < gc.nblocks && atb_get(b + have + extra) == FREE) {
        extra++;
    }
    if (have + extra == nb) {
        for (size_t i = have; i < nb; i++) {
            atb_set(b + i, TAIL);
        }
        memset((char *)p + have * BLOCK, 0, (nb - have) * BLOCK);
        return p;
    }
    bool noscan = ns_get(b);
    void *q = gc_alloc(n, noscan);  // p stays reachable through our caller
    if (q == NULL) {
        return NULL;
    }
    memcpy(q, p, have * BLOCK);
    up_free(p);
    return q;
}

size_t up_gc_mem_free(void) {
    size_t n = 0;
    for (size_t b = 0; b < gc.nblocks; b++) {
        if (atb_get(b) == FREE) {
            n++;
        }
    }
    return n * BLOCK;
}

size_t up_gc_mem_alloc(void) {
    return gc.nblocks * BLOCK - up_gc_mem_free();
}

void up_gc_enable(bool on) {
    gc.disabled = !on;
}

bool up_gc_is_enabled(void) {
    return !gc.disabled;
}

size_t up_gc_collections(void) {
    return gc.ncollections;
}
