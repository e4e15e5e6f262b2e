import Allocator
import CMallocInfo
import Content
import Foundation
import Site
#if canImport(Glibc)
import Glibc
#endif

/// `ROLEGEN_BENCH_MEMORY_TRACE=1`: what a build child holds at each phase of its build, on
/// standard error. A thread samples the resident memory (`/proc/self/statm`) and the memory
/// the allocator holds (mimalloc's committed bytes, `Allocator.committedBytes`) every few
/// milliseconds, and prints each phase's value when it starts and its highest: the difference
/// between phases is who holds what at the peak.
final class MemoryTrace: @unchecked Sendable {
    private let progress = BuildProgress()
    private let lock = NSLock()
    private var stopped = false
    private var rows: [(phase: String, startRSS: Int, startHeap: Int, maxRSS: Int, maxHeap: Int, pages: Int)] = []

    static func start(_ options: inout BuildOptions) -> MemoryTrace? {
        guard ProcessInfo.processInfo.environment["ROLEGEN_BENCH_MEMORY_TRACE"] == "1" else { return nil }
        let trace = MemoryTrace()
        options.progress = trace.progress
        return trace
    }

    private init() {
        let sampler = Thread { [self] in sample() }
        sampler.start()
    }

    private func sample() {
        var phase = ""
        while true {
            lock.lock()
            let done = stopped
            lock.unlock()
            let now = progress.phase.name
            let rss = Self.residentBytes()
            let heap = Self.heapBytes()
            lock.lock()
            if now != phase {
                phase = now
                rows.append((now, rss, heap, rss, heap, progress.pagesDone))
            } else if let last = rows.indices.last {
                rows[last].maxRSS = max(rows[last].maxRSS, rss)
                rows[last].maxHeap = max(rows[last].maxHeap, heap)
                rows[last].pages = progress.pagesDone
            }
            lock.unlock()
            if done { break }
            usleep(2_000)
        }
    }

    func finish() {
        lock.lock()
        stopped = true
        lock.unlock()
        usleep(20_000)
        lock.lock()
        defer { lock.unlock() }
        var text = "memory trace (MiB): phase · RSS at start → max · heap in use at start → max\n"
        for row in rows {
            text += String(format: "  %-7@ RSS %7.1f → %7.1f · heap %7.1f → %7.1f · pages %d\n", row.phase as NSString,
                           Self.mib(row.startRSS), Self.mib(row.maxRSS), Self.mib(row.startHeap), Self.mib(row.maxHeap), row.pages)
        }
        text += String(format: "  after   RSS %7.1f · heap %7.1f\n", Self.mib(Self.residentBytes()), Self.mib(Self.heapBytes()))
        FileHandle.standardError.write(text.data(using: .utf8)!)
    }

    private static func mib(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }

    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// mimalloc's committed bytes, page-grained, which freeing does not always lower; under
    /// glibc's malloc (`LD_PRELOAD` of the C library ahead of mimalloc) the exact bytes handed out
    /// and not had back, `mallinfo2`'s `uordblks + hblkhd`.
    static func heapBytes() -> Int {
        Allocator.servesMalloc ? Allocator.committedBytes : Int(rolegen_bench_malloc_in_use())
    }
}

/// `rolegen-bench _model ROOT`: loads the content of ROOT and prints how many bytes of the
/// allocator's each part of the content model holds, by dropping the parts one at a time. Exact
/// under glibc's malloc: `LD_PRELOAD=/lib/x86_64-linux-gnu/libc.so.6 rolegen-bench _model ROOT`
/// (mimalloc keeps much of what is freed committed, so its figures are coarse).
enum ModelBytes {
    static func run(_ root: String) {
        var site: SiteContent? = ContentLoader.load(root: URL(fileURLWithPath: root)).site
        guard var content = site else { fatalError("\(root) does not load") }
        site = nil
        Allocator.releaseUnused()
        var last = MemoryTrace.heapBytes()
        let roles = content.roles.count
        func step(_ label: String) {
            Allocator.releaseUnused()
            let now = MemoryTrace.heapBytes()
            print(String(format: "  %-44@ %7.1f MiB  %6.0f B per role", label as NSString, Double(last - now) / 1_048_576, Double(last - now) / Double(roles)))
            last = now
        }
        print(String(format: "content model of %d roles: %.1f MiB in use after loading", roles, Double(last) / 1_048_576))
        content.translations = []
        step("translation units (SiteContent.translations)")
        content.fallbacks = []
        step("fallbacks (SiteContent.fallbacks)")
        for index in content.roles.indices { content.roles[index].localized = [:] }
        step("resolved texts (Role.localized)")
        for index in content.roles.indices {
            for locale in content.roles[index].texts.keys {
                content.roles[index].texts[locale]?.analysisMarkdown = nil
                content.roles[index].texts[locale]?.verdictMarkdown = nil
                content.roles[index].texts[locale]?.articleMarkdown = nil
            }
        }
        step("Markdown as written (Role.texts)")
        for index in content.roles.indices { content.roles[index].texts = [:] }
        step("the rest of the texts as written (Role.texts)")
        content.roles = []
        step("the roles' facts (Role)")
        print(String(format: "  left: %.1f MiB (catalogs, string tables, the process)", Double(last) / 1_048_576))
        _ = content
    }
}
