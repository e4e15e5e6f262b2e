/// The forms a diagnostic is printed in. Every way rolegen shows a diagnostic is here, so the
/// command line only picks one and the forms cannot drift apart.
public enum DiagnosticFormat: Sendable, Hashable {
    /// The compiler form, for people: `file:line:column: error: message`, then the source line
    /// and a caret under the column. With `colour`, ANSI colours mark the severity and the caret.
    case human(colour: Bool)
    /// One JSON object on one line (the `--format json` stream); docs/schemas/report.schema.json
    /// describes it.
    case json
    /// A GitHub Actions workflow command (`::error file=…,line=…,col=…,title=…::message`), which
    /// the runner turns into an annotation on the line. `pathPrefix` is the site root's path
    /// relative to the repository root (`""`, or `"site/"` for a site in a subfolder): GitHub
    /// matches `file` against the repository's paths.
    case githubActions(pathPrefix: String)

    public func format(_ diagnostic: Diagnostic) -> String {
        switch self {
        case .human(let colour): Self.human(diagnostic, colour: colour)
        case .json: Self.json(diagnostic)
        case .githubActions(let prefix): Self.workflowCommand(diagnostic, pathPrefix: prefix)
        }
    }

    // MARK: Human

    private static func human(_ diagnostic: Diagnostic, colour: Bool) -> String {
        let paint = TerminalStyle.painter(enabled: colour)
        let severity = paint("\(diagnostic.severity.rawValue):", TerminalStyle.severity(diagnostic.severity))
        var line = diagnostic.location.map { paint("\($0):", .bold) + " " } ?? ""
        // The file name (in `location`'s description), the message and the quoted line are
        // escaped (`TerminalText`): nothing from the user's files can break the line or drive
        // the terminal.
        line += "\(severity) \(TerminalText.escaped(diagnostic.message))"
        guard let quote = diagnostic.quote, diagnostic.location != nil else { return line }
        // Tabs in the quoted window are copied into the caret's padding so the caret lines up;
        // an escaped character is padded as wide as it is shown.
        var caretPad = ""
        for (index, scalar) in quote.text.unicodeScalars.enumerated() where index < quote.caretColumn - 1 {
            let shown = TerminalText.escaped(scalar, keepingTabs: true)
            caretPad += scalar == "\t" ? "\t" : String(repeating: " ", count: shown.unicodeScalars.count)
        }
        return "\(line)\n    \(TerminalText.escaped(quote.text, keepingTabs: true))\n    \(caretPad)\(paint("^", .caret))"
    }

    // MARK: JSON

    private static func json(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let members: [(String, JSONText)] = [
            ("type", .string("diagnostic")),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("code", .string(diagnostic.code)),
            ("file", location.map { .string($0.file) } ?? .null),
            ("line", location.map { .number($0.line) } ?? .null),
            ("column", location.map { .number($0.column) } ?? .null),
            // rolegen locates a mistake by where it starts; the end is kept in the format for
            // the day spans are tracked, and is null until then.
            ("end", .null),
            ("message", .string(diagnostic.message)),
            ("suggestion", diagnostic.suggestion.map { .string($0) } ?? .null),
        ]
        return JSONText.object(members).text
    }

    // MARK: GitHub Actions

    private static func workflowCommand(_ diagnostic: Diagnostic, pathPrefix: String) -> String {
        let command = switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=" + escapeProperty(pathPrefix + location.file))
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        properties.append("title=" + escapeProperty("rolegen \(diagnostic.code)"))
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(diagnostic.message))"
    }

    /// The workflow-command escaping of a message: `%`, CR and LF would otherwise end or
    /// corrupt the command.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The escaping of a property value, which also must not contain the `:` and `,` that
    /// separate properties.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}

/// A small JSON value written in the order it was built (never dictionary order), for the
/// machine-readable report.
public enum JSONText: Sendable {
    case null
    case bool(Bool)
    case number(Int)
    case decimal(Double, places: Int)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    public var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += String(number)
        case .decimal(let value, let places): out += Self.decimal(value, places: places)
        case .string(let string): Self.quote(string, to: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                Self.quote(key, to: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// `value` rounded to `places` decimals, without Foundation's locale-dependent formatting.
    private static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        guard places > 0 else { return String(scaled) }
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        let fraction = String(magnitude % scale)
        return "\(sign)\(magnitude / scale).\(String(repeating: "0", count: places - fraction.count))\(fraction)"
    }

    private static func quote(_ string: String, to out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// ANSI styles for a terminal. Used only when colour is on (a terminal, `NO_COLOR` unset, or
/// `CLICOLOR_FORCE` set): see `TerminalCapabilities` in the Reporting module.
public enum TerminalStyle: String, Sendable {
    case bold = "1"
    case red = "1;31"
    case yellow = "1;33"
    case cyan = "1;36"
    case green = "1;32"

    /// The caret under a diagnostic's column.
    public static let caret = TerminalStyle.green

    public static func severity(_ severity: Severity) -> TerminalStyle {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .note: .cyan
        }
    }

    /// A function that wraps text in a style when `enabled`, and returns it unchanged otherwise.
    public static func painter(enabled: Bool) -> @Sendable (String, TerminalStyle) -> String {
        guard enabled else { return { text, _ in text } }
        return { text, style in "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" }
    }
}
