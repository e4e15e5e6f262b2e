import Allocator
import ArgumentParser
import Content
import DevServer
import Diagnostics
import Foundation
import MarkdownRendering
import Reporting
import Site

/// The `rolegen` command line: a thin front end over `SiteBuilder` and `ReportPrinter`.
@main
struct Rolegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rolegen",
        abstract: "Builds localized role pages (\"Will AI replace …?\") from content, templates and string tables.",
        discussion: """
            A site root holds site.json, content/, locales/ and templates/. See README.md and docs/ \
            for the file formats, docs/errors.md for every diagnostic code and docs/ci.md for \
            publishing from CI.

            Exit status: 0 when there is no error; 1 when the site has errors (or warnings, with \
            --warnings-as-errors); 64 when the command line is wrong (an unknown option or \
            command, an invalid --base-url or --set, no site.json in the site root).

            Under GitHub Actions (GITHUB_ACTIONS=true) every diagnostic is also printed as a \
            workflow command, which annotates the line on the pull request. Colour: on a \
            terminal; NO_COLOR turns it off, CLICOLOR_FORCE on.
            """,
        // The libraries whose version changes what a build writes or how fast: cmark-gfm's HTML
        // differs between releases, and the allocator says whether mimalloc was linked in; and
        // whether the release build used the profile `scripts/profile` makes.
        version: "rolegen 0.1.0 (cmark-gfm \(MarkdownRenderer.libraryVersion), \(Allocator.description)\(profileGuided))",
        subcommands: [Build.self, Check.self, Serve.self, Translations.self, New.self, Init.self, Schemas.self],
        defaultSubcommand: Build.self
    )

    /// `build` is the default command and takes no arguments, so a first argument that is a
    /// bare word is a mistyped command (`rolegen buidl`): it gets a did-you-mean instead of
    /// ArgumentParser's "unexpected argument". `--strict` gets its optional value (see
    /// `StrictOption.normalized`).
    static func main() {
        let arguments = StrictOption.normalized(Array(CommandLine.arguments.dropFirst()))
        let commands = configuration.subcommands.map { $0._commandName } + ["help"]
        if let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first) {
            let error = CommandLineError.unknownCommand(first, suggestion: closestMatch(to: first, among: commands))
            exit(withError: ValidationError(error.description))
        }
        main(arguments)
    }
}

/// Options shared by `build`, `check` and `serve`.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site root (holds site.json).", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp(
        "Treat fallbacks and outdated translations as errors: alone, in every locale; with a value, only in the comma-separated locales given (--strict fr).",
        valueName: "locales"))
    /// Nil without `--strict`: an option with a default has it shown in `--help`, and "off" is
    /// not a value `--strict` takes (it would be read as a locale).
    var strict: StrictOption?

    @Flag(name: .customLong("warnings-as-errors"), help: "Treat every warning as an error: the build fails and writes nothing.")
    var warningsAsErrors = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "Override site.json's baseURL: http(s), a host, no query or fragment (e.g. a staging host).", valueName: "url"))
    var baseURL: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a site.json value for this run: \(SiteSetting.allCases.map(\.rawValue).joined(separator: ", ")). Repeatable.",
        valueName: "key=value"))
    var settings: [String] = []

    @Option(name: .long, help: ArgumentHelp("text (for people) or json (one object per line, for programs).", valueName: "format"))
    var format: ReportFormat = .text

    @Flag(name: .long, help: "Print nothing but errors and warnings.")
    var quiet = false

    @Flag(name: .long, help: "Also list every fallback (role, locale, field), every file written and the time of each phase.")
    var verbose = false

    func validate() throws {
        do throws(CommandLineError) {
            if quiet && verbose { throw .quietAndVerbose }
            _ = try overrides()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Outside a site, one clear sentence (in the chosen format) instead of every file reported
    /// missing; exits 64, as for any mistake on the command line.
    func requireSite() throws {
        var isFolder: ObjCBool = false
        let error: CommandLineError
        if !FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isFolder) || !isFolder.boolValue {
            error = .content(.missingSiteFolder(path: rootURL.path))
        } else if !FileManager.default.fileExists(atPath: rootURL.appendingPathComponent("site.json").path) {
            error = .notASite(folder: rootURL.path)
        } else {
            return
        }
        printer.print(Diagnostic.error(error.description, code: error.code))
        throw ExitCode.validationFailure
    }

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }

    /// `--base-url`, then each `--set`, checked as site.json's loader checks them.
    func overrides() throws(CommandLineError) -> [SiteOverride] {
        var overrides: [SiteOverride] = []
        do throws(ContentError) {
            if let baseURL { overrides.append(try SiteSetting.baseURL.override(baseURL, path: "--base-url")) }
        } catch {
            throw .content(error)
        }
        for argument in settings {
            guard let equals = argument.firstIndex(of: "=") else { throw .settingWithoutValue(argument) }
            do throws(ContentError) {
                let setting = try SiteSetting.named(String(argument[..<equals]))
                overrides.append(try setting.override(String(argument[argument.index(after: equals)...])))
            } catch {
                throw .content(error)
            }
        }
        return overrides
    }

    func buildOptions(output: String? = nil, writeOutput: Bool = true, force: Bool = false, clean: Bool = false) -> BuildOptions {
        let printer = printer
        return BuildOptions(
            root: rootURL,
            output: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
            strict: strict?.value ?? .off, writeOutput: writeOutput,
            overrides: (try? overrides()) ?? [],  // checked by `validate`
            warningsAsErrors: warningsAsErrors,
            force: force,
            // Why nothing happens: another build holds the output folder.
            waiting: { printer.notice($0) },
            clean: clean)
    }

    /// How results are printed, from the flags and the environment.
    var printer: ReportPrinter {
        let terminal = Terminal(environment: ProcessInfo.processInfo.environment)
        return ReportPrinter(
            format: format, quiet: quiet, verbose: verbose,
            annotationPathPrefix: terminal.isGitHubActions ? RepositoryPath.prefix(ofSiteRoot: rootURL, environment: terminal.environment) : nil,
            colourStandardOutput: terminal.colours(Terminal.standardOutput),
            colourStandardError: terminal.colours(Terminal.standardError))
    }

    /// Builds (or checks), with a progress line when stderr is a terminal, prints the report
    /// and exits 1 when the site has errors.
    func run(_ options: BuildOptions) throws {
        try requireSite()
        var options = options
        let environment = ProcessInfo.processInfo.environment
        var line: ProgressLine?
        if !quiet, Terminal(environment: environment).isTerminal(Terminal.standardError) {
            let progress = BuildProgress()
            options.progress = progress
            // ROLEGEN_PROGRESS_DELAY: seconds before the line appears (docs/ci.md).
            let delay = environment["ROLEGEN_PROGRESS_DELAY"].flatMap(Double.init) ?? 1
            line = ProgressLine(progress: progress, delay: .milliseconds(Int(delay * 1000)))
            line?.start()
        }
        let report = SiteBuilder.build(options)
        line?.stop()
        if !printer.print(report) { throw ExitCode.failure }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// Mistakes on the command line itself, one case each: rolegen exits 64 and prints the usage.
enum CommandLineError: Error, CustomStringConvertible {
    /// The site root has no site.json: rolegen was run outside a site.
    case notASite(folder: String)
    /// `--quiet` and `--verbose` together.
    case quietAndVerbose
    /// `--set` without `=` (`--set reportEndpoint`).
    case settingWithoutValue(String)
    /// A word where a command should be (`rolegen buidl`).
    case unknownCommand(String, suggestion: String?)
    /// `serve --host` with an address other machines can reach. A warning: it is allowed, but
    /// the preview shows unpublished content.
    case nonLoopbackHost(String)
    /// A `--root`, `--base-url` or `--set` value that the site's own rules reject; the code is
    /// that of the content mistake (an unknown setting, an invalid URL, a missing folder).
    case content(ContentError)

    /// The stable code of each case (RG0xx), listed in docs/errors.md.
    enum Code: String, CaseIterable {
        case notASite = "RG001"
        case quietAndVerbose = "RG002"
        case settingWithoutValue = "RG003"
        case unknownCommand = "RG004"
        case nonLoopbackHost = "RG005"
    }

    var code: String {
        switch self {
        case .notASite: Code.notASite.rawValue
        case .quietAndVerbose: Code.quietAndVerbose.rawValue
        case .settingWithoutValue: Code.settingWithoutValue.rawValue
        case .unknownCommand: Code.unknownCommand.rawValue
        case .nonLoopbackHost: Code.nonLoopbackHost.rawValue
        case .content(let error): error.code
        }
    }

    var description: String {
        switch self {
        case .notASite(let folder):
            "no site.json in \(folder) — run inside a site, or pass --root"
        case .quietAndVerbose:
            "--quiet and --verbose cannot be used together."
        case .settingWithoutValue(let argument):
            "--set takes KEY=VALUE, found `\(argument)`"
        case .unknownCommand(let word, let suggestion):
            "unknown command `\(word)`" + didYouMean(suggestion: suggestion)
                + " (commands: \(Rolegen.configuration.subcommands.map { $0._commandName }.joined(separator: ", ")))"
        case .nonLoopbackHost(let host):
            "serving on \(host), not on loopback: other machines that can reach this address can read "
                + "the preview (unpublished content); use it only on a network you trust"
        case .content(let error):
            error.message
        }
    }
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

        @Flag(name: .long, help: "Render every page and write every file, ignoring what the previous build into the output folder recorded (by default only pages whose sources changed are rendered again).")
        var clean = false

        func run() throws {
            try site.run(site.buildOptions(output: output, force: force, clean: clean))
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check content, templates and string tables and render every page, without writing anything.")

        @OptionGroup var site: SiteOptions

        func run() throws {
            try site.run(site.buildOptions(writeOutput: false))
        }
    }

    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site, serve it on 127.0.0.1, rebuild it on every change and reload open pages.",
            discussion: """
                Watches site.json, content/, locales/ and templates/ (inotify). Open pages reload \
                after a rebuild that changed them; a stylesheet change is swapped in without a \
                reload. A failed rebuild prints its errors, shows them over every open page and \
                keeps serving the last good site. Only GET and HEAD, only files inside the output \
                folder, only 127.0.0.1 unless --host says otherwise. Stop with Ctrl-C (a second Ctrl-C \
                stops at once, even during a build). See docs/serve.md.
                """)

        @OptionGroup var site: SiteOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <root>/public).", valueName: "dir"))
        var output: String?

        @Flag(name: .long, help: "Replace the output folder even when it holds files rolegen did not write (never the site's own sources).")
        var force = false

        @Option(name: .long, help: ArgumentHelp("The port; 0 picks any free port.", valueName: "n"))
        var port: UInt16 = 8080

        @Option(name: .long, help: ArgumentHelp(
            "The address to listen on. Any non-loopback address lets other machines see your unpublished site.",
            valueName: "address"))
        var host: String = ServeOptions.loopback

        @Flag(name: .customLong("no-browser-errors"), help: "Print a failed build's errors only; do not show them in the browser.")
        var noBrowserErrors = false

        func run() throws {
            try site.requireSite()
            let printer = site.printer
            if !ServeOptions.isLoopback(host) {
                let warning = CommandLineError.nonLoopbackHost(host)
                printer.print(Diagnostic.warning(warning.description, code: warning.code))
            }
            let server: DevServer
            do {
                // Signals are handled from before the first build on: a first one stops the
                // server once a running build ends, a second at once.
                let options = ServeOptions(
                    build: site.buildOptions(output: output, force: force), host: host, port: port,
                    browserErrors: !noBrowserErrors, stopsOnSignals: true)
                server = try DevServer.start(options) { [site] event in
                    switch event {
                    case let .rebuilding(changed):
                        if site.verbose { print("changed: \(changed.joined(separator: ", "))") }
                    case let .built(report):
                        _ = printer.print(report)
                    case let .served(request, status):
                        if site.verbose { print("\(status.rawValue) \(request)") }
                    case .stopping:
                        if !site.quiet { printer.status("stopping (press Ctrl-C again to stop at once)") }
                    }
                    flushOutput()
                }
            } catch {
                printer.print(Diagnostic.error(error.description, code: error.code.rawValue))
                throw ExitCode.failure
            }
            printer.status("serving \(server.url) (Ctrl-C to stop)")
            flushOutput()
            server.waitUntilStopped()
            if !site.quiet && site.format == .text { print("stopped") }
        }
    }
}

/// Pushes printed lines out now: stdout into a pipe (a script, a test) is block-buffered, and
/// a server's lines matter when they happen, not when it exits. (`fflush(nil)` flushes every
/// stream without naming the global `stdout`, which Swift 6 treats as unsafe shared state.)
private func flushOutput() {
    fflush(nil)
}

/// `, profile-guided` in `--version` when `make site` compiled this executable with the profile
/// of the example site's builds (it passes `-DPROFILE_GUIDED` with it): the same pages either
/// way, about 5 % fewer instructions per build.
#if PROFILE_GUIDED
private let profileGuided = ", profile-guided"
#else
private let profileGuided = ""
#endif
