import Content
import Foundation

/// Times `ContentLoader.load` on a generated site of 5,000 roles (override with
/// `ROLEGEN_BENCH_ROLES`): best and median of several runs, roles/s and files/s.
///
/// The corpus is written to a temporary folder and removed afterwards, unless
/// `ROLEGEN_BENCH_CORPUS` names a folder to keep it in (for profiling the load alone; an
/// existing folder there is reused as it is).
enum ContentBenchmark {
    static func run() {
        let environment = ProcessInfo.processInfo.environment
        let roleCount = environment["ROLEGEN_BENCH_ROLES"].flatMap(Int.init) ?? 5_000
        let runs = 5
        let kept = environment["ROLEGEN_BENCH_CORPUS"].map { URL(fileURLWithPath: $0) }
        let root = kept ?? FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-content-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer { if kept == nil { try? FileManager.default.removeItem(at: root) } }

        let clock = ContinuousClock()
        if kept == nil || !FileManager.default.fileExists(atPath: root.path) {
            let generation = clock.measure {
                do {
                    try CorpusGenerator.write(roleCount: roleCount, to: root)
                } catch {
                    fatalError("could not write the corpus: \(error)")
                }
            }
            print("Content benchmark: corpus generated in \(format(generation))")
        }
        let fileCount = countFiles(in: root)
        print("Content benchmark: \(roleCount) roles, \(fileCount) files")

        var times: [Duration] = []
        for run in 1...runs {
            var result: LoadResult?
            let cpuBefore = processCPUTime()
            let time = clock.measure { result = ContentLoader.load(root: root) }
            let cpu = processCPUTime() - cpuBefore
            guard let result, let site = result.site, site.roles.count == roleCount else {
                print(result?.diagnostics.prefix(20).map(\.description).joined(separator: "\n") ?? "")
                fatalError("the generated corpus did not load cleanly")
            }
            times.append(time)
            print("  run \(run): \(format(time)) wall, \(format(cpu)) CPU (all threads), \(site.fallbacks.count) fallbacks")
        }
        times.sort()
        let best = times[0]
        let median = times[times.count / 2]
        print("  best \(format(best)), median \(format(median))")
        print("  \(rate(roleCount, best)) roles/s, \(rate(fileCount, best)) files/s (best run)")
    }

    private static func countFiles(in root: URL) -> Int {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var count = 0
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { count += 1 }
        }
        return count
    }

    /// CPU time of the whole process, all threads: unlike wall time, barely affected by other
    /// processes competing for the cores.
    private static func processCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func format(_ duration: Duration) -> String {
        String(format: "%.1f ms", seconds(duration) * 1000)
    }

    private static func rate(_ count: Int, _ duration: Duration) -> String {
        String(format: "%.0f", Double(count) / seconds(duration))
    }
}
