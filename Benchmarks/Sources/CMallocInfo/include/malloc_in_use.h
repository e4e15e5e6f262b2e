#ifndef MALLOC_IN_USE_H
#define MALLOC_IN_USE_H
#include <malloc.h>
#include <stddef.h>

/// Bytes the allocator has handed out and not had back: small blocks in its arenas plus the
/// large blocks it maps on their own (glibc's `mallinfo2`).
static inline size_t rolegen_bench_malloc_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}
#endif
