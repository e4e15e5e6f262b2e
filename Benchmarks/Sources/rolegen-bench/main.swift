import Foundation

// rolegen-bench [--help] [NAME...]: runs the named benchmarks, or every one in this order.
let benchmarks: [(name: String, summary: String, run: () -> Void)] = [
    ("templates", "one core renders a role page with rolegen's TemplateEngine, then with swift-mustache", TemplateBenchmark.run),
    ("content", "ContentLoader.load reads and validates the generated 5,000-role site", ContentBenchmark.run),
    ("large-role", "one role with 100,000 tasks loaded: every duplicate check sees them all", LargeRoleBenchmark.run),
    ("site", "clean builds (tmpfs, disk) beside the copy floor, check, rebuild, CPU per page, phases, checksum, peak memory per size", SiteBenchmark.run),
    ("edit", "incremental builds: one role's text edited, one template edited, an unchanged rebuild beside a clean one", EditBenchmark.run),
    ("prose", "clean builds of the plain corpus against one with role links, tables and task lists in its Markdown (2,000 roles)", ProseBenchmark.run),
]

let requested = Array(CommandLine.arguments.dropFirst())
if requested.first == BuildChild.command {
    BuildChild.run(Array(requested.dropFirst()))
    exit(0)
}
if requested.first == ProfileTraining.command {
    ProfileTraining.run(Array(requested.dropFirst()))
    exit(0)
}
if requested.first == "_model", requested.count == 2 {
    ModelBytes.run(requested[1])
    exit(0)
}
// `rolegen-bench _site N FOLDER`: writes the `site` benchmark's site of N roles into FOLDER
// (`FOLDER/site-N`), to build it by hand (`_build`) while tracing or profiling.
if requested.first == "_site", requested.count == 3, let roles = Int(requested[1]) {
    print(SiteBenchmark.makeSite(roleCount: roles, in: URL(fileURLWithPath: requested[2])).path)
    exit(0)
}
if requested.contains("--help") || requested.contains("-h") {
    print("""
        usage: rolegen-bench [NAME...]   (no NAME: all of them, in this order)

        \(benchmarks.map { "  " + $0.name.padding(toLength: 11, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

        environment:
          ROLEGEN_BENCH_ROLES=N          roles of the generated site (default 5000; 2000 for prose)
          ROLEGEN_BENCH_RUNS=N           repetitions of each site measurement (default 3; medians are reported)
          ROLEGEN_BENCH_MEMORY_ROLES=L   site sizes whose peak memory is measured, comma-separated (default 1000,5000,20000; "" skips)
          ROLEGEN_BENCH_TASKS=N          tasks of the large role (default 100000)
          ROLEGEN_BENCH_CORPUS=PATH      keep the content benchmark's corpus there
          ROLEGEN_BENCH_MEMORY_TRACE=1   each build prints, on standard error, its resident memory and the
                                         allocator's committed bytes at the start of each phase and their highest

        for tools, not measurements:
          _site N FOLDER                 writes the site benchmark's site of N roles into FOLDER/site-N
          _build ROOT OUTPUT write|check one clean build (or check) of ROOT, its figures on one line
          _train ROOT SCRATCH            the builds scripts/profile counts for the release builds' profile
        """)
    exit(0)
}
// Whether the figures below are those of a build optimised with a profile (`make bench` passes
// `-DPROFILE_GUIDED` with it; scripts/profile): a comparison holds only between like builds.
#if PROFILE_GUIDED
print("rolegen-bench: optimised with a profile of the example site's builds (scripts/profile)")
#else
print("rolegen-bench: built without a profile (PGO=0, or scripts/profile could not make one)")
#endif
for name in requested.isEmpty ? benchmarks.map(\.name) : requested {
    guard let benchmark = benchmarks.first(where: { $0.name == name }) else {
        print("unknown benchmark '\(name)'; choose from: \(benchmarks.map(\.name).joined(separator: ", ")) (--help says what each measures)")
        exit(2)
    }
    benchmark.run()
}
