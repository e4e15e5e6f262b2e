import Content
import Localization
import Markdown
import TemplateEngine

/// The data of one role page (and of its deep-dive article page) in one locale.
///
/// Text that fell back to the default locale is typeset with the default locale's rules (no
/// French spacing inside an English sentence on a French page).
struct RolePage {
    let model: SiteModel
    let role: Role
    let locale: String
    let text: RoleText
    let strings: LocaleStrings
    /// The values UI strings may embed (the role page adds the verdict, which it renders).
    let arguments: MessageArguments

    init(model: SiteModel, role: Role, locale: String) {
        self.model = model
        self.role = role
        self.locale = locale
        text = model.site.text(of: role, in: locale)
        strings = model.strings[locale]!
        arguments = Self.arguments(model: model, role: role, locale: locale, text: text)
    }

    /// Whether `field` (`title`, `tasks.crud-endpoints`, `analysis`…) is shown in the default
    /// locale: the loader's record (`RoleText.fallbackFields`), never a comparison of strings, so
    /// a translation that happens to equal the original is still a translation.
    private func isFallback(_ field: String) -> Bool {
        text.isFallback(field)
    }

    /// The `lang` of a field shown in this page: the default locale when it fell back, else
    /// null (it is in the page's own language). Templates put it on the element around the
    /// text, so screen readers and search engines read an English fallback as English.
    private func lang(_ field: String) -> TemplateValue {
        isFallback(field) ? .string(model.defaultLocale) : .null
    }

    /// Plain text typeset for the language it is written in.
    private func typeset(_ value: String, field: String) -> String {
        (isFallback(field) ? strings.defaultRules : strings.rules).typography(text: value)
    }

    /// Markdown as HTML, typeset, with its tables in labelled scroll regions and its task-list
    /// checkboxes labelled (`AccessibleProse`).
    private func html(_ markdown: String, field: String, renderer: MarkdownRenderer) -> String {
        let rules = isFallback(field) ? strings.defaultRules : strings.rules
        let rendered = renderer.html(markdown) { MarkdownChecks.resolveRoleLink($0, urls: model.urls, in: locale) }
        var html = AccessibleProse.labelTaskCheckboxes(rendered)
        if html.containsBytes("<table>") {
            html = AccessibleProse.wrapTables(html, label: strings.format("deepDive.table", strings.resolve(arguments)))
        }
        return rules.typography(html: html)
    }

    var url: String { model.urls.role(role.slug, in: locale) }

    private func breadcrumbs(_ values: ResolvedArguments) -> [(name: String, url: String)] {
        [(strings.format("nav.home", values), model.urls.index(locale)), (typeset(text.title, field: "title"), url)]
    }

    // MARK: Role page

    func data() -> TemplateValue {
        let rules = strings.rules
        // Rendered once: the page shows the verdict and the FAQ quotes it.
        let verdictHTML = html(text.verdictMarkdown, field: "verdict", renderer: model.sectionMarkdown)
        var arguments = self.arguments
        arguments.text["verdict"] = PlainText.fromHTML(verdictHTML)
        let values = strings.resolve(arguments)
        let breadcrumbs = breadcrumbs(values)
        let faq = faqEntries(values)
        let faqJSON = JSONLD.object([
            ("@context", .string("https://schema.org")),
            ("@type", .string("FAQPage")),
            ("mainEntity", .array(faq.map { entry in
                .object([
                    ("@type", .string("Question")),
                    ("name", .string(entry.question)),
                    ("acceptedAnswer", .object([("@type", .string("Answer")), ("text", .string(entry.answer))])),
                ])
            })),
        ])
        let page = model.page(
            locale: locale,
            title: strings.format("hero.title", values),
            description: typeset(text.description, field: "description"),
            path: url,
            alternates: model.alternates(url: { model.urls.role(role.slug, in: $0) }, xDefault: model.urls.role(role.slug, in: model.defaultLocale)),
            breadcrumbs: breadcrumbs,
            jsonLD: [faqJSON, model.breadcrumbJSON(breadcrumbs)],
            image: role.image
        )
        let sections = model.site.config.sections
        let report: TemplateValue = if sections.contains(.report), let endpoint = model.site.config.reportEndpoint {
            .object(["endpoint": .string(endpoint)])
        } else {
            .null
        }
        let related: [TemplateValue] = role.relatedRoles.compactMap { slug in
            guard let other = model.rolesBySlug[slug] else { return nil }
            let title = model.titles[locale]?[slug]
            return .object([
                "title": .string(title?.text ?? slug),
                "titleLang": title?.lang ?? .null,
                "url": .string(model.urls.role(slug, in: locale)),
                "riskScore": .string(rules.number(other.riskScore)),
                "level": .string(SiteModel.riskLevel(other.riskScore)),
            ])
        }
        var value = figures(values)
        value["slug"] = .string(role.slug)
        value["url"] = .string(url)
        value["title"] = .string(typeset(text.title, field: "title"))
        value["titlePlural"] = .string(typeset(text.titlePlural, field: "titlePlural"))
        value["description"] = .string(typeset(text.description, field: "description"))
        value["descriptionLang"] = lang("description")
        value["sector"] = .string(arguments.text["sector"] ?? role.sector)
        value["taskGroups"] = .array(taskGroups(values))
        value["replacingTools"] = .array(role.replacingTools.compactMap(toolValue))
        value["skillChart"] = SkillChart.value(
            role.skills.map { skill in
                let name = text.skills[skill.id] ?? skill.id
                return SkillChart.Skill(name: typeset(name, field: "skills.\(skill.id)"), resilience: skill.resilience, lang: lang("skills.\(skill.id)"))
            },
            number: rules.number)
        value["analysisHTML"] = .string(html(text.analysisMarkdown, field: "analysis", renderer: model.sectionMarkdown))
        value["analysisLang"] = lang("analysis")
        value["verdictHTML"] = .string(verdictHTML)
        value["verdictLang"] = lang("verdict")
        value["toolsToLearn"] = .array(role.toolsToLearn.compactMap { id -> TemplateValue? in
            guard case .object(var tool)? = toolValue(id) else { return nil }
            tool["reason"] = .string(typeset(text.toolReasons[id] ?? "", field: "toolReasons.\(id)"))
            tool["reasonLang"] = lang("toolReasons.\(id)")
            return .object(tool)
        })
        value["roadmap"] = .array(roadmap())
        value["quickWins"] = .array(text.quickWins.map { item in
            .object(["text": .string(typeset(item, field: "quickWins")), "lang": lang("quickWins")])
        })
        let articleLocales = model.articleLocales(of: role)
        if articleLocales.isEmpty {
            value["article"] = .null
        } else {
            // Without its own article, a locale links to the default locale's, in that language.
            let articleLocale = articleLocales.contains(locale) ? locale : model.defaultLocale
            value["article"] = .object([
                "url": .string(model.urls.article(role.slug, in: articleLocale)),
                "lang": articleLocale == locale ? .null : .string(articleLocale),
            ])
        }
        value["hasRelated"] = .bool(!related.isEmpty)
        value["related"] = .array(related)
        value["faq"] = .array(faq.map { .object(["question": .string($0.question), "answer": .string($0.answer), "lang": $0.lang]) })
        let roleValue = TemplateValue.object(value)
        let languages = model.languages(current: locale) { model.urls.role(role.slug, in: $0) }
        return model.pageData(locale: locale, page: page, t: strings.tree(values), languages: languages, extra: [
            "role": roleValue,
            "report": report,
            "sections": .array(sections.map { .object(["partial": .string("sections/" + Self.partialName($0))]) }),
        ])
    }

    /// The role's figures, formatted for the locale, with which of them are illustrative.
    private func figures(_ values: ResolvedArguments) -> [String: TemplateValue] {
        let rules = strings.rules
        var illustrative: [String: TemplateValue] = [:]
        for figure in Role.illustrativeFigures {
            illustrative[figure] = .bool(role.illustrative.contains(figure))
        }
        return [
            "riskScore": .string(rules.number(role.riskScore)),
            "automationPotential": .string(rules.percent(role.automationPotential)),
            "saferPeersPercent": .string(rules.percent(role.saferPeersPercent)),
            "saferPeersValue": .int(role.saferPeersPercent),
            "salaryPremium": .string(rules.percent(role.salaryPremium)),
            "demandTrend": .string(strings.format("salary.\(role.demandTrend.rawValue)", values)),
            "demandTrendID": .string(role.demandTrend.rawValue),
            "illustrative": .object(illustrative),
            "hasIllustrative": .bool(!role.illustrative.isEmpty),
            "lastReviewedISO": .string(role.lastReviewed.description),
        ]
    }

    private func roadmap() -> [TemplateValue] {
        let rules = strings.rules
        return text.roadmap.enumerated().map { index, phase in
            let steps: [TemplateValue] = phase.steps.map { .string(typeset($0, field: "roadmap")) }
            return .object([
                "number": .string(rules.number(index + 1)),
                "title": .string(typeset(phase.title, field: "roadmap")),
                "timeframe": .string(typeset(phase.timeframe, field: "roadmap")),
                "lang": lang("roadmap"),
                "summary": phase.summary.map { .string(typeset($0, field: "roadmap")) } ?? .null,
                "steps": .array(steps),
            ])
        }
    }

    private func toolValue(_ id: String) -> TemplateValue? {
        guard let tool = model.site.tool(id) else { return nil }
        let description = model.site.toolDescription(tool, in: locale)
        return .object([
            "name": .string(tool.name),
            "url": tool.url.map { .string($0) } ?? .null,
            "description": .string(strings.shown(description).text),
            "descriptionLang": strings.shown(description).lang,
        ])
    }

    private func taskGroups(_ values: ResolvedArguments) -> [TemplateValue] {
        [Exposure.automated, .oversight, .safe].map { exposure in
            let tasks = role.tasks.filter { $0.exposure == exposure }.map { task in
                let value = text.tasks[task.id] ?? task.id
                return TemplateValue.object(["text": .string(typeset(value, field: "tasks.\(task.id)")), "lang": lang("tasks.\(task.id)")])
            }
            return .object([
                "exposure": .string(exposure.rawValue),
                "label": .string(strings.format("tasks.\(exposure.rawValue)", values)),
                "count": .string(strings.format("tasks.\(exposure.rawValue)Count", values)),
                "hasTasks": .bool(!tasks.isEmpty),
                "tasks": .array(tasks),
            ])
        }
    }

    /// The standard questions come from the UI strings, filled with the role's data; the
    /// role's own questions follow. A standard question with nothing to say is left out.
    private func faqEntries(_ values: ResolvedArguments) -> [(question: String, answer: String, lang: TemplateValue)] {
        var entries: [(question: String, answer: String, lang: TemplateValue)] = []
        entries.append((strings.format("faq.replace.question", values), strings.format("faq.replace.answer", values), .null))
        if arguments.lists["topAutomatedTasks"] != nil {
            entries.append((strings.format("faq.atRisk.question", values), strings.format("faq.atRisk.answer", values), .null))
        }
        if arguments.text["topQuickWins"] != nil {
            entries.append((strings.format("faq.skills.question", values), strings.format("faq.skills.answer", values), .null))
        }
        entries.append((strings.format("faq.timeline.question", values), strings.format("faq.timeline.answer", values), .null))
        for item in text.faq {
            entries.append((typeset(item.question, field: "faq"), typeset(item.answer, field: "faq"), lang("faq")))
        }
        return entries
    }

    private static func arguments(model: SiteModel, role: Role, locale: String, text: RoleText) -> MessageArguments {
        var arguments = MessageArguments()
        arguments.text["title"] = text.title
        arguments.text["titlePlural"] = text.titlePlural
        arguments.text["siteTitle"] = model.site.config.title
        if let sector = model.site.sector(role.sector) {
            arguments.text["sector"] = model.site.sectorName(sector, in: locale).text
        }
        let automated = role.tasks.filter { $0.exposure == .automated }
        if !automated.isEmpty {
            let shown = automated.prefix(3)
            arguments.lists["topAutomatedTasks"] = shown.map { text.tasks[$0.id] ?? $0.id }
            arguments.numbers["moreAutomatedCount"] = automated.count - shown.count
        }
        if !text.quickWins.isEmpty {
            let rules = model.strings[locale]!.rules
            arguments.text["topQuickWins"] = rules.sentences(Array(text.quickWins.prefix(2)))
        }
        arguments.numbers["riskScore"] = role.riskScore
        arguments.numbers["automatedCount"] = automated.count
        arguments.numbers["oversightCount"] = role.tasks.filter { $0.exposure == .oversight }.count
        arguments.numbers["safeCount"] = role.tasks.filter { $0.exposure == .safe }.count
        arguments.numbers["roleCount"] = model.site.roles.count
        if let stats = model.sectorStats[role.sector] {
            arguments.numbers["sectorAverage"] = stats.average
            arguments.numbers["sectorRoleCount"] = stats.count
        }
        arguments.percents["automationPotential"] = role.automationPotential
        arguments.percents["saferPeersPercent"] = role.saferPeersPercent
        arguments.percents["salaryPremium"] = role.salaryPremium
        arguments.yearRange = (role.impactYears.from, role.impactYears.to)
        arguments.date = (role.lastReviewed.year, role.lastReviewed.month, role.lastReviewed.day)
        return arguments
    }

    /// `quickWins` → `quick-wins`: section partials are named in kebab case.
    static func partialName(_ section: Section) -> String {
        var name = ""
        for character in section.rawValue {
            if character.isUppercase {
                name += "-" + character.lowercased()
            } else {
                name.append(character)
            }
        }
        return name
    }

    // MARK: Deep-dive article page

    func articleData() -> TemplateValue? {
        guard let article = text.articleMarkdown else { return nil }
        let path = model.urls.article(role.slug, in: locale)
        let values = strings.resolve(arguments)
        let title = strings.format("deepDive.link", values)
        let crumbs = breadcrumbs(values) + [(title, path)]
        let page = model.page(
            locale: locale, title: title, description: strings.format("deepDive.description", values), path: path,
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
        return model.pageData(locale: locale, page: page, t: strings.tree(values), languages: languages, extra: ["role": roleValue])
    }
}
