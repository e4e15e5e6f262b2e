/// A name a template looks up in the data, and where: what a site build checks against its own
/// tables (for example that every `t.*` UI-string key a template uses exists).
public struct TemplateReference: Sendable, Hashable {
    /// The full dotted path as written (`role.title`, `.`); for a dynamic partial or parent
    /// (`{{>*kind}}`), the name holding the template's name (`kind`).
    public let name: String
    /// The file as errors show it.
    public let file: String
    /// 1-based.
    public let line: Int
    /// 1-based, in Unicode scalars: the tag's opening delimiter.
    public let column: Int
    /// The line, or for a long line the 120 columns around the tag, for a caller's diagnostic
    /// to quote (as `TemplateError.sourceLine`).
    public let sourceLine: String
    /// 1-based position of the tag in `sourceLine`, in Unicode scalars.
    public let caretColumn: Int

    public init(name: String, file: String, line: Int, column: Int, sourceLine: String, caretColumn: Int) {
        self.name = name
        self.file = file
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
        self.caretColumn = caretColumn
    }
}
