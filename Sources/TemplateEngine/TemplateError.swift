/// One mistake in a template (or in the data it was given), located the way a compiler locates
/// errors, so that editors turn it into a link:
///
///     templates/partials/faq.html:12:7: error: unknown name `role.faqs` — did you mean `role.faq`?
///         <h2>{{role.faqs}}</h2>
///             ^
///
/// The column is that of the tag's opening delimiter and counts Unicode scalars.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every mistake the engine reports, one case each.
    public enum Kind: Sendable, Equatable {
        // MARK: Syntax (found when loading)

        /// A tag opens (`{{`) but its closing delimiter never comes; `expected` is that delimiter
        /// (`}}`, or `}}}` for a triple mustache). Also reported when another tag opens before
        /// this one is closed.
        case unterminatedTag(expected: String)
        /// A tag with nothing inside (`{{}}`, `{{# }}`).
        case emptyTag
        /// A name with spaces inside or an empty part (`{{a b}}`, `{{a..b}}`, `{{.a}}`).
        case invalidName(String)
        /// A set-delimiters tag that is not two delimiters separated by spaces, as in
        /// `{{=<% %>=}}`; carries the tag's content.
        case invalidDelimiters(String)
        /// `{{#name}}`, `{{^name}}`, `{{$name}}` or `{{<name}}` without its `{{/name}}`.
        case unclosedSection(String)
        /// Sections, inverted sections, blocks and parent tags nested more than `limit` levels
        /// deep in one template (reported at the first tag too deep).
        case nestingTooDeep(limit: Int)
        /// Bytes that are not UTF-8 text (a file saved in Latin-1, a binary file); `byte` is the
        /// first bad one.
        case invalidUTF8(byte: UInt8)
        /// `{{/found}}` while the innermost open section is `expected`.
        case mismatchedSectionClose(expected: String, found: String)
        /// `{{/name}}` with no section open.
        case unexpectedSectionClose(String)
        /// A tag other than a block (`{{$name}}`) or a comment directly inside a parent tag
        /// (`{{<parent}}…{{/parent}}`), where only block overrides mean something.
        case tagInsideParent(tag: String, parent: String)

        // MARK: Names of templates (found when loading; for dynamic names, when rendering)

        /// `{{>name}}` names no template (strict mode).
        case unknownPartial(String, suggestion: String?)
        /// `{{<name}}` names no template (strict mode).
        case unknownParent(String, suggestion: String?)
        /// `{{>*name}}` or `{{<*name}}` where `name` holds something other than a string.
        case dynamicNameNotString(String, kind: String)
        /// Partials that include themselves more than `limit` levels deep.
        case recursionTooDeep(String, limit: Int)
        /// Sections, blocks and partials entered more than `limit` levels deep while rendering
        /// (each template is within its own nesting limit, but partials inside sections inside
        /// partials add up).
        case renderingTooDeep(limit: Int)
        /// `render(_:_:)` was asked for a template the set does not have.
        case unknownTemplate(String, suggestion: String?)
        /// A template file could not be read (directory loading).
        case unreadableFile(String)

        // MARK: Data (found when rendering, strict mode)

        /// A name that resolves to nothing: the first part is in no object of the context stack,
        /// or a later part is missing from the object before it. `name` is the full path as
        /// written; the suggestion is the closest key visible at that point.
        case unknownName(String, suggestion: String?)
        /// `a.b` where `a` (the `prefix`) holds a scalar or an array, which has no keys.
        case notAnObject(String, prefix: String, kind: String)
        /// `{{name}}` where `name` holds an array or an object, which has no text form.
        case notInterpolatable(String, kind: String)
    }

    public let kind: Kind
    /// The file as the user should see it ("templates/partials/faq.html"); empty for errors that
    /// belong to no file (`unknownTemplate`).
    public let file: String
    /// 1-based; 0 when the error has no position in a file.
    public let line: Int
    /// 1-based, in Unicode scalars; 0 when the error has no position in a file.
    public let column: Int
    /// The text of `line` quoted under the message by `rendered`: the whole line, or for a line
    /// longer than 120 columns the 120 around the column, with `…` where it was cut.
    public let sourceLine: String
    /// 1-based position of the caret in `sourceLine`, in Unicode scalars: `column`, unless the
    /// line was cut.
    public let caretColumn: Int

    /// `sourceLine` is the whole text of `line`; only a window of it around `column` is kept.
    public init(kind: Kind, file: String, line: Int, column: Int, sourceLine: String) {
        let quote = QuotedText(line: sourceLine, column: column)
        self.init(kind: kind, file: file, line: line, column: column, sourceLine: quote.text, caretColumn: quote.caretColumn)
    }

    /// `sourceLine` is already the quoted window, with the caret at `caretColumn` in it.
    public init(kind: Kind, file: String, line: Int, column: Int, sourceLine: String, caretColumn: Int) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
        self.caretColumn = caretColumn
    }

    /// One plain sentence, without the `error:` prefix.
    public var message: String {
        switch kind {
        case .unterminatedTag(let expected):
            "unterminated tag: no closing `\(expected)`"
        case .emptyTag:
            "empty tag: a tag needs a name"
        case .invalidName(let name):
            "invalid name `\(name)`: a name is a key or a dotted path such as `role.title`, without spaces"
        case .invalidDelimiters(let content):
            "invalid set-delimiters tag `\(content)`: expected two delimiters separated by a space, as in `{{=<% %>=}}`"
        case .unclosedSection(let name):
            "section `\(name)` is never closed"
        case .nestingTooDeep(let limit):
            "sections, blocks and parent tags are nested more than \(limit) levels deep"
        case .invalidUTF8(let byte):
            "invalid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) is not valid here (save the file as UTF-8)"
        case .mismatchedSectionClose(let expected, let found):
            "closing tag `\(found)` does not match the open section `\(expected)`"
        case .unexpectedSectionClose(let name):
            "closing tag `\(name)` has no open section"
        case .tagInsideParent(let tag, let parent):
            "`\(tag)` cannot stand directly inside parent `\(parent)`: only blocks (`$` tags) and comments can"
        case .unknownPartial(let name, let suggestion):
            "unknown partial `\(name)`" + didYouMean(suggestion)
        case .unknownParent(let name, let suggestion):
            "unknown parent template `\(name)`" + didYouMean(suggestion)
        case .dynamicNameNotString(let name, let kind):
            "dynamic template name `\(name)` is \(kind), not a string"
        case .recursionTooDeep(let name, let limit):
            "template `\(name)` is nested more than \(limit) levels deep: does it include itself without an end?"
        case .renderingTooDeep(let limit):
            "rendering goes more than \(limit) sections, blocks and partials deep"
        case .unknownTemplate(let name, let suggestion):
            "unknown template `\(name)`" + didYouMean(suggestion)
        case .unreadableFile(let reason):
            "cannot read the template: \(reason)"
        case .unknownName(let name, let suggestion):
            "unknown name `\(name)`" + didYouMean(suggestion)
        case .notAnObject(let name, let prefix, let kind):
            "cannot look up `\(name)`: `\(prefix)` is \(kind), not an object"
        case .notInterpolatable(let name, let kind):
            "`\(name)` is \(kind) and cannot be interpolated: use a section (`#`) to go through it"
        }
    }

    /// `file:line:column: error: message`, the form editors and terminals turn into links.
    public var description: String {
        if line > 0 { return "\(file):\(line):\(column): error: \(message)" }
        if !file.isEmpty { return "\(file): error: \(message)" }
        return "error: \(message)"
    }

    /// `description`, then the source line and a caret under the column. Tabs in the quoted line
    /// are kept (and copied into the caret's padding) so the caret lines up in a terminal.
    public var rendered: String {
        guard line > 0 else { return description }
        var padding = ""
        for (index, scalar) in sourceLine.unicodeScalars.enumerated() where index < caretColumn - 1 {
            padding.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        return "\(description)\n    \(sourceLine)\n    \(padding)^"
    }
}

private func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { " — did you mean `\($0)`?" } ?? ""
}

/// Every error found while loading a set of templates: all files are checked, and a file keeps
/// being checked after its first error, so one run shows every mistake.
public struct TemplateLoadError: Error, Sendable, CustomStringConvertible {
    /// Sorted by file, line and column.
    public let errors: [TemplateError]

    public init(errors: [TemplateError]) {
        self.errors = errors.sorted { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
    }

    /// How many errors of one file `description` shows; the rest are counted in one line.
    public static let maximumErrorsShownPerFile = 50

    /// Each error's `rendered` form, one after the other; after a file's first
    /// `maximumErrorsShownPerFile` errors, one line `and N more errors in FILE`.
    public var description: String {
        var lines: [String] = []
        var index = 0
        while index < errors.count {
            let file = errors[index].file
            var end = index
            while end < errors.count, errors[end].file == file { end += 1 }
            let shown = min(end - index, Self.maximumErrorsShownPerFile)
            lines += errors[index..<index + shown].map(\.rendered)
            if end - index > shown {
                let more = end - index - shown
                lines.append("and \(more) more error\(more == 1 ? "" : "s") in \(file)")
            }
            index = end
        }
        return lines.joined(separator: "\n")
    }
}
