import Content
import TemplateEngine

/// The pages that are not about one role: each locale's index, the root language chooser
/// (the hreflang `x-default` of the indexes) and the 404 page.
extension SiteModel {
    /// The UI strings these pages, and the language switcher, format themselves.
    static let uiStrings: [UIStringKey] = [.indexTitle, .indexIntro, .rootDescription, .notFoundTitle, .notFoundBody, .languageName]

    /// Every role of the locale, grouped by sector in catalog order, each with its risk score.
    func indexData(locale: String) -> TemplateValue {
        let strings = self.strings[locale]!
        var arguments = MessageArguments()
        arguments.numbers[.roleCount] = site.roles.count
        arguments.text[.siteTitle] = LocalizedText(text: site.config.title, locale: defaultLocale)
        let values = strings.resolve(arguments)
        let path = urls.index(locale)
        // No breadcrumb: the index is the top of its locale, so it shows none and has none in JSON-LD.
        let page = self.page(
            locale: locale, title: strings.format(.indexTitle, values).text, description: strings.format(.indexIntro, values).text,
            path: path, alternates: alternates(url: urls.index, xDefault: urls.root))
        // The roles by index: filtered or mapped whole, each `Role` would be copied with every
        // text it holds, and the index lists them all.
        let roles = site.roles
        let sectors: [TemplateValue] = site.sectors.compactMap { sector in
            let members = roles.indices.filter { roles[$0].sector == sector.id }
            guard !members.isEmpty else { return nil }
            let name = strings.shown(site.sectorName(sector, in: locale))
            return .object([
                "name": .string(name.text),
                "nameLang": name.lang,
                "roles": .array(members.map { roleCard(roles[$0].slug, riskScore: roles[$0].riskScore, in: strings) }),
            ])
        }
        return pageData(locale: locale, page: page, t: strings.tree(values), languages: languages(current: locale, url: urls.index), extra: [
            "sectors": .array(sectors),
        ])
    }

    /// The site root: links each language's index; in the default locale's language.
    func rootData() -> TemplateValue {
        let strings = self.strings[defaultLocale]!
        var arguments = MessageArguments()
        arguments.numbers[.roleCount] = site.roles.count
        arguments.text[.siteTitle] = LocalizedText(text: site.config.title, locale: defaultLocale)
        // Each language by its own name, in its own language.
        arguments.lists[.languages] = locales.map { LocalizedText(text: languageNames[$0] ?? $0, locale: $0) }
        let values = strings.resolve(arguments)
        let website = JSONLD.script { json in
            json.object { json in
                json.member("@context", "https://schema.org")
                json.member("@type", "WebSite")
                json.member("name", site.config.title)
                json.member("url", urls.absolute(urls.root))
                json.key("inLanguage")
                json.array { json in
                    for locale in locales { json.string(locale) }
                }
            }
        }
        let page = self.page(
            locale: defaultLocale, title: site.config.title, description: strings.format(.rootDescription, values).text,
            path: urls.root, alternates: alternates(url: urls.index, xDefault: urls.root), jsonLD: [website])
        return pageData(locale: defaultLocale, page: page, t: strings.tree(values), languages: languages(current: nil, url: urls.index), extra: [:])
    }

    /// A not-found page linking every language's index: `404.html` at the root in the default
    /// locale (`locale` nil), and `<locale>/404.html` in each locale, for servers that can pick
    /// the error page by path. Not indexed and not in the sitemap.
    func notFoundData(locale: String?) -> TemplateValue {
        let pageLocale = locale ?? defaultLocale
        let strings = self.strings[pageLocale]!
        var arguments = MessageArguments()
        arguments.numbers[.roleCount] = site.roles.count
        arguments.text[.siteTitle] = LocalizedText(text: site.config.title, locale: defaultLocale)
        let values = strings.resolve(arguments)
        let page = self.page(
            locale: pageLocale, title: strings.format(.notFoundTitle, values).text, description: strings.format(.notFoundBody, values).text,
            path: locale.map(urls.notFound) ?? urls.notFound, alternates: [], noindex: true)
        return pageData(locale: pageLocale, page: page, t: strings.tree(values), languages: languages(current: nil, url: urls.index), extra: [:])
    }
}
