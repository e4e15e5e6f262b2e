import Content
import Localization
import MarkdownRendering
import TemplateEngine

/// The data of one role page (and of its deep-dive article page) in one locale.
///
/// Text that fell back to the default locale is typeset with the default locale's rules (no
/// French spacing inside an English sentence on a French page).
///
/// A class: the page's sections and context share it, and it holds the site model and the
/// role, large values that a struct would copy (a retain for each of their references) every
/// time it is passed on.
final class RolePage: Sendable {
    let model: SiteModel
    let role: Role
    let locale: String
    let text: RoleText
    let strings: LocaleStrings
    /// The values UI strings may embed (the role page adds the verdict, which it renders).
    let arguments: MessageArguments
    /// The role's tasks by exposure, in the order of `Exposure.allCases`, each group in page
    /// order: the task section lists them and the UI strings count them, from one pass.
    let taskGroups: [(exposure: Exposure, tasks: [ItemText])]

    init(model: SiteModel, role: Role, locale: String) {
        self.model = model
        self.role = role
        self.locale = locale
        text = model.site.text(of: role, in: locale)
        strings = model.strings[locale]!
        taskGroups = Self.group(role.tasks, texts: text.taskTexts)
        arguments = Self.arguments(model: model, role: role, locale: locale, text: text, taskGroups: taskGroups)
    }

    /// The tasks' texts (`texts`, in the order of `tasks`) by their exposure.
    private static func group(_ tasks: [Role.Task], texts: [ItemText]) -> [(exposure: Exposure, tasks: [ItemText])] {
        Exposure.allCases.map { exposure in
            var group: [ItemText] = []
            group.reserveCapacity(tasks.count)
            for (task, text) in zip(tasks, texts) where task.exposure == exposure { group.append(text) }
            return (exposure, group)
        }
    }

    /// Whether `field` (`title`, `tasks.crud-endpoints`, `analysis`…) is shown in the default
    /// locale: the loader's record (`RoleText.fallbackFields`), never a comparison of strings, so
    /// a translation that happens to equal the original is still a translation.
    func isFallback(_ field: String) -> Bool {
        !text.fallbackFields.isEmpty && text.isFallback(field)
    }

    /// The `lang` of a field shown in this page: the default locale when it fell back, else
    /// null (it is in the page's own language). Templates put it on the element around the
    /// text, so screen readers and search engines read an English fallback as English.
    func lang(_ field: String) -> TemplateValue {
        isFallback(field) ? .string(model.defaultLocale) : .null
    }

    /// Plain text typeset for the language it is written in.
    func typeset(_ value: String, field: String) -> String {
        shown(value, isFallback: isFallback(field)).text
    }

    /// An item's text (a task's, a skill's name, a tool's reason), `missing` when it has none,
    /// typeset, with its `lang`.
    func shownItem(_ item: ItemText, missing: String) -> ShownText {
        shown(item.text ?? missing, isFallback: item.isFallback)
    }

    /// `value` typeset by the rules of the language it is in, and the `lang` that marks it when
    /// that is the default locale's, not the page's (`lang(_:)`).
    private func shown(_ value: String, isFallback: Bool) -> ShownText {
        isFallback
            ? ShownText(text: strings.defaultRules.typography(text: value), lang: .string(model.defaultLocale))
            : ShownText(text: strings.rules.typography(text: value), lang: .null)
    }

    /// Markdown as HTML, typeset, with its tables in labelled scroll regions and its task-list
    /// checkboxes labelled (`AccessibleProse`).
    func html(_ markdown: String, field: String, renderer: MarkdownRenderer) -> String {
        let rules = isFallback(field) ? strings.defaultRules : strings.rules
        let rendered = renderer.html(markdown) { MarkdownChecks.resolveRoleLink($0, urls: model.urls, in: locale) }
        var html = AccessibleProse.labelTaskCheckboxes(rendered)
        if html.containsBytes("<table>") {
            html = AccessibleProse.wrapTables(html, label: strings.format(.deepDiveTable, strings.resolve(arguments)).text)
        }
        return rules.typography(html: html)
    }

    var url: String { model.urls.role(role.slug, in: locale) }

    private func breadcrumbs(_ values: ResolvedArguments) -> [(name: UIText, url: String)] {
        [(strings.format(.navHome, values), model.urls.index(locale)), (shown(text.title, field: "title"), url)]
    }

    /// The language `field` is written in on this page.
    func language(_ field: String) -> String {
        isFallback(field) ? model.defaultLocale : locale
    }

    /// Plain text of `field` in both forms: typeset, and marked with `lang` when it fell back.
    func shown(_ value: String, field: String) -> UIText {
        UIText(content: typeset(value, field: field), language: language(field), pageLocale: locale)
    }

    // MARK: Role page

    /// The page's data: what every page has (`page`, `t`, `nav`, `site`, `assets`), the role's
    /// own values in `role` (`baseValues`), each section's values added to `role` by the
    /// section's type (`RolePageSection`), and `sections`, the partials in page order. Only the
    /// sections the page shows are built.
    func data() -> TemplateValue {
        let context = context()
        let page = model.page(
            locale: locale,
            title: strings.format(.heroTitle, context.values).text,
            description: typeset(text.description, field: "description"),
            path: url,
            alternates: model.alternates(url: { model.urls.role(role.slug, in: $0) }, xDefault: model.urls.role(role.slug, in: model.defaultLocale)),
            breadcrumbs: context.breadcrumbs,
            jsonLD: [faqJSON(context.faq), model.breadcrumbJSON(context.breadcrumbs)],
            image: role.image
        )
        var value = baseValues()
        for section in model.roleSections {
            value.merge(section.data(for: context))
        }
        let languages = model.languages(current: locale) { model.urls.role(role.slug, in: $0) }
        var extra = TemplateObject(minimumCapacity: 3)
        extra[.role] = .object(value)
        extra[.report] = model.roleReport
        extra[.sections] = model.roleSectionPartials
        return model.pageData(locale: locale, page: page, t: strings.tree(context.values), languages: languages, extra: extra)
    }

    /// What the sections share, computed once per page: the verdict is rendered once (the
    /// verdict section shows it, the FAQ quotes it), and the FAQ entries feed both the FAQ
    /// section and the page's JSON-LD.
    func context() -> RolePageContext {
        let verdictHTML = html(text.verdictMarkdown, field: "verdict", renderer: model.sectionMarkdown)
        var arguments = self.arguments
        arguments.text[.verdict] = LocalizedText(text: PlainText.fromHTML(verdictHTML), locale: language("verdict"))
        let values = strings.resolve(arguments)
        return RolePageContext(page: self, values: values, verdictHTML: verdictHTML, faq: faqEntries(values), breadcrumbs: breadcrumbs(values))
    }

    /// The UI strings the role and article pages format themselves, beside those of their
    /// sections (`RolePageSection.uiStrings`).
    static let uiStrings: [UIStringKey] = [
        .navHome, .heroTitle, .deepDiveLink, .deepDiveDescription, .deepDiveTable,
        .faqReplaceQuestion, .faqReplaceAnswer, .faqAtRiskQuestion, .faqAtRiskAnswer,
        .faqSkillsQuestion, .faqSkillsAnswer, .faqTimelineQuestion, .faqTimelineAnswer,
    ]

    private func faqJSON(_ faq: [FAQEntry]) -> String {
        JSONLD.schemaList("FAQPage", in: "mainEntity") { json in
            for entry in faq {
                json.object { json in
                    json.member("@type", "Question")
                    json.member("name", entry.question.text)
                    json.key("acceptedAnswer")
                    json.object { json in
                        json.member("@type", "Answer")
                        json.member("text", entry.answer.text)
                    }
                }
            }
        }
    }

    /// The `role` values every section may read: who the role is and its figures, formatted
    /// for the locale, with which of them are illustrative.
    private func baseValues() -> TemplateObject {
        var illustrative = TemplateObject(minimumCapacity: Role.illustrativeFigures.count)
        for figure in Role.illustrativeFigures {
            illustrative[figure] = .bool(role.illustrative.contains(figure))
        }
        let sector = model.site.sector(role.sector).map { strings.shown(model.site.sectorName($0, in: locale)) }
        // Room for the sections' values too (`data()` adds them).
        var values = TemplateObject(minimumCapacity: 16 + 32)
        values[.slug] = .string(role.slug)
        values[.url] = .string(url)
        values[.title] = .string(typeset(text.title, field: "title"))
        values[.titlePlural] = .string(typeset(text.titlePlural, field: "titlePlural"))
        values[.description] = .string(typeset(text.description, field: "description"))
        values[.descriptionLang] = lang("description")
        values[.sector] = .string(sector?.text ?? role.sector)
        values[.sectorLang] = sector?.lang ?? .null
        values[.riskScore] = .string(strings.number(role.riskScore))
        values[.automationPotential] = .string(strings.percent(role.automationPotential))
        values[.saferPeersPercent] = .string(strings.percent(role.saferPeersPercent))
        values[.saferPeersValue] = .int(role.saferPeersPercent)
        values[.salaryPremium] = .string(strings.percent(role.salaryPremium))
        values[.illustrative] = .object(illustrative)
        values[.hasIllustrative] = .bool(!role.illustrative.isEmpty)
        values[.lastReviewedISO] = .string(role.lastReviewed.description)
        return values
    }

    /// The standard questions come from the UI strings, filled with the role's data; the
    /// role's own questions follow. A standard question with nothing to say is left out.
    private func faqEntries(_ values: ResolvedArguments) -> [FAQEntry] {
        var entries: [FAQEntry] = []
        entries.append(FAQEntry(question: strings.format(.faqReplaceQuestion, values), answer: strings.format(.faqReplaceAnswer, values), lang: .null))
        if arguments.lists[.topAutomatedTasks] != nil {
            entries.append(FAQEntry(question: strings.format(.faqAtRiskQuestion, values), answer: strings.format(.faqAtRiskAnswer, values), lang: .null))
        }
        if arguments.text[.topQuickWins] != nil {
            entries.append(FAQEntry(question: strings.format(.faqSkillsQuestion, values), answer: strings.format(.faqSkillsAnswer, values), lang: .null))
        }
        entries.append(FAQEntry(question: strings.format(.faqTimelineQuestion, values), answer: strings.format(.faqTimelineAnswer, values), lang: .null))
        for item in text.faq {
            // The item carries its `lang` itself (on its element), so its parts need none.
            let question = typeset(item.question, field: "faq")
            let answer = typeset(item.answer, field: "faq")
            entries.append(FAQEntry(
                question: UIText(html: HTMLEscaping.escape(question), text: question), answer: UIText(html: HTMLEscaping.escape(answer), text: answer),
                lang: lang("faq")))
        }
        return entries
    }

    private static func arguments(
        model: SiteModel, role: Role, locale: String, text: RoleText, taskGroups: [(exposure: Exposure, tasks: [ItemText])]
    ) -> MessageArguments {
        var arguments = MessageArguments()
        // Room for what a role page gives at once (grown one insert at a time, each table was
        // allocated and hashed again as it grew, on every page).
        arguments.text.reserveCapacity(8)
        arguments.numbers.reserveCapacity(8)
        arguments.percents.reserveCapacity(4)
        func language(_ field: String) -> String { text.isFallback(field) ? model.defaultLocale : locale }
        arguments.text[.title] = LocalizedText(text: text.title, locale: language("title"))
        arguments.text[.titlePlural] = LocalizedText(text: text.titlePlural, locale: language("titlePlural"))
        arguments.text[.siteTitle] = LocalizedText(text: model.site.config.title, locale: model.defaultLocale)
        if let sector = model.site.sector(role.sector) {
            arguments.text[.sector] = model.site.sectorName(sector, in: locale)
        }
        func tasks(_ exposure: Exposure) -> [ItemText] { taskGroups.first { $0.exposure == exposure }?.tasks ?? [] }
        let automated = tasks(.automated)
        if !automated.isEmpty {
            let shown = automated.prefix(3)
            arguments.lists[.topAutomatedTasks] = shown.map { LocalizedText(text: $0.text ?? $0.id, locale: $0.isFallback ? model.defaultLocale : locale) }
            arguments.numbers[.moreAutomatedCount] = automated.count - shown.count
        }
        if !text.quickWins.isEmpty {
            let rules = model.strings[locale]!.rules
            arguments.text[.topQuickWins] = LocalizedText(text: rules.sentences(Array(text.quickWins.prefix(2))), locale: language("quickWins"))
        }
        arguments.numbers[.riskScore] = role.riskScore
        arguments.numbers[.automatedCount] = automated.count
        arguments.numbers[.oversightCount] = tasks(.oversight).count
        arguments.numbers[.safeCount] = tasks(.safe).count
        arguments.numbers[.roleCount] = model.site.roles.count
        if let stats = model.sectorStats[role.sector] {
            arguments.numbers[.sectorAverage] = stats.average
            arguments.numbers[.sectorRoleCount] = stats.count
        }
        arguments.percents[.automationPotential] = role.automationPotential
        arguments.percents[.saferPeersPercent] = role.saferPeersPercent
        arguments.percents[.salaryPremium] = role.salaryPremium
        arguments.yearRange = (role.impactYears.from, role.impactYears.to)
        arguments.date = (role.lastReviewed.year, role.lastReviewed.month, role.lastReviewed.day)
        return arguments
    }

    // MARK: Deep-dive article page

    func articleData() -> TemplateValue? {
        guard let article = text.articleMarkdown else { return nil }
        let path = model.urls.article(role.slug, in: locale)
        let values = strings.resolve(arguments)
        let title = strings.format(.deepDiveLink, values)
        let crumbs = breadcrumbs(values) + [(title, path)]
        let page = model.page(
            locale: locale, title: title.text, description: strings.format(.deepDiveDescription, values).text, path: path,
            alternates: model.alternates(
                url: { model.urls.article(role.slug, in: $0) }, xDefault: model.urls.article(role.slug, in: model.defaultLocale),
                in: model.articleLocales(of: role)),
            ogType: "article", breadcrumbs: crumbs, jsonLD: [model.breadcrumbJSON(crumbs)], image: role.image)
        let roleValue: TemplateValue = .object([
            "url": .string(url),
            "articleHTML": .string(html(article, field: "article", renderer: model.articleMarkdown)),
            "articleLang": lang("article"),
        ])
        // A locale without the article switches to its role page, which links to the article.
        let articleLocales = model.articleLocales(of: role)
        let languages = model.languages(current: locale) {
            articleLocales.contains($0) ? model.urls.article(role.slug, in: $0) : model.urls.role(role.slug, in: $0)
        }
        return model.pageData(locale: locale, page: page, t: strings.tree(values, only: model.articleStringKeys), languages: languages, extra: ["role": roleValue])
    }
}
