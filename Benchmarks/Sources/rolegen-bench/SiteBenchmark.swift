import Allocator
import Foundation
import Site

/// The full build at scale: generated roles × 2 locales (5,000 roles: 10,000 role pages plus
/// the deep-dive articles the generator gives every third role), rendered with the
/// repository's own templates and string tables. Every build runs alone in a child process
/// (`BuildChild`), so its CPU time and peak memory are its own.
///
/// The method (docs/benchmarks.md): clean builds into tmpfs and into fresh folders on disk,
/// never deleting on disk between them (ext4 creates files slowly for minutes after tens of
/// thousands were deleted), each beside `cp -r` of the same output in the same run (the copy
/// floor); then `check`, the rebuild over an existing output, and peak memory at several sizes.
/// Medians of `ROLEGEN_BENCH_RUNS` runs.
enum SiteBenchmark {
    static func run() {
        let environment = ProcessInfo.processInfo.environment
        let roleCount = environment["ROLEGEN_BENCH_ROLES"].flatMap(Int.init) ?? 5_000
        let runs = max(1, environment["ROLEGEN_BENCH_RUNS"].flatMap(Int.init) ?? 3)
        let memorySizes = (environment["ROLEGEN_BENCH_MEMORY_ROLES"] ?? "1000,5000,20000").split(separator: ",").compactMap { Int($0) }
        let name = "rolegen-bench-\(getpid())"
        let shmBase = URL(fileURLWithPath: "/dev/shm")
        let tmpfs: URL? = access(shmBase.path, W_OK) == 0 ? shmBase.appendingPathComponent(name) : nil
        let disk = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        // Sources go to tmpfs when there is one: deleting them afterwards must not slow the disk.
        let scratch = tmpfs ?? disk
        for folder in [tmpfs, disk].compactMap({ $0 }) {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        defer { for folder in [tmpfs, disk].compactMap({ $0 }) { try? FileManager.default.removeItem(at: folder) } }

        let root = makeSite(roleCount: roleCount, in: scratch)
        print("site: \(Stats.grouped(roleCount)) roles × 2 locales, \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Allocator.description); outputs on "
            + (tmpfs.map { "tmpfs (\($0.path)) and " } ?? "") + "disk (\(disk.path))")

        // 1. Clean builds beside the copy floor, interleaved so that both see the same machine.
        var tmpfsBuilds: [BuildFigures] = []
        var diskBuilds: [BuildFigures] = []
        var tmpfsCopies: [Double] = []
        var diskCopies: [Double] = []
        var checksums: Set<String> = []
        var tree = (checksum: "", files: 0, bytes: 0)
        for run in 1...runs {
            if let tmpfs {
                let output = tmpfs.appendingPathComponent("out-\(run)")
                tmpfsBuilds.append(BuildChild.measure(root: root, output: output, scratch: scratch))
                tree = TreeChecksum.of(output)
                checksums.insert(tree.checksum)
                tmpfsCopies.append(copy(tmpfs.appendingPathComponent("out-1"), to: tmpfs.appendingPathComponent("copy-\(run)"), scratch: scratch))
                try? FileManager.default.removeItem(at: tmpfs.appendingPathComponent("copy-\(run)"))
                if run > 1 { try? FileManager.default.removeItem(at: output) }
            }
            let output = disk.appendingPathComponent("out-\(run)")
            diskBuilds.append(BuildChild.measure(root: root, output: output, scratch: scratch))
            tree = TreeChecksum.of(output)
            checksums.insert(tree.checksum)
            diskCopies.append(copy(disk.appendingPathComponent("out-1"), to: disk.appendingPathComponent("copy-\(run)"), scratch: scratch))
        }
        let builds = tmpfsBuilds + diskBuilds
        let first = builds[0]
        let rolePages = roleCount * 2
        print("  output      \(Stats.grouped(first.pages)) pages, \(Stats.grouped(tree.files)) files, \(String(format: "%.0f", Double(tree.bytes) / 1e6)) MB; checksum \(checksums.sorted().joined(separator: " ≠ "))"
            + (checksums.count == 1 ? " (all \(builds.count) builds identical)" : " — BUILDS DIFFER"))
        if tmpfs != nil { report("tmpfs", tmpfsBuilds, floor: tmpfsCopies) }
        report("disk", diskBuilds, floor: diskCopies)
        // Per medium: writing to disk costs the kernel more CPU than writing to tmpfs, so a
        // median over both would fall between the two groups and describe neither build.
        // Each run's CPU is listed too: on a shared machine the same build's CPU time can differ
        // by a third from one minute to the next, and a median alone hides that.
        for (label, mediumBuilds) in [("tmpfs", tmpfsBuilds), ("disk", diskBuilds)] where !mediumBuilds.isEmpty {
            let cpu = Stats.median(mediumBuilds.map(\.usage.cpu))
            let perPage = mediumBuilds.map { $0.usage.cpu / Double(rolePages) * 1000 }
            print(String(format: "  CPU %@ median %.2f s per build (%@; system %.2f s): %.3f ms per role page (%d role pages; runs %.3f–%.3f); CPU/wall %.2f",
                         label.padding(toLength: 6, withPad: " ", startingAt: 0), cpu,
                         mediumBuilds.map { String(format: "%.2f", $0.usage.cpu) }.joined(separator: ", "),
                         Stats.median(mediumBuilds.map(\.usage.systemCPU)),
                         cpu / Double(rolePages) * 1000, rolePages, perPage.min() ?? 0, perPage.max() ?? 0,
                         Stats.median(mediumBuilds.map { $0.usage.cpu / $0.seconds })))
        }
        let phases = first.phases.map { phase in
            String(format: "%@ %.2f", phase.name, Stats.median(builds.map { $0.values[phase.name] ?? 0 }))
        }
        print("  phases      median s: \(phases.joined(separator: " · ")) · total \(String(format: "%.2f", Stats.median(builds.map(\.seconds))))")
        let tails = builds.map { $0.serialTail }
        print(String(format: "  serial tail median %.2f s after loading, outside the parallel page rendering: %.1f %% of the build",
                     Stats.median(tails), Stats.median(builds.map { $0.serialTail / $0.seconds }) * 100))

        // 2. `rolegen check`: everything but writing.
        let checks = (1...runs).map { _ in BuildChild.measure(root: root, output: scratch.appendingPathComponent("unused"), write: false, scratch: scratch) }
        print("  check       \(Stats.seconds(checks.map(\.seconds)))")

        // 3. Rebuilds over the first output, which the second run replaces, and so on.
        for (label, base) in [("tmpfs", tmpfs), ("disk", disk)] {
            guard let base else { continue }
            let output = base.appendingPathComponent("out-1")
            let rebuilds = (1...runs).map { _ in BuildChild.measure(root: root, output: output, scratch: scratch) }
            let rebuilt = TreeChecksum.of(output).checksum
            print("  rebuild     \(label.padding(toLength: 6, withPad: " ", startingAt: 0))build \(Stats.seconds(rebuilds.map(\.seconds))); process until exit \(Stats.seconds(rebuilds.map(\.usage.wall)))"
                + (checksums.contains(rebuilt) ? "" : " — OUTPUT DIFFERS"))
        }
        print(String(format: "  throughput  %.0f pages/s (median clean build on %@)", Double(first.pages) / Stats.median((tmpfs != nil ? tmpfsBuilds : diskBuilds).map(\.seconds)), tmpfs != nil ? "tmpfs" : "disk"))

        // 4. Peak memory per size, each build in a process of its own.
        guard !memorySizes.isEmpty else { return }
        var peaks: [(roles: Int, pages: Int, bytes: Int)] = []
        for size in memorySizes.sorted() {
            if size == roleCount {
                peaks.append((size, first.pages, Int(Stats.median(builds.map { Double($0.usage.peakRSSBytes) }))))
                continue
            }
            let sizeRoot = makeSite(roleCount: size, in: scratch)
            let output = scratch.appendingPathComponent("memory-\(size)")
            let build = BuildChild.measure(root: sizeRoot, output: output, scratch: scratch)
            peaks.append((size, build.pages, build.usage.peakRSSBytes))
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: sizeRoot)
        }
        var line = "  peak memory " + peaks.map { "\(Stats.grouped($0.roles)) roles \(Stats.mebibytes($0.bytes))" }.joined(separator: " · ")
        if let small = peaks.first, let large = peaks.last, large.pages > small.pages {
            line += String(format: " → %.1f KB per page", Double(large.bytes - small.bytes) / Double(large.pages - small.pages) / 1000)
        }
        print(line)
    }

    private static func report(_ label: String, _ builds: [BuildFigures], floor copies: [Double]) {
        let build = Stats.median(builds.map(\.seconds))
        let floor = Stats.median(copies)
        print("  clean build \(label.padding(toLength: 6, withPad: " ", startingAt: 0))\(Stats.seconds(builds.map(\.seconds)))")
        print("  copy floor  \(label.padding(toLength: 6, withPad: " ", startingAt: 0))\(Stats.seconds(copies)) → build = \(String(format: "%.2f", build / floor))× copy (target ≤ 2×)")
    }

    /// `cp -r` of a finished output: the least any build of that tree could take here.
    private static func copy(_ source: URL, to destination: URL, scratch: URL) -> Double {
        let usage = ChildProcess.run("/bin/cp", ["cp", "-r", source.path, destination.path], scratch: scratch)
        guard usage.exitStatus == 0 else { fatalError("cp -r \(source.path) failed") }
        return usage.wall
    }

    /// The generated content with the repository's real templates and string tables.
    static func makeSite(roleCount: Int, in folder: URL, prose: CorpusGenerator.Prose = .plain) -> URL {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let root = folder.appendingPathComponent(prose == .plain ? "site-\(roleCount)" : "prose-\(roleCount)")
        do {
            try CorpusGenerator.write(roleCount: roleCount, to: root, prose: prose)
            try? FileManager.default.removeItem(at: root.appendingPathComponent("locales"))
            try FileManager.default.copyItem(at: repository.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
            try FileManager.default.copyItem(at: repository.appendingPathComponent("locales"), to: root.appendingPathComponent("locales"))
        } catch {
            print("site benchmark: cannot generate the corpus: \(error)")
            exit(1)
        }
        return root
    }
}
