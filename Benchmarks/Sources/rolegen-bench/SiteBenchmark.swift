import Foundation
import Site

/// The full build at scale: 5,000 generated roles × 2 locales (10,000 role pages, plus the
/// deep-dive articles the generator gives every third role), rendered with the repository's
/// own templates and string tables, written to disk. Reports wall time, pages/s and peak
/// memory, the figures to hold against Hugo (~28 s and 1.7 GiB for 10,000 pages here).
enum SiteBenchmark {
    static func run() {
        let roleCount = Int(ProcessInfo.processInfo.environment["ROLEGEN_BENCH_ROLES"] ?? "") ?? 5_000
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-bench-site-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        CorpusGenerator.writeBuildableSite(roleCount: roleCount, to: root, benchmark: "site")
        print("site: \(roleCount) roles × 2 locales, full build to disk (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        var times: [Double] = []
        var report: BuildReport?
        for _ in 0..<3 {
            let started = DispatchTime.now()
            report = SiteBuilder.build(BuildOptions(root: root, clean: true))  // every run a full build
            times.append(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
            guard report!.succeeded else {
                print(report!.diagnostics.prefix(10).map(\.rendered).joined(separator: "\n"))
                exit(1)
            }
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let pages = report!.pageCount
        let best = times.min()!
        let median = times.sorted()[times.count / 2]
        let bytes = (try? FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("public").path))?.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("public/" + path).path)[.size] as? Int) ?? 0)
        } ?? 0
        print(String(format: "  %d pages (%@), %.0f MB written", pages, report!.pagesPerLocale.map { "\($0.locale) \($0.count)" }.joined(separator: ", "), Double(bytes) / 1e6))
        print(String(format: "  wall time: best %.2f s, median %.2f s of %d runs", best, median, times.count))
        print(String(format: "  throughput: %.0f pages/s (best run)", Double(pages) / best))
        print(String(format: "  peak memory (max RSS of the process): %.0f MiB", Double(usage.ru_maxrss) / 1024))
    }
}
