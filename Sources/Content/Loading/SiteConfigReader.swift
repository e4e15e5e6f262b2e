import Diagnostics
import Localization

/// Reads `site.json`.
enum SiteConfigReader {
    /// The configuration when the file is free of errors, and the locales whenever they could
    /// be read, even if something else in the file is wrong: the rest of the site can still be
    /// checked against them. Without locales nothing else can be checked meaningfully.
    /// - Parameter sections: the sections the build knows, in their default page order.
    static func read(_ check: FileCheck, sections known: [Section] = Section.standard) -> (config: SiteConfig?, locales: Locales?) {
        guard let root = check.root(fields: FieldNames.site) else { return (nil, nil) }

        let locales = readLocales(root)
        let title = root.required("title").flatMap(check.string)
        let baseURL = root.required("baseURL").flatMap(check.baseURL)
        let urlSegments = root.optional("urlSegments").map { readURLSegments($0, check: check, locales: locales) } ?? [:]
        let allowRawHTML = root.optional("allowRawHTML").flatMap(check.bool) ?? false
        let reportEndpoint = root.optional("reportEndpoint").flatMap(check.url)
        let sections = root.optional("sections").flatMap { readSections($0, known: known, check: check) } ?? known
        let image = root.optional("image").flatMap { SharingImageReader.read($0, check: check, locales: locales) }
        let markdownSizeLimit = root.optional("markdownSizeLimit").flatMap { check.integer($0, in: SiteConfig.markdownSizeLimitRange) }

        guard !check.hasErrors, let locales, let title, let baseURL else { return (nil, locales) }
        let config = SiteConfig(
            title: title, baseURL: baseURL, defaultLocale: locales.defaultLocale, locales: locales.all,
            urlSegments: urlSegments, allowRawHTML: allowRawHTML, reportEndpoint: reportEndpoint, sections: sections,
            image: image, markdownSizeLimit: markdownSizeLimit ?? SiteConfig.defaultMarkdownSizeLimit
        )
        return (config, locales)
    }

    /// `locales` and `defaultLocale`; nil when either has a problem.
    private static func readLocales(_ root: ObjectReader) -> Locales? {
        let check = root.check
        let errorsBefore = check.diagnostics.count
        var all: [String]?
        if let field = root.required("locales") {
            all = check.uniqueList(field, nonEmpty: true) { element in
                guard let code = check.string(element) else { return nil }
                guard isLocaleCode(code) else {
                    check.report(.invalidLocaleCode(code), at: element.value.offset)
                    return nil
                }
                guard LocaleRules.builtIn(code) != nil else {
                    check.report(.unsupportedLocale(code, supported: LocaleRules.supportedIdentifiers), at: element.value.offset)
                    return nil
                }
                return code
            }
        }
        var defaultLocale: String?
        if let field = root.required("defaultLocale"), let code = check.string(field) {
            defaultLocale = code
            if let all, !all.contains(code) {
                check.report(.defaultLocaleNotListed(code, suggestion: closestMatch(to: code, among: all)), at: field.value.offset)
            }
        }
        guard check.diagnostics.count == errorsBefore, let all, let defaultLocale else { return nil }
        return Locales(all: all, defaultLocale: defaultLocale)
    }

    /// `{ "fr": { "roles": "metiers" } }`.
    private static func readURLSegments(_ field: JSONField, check: FileCheck, locales: Locales?) -> [String: [URLSegment: String]] {
        var segments: [String: [URLSegment: String]] = [:]
        for entry in check.map(field) ?? [] {
            check.checkLocale(entry.key, at: entry.keyOffset, locales: locales)
            var translated: [URLSegment: String] = [:]
            for segmentEntry in check.map(entry.field) ?? [] {
                guard let segment = URLSegment(rawValue: segmentEntry.key) else {
                    let suggestion = closestMatch(to: segmentEntry.key, among: URLSegment.allCases.map(\.rawValue))
                    check.report(.unknownName(kind: "URL segment", name: segmentEntry.key, suggestion: suggestion), at: segmentEntry.keyOffset)
                    continue
                }
                translated[segment] = check.segment(segmentEntry.field, what: "URL segment")
            }
            segments[entry.key] = translated
        }
        return segments
    }

    private static func readSections(_ field: JSONField, known: [Section], check: FileCheck) -> [Section]? {
        let names = check.uniqueList(field) { element in
            guard let name = check.string(element) else { return nil }
            guard known.contains(Section(rawValue: name)) else {
                let suggestion = closestMatch(to: name, among: known.map(\.rawValue))
                check.report(.unknownName(kind: "section", name: name, suggestion: suggestion), at: element.value.offset)
                return nil
            }
            return name
        }
        return names?.map(Section.init(rawValue:))
    }
}
