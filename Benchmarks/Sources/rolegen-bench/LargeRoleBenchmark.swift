import Content
import Foundation

/// Times `ContentLoader.load` on a site whose one role has 100,000 tasks (override with
/// `ROLEGEN_BENCH_TASKS`): `role.json` lists them, `en.json` maps each id to its text. Every
/// duplicate check (JSON keys, task ids, text keys against ids) sees 100,000 entries, so any
/// check that is quadratic shows here as minutes instead of well under a second.
enum LargeRoleBenchmark {
    static func run() {
        let taskCount = ProcessInfo.processInfo.environment["ROLEGEN_BENCH_TASKS"].flatMap(Int.init) ?? 100_000
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-large-role-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            try CorpusGenerator.write(roleCount: 1, to: root)
            let tasks = (0..<taskCount).map { "task-\($0)" }
            let skills = (0..<8).map { "skill-\($0)" }
            let tools = (0..<5).map(CorpusGenerator.toolID)
            let folder = root.appendingPathComponent("content/roles/\(CorpusGenerator.slug(0))")
            try Data(CorpusGenerator.roleJSON(0, roleCount: 1, tasks: tasks, skills: skills, toolsToLearn: tools).utf8)
                .write(to: folder.appendingPathComponent("role.json"))
            try Data(CorpusGenerator.englishJSON(title: "Developer 0", tasks: tasks, skills: skills, toolsToLearn: tools).utf8)
                .write(to: folder.appendingPathComponent("en.json"))
            try Data(CorpusGenerator.frenchJSON(title: "Developer 0", tasks: tasks).utf8)
                .write(to: folder.appendingPathComponent("fr.json"))
        } catch {
            fatalError("could not write the corpus: \(error)")
        }
        print("Large-role benchmark: 1 role with \(taskCount) tasks (role.json, en.json, fr.json)")
        let clock = ContinuousClock()
        var times: [Duration] = []
        for run in 1...3 {
            var result: LoadResult?
            let time = clock.measure { result = ContentLoader.load(root: root) }
            guard let site = result?.site, site.roles.first?.tasks.count == taskCount else {
                print(result?.diagnostics.prefix(20).map(\.description).joined(separator: "\n") ?? "")
                fatalError("the generated role did not load cleanly")
            }
            times.append(time)
            print("  run \(run): \(format(time)) wall")
        }
        times.sort()
        print("  best \(format(times[0])), median \(format(times[1]))")
    }

    private static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f s", seconds)
    }
}
