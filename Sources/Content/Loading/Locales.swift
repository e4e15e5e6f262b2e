import Diagnostics

/// The configured locales, which every other file is checked against.
struct Locales: Sendable, Equatable {
    /// In the order `site.json` lists them.
    var all: [String]
    var defaultLocale: String

    /// The locales that fall back to the default one.
    var others: [String] { all.filter { $0 != defaultLocale } }
}

extension FileCheck {
    /// Reports `code` (a key of a localized value or of `urlSegments`) unless it is a
    /// configured locale. Without known locales there is nothing to check against.
    func checkLocale(_ code: String, at offset: Int, locales: Locales?) {
        guard let locales, !locales.all.contains(code) else { return }
        report(.unconfiguredLocale(code, suggestion: closestMatch(to: code, among: locales.all)), at: offset)
    }

    /// A `{locale: text}` map: keys must be configured locales, and the default locale's text
    /// is required (every other locale falls back to it).
    func localizedText(_ field: JSONField, locales: Locales) -> [String: String]? {
        guard let entries = map(field) else { return nil }
        var texts: [String: String] = [:]
        for entry in entries {
            checkLocale(entry.key, at: entry.keyOffset, locales: locales)
            texts[entry.key] = text(entry.field, required: entry.key == locales.defaultLocale)
        }
        if !entries.contains(where: { $0.key == locales.defaultLocale }) {
            report(.missingDefaultText(path: path(to: field), locale: locales.defaultLocale), at: field.value.offset)
        }
        return texts
    }
}
