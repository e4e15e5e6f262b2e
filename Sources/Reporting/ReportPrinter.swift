import Diagnostics
import Foundation
import Site

/// How a build's results are printed.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// For people: diagnostics on stderr in the compiler form, one summary line.
    case text
    /// For programs: one JSON object per line on stdout, a diagnostic each, then the summary
    /// (docs/schemas/report.schema.json).
    case json
}

/// Prints a `BuildReport` in the chosen form. The command line decides the form from its
/// flags and the environment (`Terminal`); everything about how it looks is here and in
/// `DiagnosticFormat`.
public struct ReportPrinter: Sendable {
    public var format: ReportFormat
    public var quiet: Bool
    public var verbose: Bool
    /// The site root's path in its repository when diagnostics are also printed as GitHub
    /// Actions workflow commands (text format only: the JSON stream stays pure JSON); nil
    /// when they are not.
    public var annotationPathPrefix: String?
    public var colourStandardOutput: Bool
    public var colourStandardError: Bool

    public init(
        format: ReportFormat, quiet: Bool, verbose: Bool, annotationPathPrefix: String?,
        colourStandardOutput: Bool, colourStandardError: Bool
    ) {
        self.format = format
        self.quiet = quiet
        self.verbose = verbose
        self.annotationPathPrefix = annotationPathPrefix
        self.colourStandardOutput = colourStandardOutput
        self.colourStandardError = colourStandardError
    }

    /// Prints everything about `report`; returns whether the build succeeded.
    public func print(_ report: BuildReport) -> Bool {
        switch format {
        case .text: printText(report)
        case .json: printJSON(report)
        }
        return report.succeeded
    }

    private func printText(_ report: BuildReport) {
        let out = Output.standardOutput
        let err = Output.standardError
        let human = DiagnosticFormat.human(colour: colourStandardError)
        // At most 50 errors per file: a generated file gone wrong must not flood the terminal
        // (or the annotations) and bury every other file's errors. The summary counts them all.
        let shown = report.diagnostics.limitedPerFile()
        for item in shown {
            switch item {
            case .diagnostic(let diagnostic): err.line(human.format(diagnostic))
            case .omittedErrors(let count, let file): err.line(ShownDiagnostic.line(omitting: count, in: file))
            }
        }
        if let prefix = annotationPathPrefix {
            let annotation = DiagnosticFormat.githubActions(pathPrefix: prefix)
            for case .diagnostic(let diagnostic) in shown { out.line(annotation.format(diagnostic)) }
        }
        if verbose {
            for fallback in report.fallbacks { out.line("fallback: \(fallback.description)") }
            if report.wroteOutput {
                for file in report.files { out.line("wrote \(file)") }
            }
        }
        if !report.succeeded {
            err.line(Self.summary(report, colour: colourStandardError))
        } else if !quiet {
            out.line(Self.summary(report, colour: colourStandardOutput))
        }
        if verbose {
            out.write(Self.timingTable(report))
        }
    }

    private func printJSON(_ report: BuildReport) {
        let out = Output.standardOutput
        for diagnostic in report.diagnostics {
            out.line(DiagnosticFormat.json.format(diagnostic))
        }
        out.line(Self.jsonSummary(report).text)
    }

    /// The summary line, its verdict (`built`, `build failed:` …) coloured when asked.
    static func summary(_ report: BuildReport, colour: Bool) -> String {
        let line = report.summary
        guard colour else { return line }
        let paint = TerminalStyle.painter(enabled: true)
        let end = report.succeeded ? line.firstIndex(of: " ") : line.firstIndex(of: ":").map(line.index(after:))
        guard let end else { return line }
        return paint(String(line[..<end]), report.succeeded ? .green : .red) + line[end...]
    }

    /// `--verbose`'s table of where the time went, one phase a line.
    static func timingTable(_ report: BuildReport) -> String {
        let width = BuildPhase.allCases.map(\.name.count).max() ?? 0
        func row(_ name: String, _ seconds: String) -> String {
            name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + seconds + "\n"
        }
        func row(_ name: String, _ seconds: Double) -> String {
            row(name, String(format: "%7.3f", seconds))
        }
        var table = row("phase", "seconds")
        for timing in report.timings { table += row(timing.phase.name, timing.seconds) }
        return table + row("total", report.seconds)
    }

    /// The last object of the JSON stream.
    static func jsonSummary(_ report: BuildReport) -> JSONText {
        let seconds = { (value: Double) in JSONText.decimal(value, places: 3) }
        return .object([
            ("type", .string("summary")),
            ("command", .string(report.wroteOutput ? "build" : "check")),
            ("succeeded", .bool(report.succeeded)),
            ("pages", .object([
                ("total", .number(report.pageCount)),
                ("perLocale", .object(report.pagesPerLocale.map { ($0.locale, .number($0.count)) })),
                ("other", .number(report.rootPages)),
            ])),
            ("fallbacks", .object([
                ("total", .number(report.fallbacks.count)),
                ("perLocale", .object(report.fallbacksPerLocale.map { ($0.locale, .number($0.count)) })),
            ])),
            // Translations made from a default text that changed since (translations/<locale>.json).
            ("outdatedTranslations", .object([
                ("total", .number(report.outdated.count)),
                ("perLocale", .object(report.outdatedPerLocale.map { ($0.locale, .number($0.count)) })),
            ])),
            ("errors", .number(report.diagnostics.errors.count)),
            ("warnings", .number(report.diagnostics.warnings.count)),
            ("seconds", seconds(report.seconds)),
            ("timings", .object(report.timings.map { ($0.phase.name, seconds($0.seconds)) })),
        ])
    }
}

extension ReportPrinter {
    /// Prints one problem that is not part of a build (the preview server cannot listen), in
    /// the same form as a build's diagnostics.
    public func print(_ diagnostic: Diagnostic) {
        switch format {
        case .text:
            Output.standardError.line(DiagnosticFormat.human(colour: colourStandardError).format(diagnostic))
            if let prefix = annotationPathPrefix {
                Output.standardOutput.line(DiagnosticFormat.githubActions(pathPrefix: prefix).format(diagnostic))
            }
        case .json:
            Output.standardOutput.line(DiagnosticFormat.json.format(diagnostic))
        }
    }

    /// A line about what a command is doing (`serving http://…`, `stopping …`): on stdout for
    /// people; on stderr with `--format json`, whose stdout carries only JSON objects.
    public func status(_ line: String) {
        (format == .json ? Output.standardError : Output.standardOutput).line(line)
    }

    /// Why nothing seems to happen (the build waits for another build's lock): on stderr in
    /// every format and even with `--quiet`, since the wait may be long.
    public func notice(_ sentence: String) {
        Output.standardError.line(sentence)
    }
}
