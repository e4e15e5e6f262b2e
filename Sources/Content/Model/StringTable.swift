import Diagnostics
import Localization

/// The UI strings of one locale from `locales/<locale>.json`, flattened: nested objects become
/// dotted keys (`{"hero": {"title": "…"}}` → `hero.title`).
public struct StringTable: Sendable, Equatable {
    public var locale: String
    public var entries: [String: StringEntry]
}

/// One UI string, parsed, and where it was written, so that later checks (unused keys, keys a
/// template misspells) can report at `file:line:column`, quoting the line.
public struct StringEntry: Sendable, Equatable {
    public var value: String
    /// The parsed message; nil when its syntax is wrong (reported when the table was read).
    public var message: Message?
    /// The position of the string literal's opening quote.
    public var location: SourceLocation
    /// The file the string is in, and the byte offset of its opening quote there.
    let source: SourceFile
    let offset: Int

    init(value: String, message: Message?, source: SourceFile, offset: Int) {
        self.value = value
        self.message = message
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

/// An argument a UI string may embed (`{title}`, `{riskScore, plural, …}`): the values the
/// pages pass, documented in docs/localization.md (a test keeps the two equal). A message that
/// names anything else is an error at the name (RG404), found when the table is read.
public enum UIStringArgument: String, CaseIterable, Sendable, Comparable, HashedByCase {
    case automatedCount, automationPotential, date, languages, moreAutomatedCount, oversightCount
    case riskScore, roleCount, safeCount, saferPeersPercent, salaryPremium, sector, sectorAverage
    case sectorRoleCount, siteTitle, title, titlePlural, topAutomatedTasks, topQuickWins, verdict, years

    public static func < (a: UIStringArgument, b: UIStringArgument) -> Bool { a.rawValue < b.rawValue }
}
