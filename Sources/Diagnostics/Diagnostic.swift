/// A position in a source file, as editors and compilers show it.
///
/// `line` and `column` are 1-based. Columns count Unicode scalars (not bytes), so a caret lands
/// under the right character in a terminal for accented text; a leading UTF-8 BOM is not counted.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The file's path as the user should see it: relative to the site root when it is inside it.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals turn into links; the file name
    /// escaped (`TerminalText`).
    public var description: String { "\(TerminalText.escaped(file)):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// How serious a diagnostic is. Errors fail a build; warnings never do (unless `--strict`
/// upgrades the kinds of warning it names).
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem found in the user's files, reported the way a compiler does:
///
///     content/roles/backend-developer/role.json:12:7: error: unknown field `tittle` — did you mean `title`?
///         "tittle": "Backend Developer",
///         ^
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public var severity: Severity
    /// The stable code of this kind of mistake (`RG112`), listed in docs/errors.md. It is
    /// decided by the error enum that owns the case (`ContentError.code`, `TemplateError.Kind.code`,
    /// …), so tools and CI annotations can match a kind of mistake without parsing its sentence.
    public var code: String
    /// Where the problem is. Nil only for problems that belong to no file (a missing folder).
    public var location: SourceLocation?
    /// One plain sentence, without the `error:` prefix.
    public var message: String
    /// The source line at `location` (or, for a long line, the part of it around the column),
    /// quoted under the message with a caret.
    public var quote: QuotedLine?
    /// What was probably meant (`riskScore` for `riskScroe`), when the message suggests a name:
    /// the bare name, for tools that offer it as a fix. The message already says it in words.
    public var suggestion: String?

    /// `quote` comes from `SourceFile.quote(atByteOffset:)` (or `SourceFile.diagnostic` makes the
    /// whole diagnostic), or from a template error's window.
    public init(
        _ severity: Severity, _ message: String, code: String, at location: SourceLocation? = nil,
        quote: QuotedLine? = nil, suggestion: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.code = code
        self.location = location
        self.quote = quote
        self.suggestion = suggestion
    }

    /// `sourceLine` is the whole text of the line at `location`: only the window of it around the
    /// column is kept (see `QuotedLine`).
    public init(
        _ severity: Severity, _ message: String, code: String, at location: SourceLocation?,
        sourceLine: String?, suggestion: String? = nil
    ) {
        let quote = sourceLine.flatMap { line in location.map { QuotedLine(line: line, column: $0.column) } }
        self.init(severity, message, code: code, at: location, quote: quote, suggestion: suggestion)
    }

    public static func error(
        _ message: String, code: String, at location: SourceLocation? = nil, quote: QuotedLine? = nil, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, message, code: code, at: location, quote: quote, suggestion: suggestion)
    }

    public static func warning(
        _ message: String, code: String, at location: SourceLocation? = nil, quote: QuotedLine? = nil, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, message, code: code, at: location, quote: quote, suggestion: suggestion)
    }

    /// `error` and `warning` with the whole text of the line at `location` (windowed).
    public static func error(
        _ message: String, code: String, at location: SourceLocation?, sourceLine: String?, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, message, code: code, at: location, sourceLine: sourceLine, suggestion: suggestion)
    }

    public static func warning(
        _ message: String, code: String, at location: SourceLocation?, sourceLine: String?, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, message, code: code, at: location, sourceLine: sourceLine, suggestion: suggestion)
    }

    /// The single-line form: `file:line:column: error: message`. File names and messages (which
    /// quote names from the user's files) are escaped: nothing in them can break the line or
    /// drive the terminal.
    public var description: String {
        if let location {
            return "\(location): \(severity.rawValue): \(TerminalText.escaped(message))"
        }
        return "\(severity.rawValue): \(TerminalText.escaped(message))"
    }

    /// The single-line form followed, when the source line is known, by that line (or the
    /// window of a long line around the column) and a caret under the column:
    /// `DiagnosticFormat.human` without colour.
    public var rendered: String {
        DiagnosticFormat.human(colour: false).format(self)
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by file, line and column, then severity, then message, so that a run
    /// reports them in the same order every time regardless of how work was scheduled.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (.some(x), .some(y)) where x != y: return x < y
        default: break
        }
        if a.severity != b.severity { return a.severity < b.severity }
        if a.message != b.message { return a.message < b.message }
        return a.code < b.code
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// How many errors of one file are shown: a file with more (a generated file gone wrong, 10,000
/// unclosed sections on one line) would bury every other file's errors and flood the terminal.
public let maximumErrorsShownPerFile = 50

/// What a terminal shows of a run's diagnostics: each one, or in place of a file's errors beyond
/// the first `maximumErrorsShownPerFile`, one line that counts them.
public enum ShownDiagnostic: Sendable, Equatable {
    case diagnostic(Diagnostic)
    /// `and N more errors in FILE`, after the file's last shown diagnostic.
    case omittedErrors(count: Int, file: String)

    public static func line(omitting count: Int, in file: String) -> String {
        "and \(count) more error\(count == 1 ? "" : "s") in \(file)"
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics in order, except that after the first `limit` errors of a file its
    /// further errors are left out and counted in one `omittedErrors` entry, placed after that
    /// file's last shown diagnostic. Warnings and diagnostics without a file are always shown.
    public func limitedPerFile(_ limit: Int = maximumErrorsShownPerFile) -> [ShownDiagnostic] {
        var shownErrors: [String: Int] = [:]
        var omitted: [String: Int] = [:]
        var shown: [ShownDiagnostic] = []
        var lastShownIndex: [String: Int] = [:]
        for diagnostic in self {
            guard let file = diagnostic.location?.file else {
                shown.append(.diagnostic(diagnostic))
                continue
            }
            if diagnostic.severity == .error, shownErrors[file, default: 0] >= limit {
                omitted[file, default: 0] += 1
                continue
            }
            if diagnostic.severity == .error { shownErrors[file, default: 0] += 1 }
            shown.append(.diagnostic(diagnostic))
            lastShownIndex[file] = shown.count - 1
        }
        // Insert from the back so that the earlier indices stay valid.
        for (file, count) in omitted.sorted(by: { lastShownIndex[$0.key]! > lastShownIndex[$1.key]! }) {
            shown.insert(.omittedErrors(count: count, file: file), at: lastShownIndex[file]! + 1)
        }
        return shown
    }
}
