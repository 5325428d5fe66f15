// Small memcpy, memmove, memset, memchr and strlen for the board. newlib's are
// tuned for speed (word loops, unrolled: 300 bytes for memcpy alone); these
// copy words when both pointers are aligned and bytes otherwise, at a
// fraction of the size. They replace newlib's because the HAL archive comes
// before libc on the link line.
#include <stddef.h>
#include <stdint.h>

void *memcpy(void *dst, const void *src, size_t n) {
    uint8_t *d = dst;
    const uint8_t *s = src;
    if ((((uintptr_t)d | (uintptr_t)s) & 3) == 0) {
        for (; n >= 4; n -= 4, d += 4, s += 4) {
            *(uint32_t *)d = *(const uint32_t *)s;
        }
    }
    while (n--) {
        *d++ = *s++;
    }
    return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
    uint8_t *d = dst;
    const uint8_t *s = src;
    if (d <= s || d >= s + n) {
        return memcpy(dst, src, n);
    }
    while (n--) {
        d[n] = s[n];
    }
    return dst;
}

void *memset(void *dst, int c, size_t n) {
    uint8_t *d = dst;
    if (((uintptr_t)d & 3) == 0) {
        uint32_t w = (uint8_t)c * 0x01010101u;
        for (; n >= 4; n -= 4, d += 4) {
            *(uint32_t *)d = w;
        }
    }
    while (n--) {
        *d++ = (uint8_t)c;
    }
    return dst;
}

size_t strlen(const char *s) {
    const char *p = s;
    while (*p) {
        p++;
    }
    return (size_t)(p - s);
}

void *memchr(const void *s, int c, size_t n) {
    const uint8_t *p = s;
    for (; n > 0; n--, p++) {
        if (*p == (uint8_t)c) {
            return (void *)p;
        }
    }
    return NULL;
}
