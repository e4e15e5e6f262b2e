extension Role {
    /// The role's text in `locale` with fallback to the default locale, and the fields that fell
    /// back (`title`, `tasks.crud-endpoints`, `analysis`, …).
    ///
    /// The one place fallback is decided: pages get the text from here and the loader records
    /// the fallbacks from here, so what is reported is exactly what is shown. A field counts as
    /// falling back only when the default locale has a value for it (an absent optional FAQ is
    /// not a missing translation).
    func resolvedText(in locale: String, defaultLocale: String) -> (text: RoleText, fellBack: [String]) {
        let base = texts[defaultLocale] ?? RoleLocaleText()
        let own = texts[locale] ?? RoleLocaleText()
        var fellBack: [String] = []

        func pick<Value>(_ field: String, _ path: KeyPath<RoleLocaleText, Value?>) -> Value? {
            if let value = own[keyPath: path] { return value }
            if base[keyPath: path] != nil { fellBack.append(field) }
            return base[keyPath: path]
        }
        func pickEach(_ field: String, _ ids: [String], _ path: KeyPath<RoleLocaleText, [String: String]>) -> [String: String] {
            let (ownTexts, baseTexts) = (own[keyPath: path], base[keyPath: path])
            var picked: [String: String] = [:]
            for id in ids {
                if let value = ownTexts[id] {
                    picked[id] = value
                } else if let value = baseTexts[id] {
                    picked[id] = value
                    fellBack.append("\(field).\(id)")
                }
            }
            return picked
        }

        let hasArticle = base.articleMarkdown != nil
        let text = RoleText(
            title: pick("title", \.title) ?? "",
            titlePlural: pick("titlePlural", \.titlePlural) ?? "",
            description: pick("description", \.description) ?? "",
            tasks: pickEach("tasks", tasks.map(\.id), \.tasks),
            skills: pickEach("skills", skills.map(\.id), \.skills),
            toolReasons: pickEach("toolReasons", toolsToLearn, \.toolReasons),
            roadmap: pick("roadmap", \.roadmap) ?? [],
            quickWins: pick("quickWins", \.quickWins) ?? [],
            faq: pick("faq", \.faq) ?? [],
            analysisMarkdown: pick("analysis", \.analysisMarkdown) ?? "",
            verdictMarkdown: pick("verdict", \.verdictMarkdown) ?? "",
            articleMarkdown: hasArticle ? pick("article", \.articleMarkdown) : nil
        )
        return (text, fellBack)
    }
}
