import CMimalloc
import LibC

/// The memory allocator of rolegen's executables: mimalloc, linked in place of the C
/// library's malloc.
///
/// Why: a build allocates and frees millions of small blocks (strings, page data, parsed JSON)
/// on every core at once. With glibc's malloc that was about a tenth of a build's instructions
/// and more of its time; with mimalloc a clean build of the benchmark site takes about a
/// quarter less CPU and less memory (docs/benchmarks.md, "The allocator, and roles kept whole"). Nothing in rolegen
/// calls mimalloc's own API: linking the library is what replaces malloc, for Swift's runtime
/// and cmark-gfm alike. This module only says whether that happened.
public enum Allocator {
    /// `mimalloc 2.0.9` when mimalloc serves this process's `malloc`, else `the C library's
    /// malloc` (a build linked without it). `rolegen --version` shows it, so that a bug report
    /// or a slow machine says which one ran.
    public static var description: String {
        guard servesMalloc else { return "the C library's malloc" }
        let version = Int(mi_version())
        return "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
    }

    /// Whether a block from `malloc` lies in mimalloc's heap: true only when mimalloc, not the
    /// C library, answered the call.
    public static var servesMalloc: Bool {
        guard let block = malloc(64) else { return false }
        defer { free(block) }
        return mi_is_in_heap_region(block)
    }

    /// Memory mimalloc has taken from the system and not given back, in bytes (0 without it):
    /// what the benchmark's memory trace reports beside the resident size. It counts whole
    /// pages of mimalloc's heap, some of them partly free; `releaseUnused()` first makes it
    /// closer to what is in use.
    public static var committedBytes: Int {
        var elapsed = 0
        var user = 0
        var system = 0
        var resident = 0
        var peakResident = 0
        var committed = 0
        var peakCommitted = 0
        var pageFaults = 0
        mi_process_info(&elapsed, &user, &system, &resident, &peakResident, &committed, &peakCommitted, &pageFaults)
        return committed
    }

    /// Gives the system back the memory mimalloc holds free (it keeps some for a while, to hand
    /// out again): for measuring what a data structure holds, by freeing it and comparing.
    public static func releaseUnused() {
        mi_collect(true)
    }
}
