import Foundation
import Site
#if canImport(Glibc)
import Glibc
#endif

/// What the operating system says a finished child process used: its wall time as seen from
/// here, its CPU time (user + system, all threads) and its peak resident memory (`ru_maxrss`,
/// the kernel's high-water mark, the VmHWM of its `/proc/PID/status`). A child measures one
/// build alone: memory freed by an earlier build in the same process cannot hide or inflate it.
struct ChildUsage {
    var wall: Double
    var cpu: Double
    /// The kernel's part of `cpu`: system calls, page faults, and writing the files into the
    /// page cache (far more on disk than on tmpfs).
    var systemCPU: Double
    var peakRSSBytes: Int
    var exitStatus: Int32
    /// What the child printed on its standard output.
    var output: String
}

enum ChildProcess {
    /// Runs `arguments[0]` (a path) with `arguments` as its argv, its standard output captured
    /// through a file in `scratch`, and waits for it with `wait4` to read its resource usage.
    static func run(_ executable: String, _ arguments: [String], scratch: URL) -> ChildUsage {
        let outputPath = scratch.appendingPathComponent("child-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).out").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { fatalError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { fatalError("wait4: \(String(cString: strerror(errno)))") }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // Exited normally: the low seven bits are 0 and the status is in the next byte.
        let exitStatus: Int32 = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ChildUsage(wall: wall, cpu: cpu, systemCPU: seconds(usage.ru_stime), peakRSSBytes: usage.ru_maxrss * 1024, exitStatus: exitStatus, output: output)
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }
}

/// One build in a child process (`rolegen-bench _build ROOT OUTPUT write|check`): prints the
/// build's figures on one line, `key=value` separated by spaces, for `BuildFigures`.
enum BuildChild {
    static let command = "_build"

    static func run(_ arguments: [String]) {
        guard arguments.count == 3 else { fatalError("usage: rolegen-bench _build ROOT OUTPUT write|check") }
        // `clean`: every measured build renders and writes every page, also over an existing
        // output (the incremental path has its own benchmark, `edit`).
        var options = BuildOptions(
            root: URL(fileURLWithPath: arguments[0]), output: URL(fileURLWithPath: arguments[1]), writeOutput: arguments[2] == "write",
            clean: true)
        let trace = MemoryTrace.start(&options)
        let report = SiteBuilder.build(options)
        trace?.finish()
        guard report.succeeded else {
            print("failed " + report.diagnostics.prefix(10).map(\.rendered).joined(separator: "\n"))
            exit(1)
        }
        var fields = ["pages=\(report.pageCount)", "rolePages=\(report.pagesPerLocale.reduce(0) { $0 + $1.count })",
                      "seconds=\(report.seconds)", "pageSeconds=\(report.pageSeconds)"]
        fields += report.timings.map { "\($0.phase.name)=\($0.seconds)" }
        print(fields.joined(separator: " "))
    }

    /// Runs one build of `root` into `output` in a child process of this executable.
    static func measure(root: URL, output: URL, write: Bool = true, scratch: URL) -> BuildFigures {
        let usage = ChildProcess.run("/proc/self/exe", ["rolegen-bench", command, root.path, output.path, write ? "write" : "check"], scratch: scratch)
        guard usage.exitStatus == 0 else {
            print("site benchmark: the build failed (status \(usage.exitStatus)):\n\(usage.output)")
            exit(1)
        }
        var values: [String: Double] = [:]
        for field in usage.output.split(whereSeparator: \.isWhitespace) {
            let parts = field.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
        }
        return BuildFigures(usage: usage, values: values)
    }
}

/// One measured build: the child's usage and what its `BuildReport` said.
struct BuildFigures {
    var usage: ChildUsage
    var values: [String: Double]

    var seconds: Double { values["seconds"] ?? usage.wall }
    var pages: Int { Int(values["pages"] ?? 0) }
    var rolePages: Int { Int(values["rolePages"] ?? 0) }
    /// The build's own phases, in `BuildPhase` order.
    var phases: [(name: String, seconds: Double)] {
        BuildPhase.allCases.compactMap { phase in values[phase.name].map { (phase.name, $0) } }
    }
    /// What runs on one core after loading: checks, the site model and page plan, the
    /// sitemap and the swap; everything but `load` and the parallel page rendering.
    var serialTail: Double { seconds - (values["load"] ?? 0) - (values["pageSeconds"] ?? 0) }
}
