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
    /// Keys formatted in Swift rather than in templates: every `UIStringKey`.
    static var usedBySwift: [String] { UIStringKey.allCases.map(\.rawValue) }

    /// A page's UI strings come in two forms: `t.key` is markup for element content, written
    /// `{{{t.key}}}` (escaped text with `<span lang>` around what is not in the page's
    /// language), and `tText.key` is plain text for attributes, written `{{tText.key}}`.
    enum Form: CaseIterable {
        case markup, text

        var prefix: String {
            switch self {
            case .markup: "t."
            case .text: "tText."
            }
        }
    }

    /// The UI-string key a template reference names (`t.nav.home` → `nav.home`) and in which
    /// form, or nil when it names something else.
    static func key(ofReference name: String) -> (key: String, form: Form)? {
        for form in Form.allCases where name.hasPrefix(form.prefix) {
            return (String(name.dropFirst(form.prefix.count)), form)
        }
        return nil
    }

    /// Every UI-string key the templates use, by the form they use it in.
    static func templateForms(_ templates: TemplateSet) -> UIStringForms {
        var forms = UIStringForms()
        for reference in templates.references {
            switch key(ofReference: reference.name) {
            case (let key, .markup)?: forms.markup.insert(key)
            case (let key, .text)?: forms.text.insert(key)
            case nil: break
            }
        }
        return forms
    }

    /// The UI-string keys a page rendered with template `name` can show (its partials and
    /// layouts included), or nil when it includes a template the data names, which could
    /// show any.
    static func templateKeys(_ templates: TemplateSet, page name: String) -> Set<String>? {
        templates.references(reachableFrom: name).map(keys(in:))
    }

    private static func keys(in references: [TemplateReference]) -> Set<String> {
        Set(references.compactMap { key(ofReference: $0.name)?.key })
    }

    /// A tag that uses a form the wrong way: `{{t.key}}` would show the markup's spans as
    /// text, `{{{tText.key}}}` would put a translator's `<` into the page unescaped. The tag is
    /// read from the quoted line (a file that changes its delimiters is not checked).
    private static func misuse(of reference: TemplateReference, form: Form, key: String) -> SiteError? {
        let tag = reference.sourceLine.unicodeScalars.dropFirst(reference.caretColumn - 1)
        guard tag.starts(with: "{{".unicodeScalars) else { return nil }
        let sigil = tag.dropFirst(2).first.map(Character.init)
        let unescaped = sigil == "{" || sigil == "&"
        let isVariable = unescaped || !["#", "^", "/", ">", "<", "$", "!", "="].contains(sigil)
        guard isVariable else { return nil }
        switch form {
        case .markup where !unescaped: return .escapedUIStringMarkup(key: key)
        case .text where unescaped: return .unescapedUIStringText(key: key)
        default: return nil
        }
    }

    /// Where a missing `key` belongs in `table`: at the last-written string of the object it
    /// would be in (`faq.atRisk.question` beside `faq.atRisk.answer`, else in `faq`), or nil
    /// when the table has no string under its first segment.
    private static func place(of key: String, in table: [String: StringEntry]) -> (SourceLocation, QuotedLine?)? {
        var prefix = key.split(separator: ".").dropLast().map(String.init)
        while !prefix.isEmpty {
            let start = prefix.joined(separator: ".") + "."
            let siblings = table.filter { $0.key.hasPrefix(start) }.values
            if let last = siblings.max(by: { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }) {
                let (location, quote) = last.position()
                return (location, quote)
            }
            prefix.removeLast()
        }
        return nil
    }

    /// The diagnostics, and the default-table keys found misspelt: a translation's "not in the
    /// default table — did you mean <that typo>?" warning only repeats that root cause.
    static func check(_ templates: TemplateSet, _ site: SiteContent) -> (diagnostics: [Diagnostic], misspeltKeys: Set<String>) {
        let defaultLocale = site.config.defaultLocale
        let defaultTable = site.strings[defaultLocale]?.entries ?? [:]
        var diagnostics: [Diagnostic] = []
        let templateReferences = templates.references.compactMap { reference in
            key(ofReference: reference.name).map { (reference: reference, key: $0.key, form: $0.form) }
        }
        var used = Set(usedBySwift)
        for reference in templateReferences { used.insert(reference.key) }
        let otherTables = site.config.locales.filter { $0 != defaultLocale }.compactMap { site.strings[$0]?.entries }
        var misspeltDefinitions: Set<String> = []
        for (reference, key, form) in templateReferences {
            if let misuse = misuse(of: reference, form: form, key: key) {
                let location = SourceLocation(file: reference.file, line: reference.line, column: reference.column)
                diagnostics.append(misuse.diagnostic(at: location, quote: QuotedLine(text: reference.sourceLine, caretColumn: reference.caretColumn)))
            }
            guard defaultTable[key] == nil else { continue }
            let location = SourceLocation(file: reference.file, line: reference.line, column: reference.column)
            let quote = QuotedLine(text: reference.sourceLine, caretColumn: reference.caretColumn)
            // `t.hero` where the table has `hero.title`: not a typo of a string, a group.
            let groupPrefix = key + "."
            if let example = defaultTable.keys.filter({ $0.hasPrefix(groupPrefix) }).min() {
                diagnostics.append(SiteError.uiStringGroup(key: key, example: example).diagnostic(at: location, quote: quote))
                continue
            }
            let nearest = closestMatch(to: key, among: defaultTable.keys)
            // Which of the two names is the typo? A nearest key that something uses is right,
            // so the template is wrong. One nothing uses is suspect: the translations decide
            // (they agree with whichever is right); when they do not tell, neither is suggested
            // as the fix for the other.
            guard let nearest, !used.contains(nearest) else {
                diagnostics.append(SiteError.unknownUIString(key: key, suggestion: nearest).diagnostic(at: location, quote: quote))
                continue
            }
            let translationsHaveKey = otherTables.contains { $0[key] != nil && $0[nearest] == nil }
            let translationsHaveNearest = otherTables.contains { $0[nearest] != nil && $0[key] == nil }
            if translationsHaveKey && !translationsHaveNearest, !misspeltDefinitions.contains(nearest) {
                // The default table is misspelt: report it there, once, instead of at the template.
                misspeltDefinitions.insert(nearest)
                let (definition, definitionQuote) = defaultTable[nearest]!.position()
                diagnostics.append(SiteError.misspeltUIStringKey(key: nearest, meant: key).diagnostic(at: definition, quote: definitionQuote))
            } else if translationsHaveNearest && !translationsHaveKey {
                diagnostics.append(SiteError.unknownUIString(key: key, suggestion: nearest).diagnostic(at: location, quote: quote))
            } else if !misspeltDefinitions.contains(nearest) {
                diagnostics.append(SiteError.unknownUIStringNearUnused(key: key, unused: nearest, table: "locales/\(defaultLocale).json")
                    .diagnostic(at: location, quote: quote))
            }
        }
        // A misspelt key's "unused" warning would repeat it.
        for key in misspeltDefinitions { used.insert(key) }
        for key in usedBySwift where defaultTable[key] == nil {
            let table = "locales/\(defaultLocale).json"
            let (location, quote) = place(of: key, in: defaultTable) ?? (SourceLocation(file: table, line: 1, column: 1), nil)
            diagnostics.append(SiteError.missingBuiltInUIString(key: key, table: table).diagnostic(at: location, quote: quote))
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
        return (diagnostics, misspeltDefinitions)
    }
}

/// The UI-string keys templates use, by form: a page's `t` object holds the keys some template
/// writes as `t.key`, its `tText` those written `tText.key` (a few: attributes), so a page
/// builds and copies each string only in the forms a template can show.
struct UIStringForms: Sendable {
    var markup: Set<String> = []
    var text: Set<String> = []

    /// Which forms one key is used in.
    struct Use: Sendable {
        var markup = false
        var text = false
        static let both = Use(markup: true, text: true)
    }

    func use(of key: String) -> Use {
        Use(markup: markup.contains(key), text: text.contains(key))
    }
}
