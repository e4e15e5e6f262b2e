import Diagnostics

/// Reads `locales/<locale>.json`: nested objects whose leaves are strings, flattened to dotted
/// keys (`{"hero": {"title": "…"}}` → `hero.title`).
enum StringTableReader {
    /// `defaultTable` is the default locale's table when reading another locale's: a key it
    /// does not have is reported, since no page would use it.
    static func read(_ check: FileCheck, locale: String, defaultTable: StringTable?) -> StringTable? {
        guard let root = check.parseJSON() else { return nil }
        var reader = Flattener(check: check, defaultTable: defaultTable)
        reader.flatten(JSONField(top: root), isTopLevel: true)
        return check.hasErrors ? nil : StringTable(locale: locale, entries: reader.entries)
    }
}

private struct Flattener {
    let check: FileCheck
    let defaultTable: StringTable?
    var entries: [String: StringEntry] = [:]

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
            let key = entry.field.path
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
                entries[key] = StringEntry(value: value, location: check.location(of: entry.field.value.offset))
            default:
                check.report(.stringTableLeafNotText(key: key, found: entry.field.value.kindDescription), at: entry.field.value.offset)
            }
        }
    }
}
