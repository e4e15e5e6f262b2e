import Content
import Diagnostics
import TemplateEngine

/// Checks the string tables against what uses them: templates (every `{{t.some.key}}`) and the
/// few keys this module formats itself (FAQ entries, page titles, labels built in Swift).
///
/// - a key used but defined in no table is an error, at the template position that uses it;
/// - a key defined in the default table but used nowhere is a warning, at its definition.
///
/// (A key in another locale's table that the default table lacks is reported by Content.)
enum StringUsage {
    /// Keys formatted in Swift rather than in templates.
    static let usedBySwift: [String] = [
        "deepDive.description", "deepDive.link", "deepDive.table", "faq.atRisk.answer", "faq.atRisk.question", "faq.replace.answer",
        "faq.replace.question", "faq.skills.answer", "faq.skills.question", "faq.timeline.answer",
        "faq.timeline.question", "hero.title", "index.intro", "index.title", "language.name", "nav.home",
        "notFound.body", "notFound.title", "root.description", "salary.declining", "salary.growing", "salary.stable",
        "tasks.automated", "tasks.automatedCount", "tasks.oversight", "tasks.oversightCount",
        "tasks.safe", "tasks.safeCount",
    ]

    static func check(_ templates: TemplateSet, _ site: SiteContent) -> [Diagnostic] {
        let defaultLocale = site.config.defaultLocale
        let defaultTable = site.strings[defaultLocale]?.entries ?? [:]
        var diagnostics: [Diagnostic] = []
        var used = Set(usedBySwift)
        for reference in templates.references where reference.name.hasPrefix("t.") {
            let key = String(reference.name.dropFirst(2))
            used.insert(key)
            if defaultTable[key] == nil {
                let quote = QuotedLine(text: reference.sourceLine, caretColumn: reference.caretColumn)
                diagnostics.append(SiteError.unknownUIString(key: key, suggestion: closestMatch(to: key, among: defaultTable.keys))
                    .diagnostic(at: SourceLocation(file: reference.file, line: reference.line, column: reference.column), quote: quote))
            }
        }
        for key in usedBySwift where defaultTable[key] == nil {
            diagnostics.append(SiteError.missingBuiltInUIString(key: key, table: "locales/\(defaultLocale).json").diagnostic())
        }
        for key in defaultTable.keys.sorted() where !used.contains(key) {
            let (location, quote) = defaultTable[key]!.position()
            diagnostics.append(SiteError.unusedUIString(key: key).diagnostic(at: location, quote: quote))
        }
        // The language switcher names each locale by its own table's `language.name`: one that
        // falls back would show the locale under the default language's name.
        if let defaultName = defaultTable["language.name"]?.value {
            for locale in site.config.locales where locale != defaultLocale && site.strings[locale]?.entries["language.name"] == nil {
                diagnostics.append(SiteError.untranslatedLanguageName(locale: locale, defaultName: defaultName)
                    .diagnostic(at: SourceLocation(file: "locales/\(locale).json", line: 1, column: 1)))
            }
        }
        return diagnostics
    }
}
