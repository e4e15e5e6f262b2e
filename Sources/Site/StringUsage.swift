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
                diagnostics.append(SiteError.unknownUIString(key: key, suggestion: closestMatch(to: key, among: defaultTable.keys))
                    .diagnostic(at: SourceLocation(file: reference.file, line: reference.line, column: reference.column)))
            }
        }
        for key in usedBySwift where defaultTable[key] == nil {
            diagnostics.append(SiteError.missingBuiltInUIString(key: key, table: "locales/\(defaultLocale).json").diagnostic())
        }
        for key in defaultTable.keys.sorted() where !used.contains(key) {
            diagnostics.append(SiteError.unusedUIString(key: key).diagnostic(at: defaultTable[key]!.location))
        }
        return diagnostics
    }
}
