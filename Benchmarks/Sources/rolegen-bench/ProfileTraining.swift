import Foundation
import Site

/// `rolegen-bench _train ROOT SCRATCH`: the builds `scripts/profile` counts to make the profile
/// that release builds are optimised with (`make site`, `make bench`; docs/benchmarks.md).
///
/// What users run, on the site given (the example site): every page rendered and written, the
/// same build again with nothing changed (the incremental path: the record read, nothing
/// rendered), and a check that writes nothing. Code that never runs here is laid out as cold,
/// so each path a build takes should run at least once.
enum ProfileTraining {
    static let command = "_train"

    static func run(_ arguments: [String]) {
        guard arguments.count == 2 else { fatalError("usage: rolegen-bench \(command) ROOT SCRATCH") }
        let root = URL(fileURLWithPath: arguments[0])
        let output = URL(fileURLWithPath: arguments[1]).appendingPathComponent("site")
        let builds: [(name: String, options: BuildOptions)] = [
            ("clean build", BuildOptions(root: root, output: output, clean: true)),
            ("unchanged build", BuildOptions(root: root, output: output)),
            ("check", BuildOptions(root: root, output: output, writeOutput: false)),
        ]
        for build in builds {
            let report = SiteBuilder.build(build.options)
            guard report.succeeded else {
                print("\(command): the \(build.name) of \(root.path) failed:\n" + report.diagnostics.prefix(10).map(\.rendered).joined(separator: "\n"))
                exit(1)
            }
            print("\(command): \(build.name), \(report.pageCount) pages")
        }
    }
}
