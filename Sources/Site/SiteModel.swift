import Content
import Foundation
import Localization
import MarkdownRendering
import TemplateEngine

/// Everything about the site that every page needs, computed once per build: URLs, compiled UI
/// strings, role titles per locale (for related-role links), sector averages, asset URLs.
/// Building one page's data then only reads from it.
struct SiteModel: Sendable {
    private(set) var site: SiteContent
    let urls: SiteURLs
    let strings: [String: LocaleStrings]
    let assets: TemplateValue
    /// `templates/assets/` file name → absolute URL of the published file (for `og:image`).
    let assetURLs: [String: String]
    /// Prose sections sit under an <h2>, so their headings start at <h3>.
    let sectionMarkdown: MarkdownRenderer
    /// The deep-dive article is its own page under an <h1>: its `##` headings stay <h2>.
    let articleMarkdown: MarkdownRenderer
    /// Locale → slug → the role's title as pages that link to it show it: typeset once per
    /// build by its own language's rules, with `lang` when it fell back.
    private(set) var titles: [String: [String: ShownText]]
    private(set) var sectorStats: [String: (average: Int, count: Int)]
    /// Locale → tool id → the tool as the tool sections show it (`toolValue`): the same on
    /// every page of the locale, so made once.
    let toolValues: [String: [String: TemplateObject]]
    /// Slug → the role's index in `site.roles`: the roles are held once, not twice.
    private let roleIndex: [String: Int]
    /// Slug → role.
    var rolesBySlug: RolesBySlug { RolesBySlug(roles: site.roles, index: roleIndex) }

    /// Looks roles up by slug through `roleIndex`.
    struct RolesBySlug {
        let roles: [Role]
        let index: [String: Int]

        subscript(slug: String) -> Role? {
            index[slug].map { roles[$0] }
        }

        /// The risk score of role `slug`, read in place: a `Role` looked up whole is copied,
        /// retaining every text it holds, and related roles are looked up on every role page.
        func riskScore(of slug: String) -> Int? {
            index[slug].map { roles[$0].riskScore }
        }
    }
    /// Locale → the `site` object its pages show. site.json's `title` is one text, in the
    /// default locale's language: other locales' pages mark it (`titleLang`).
    let siteValues: TemplateObject
    /// Each locale's name in its own language (`language.name`), for the language switcher.
    let languageNames: [String: String]
    /// The sections a role page shows, in `site.json`'s order (those the build knows).
    let roleSections: [any RolePageSection]
    /// What every role page has the same: its `sections` (the partials, in page order) and its
    /// `report` (the form's endpoint when the report section is shown, else null).
    let roleSectionPartials: TemplateValue
    let roleReport: TemplateValue
    /// The UI-string keys the article template can show (nil: unknown, all): an article page
    /// formats only those of the strings that embed its data.
    let articleStringKeys: Set<String>?
    /// Reads a role's texts for its pages when `site` holds only its outline (nil: the roles
    /// hold their texts).
    let rereader: RoleRereader?

    var defaultLocale: String { site.config.defaultLocale }
    var locales: [String] { site.config.locales }

    init(
        site: SiteContent, urls: SiteURLs, strings: [String: LocaleStrings], assets: Assets,
        roleSections: [any RolePageSection] = RolePageSections.standard, articleStringKeys: Set<String>? = nil,
        rereader: RoleRereader? = nil
    ) {
        self.site = site
        self.rereader = rereader
        self.articleStringKeys = articleStringKeys
        var known: [Section: any RolePageSection] = [:]
        for section in roleSections { known[section.section] = section }
        self.roleSections = site.config.sections.compactMap { known[$0] }
        roleSectionPartials = .array(self.roleSections.map { .object(["partial": .string($0.partial)]) })
        roleReport = if site.config.sections.contains(.report), let endpoint = site.config.reportEndpoint {
            .object(["endpoint": .string(endpoint)])
        } else {
            .null
        }
        self.urls = urls
        self.strings = strings
        self.assets = assets.value(urls: urls)
        var assetURLs: [String: String] = [:]
        for file in assets.files { assetURLs[file.sourceName] = urls.absolute(urls.asset(file.publishedName)) }
        self.assetURLs = assetURLs
        sectionMarkdown = MarkdownRenderer(allowRawHTML: site.config.allowRawHTML, headingOffset: 2)
        articleMarkdown = MarkdownRenderer(allowRawHTML: site.config.allowRawHTML, headingOffset: 0)
        self.titles = Self.shownTitles(site: site, strings: strings)
        var toolValues: [String: [String: TemplateObject]] = [:]
        for locale in site.config.locales {
            guard let strings = strings[locale] else { continue }
            var perTool: [String: TemplateObject] = [:]
            // The first of a repeated id, as `SiteContent.tool(_:)` finds it.
            for tool in site.tools where perTool[tool.id] == nil { perTool[tool.id] = Self.toolValue(tool, in: locale, site: site, strings: strings) }
            toolValues[locale] = perTool
        }
        self.toolValues = toolValues
        sectorStats = Self.sectorStats(site.roles)
        var index: [String: Int] = [:]
        index.reserveCapacity(site.roles.count)
        for position in site.roles.indices { index[site.roles[position].slug] = position }
        roleIndex = index
        var siteValues: TemplateObject = [:]
        for locale in site.config.locales {
            siteValues[locale] = .object([
                "title": .string(site.config.title),
                "titleLang": locale == site.config.defaultLocale ? .null : .string(site.config.defaultLocale),
                "baseURL": .string(urls.absolute(urls.root)),
                // Scheme and host, for the print stylesheet to write root-relative links in full.
                "origin": .string(urls.origin),
            ])
        }
        self.siteValues = siteValues
        var names: [String: String] = [:]
        for (locale, table) in strings {
            names[locale] = table.format(.languageName, table.resolve(MessageArguments())).text
        }
        languageNames = names
    }

    /// This model, holding its site without the lists of translation units and fallbacks (no
    /// page reads them): a session keeps them once, in the loaded content, and splices them there.
    var withoutTranslationLists: SiteModel {
        var model = self
        model.site = site.withoutTranslationLists
        return model
    }

    /// This model after only the roles `changed` were read again (a session; the same list of
    /// roles, config and strings): their titles and entries are replaced, the sector figures
    /// summed again.
    func updating(site: SiteContent, changed: Set<String>) -> SiteModel {
        var model = self
        model.site = site.withoutTranslationLists
        for slug in changed {
            guard let role = site.role(slug) else { continue }
            for locale in locales {
                model.titles[locale]?[slug] = Self.shownTitle(of: role.outline[locale], in: locale, site: site, strings: strings)
            }
        }
        model.sectorStats = Self.sectorStats(site.roles)
        return model
    }

    /// A role's title as pages that link to it show it: typeset by its own language's rules,
    /// with `lang` when it fell back.
    /// A tool of the catalog as the tool sections show it.
    private static func toolValue(_ tool: Tool, in locale: String, site: SiteContent, strings: LocaleStrings) -> TemplateObject {
        let description = strings.shown(site.toolDescription(tool, in: locale))
        return [
            "name": .string(tool.name),
            "url": tool.url.map { .string($0) } ?? .null,
            "description": .string(description.text),
            "descriptionLang": description.lang,
        ]
    }

    /// Locale → slug → `shownTitle`, typeset on every core: a title is typeset once per locale
    /// for every role, and all of it runs before the first page renders.
    private static func shownTitles(site: SiteContent, strings: [String: LocaleStrings]) -> [String: [String: ShownText]] {
        let locales = site.config.locales
        // By index, here and below: a `Role` is large, and a loop or map over the roles copies
        // each, retaining every text it holds (cold memory at the scale of a large site).
        let shown = Array(site.roles.indices).concurrentMap { index in
            locales.map { shownTitle(of: site.roles[index].outline[$0], in: $0, site: site, strings: strings) }
        }
        var titles: [String: [String: ShownText]] = [:]
        for (column, locale) in locales.enumerated() {
            var perRole: [String: ShownText] = [:]
            perRole.reserveCapacity(site.roles.count)
            for row in shown.indices {
                if let title = shown[row][column] { perRole[site.roles[row].slug] = title }
            }
            titles[locale] = perRole
        }
        return titles
    }

    private static func shownTitle(of outline: RoleOutline?, in locale: String, site: SiteContent, strings: [String: LocaleStrings]) -> ShownText? {
        guard let outline else { return nil }
        let written = outline.isFallback("title") ? site.config.defaultLocale : locale
        return strings[locale].map { $0.shown(LocalizedText(text: outline.title, locale: written)) }
    }

    /// `role` with its texts, for its own pages: as held, or read again from its folder. Nil
    /// when the folder changed since it was loaded (the build reports it, `RoleRereader.changedRoles`).
    func withTexts(_ role: Role) -> Role? {
        guard let rereader, !role.hasTexts else { return role }
        return rereader.withTexts(role)
    }

    private static func sectorStats(_ roles: [Role]) -> [String: (average: Int, count: Int)] {
        var totals: [String: (sum: Int, count: Int)] = [:]
        for index in roles.indices {
            totals[roles[index].sector, default: (0, 0)].sum += roles[index].riskScore
            totals[roles[index].sector, default: (0, 0)].count += 1
        }
        return totals.mapValues { (average: ($0.sum + $0.count / 2) / $0.count, count: $0.count) }
    }

    // MARK: Shared page parts

    /// The language switcher: the same page in every locale.
    func languages(current: String?, url: (String) -> String) -> TemplateValue {
        .array(locales.map { locale in
            var language = TemplateObject(minimumCapacity: 4)
            language[.code] = .string(locale)
            language[.name] = .string(languageNames[locale] ?? locale)
            language[.url] = .string(url(locale))
            language[.current] = .bool(locale == current)
            return .object(language)
        })
    }

    /// `<link rel="alternate" hreflang>` for every locale plus `x-default`.
    func alternates(url: (String) -> String, xDefault: String, in locales: [String]? = nil) -> [(hreflang: String, href: String)] {
        (locales ?? self.locales).map { (hreflang: $0, href: urls.absolute(url($0))) } + [(hreflang: "x-default", href: urls.absolute(xDefault))]
    }

    /// The locales in which a role's deep-dive article is published: those that translate it.
    ///
    /// An article is the page's whole text; a French page that is entirely the English article
    /// would be offered to search engines as French. So a locale without the translation has
    /// no article page: its role page links to the default locale's article instead (marked
    /// with that language), and the article's alternates and sitemap entry name only the
    /// locales that have it. Empty when the role has no article.
    func articleLocales(of role: Role) -> [String] {
        articleLocales(outline: role.outline)
    }

    /// `articleLocales(of:)` from the role's outline alone, for code that goes through the
    /// roles by index (a `Role` passed on from an array is copied).
    func articleLocales(outline: [String: RoleOutline]) -> [String] {
        guard outline[defaultLocale]?.hasArticle == true else { return [] }
        return locales.filter { outline[$0]?.isFallback("article") == false }
    }

    /// The `page` object every layout reads.
    func page(
        locale: String, title: String, description: String, path: String,
        alternates: [(hreflang: String, href: String)], ogType: String = "website",
        breadcrumbs: [(name: UIText, url: String)] = [], jsonLD: [String] = [], noindex: Bool = false,
        image: SharingImage? = nil
    ) -> TemplateValue {
        let crumbs: [TemplateValue] = breadcrumbs.enumerated().map { index, crumb in
            var value = TemplateObject(minimumCapacity: 3)
            value[.nameHTML] = .string(crumb.name.html)
            value[.url] = .string(crumb.url)
            value[.current] = .bool(index == breadcrumbs.count - 1)
            return .object(value)
        }
        let alternateValues: [TemplateValue] = alternates.map { alternate in
            var value = TemplateObject(minimumCapacity: 2)
            value[.hreflang] = .string(alternate.hreflang)
            value[.href] = .string(alternate.href)
            return .object(value)
        }
        var page = TemplateObject(minimumCapacity: 12)
        page[.lang] = .string(locale)
        page[.title] = .string(title)
        page[.description] = .string(description)
        page[.canonical] = .string(urls.absolute(path))
        page[.alternates] = .array(alternateValues)
        page[.ogType] = .string(ogType)
        page[.ogLocale] = .string(Self.openGraphLocale(locale))
        page[.ogLocaleAlternates] = .array(locales.filter { $0 != locale }.map { .string(Self.openGraphLocale($0)) })
        page[.breadcrumbs] = .array(crumbs)
        page[.jsonLD] = .array(jsonLD.map { .string($0) })
        page[.noindex] = .bool(noindex)
        page[.image] = imageValue(image ?? site.config.image, locale: locale)
        return .object(page)
    }

    /// `og:image` and its size and alt text in `locale` (the default locale's when it has none).
    private func imageValue(_ image: SharingImage?, locale: String) -> TemplateValue {
        guard let image, let url = assetURLs[image.asset] else { return .null }
        let alt = image.alt[locale].map { strings[locale]!.rules.typography(text: $0) } ?? image.alt[defaultLocale] ?? ""
        return .object(["url": .string(url), "width": .int(image.width), "height": .int(image.height), "alt": .string(alt)])
    }

    /// The breadcrumb as JSON-LD (`JSONLD`).
    func breadcrumbJSON(_ crumbs: [(name: UIText, url: String)]) -> String {
        JSONLD.schemaList("BreadcrumbList", in: "itemListElement") { json in
            for (index, crumb) in crumbs.enumerated() {
                json.object { json in
                    json.member("@type", "ListItem")
                    json.member("position", index + 1)
                    json.member("name", crumb.name.text)
                    json.member("item", urls.absolute(crumb.url))
                }
            }
        }
    }

    /// The common top level of every page's data.
    func pageData(locale: String, page: TemplateValue, t: UIStringTrees, languages: TemplateValue, extra: TemplateObject) -> TemplateValue {
        var nav = TemplateObject(minimumCapacity: 2)
        nav[.homeURL] = .string(urls.index(locale))
        nav[.languages] = languages
        var object = TemplateObject(minimumCapacity: 6 + extra.count)
        object[.site] = siteValues[locale] ?? .null
        object[.assets] = assets
        object[.page] = page
        object[.t] = .object(t.html)
        object[.tText] = .object(t.text)
        object[.nav] = .object(nav)
        object.merge(extra)
        return .object(object)
    }

    /// Open Graph wants `ll_TT`; a bare language gets its most common territory.
    static func openGraphLocale(_ locale: String) -> String {
        // A byte search: `contains("-")` went through Foundation's `range(of:)`, twice a page.
        if locale.utf8.contains(UInt8(ascii: "-")) { return locale.replacingOccurrences(of: "-", with: "_") }
        return openGraphTerritories[locale] ?? locale
    }

    /// Made once, not on every page that asks.
    private static let openGraphTerritories = [
        "en": "en_US", "fr": "fr_FR", "de": "de_DE", "es": "es_ES", "it": "it_IT", "pt": "pt_PT", "nl": "nl_NL",
    ]

    /// A role as the lists of roles show it (the index's sectors, a page's related roles): its
    /// title in the locale of `strings` (with `lang` when it fell back), its page, its risk
    /// score and band.
    func roleCard(_ slug: String, riskScore: Int, in strings: LocaleStrings) -> TemplateValue {
        let locale = strings.locale
        let title = titles[locale]?[slug]
        var card = TemplateObject(minimumCapacity: 5)
        card[.title] = .string(title?.text ?? slug)
        card[.titleLang] = title?.lang ?? .null
        card[.url] = .string(urls.role(slug, in: locale))
        card[.riskScore] = .string(strings.number(riskScore))
        card[.level] = .string(Self.riskLevel(riskScore))
        return .object(card)
    }

    /// Risk colour band for lists: low < 35 ≤ medium < 60 ≤ high.
    static func riskLevel(_ score: Int) -> String {
        score < 35 ? "low" : score < 60 ? "medium" : "high"
    }
}

extension SiteContent {
    /// This site without `translations` and `fallbacks`, for a model that a session keeps.
    var withoutTranslationLists: SiteContent {
        var site = self
        site.translations = []
        site.fallbacks = []
        return site
    }
}
