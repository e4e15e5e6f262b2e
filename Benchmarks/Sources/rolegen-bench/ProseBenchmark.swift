import Foundation

/// What the Markdown real role pages hold costs to build: the `site` corpus (paragraphs only,
/// kept as it is so that its checksum ties every run to the earlier ones) against the same
/// roles with a `role:` link in each analysis and a table and a task list in each article
/// (`CorpusGenerator.Prose.rich`). Each of the three once hid a cost the plain corpus could not
/// show: Foundation's UTF-16 searches for tables and task lists, a parse per locale for a text
/// with links, the link checks' placing of links (docs/benchmarks.md).
///
/// Clean builds of the two, alternated so that both see the same machine, each in a child
/// process and beside `cp -r` of its own output; medians of `ROLEGEN_BENCH_RUNS` runs.
enum ProseBenchmark {
    static func run() {
        let environment = ProcessInfo.processInfo.environment
        let roleCount = environment["ROLEGEN_BENCH_ROLES"].flatMap(Int.init) ?? 2_000
        let runs = max(1, environment["ROLEGEN_BENCH_RUNS"].flatMap(Int.init) ?? 3)
        let name = "rolegen-bench-prose-\(getpid())"
        let shm = URL(fileURLWithPath: "/dev/shm")
        let base = access(shm.path, W_OK) == 0 ? shm.appendingPathComponent(name) : FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let corpora: [(label: String, root: URL)] = [
            ("plain", SiteBenchmark.makeSite(roleCount: roleCount, in: base, prose: .plain)),
            ("rich", SiteBenchmark.makeSite(roleCount: roleCount, in: base, prose: .rich)),
        ]
        print("prose: \(Stats.grouped(roleCount)) roles × 2 locales, the plain corpus against one with a role link in each analysis and a table and a task list in each article; \(runs) runs, alternated, on \(base.deletingLastPathComponent().path)")
        var builds: [String: [BuildFigures]] = [:]
        var floors: [String: [Double]] = [:]
        for run in 1...runs {
            for corpus in corpora {
                let output = base.appendingPathComponent("\(corpus.label)-out-\(run)")
                builds[corpus.label, default: []].append(BuildChild.measure(root: corpus.root, output: output, scratch: base))
                let copy = base.appendingPathComponent("\(corpus.label)-copy-\(run)")
                let usage = ChildProcess.run("/bin/cp", ["cp", "-r", output.path, copy.path], scratch: base)
                guard usage.exitStatus == 0 else { fatalError("cp -r \(output.path) failed") }
                floors[corpus.label, default: []].append(usage.wall)
                for folder in [output, copy] { try? FileManager.default.removeItem(at: folder) }
            }
        }
        var cpuPerPage: [String: Double] = [:]
        for corpus in corpora {
            let figures = builds[corpus.label]!
            let seconds = Stats.median(figures.map(\.seconds))
            let floor = Stats.median(floors[corpus.label]!)
            cpuPerPage[corpus.label] = Stats.median(figures.map(\.usage.cpu)) / Double(roleCount * 2) * 1000
            print(String(format: "  %@ build %@; copy floor median %.2f s → %.2f×; CPU %.3f ms per role page",
                         corpus.label.padding(toLength: 6, withPad: " ", startingAt: 0), Stats.seconds(figures.map(\.seconds)), floor, seconds / floor,
                         cpuPerPage[corpus.label]!))
        }
        print(String(format: "  rich / plain CPU per role page: %.2f×", cpuPerPage["rich"]! / cpuPerPage["plain"]!))
    }
}
