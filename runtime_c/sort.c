// Stable merge sort for list.sort() and sorted().
//
// Items are ordered by `<` only (up_compare_bool with UP_OP_LT), so user
// __lt__ methods work and a mixed list raises CPython's TypeError. With a
// key function the keys are computed once, up front, into a parallel array
// that moves in step with the items. reverse=True reverses, sorts stably
// and reverses back, which keeps equal items in their original order (as
// CPython does).
//
// Invariant, even when a comparison raises halfway: the array always holds
// a permutation of its original items -- a merge that fails copies its
// pending run back into the gap it left.
//
// The algorithm: insertion sort on runs of RUN items, then bottom-up merges
// of neighbouring runs. Each merge first checks whether the runs are already
// in order (one comparison), so sorted input costs O(n); otherwise the
// shorter run is copied aside (at most n/2 words of scratch) and merged back.
#include "up.h"

#define RUN 8

typedef struct {
    up_obj_t *keys;  // compared
    up_obj_t *vals;  // moved along with keys; NULL without a key function
    up_obj_t *tk;    // scratch for keys and vals (half the length each)
    up_obj_t *tv;
} sorter_t;

// a < b: 1, 0, -1
static inline int less(up_obj_t a, up_obj_t b) {
    if (up_both_small(a, b)) {
        return (up_int_t)a < (up_int_t)b;
    }
    return up_compare_bool(UP_OP_LT, a, b);
}

static void reverse(up_obj_t *a, size_t n) {
    for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
        up_obj_t t = a[i];
        a[i] = a[j - 1];
        a[j - 1] = t;
    }
}

static int insertion_sort(sorter_t *s, size_t lo, size_t hi) {
    up_obj_t *k = s->keys, *v = s->vals;
    for (size_t i = lo + 1; i < hi; i++) {
        up_obj_t x = k[i], xv = v ? v[i] : UP_NULL;
        size_t j = i;
        int r = 0;
        while (j > lo && (r = less(x, k[j - 1])) > 0) {
            k[j] = k[j - 1];
            if (v) {
                v[j] = v[j - 1];
            }
            j--;
        }
        k[j] = x;  // also on error: the hole takes the held item back
        if (v) {
            v[j] = xv;
        }
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static void copy(sorter_t *s, up_obj_t *dk, up_obj_t *dv, const up_obj_t *sk, const up_obj_t *sv, size_t n) {
    memmove(dk, sk, n * sizeof(up_obj_t));
    if (s->vals) {
        memmove(dv, sv, n * sizeof(up_obj_t));
    }
}

// Merge the sorted runs [lo, mid) and [mid, hi).
static int merge(sorter_t *s, size_t lo, size_t mid, size_t hi) {
    up_obj_t *k = s->keys, *v = s->vals, *tk = s->tk, *tv = s->tv;
    int r = less(k[mid], k[mid - 1]);
    if (r <= 0) {
        return r;  // already in order (or failed without moving anything)
    }
    size_t nl = mid - lo, nr = hi - mid;
    if (nl <= nr) {
        // Left run aside; fill from the front. The gap before j always has
        // exactly the room for what is left in the scratch.
        copy(s, tk, tv, k + lo, v ? v + lo : NULL, nl);
        size_t i = 0, j = mid, out = lo;
        while (i < nl && j < hi) {
            r = less(k[j], tk[i]);
            if (r < 0) {
                break;
            }
            if (r) {
                k[out] = k[j];
                if (v) {
                    v[out] = v[j];
                }
                j++;
            } else {
                k[out] = tk[i];
                if (v) {
                    v[out] = tv[i];
                }
                i++;
            }
            out++;
        }
        copy(s, k + out, v ? v + out : NULL, tk + i, tv + i, nl - i);
    } else {
        // Right run aside; fill from the back.
        copy(s, tk, tv, k + mid, v ? v + mid : NULL, nr);
        size_t i = mid, j = nr, out = hi;  // i, j: one past the next candidates
        while (i > lo && j > 0) {
            r = less(tk[j - 1], k[i - 1]);
            if (r < 0) {
                break;
            }
            out--;
            if (r) {
                k[out] = k[i - 1];
                if (v) {
                    v[out] = v[i - 1];
                }
                i--;
            } else {
                k[out] = tk[j - 1];
                if (v) {
                    v[out] = tv[j - 1];
                }
                j--;
            }
        }
        copy(s, k + out - j, v ? v + out - j : NULL, tk, tv, j);
    }
    return r < 0 ? -1 : 0;
}

static int merge_sort(sorter_t *s, size_t n) {
    for (size_t lo = 0; lo < n; lo += RUN) {
        if (insertion_sort(s, lo, lo + RUN < n ? lo + RUN : n) < 0) {
            return -1;
        }
    }
    for (size_t width = RUN; width < n; width *= 2) {
        for (size_t lo = 0; lo + width < n; lo += 2 * width) {
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            if (merge(s, lo, lo + width, hi) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

int up_sort_array(up_obj_t *items, size_t n, up_obj_t key, bool rev) {
    sorter_t s = {items, NULL, NULL, NULL};
    if (key != UP_NONE && key != UP_NULL) {
        // Keys first: if the key function raises, nothing has moved.
        s.keys = up_alloc(n * sizeof(up_obj_t) + 1);
        if (s.keys == NULL) {
            return -1;
        }
        for (size_t i = 0; i < n; i++) {
            up_obj_t k = up_call1(key, items[i]);
            if (k == UP_NULL) {
                return -1;
            }
            s.keys[i] = k;
        }
        s.vals = items;
    }
    if (n < 2) {
        return 0;
    }
    if (n > RUN) {
        size_t half = n / 2 + 1;
        s.tk = up_alloc((s.vals ? 2 : 1) * half * sizeof(up_obj_t));
        if (s.tk == NULL) {
            return -1;
        }
        s.tv = s.tk + half;
    }
    if (rev) {
        reverse(s.keys, n);
        if (s.vals) {
            reverse(s.vals, n);
        }
    }
    int r = merge_sort(&s, n);
    if (rev) {
        reverse(s.keys, n);
        if (s.vals) {
            reverse(s.vals, n);
        }
    }
    return r;
}
