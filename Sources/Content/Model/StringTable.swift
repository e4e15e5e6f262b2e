import Diagnostics

/// The UI strings of one locale from `locales/<locale>.json`, flattened: nested objects become
/// dotted keys (`{"hero": {"title": "…"}}` → `hero.title`).
public struct StringTable: Sendable, Equatable {
    public var locale: String
    public var entries: [String: StringEntry]
}

/// One UI string and where it was written, so that later checks (message syntax, unused keys)
/// can report at `file:line:column`, quoting the line.
public struct StringEntry: Sendable, Equatable {
    public var value: String
    /// The position of the string literal's opening quote.
    public var location: SourceLocation
    /// The file the string is in, and the byte offset of its opening quote there.
    let source: SourceFile
    let offset: Int

    init(value: String, source: SourceFile, offset: Int) {
        self.value = value
        self.source = source
        self.offset = offset
        location = source.location(ofByteOffset: offset)
    }

    /// Where a diagnostic about this string points, with its line quoted: at `utf8Offset` of the
    /// decoded value (a message syntax error), or at the opening quote. The column is exact
    /// whatever escapes (`\"`, `\n`, `\u00E9`) come before the offset in the file.
    public func position(atUTF8Offset utf8Offset: Int? = nil) -> (location: SourceLocation, quote: QuotedLine) {
        let position = utf8Offset.map { JSONStringPositions.sourceOffset(ofDecodedOffset: $0, inStringAt: offset, of: source.bytes) } ?? offset
        return (source.location(ofByteOffset: position), source.quote(atByteOffset: position))
    }

    public static func == (a: StringEntry, b: StringEntry) -> Bool {
        a.value == b.value && a.location == b.location
    }
}
