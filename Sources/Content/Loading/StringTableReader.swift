import Diagnostics
import Localization

/// Reads `locales/<locale>.json`: nested objects whose leaves are strings, flattened to dotted
/// keys (`{"hero": {"title": "…"}}` → `hero.title`), each parsed as a message. Every check of a
/// table is made here, once per file, at the exact column: key names and leaf types, keys a
/// translation has that the default lacks, message syntax and argument names. (Which keys the
/// templates and pages use is checked by the build, which has the templates.)
enum StringTableReader {
    /// `defaultTable` is the default locale's table when reading another locale's: a key it
    /// does not have is reported, since no page would use it.
    static func read(_ check: FileCheck, locale: String, defaultTable: StringTable?) -> StringTable? {
        guard let root = check.parseJSON() else { return nil }
        var reader = Flattener(check: check, defaultTable: defaultTable)
        reader.flatten(JSONField(value: root), isTopLevel: true)
        // A broken message leaves the table usable: the string shows as nothing while the
        // pages are checked, so its uses are not reported again.
        return reader.hasStructuralErrors ? nil : StringTable(locale: locale, entries: reader.entries)
    }
}

private struct Flattener {
    let check: FileCheck
    let defaultTable: StringTable?
    var entries: [String: StringEntry] = [:]
    /// An error other than in a message: the table cannot be used.
    var hasStructuralErrors: Bool {
        check.diagnostics.contains { $0.severity == .error && !Self.isMessageCode($0.code) }
    }

    init(check: FileCheck, defaultTable: StringTable?) {
        self.check = check
        self.defaultTable = defaultTable
    }

    mutating func flatten(_ field: JSONField, isTopLevel: Bool) {
        for entry in check.map(field) ?? [] where !(isTopLevel && entry.key == "$schema") {
            guard isStringKeySegment(entry.key) else {
                check.report(.invalidStringKey(segment: entry.key), at: entry.keyOffset)
                continue
            }
            let key = check.path(to: entry.field)
            switch entry.field.value.content {
            case .object:
                flatten(entry.field, isTopLevel: false)
            case .string(let value):
                if let defaultTable, defaultTable.entries[key] == nil {
                    let suggestion = closestMatch(to: key, among: defaultTable.entries.keys)
                    let defaultFile = "locales/\(defaultTable.locale).json"
                    check.report(.keyNotInDefaultTable(key: key, defaultFile: defaultFile, suggestion: suggestion), at: entry.keyOffset)
                }
                // A blank translation is no translation (the default text shows and counts as a
                // fallback); a blank default text is an error.
                guard !isBlank(value) else {
                    if defaultTable == nil { check.report(.emptyText(path: key), at: entry.field.value.offset) }
                    continue
                }
                let offset = entry.field.value.offset
                entries[key] = StringEntry(value: value, message: parse(value, key: key, at: offset), source: check.sourceFile, offset: offset)
            default:
                check.report(.stringTableLeafNotText(key: key, found: entry.field.value.kindDescription), at: entry.field.value.offset)
            }
        }
    }

    /// The message, or nil after reporting its syntax error at its exact column (escapes before
    /// it counted). Each argument name that is not a `UIStringArgument` is reported at the name.
    private func parse(_ value: String, key: String, at quote: Int) -> Message? {
        let message: Message
        do {
            message = try Message(parsing: value)
        } catch {
            check.report(.invalidUIString(error.kind), at: sourceOffset(error.utf8Offset, quote: quote))
            return nil
        }
        for name in message.argumentNames where UIStringArgument(rawValue: name) == nil {
            let suggestion = closestMatch(to: name, among: UIStringArgument.allCases.map(\.rawValue))
            let offset = Self.utf8Offset(ofArgument: name, in: value).map { sourceOffset($0, quote: quote) } ?? quote
            check.report(.unknownMessageArgument(key: key, name: name, suggestion: suggestion), at: offset)
        }
        return message
    }

    private func sourceOffset(_ decodedOffset: Int, quote: Int) -> Int {
        JSONStringPositions.sourceOffset(ofDecodedOffset: decodedOffset, inStringAt: quote, of: check.bytes)
    }

    /// Where `name` is first used as an argument in `text` (`{name}`, `{ name, plural, …}`),
    /// as a UTF-8 offset.
    static func utf8Offset(ofArgument name: String, in text: String) -> Int? {
        let bytes = Array(text.utf8)
        let nameBytes = Array(name.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        for open in bytes.indices where bytes[open] == UInt8(ascii: "{") {
            var start = open + 1
            while start < bytes.count, isSpace(bytes[start]) { start += 1 }
            let end = start + nameBytes.count
            guard end < bytes.count, Array(bytes[start..<end]) == nameBytes else { continue }
            if bytes[end] == UInt8(ascii: "}") || bytes[end] == UInt8(ascii: ",") || isSpace(bytes[end]) { return start }
        }
        return nil
    }

    private static func isMessageCode(_ code: String) -> Bool {
        code == ContentError.Code.unknownMessageArgument.rawValue || MessageSyntaxError.Kind.Code(rawValue: code) != nil
    }
}
