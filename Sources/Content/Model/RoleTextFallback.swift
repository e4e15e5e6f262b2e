extension Role {
    /// The role's text in `locale` with fallback to the default locale, and one translation unit
    /// per value a translation of `locale` could give (none for the default locale itself).
    ///
    /// The one place role-text fallback is decided: pages get the text from here, and the
    /// fallbacks, the translation status and the outdated checks are read from the units, so
    /// what is reported is exactly what is shown. A value counts only when the default locale
    /// has it (an absent optional FAQ is nothing to translate). Without `recordingUnits` (a
    /// role read again for its pages, whose units were recorded when it was loaded) no unit is
    /// made, and the text is the same.
    func resolvedText(in locale: String, defaultLocale: String, recordingUnits: Bool = true) -> (text: RoleText, units: [TranslationUnit]) {
        let base = texts[defaultLocale] ?? RoleLocaleText()
        let own = locale == defaultLocale ? base : (texts[locale] ?? RoleLocaleText())
        var units: [TranslationUnit] = []
        /// Made a set once at the end: grown one insert at a time, the set hashed its fields
        /// again at each doubling.
        var fallbackFields: [String] = []
        /// The role, locale and path the units of `<locale>.json` share (made on first use).
        var textOrigin: TranslationOrigin?

        /// Records a value the default locale has; an empty one (no roadmap, no quick wins) is
        /// nothing to translate, so it is neither a translation nor a fallback. True when it is
        /// a fallback (then in `fallbackFields`).
        /// Without units only a fallback is noted: the field's name and the source (a whole
        /// roadmap put together) are worked out for nothing else.
        /// `sourceIsEmpty` is `source().isEmpty` without putting the source together. `markdown`:
        /// the field is that Markdown file (its unit has no key), else a value of `<locale>.json`.
        @discardableResult
        func note(
            _ field: @autoclosure () -> String, markdown: MarkdownKind? = nil, translated: Bool, source: @autoclosure () -> String,
            sourceIsEmpty: @autoclosure () -> Bool
        ) -> Bool {
            guard locale != defaultLocale else { return false }
            guard recordingUnits else {
                guard !translated, !sourceIsEmpty() else { return false }
                fallbackFields.append(field())
                return true
            }
            let field = field()
            let source = source()
            guard !source.isEmpty else { return false }
            /// A Markdown file has one unit, the text file many: only the text file's origin is kept.
            func newOrigin(of file: RoleFile) -> TranslationOrigin {
                TranslationOrigin(role: slug, locale: locale, file: "content/roles/\(slug)/\(file.name)")
            }
            let origin: TranslationOrigin
            if let markdown {
                origin = newOrigin(of: .markdown(markdown, locale: locale))
            } else {
                origin = textOrigin ?? newOrigin(of: .text(locale: locale))
                textOrigin = origin
            }
            units.append(TranslationUnit(origin: origin, field: field, key: markdown == nil ? field : nil, isTranslated: translated, source: source))
            if !translated { fallbackFields.append(field) }
            return !translated
        }
        /// The values are handed over, not key paths into the texts: reading through a key path
        /// copied the whole `RoleLocaleText` each time (a dozen retains and releases per field).
        func pick<Value>(
            _ field: String, _ baseValue: Value?, _ ownValue: Value?, markdown: MarkdownKind? = nil, source: (Value) -> String,
            sourceIsEmpty: (Value) -> Bool
        ) -> Value? {
            guard let baseValue else { return ownValue }
            note(field, markdown: markdown, translated: ownValue != nil, source: source(baseValue), sourceIsEmpty: sourceIsEmpty(baseValue))
            return ownValue ?? baseValue
        }
        func pickText(_ field: String, _ baseValue: String?, _ ownValue: String?) -> String? {
            pick(field, baseValue, ownValue, source: { $0 }, sourceIsEmpty: \.isEmpty)
        }
        /// A Markdown file's text: its field is named by its kind.
        func pickMarkdown(_ kind: MarkdownKind, _ baseValue: String?, _ ownValue: String?) -> String? {
            pick(kind.rawValue, baseValue, ownValue, markdown: kind, source: { $0 }, sourceIsEmpty: \.isEmpty)
        }
        let recordsUnits = recordingUnits && locale != defaultLocale
        /// The indexes of `ids`, in the order of the ids when units are recorded.
        func inUnitOrder(_ ids: [String]) -> [Int] { recordsUnits ? ids.indices.sorted { ids[$0] < ids[$1] } : Array(ids.indices) }
        /// The texts of the items `ids` (the role's facts), in their order. Their units are
        /// noted in the order units are sorted in (`inUnitOrder`).
        func pickEach(_ field: String, _ ids: [String], _ baseTexts: [String?], _ ownTexts: [String?]) -> [ItemText] {
            let isDefault = locale == defaultLocale
            var items = ids.map { ItemText(id: $0, text: nil, isFallback: false) }
            /// `tasks.` once: an interpolation per id cost more than the rest of its unit.
            let prefix = field + "."
            for index in inUnitOrder(ids) {
                let id = ids[index]
                guard index < baseTexts.count, let baseValue = baseTexts[index] else { continue }
                let ownValue = isDefault ? baseValue : index < ownTexts.count ? ownTexts[index] : nil
                items[index].isFallback = note(prefix + id, translated: ownValue != nil, source: baseValue, sourceIsEmpty: baseValue.isEmpty)
                items[index].text = ownValue ?? baseValue
            }
            return items
        }

        let hasArticle = base.articleMarkdown != nil
        // Picked in the order of the fields' names, each list's ids sorted, so that the units
        // come out in the order they are sorted in (`TranslationUnit`, which the loader sorts
        // them by): that sort then only checks them, instead of moving most of them.
        let analysisMarkdown = pickMarkdown(.analysis, base.analysisMarkdown, own.analysisMarkdown) ?? ""
        let articleMarkdown = hasArticle ? pickMarkdown(.article, base.articleMarkdown, own.articleMarkdown) : nil
        let description = pickText("description", base.description, own.description) ?? ""
        // A phase's or an entry's source always holds a line break, so those sources are
        // empty exactly when there is none; lines joined are empty when all (at most one) are.
        let faq = pick("faq", base.faq, own.faq, source: RoleTextField.source(of:), sourceIsEmpty: \.isEmpty) ?? []
        let quickWins = pick("quickWins", base.quickWins, own.quickWins, source: RoleTextField.source(ofQuickWins:),
                             sourceIsEmpty: { $0.count <= 1 && ($0.first ?? "").isEmpty }) ?? []
        let roadmap = pick("roadmap", base.roadmap, own.roadmap, source: RoleTextField.source(of:), sourceIsEmpty: \.isEmpty) ?? []
        let skills = pickEach("skills", skills.map(\.id), base.skillTexts, own.skillTexts)
        let tasks = pickEach("tasks", tasks.map(\.id), base.taskTexts, own.taskTexts)
        let title = pickText("title", base.title, own.title) ?? ""
        let titlePlural = pickText("titlePlural", base.titlePlural, own.titlePlural) ?? ""
        let toolReasons = pickEach("toolReasons", toolsToLearn, base.toolReasonTexts, own.toolReasonTexts)
        let verdictMarkdown = pickMarkdown(.verdict, base.verdictMarkdown, own.verdictMarkdown) ?? ""
        let text = RoleText(
            title: title, titlePlural: titlePlural, description: description, taskTexts: tasks, skillTexts: skills,
            toolReasonTexts: toolReasons, roadmap: roadmap, quickWins: quickWins, faq: faq, analysisMarkdown: analysisMarkdown,
            verdictMarkdown: verdictMarkdown, articleMarkdown: articleMarkdown, recordedFallbackFields: Set(fallbackFields)
        )
        return (text, units)
    }
}

/// The sources of a role text's composite fields as translation units give them. (Which file
/// a field is written in is known where it is picked: `pickMarkdown` names a Markdown file.)
enum RoleTextField {
    /// A roadmap as one text: each phase's title, timeframe, summary and steps on lines.
    static func source(of roadmap: [RoadmapPhase]) -> String {
        lines(of: roadmap) { phase, line in
            line(phase.title)
            line(phase.timeframe)
            if let summary = phase.summary { line(summary) }
            for step in phase.steps { line(step) }
        }
    }

    /// FAQ entries as one text: question and answer on lines.
    static func source(of faq: [FAQEntry]) -> String {
        lines(of: faq) { entry, line in
            line(entry.question)
            line(entry.answer)
        }
    }

    /// Quick wins as one text, one to a line.
    static func source(ofQuickWins quickWins: [String]) -> String {
        lines(of: [quickWins]) { wins, line in wins.forEach(line) }
    }

    /// Groups of lines as one text: each line on its own, the groups apart by a blank line.
    ///
    /// Appended to one string with room for all of it: joining the lines of each group, then
    /// the groups, cost more than the rest of a role's units. (UTF-8 bytes made a string once
    /// cost as much: the string checks them all again.)
    private static func lines<Group>(of groups: [Group], _ forEachLine: (Group, (String) -> Void) -> Void) -> String {
        var length = 0
        for group in groups { forEachLine(group) { length += $0.utf8.count + 2 } }
        var text = ""
        text.reserveCapacity(length)
        for (index, group) in groups.enumerated() {
            if index > 0 { text += "\n\n" }
            var isFirstLine = true
            forEachLine(group) { line in
                if !isFirstLine { text += "\n" }
                text += line
                isFirstLine = false
            }
        }
        return text
    }
}
