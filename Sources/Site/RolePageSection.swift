import Content
import Localization
import TemplateEngine

/// One section of a role page as a unit: the name `site.json`'s `sections` lists it by, the
/// template that renders it, the UI strings its Swift code formats, and the values it adds to
/// the page's `role` object. `RolePage` composes the sections the site lists, in its order.
///
/// rolegen's own sections are `RolePageSections.standard`; a build may add its own through
/// `BuildOptions.roleSections` (CONTRIBUTING.md, "Add a section"). What each section gives its
/// template is documented in docs/page-data.md, which `PageDataDocumentationTests` keeps equal
/// to what `data(for:)` returns.
public protocol RolePageSection: Sendable {
    /// The name `site.json`'s `sections` uses.
    var section: Section { get }
    /// The template that renders it, as a name under `templates/` (`sections/quick-wins`).
    var partial: String { get }
    /// The UI strings `data(for:)` formats (the keys its template shows by name, `{{{t.key}}}`,
    /// are found in the template).
    var uiStrings: [UIStringKey] { get }
    /// The values the section adds to the page's `role` object. Keys are the section's own: two
    /// sections never give the same key.
    func data(for page: RolePageContext) -> TemplateObject
}

extension RolePageSection {
    public var uiStrings: [UIStringKey] { [] }
}

/// What a section's `data(for:)` reads: the role, its text in the page's locale, and the
/// page's rules for typesetting, marking fallbacks and formatting numbers. Computed once per
/// page and shared by its sections.
public struct RolePageContext: Sendable {
    let page: RolePage
    /// The page's message arguments, resolved once.
    let values: ResolvedArguments
    /// The verdict, rendered once: the verdict section shows it, the FAQ quotes it.
    let verdictHTML: String
    /// The FAQ entries: the FAQ section shows them, the page's JSON-LD lists them.
    let faq: [FAQEntry]
    let breadcrumbs: [(name: UIText, url: String)]

    public var role: Role { page.role }
    /// The role's text in the page's locale, with what fell back recorded.
    public var text: RoleText { page.text }
    public var locale: String { page.locale }

    /// A text of the role's `field` (`title`, `tasks.crud`…) typeset by the rules of the
    /// language it is written in (the default locale's when it fell back).
    public func typeset(_ value: String, field: String) -> String {
        page.typeset(value, field: field)
    }

    /// The `lang` for the element around `field`: the default locale when it fell back, else
    /// null (it is in the page's language).
    public func lang(_ field: String) -> TemplateValue {
        page.lang(field)
    }

    /// A number formatted for the page's locale.
    public func number(_ value: Int) -> String {
        page.strings.number(value)
    }

    /// A UI string formatted with the page's data.
    func format(_ key: UIStringKey) -> UIText {
        page.strings.format(key, values)
    }
}

/// A FAQ entry in both forms: markup for the page, text for JSON-LD.
struct FAQEntry: Sendable {
    var question: UIText
    var answer: UIText
    /// The role's own entries are marked as a whole when they fell back.
    var lang: TemplateValue
}

/// rolegen's role-page sections.
public enum RolePageSections {
    /// In the standard page order (`Section.standard`).
    public static let standard: [any RolePageSection] = [
        HeroSection(), TasksSection(), ReplacingToolsSection(), BenchmarkSection(), SkillsSection(), AnalysisSection(),
        VerdictSection(), ToolsToLearnSection(), SalarySection(), RoadmapSection(), QuickWinsSection(), ReportSection(),
        DeepDiveSection(), RelatedRolesSection(), FAQSection(),
    ]
}

/// The title, the description and the headline figures: all from the role's own values.
struct HeroSection: RolePageSection {
    var section: Section { .hero }
    var partial: String { "sections/hero" }
    func data(for page: RolePageContext) -> TemplateObject { [:] }
}

/// The role's tasks in three groups: automated, under oversight, safe.
struct TasksSection: RolePageSection {
    var section: Section { .tasks }
    var partial: String { "sections/tasks" }
    var uiStrings: [UIStringKey] { Exposure.allCases.flatMap { [UIStringKey.label(of: $0), .count(of: $0)] } }

    func data(for page: RolePageContext) -> TemplateObject {
        let groups: [TemplateValue] = page.page.taskGroups.map { exposure, tasks in
            let tasks = tasks.map { task in
                let shown = page.page.shownItem(task, missing: task.id)
                var item = TemplateObject(minimumCapacity: 2)
                item[.text] = .string(shown.text)
                item[.lang] = shown.lang
                return TemplateValue.object(item)
            }
            var group = TemplateObject(minimumCapacity: 5)
            group[.exposure] = .string(exposure.rawValue)
            group[.labelHTML] = .string(page.format(.label(of: exposure)).html)
            group[.countHTML] = .string(page.format(.count(of: exposure)).html)
            group[.hasTasks] = .bool(!tasks.isEmpty)
            group[.tasks] = .array(tasks)
            return .object(group)
        }
        return ["taskGroups": .array(groups)]
    }
}

/// The tools of the catalog as the tool sections show them in the page's locale
/// (`SiteModel.toolValues`): looked up once per section, not once per tool.
private func toolValues(_ page: RolePageContext) -> [String: TemplateObject] {
    page.page.model.toolValues[page.locale] ?? [:]
}

/// The AI tools that take over the role's tasks.
struct ReplacingToolsSection: RolePageSection {
    var section: Section { .replacingTools }
    var partial: String { "sections/replacing-tools" }

    func data(for page: RolePageContext) -> TemplateObject {
        let tools = toolValues(page)
        return ["replacingTools": .array(page.role.replacingTools.compactMap { tools[$0].map(TemplateValue.object) })]
    }
}

/// The role against its peers: from the role's own figures.
struct BenchmarkSection: RolePageSection {
    var section: Section { .benchmark }
    var partial: String { "sections/benchmark" }
    func data(for page: RolePageContext) -> TemplateObject { [:] }
}

/// The skills-resilience chart.
struct SkillsSection: RolePageSection {
    var section: Section { .skills }
    var partial: String { "sections/skills" }

    func data(for page: RolePageContext) -> TemplateObject {
        let skills = zip(page.role.skills, page.text.skillTexts).map { skill, text in
            let name = page.page.shownItem(text, missing: skill.id)
            return SkillChart.Skill(name: name.text, resilience: skill.resilience, lang: name.lang)
        }
        return ["skillChart": SkillChart.value(skills, number: page.number)]
    }
}

/// The analysis, rendered from Markdown.
struct AnalysisSection: RolePageSection {
    var section: Section { .analysis }
    var partial: String { "sections/analysis" }

    func data(for page: RolePageContext) -> TemplateObject {
        let html = page.page.html(page.text.analysisMarkdown, field: "analysis", renderer: page.page.model.sectionMarkdown)
        return ["analysisHTML": .string(html), "analysisLang": page.lang("analysis")]
    }
}

/// The verdict, rendered once per page (`RolePageContext.verdictHTML`).
struct VerdictSection: RolePageSection {
    var section: Section { .verdict }
    var partial: String { "sections/verdict" }

    func data(for page: RolePageContext) -> TemplateObject {
        ["verdictHTML": .string(page.verdictHTML), "verdictLang": page.lang("verdict")]
    }
}

/// The tools worth learning, each with why.
struct ToolsToLearnSection: RolePageSection {
    var section: Section { .toolsToLearn }
    var partial: String { "sections/tools-to-learn" }

    func data(for page: RolePageContext) -> TemplateObject {
        let tools = toolValues(page)
        return ["toolsToLearn": .array(page.text.toolReasonTexts.compactMap { item -> TemplateValue? in
            guard var tool = tools[item.id] else { return nil }
            let reason = page.page.shownItem(item, missing: "")
            tool[.reason] = .string(reason.text)
            tool[.reasonLang] = reason.lang
            return .object(tool)
        })]
    }
}

/// The salary premium (a role figure) and the demand trend.
struct SalarySection: RolePageSection {
    var section: Section { .salary }
    var partial: String { "sections/salary" }
    var uiStrings: [UIStringKey] { DemandTrend.allCases.map { UIStringKey.label(of: $0) } }

    func data(for page: RolePageContext) -> TemplateObject {
        [
            "demandTrendHTML": .string(page.format(.label(of: page.role.demandTrend)).html),
            "demandTrendID": .string(page.role.demandTrend.rawValue),
        ]
    }
}

/// The career roadmap, phase by phase.
struct RoadmapSection: RolePageSection {
    var section: Section { .roadmap }
    var partial: String { "sections/roadmap" }

    func data(for page: RolePageContext) -> TemplateObject {
        let phases: [TemplateValue] = page.text.roadmap.enumerated().map { index, phase in
            var value = TemplateObject(minimumCapacity: 6)
            value[.number] = .string(page.number(index + 1))
            value[.title] = .string(page.typeset(phase.title, field: "roadmap"))
            value[.timeframe] = .string(page.typeset(phase.timeframe, field: "roadmap"))
            value[.lang] = page.lang("roadmap")
            value[.summary] = phase.summary.map { .string(page.typeset($0, field: "roadmap")) } ?? .null
            value[.steps] = .array(phase.steps.map { .string(page.typeset($0, field: "roadmap")) })
            return .object(value)
        }
        return ["roadmap": .array(phases)]
    }
}

/// What to do this week.
struct QuickWinsSection: RolePageSection {
    var section: Section { .quickWins }
    var partial: String { "sections/quick-wins" }

    func data(for page: RolePageContext) -> TemplateObject {
        ["quickWins": .array(page.text.quickWins.map { text in
            var item = TemplateObject(minimumCapacity: 2)
            item[.text] = .string(page.typeset(text, field: "quickWins"))
            item[.lang] = page.lang("quickWins")
            return .object(item)
        })]
    }
}

/// The report form: its endpoint is the page's `report` (the hero and skills sections link to
/// it too), so the section adds nothing to `role`.
struct ReportSection: RolePageSection {
    var section: Section { .report }
    var partial: String { "sections/report" }
    func data(for page: RolePageContext) -> TemplateObject { [:] }
}

/// The link to the deep-dive article, in the page's locale when it has it, else in the
/// default locale's (marked with that language).
struct DeepDiveSection: RolePageSection {
    var section: Section { .deepDive }
    var partial: String { "sections/deep-dive" }

    func data(for page: RolePageContext) -> TemplateObject {
        let model = page.page.model
        let articleLocales = model.articleLocales(of: page.role)
        guard !articleLocales.isEmpty else { return ["article": .null] }
        let articleLocale = articleLocales.contains(page.locale) ? page.locale : model.defaultLocale
        return ["article": .object([
            "url": .string(model.urls.article(page.role.slug, in: articleLocale)),
            "lang": articleLocale == page.locale ? .null : .string(articleLocale),
        ])]
    }
}

/// Related roles, each with its title in this locale and its risk score.
struct RelatedRolesSection: RolePageSection {
    var section: Section { .relatedRoles }
    var partial: String { "sections/related-roles" }

    func data(for page: RolePageContext) -> TemplateObject {
        let model = page.page.model
        let related: [TemplateValue] = page.role.relatedRoles.compactMap { slug in
            guard let riskScore = model.rolesBySlug.riskScore(of: slug) else { return nil }
            return model.roleCard(slug, riskScore: riskScore, in: page.page.strings)
        }
        return ["hasRelated": .bool(!related.isEmpty), "related": .array(related)]
    }
}

/// The questions and answers (`RolePageContext.faq`, shared with the page's JSON-LD).
struct FAQSection: RolePageSection {
    var section: Section { .faq }
    var partial: String { "sections/faq" }

    func data(for page: RolePageContext) -> TemplateObject {
        ["faq": .array(page.faq.map { entry in
            var item = TemplateObject(minimumCapacity: 3)
            item[.questionHTML] = .string(entry.question.html)
            item[.answerHTML] = .string(entry.answer.html)
            item[.lang] = entry.lang
            return .object(item)
        })]
    }
}
