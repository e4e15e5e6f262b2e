import ArgumentParser
import DevServer
import Foundation
import Site

/// The `rolegen` command line: a thin front end over `SiteBuilder`.
@main
struct Rolegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rolegen",
        abstract: "Builds localized role pages (\"Will AI replace …?\") from content, templates and string tables.",
        discussion: """
            A site root holds site.json, content/, locales/ and templates/. See README.md and docs/ \
            for the file formats. Exit status: 0 when there is no error, 1 when there is any.
            """,
        version: "rolegen 0.1.0",
        subcommands: [Build.self, Check.self, Serve.self],
        defaultSubcommand: Build.self
    )
}

/// Options shared by `build`, `check` and `serve`.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site root (holds site.json).", valueName: "dir"))
    var root: String = "."

    @Flag(name: .long, help: "Treat every fallback to the default locale as an error.")
    var strict = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Override site.json's baseURL (e.g. for a staging host).", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Print nothing but errors and warnings.")
    var quiet = false

    @Flag(name: .long, help: "Also list every fallback (role, locale, field) and every file written.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
    }

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
}

extension Rolegen {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render the site into the output folder (replaced atomically, only when there is no error).")

        @OptionGroup var site: SiteOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <root>/public).", valueName: "dir"))
        var output: String?

        @Flag(name: .long, help: "Replace the output folder even when it holds files rolegen did not write (never the site's own sources).")
        var force = false

        func run() throws {
            let options = BuildOptions(
                root: site.rootURL,
                output: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
                strict: site.strict, baseURL: site.baseURL, force: force, waiting: printWaiting)
            try finish(SiteBuilder.build(options), site)
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check content, templates and string tables and render every page, without writing anything.")

        @OptionGroup var site: SiteOptions

        func run() throws {
            let options = BuildOptions(root: site.rootURL, strict: site.strict, baseURL: site.baseURL, writeOutput: false)
            try finish(SiteBuilder.build(options), site)
        }
    }

    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site, serve it on 127.0.0.1 and rebuild it whenever a source file changes.",
            discussion: """
                Watches site.json, content/, locales/ and templates/ (every 500 ms). A failed rebuild \
                prints its errors and keeps serving the last good site. Only GET and HEAD, only \
                127.0.0.1, only files inside the output folder. Stop with Ctrl-C. See docs/serve.md.
                """)

        @OptionGroup var site: SiteOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <root>/public).", valueName: "dir"))
        var output: String?

        @Flag(name: .long, help: "Replace the output folder even when it holds files rolegen did not write (never the site's own sources).")
        var force = false

        @Option(name: .long, help: ArgumentHelp("The port on 127.0.0.1; 0 picks any free port.", valueName: "n"))
        var port: UInt16 = 8080

        func run() throws {
            let build = BuildOptions(
                root: site.rootURL,
                output: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
                strict: site.strict, baseURL: site.baseURL, force: force, waiting: printWaiting)
            let server: DevServer
            do {
                server = try DevServer.start(ServeOptions(build: build, port: port, stopsOnSignals: true)) { [site] event in
                    switch event {
                    case let .rebuilding(changed):
                        if site.verbose { print("changed: \(changed.joined(separator: ", "))") }
                    case let .built(report):
                        _ = printReport(report, site)
                    case let .served(requestLine, status):
                        if site.verbose { print("\(status.rawValue) \(requestLine)") }
                    case .stopping:
                        if !site.quiet { print("stopping (press Ctrl-C again to stop at once)") }
                    }
                    flushOutput()
                }
            } catch {
                var standardError = FileHandle.standardError
                print("error: \(error)", to: &standardError)
                throw ExitCode.failure
            }
            print("serving \(server.url) (Ctrl-C to stop)")
            flushOutput()
            server.waitUntilStopped()
            if !site.quiet { print("stopped") }
        }
    }
}

/// Pushes printed lines out now: stdout into a pipe (a script, a test) is block-buffered, and
/// a server's lines matter when they happen, not when it exits. (`fflush(nil)` flushes every
/// stream without naming the global `stdout`, which Swift 6 treats as unsafe shared state.)
private func flushOutput() {
    fflush(nil)
}

/// Tells the user on stderr why nothing happens: another build holds the output folder.
@Sendable private func printWaiting(_ sentence: String) {
    var standardError = FileHandle.standardError
    print(sentence, to: &standardError)
}

/// Prints diagnostics to stderr and the summary to stdout; exits 1 when there was an error.
private func finish(_ report: BuildReport, _ options: SiteOptions) throws {
    if !printReport(report, options) { throw ExitCode.failure }
}

/// Prints a build's diagnostics and a failed build's summary to stderr, a successful build's
/// summary to stdout (unless quiet). Returns whether the build succeeded.
private func printReport(_ report: BuildReport, _ options: SiteOptions) -> Bool {
    var standardError = FileHandle.standardError
    for diagnostic in report.diagnostics {
        print(diagnostic.rendered, to: &standardError)
    }
    if options.verbose {
        for fallback in report.fallbacks { print("fallback: \(fallback.description)") }
        for file in report.files { print("wrote \(file)") }
    }
    if !report.succeeded {
        print(report.summary, to: &standardError)
        return false
    }
    if !options.quiet { print(report.summary) }
    return true
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) {
        write(Data(string.utf8))
    }
}
