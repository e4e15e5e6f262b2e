import Content
import Diagnostics
import Foundation
import Localization
import TemplateEngine
import TestSupport
import XCTest
@testable import Site

/// docs/page-data.md documents every value a template receives. These tests build the data of
/// every page of a fixture site that has every optional value (a sharing image, an article,
/// related roles, a report form) — root, 404, indexes, role and article pages — and compare its
/// names with the ones the document lists, and each section's values with its own table, so
/// the document cannot fall behind the code.
final class PageDataDocumentationTests: XCTestCase {
    static func fixture() throws -> FixtureSite {
        let image = #""image": { "asset": "og-image.png", "width": 1200, "height": 630, "alt": { "en": "A chart" } },"#
        return try FixtureSite(Fixture.files(
            site: Fixture.site().replacingOccurrences(of: #""baseURL""#, with: image + "\n  " + #""baseURL""#),
            roles: [
                Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers", related: ["frontend"],
                             extra: ["article.en.md": "# Deep dive\n\nThe long read.\n"]),
                Fixture.role("frontend", title: "Frontend Developer", plural: "Frontend Developers"),
            ]))
    }

    /// The fixture's model, built as `SiteBuilder` builds it (no output is written).
    static func model(_ fixture: FixtureSite, articleStringKeys: Set<String>? = nil) throws -> SiteModel {
        let loaded = ContentLoader.load(root: fixture.root)
        let site = try XCTUnwrap(loaded.site, loaded.diagnostics.map(\.description).joined(separator: "\n"))
        var diagnostics: [Diagnostic] = []
        let assets = Assets(folder: SiteFolder(root: fixture.root.path), into: &diagnostics)
        let defaultRules = try XCTUnwrap(LocaleRules.builtIn(site.config.defaultLocale))
        var strings: [String: LocaleStrings] = [:]
        let allKeys = Set(site.strings[site.config.defaultLocale]?.entries.keys.map { $0 } ?? [])
        for locale in site.config.locales {
            strings[locale] = LocaleStrings(
                locale: locale, entries: site.uiStrings(in: locale), ownKeys: Set(site.strings[locale]?.entries.keys.map { $0 } ?? []),
                templateKeys: UIStringForms(markup: allKeys, text: allKeys), rules: try XCTUnwrap(LocaleRules.builtIn(locale)), defaultRules: defaultRules)
        }
        return SiteModel(site: site, urls: SiteURLs(config: site.config), strings: strings, assets: assets, articleStringKeys: articleStringKeys)
    }

    /// Every name in `value`, as the document writes it: `role.taskGroups[].labelHTML`. UI
    /// strings, asset URLs and illustrative flags are one name each (`t.<key>`), since their
    /// keys come from the site.
    static func names(_ value: TemplateValue, prefix: String = "") -> Set<String> {
        var names: Set<String> = []
        switch value {
        case .object(let object):
            for (key, child) in object {
                if let name = collapsed[prefix] {
                    names.insert(name)
                    continue
                }
                let path = prefix.isEmpty ? key : prefix + "." + key
                names.insert(path)
                names.formUnion(Self.names(child, prefix: path))
            }
        case .array(let items):
            for item in items { names.formUnion(Self.names(item, prefix: prefix + "[]")) }
        default:
            break
        }
        return names
    }

    private static let collapsed = ["t": "t.<key>", "tText": "tText.<key>", "assets": "assets.<file>", "role.illustrative": "role.illustrative.<figure>"]

    /// The backticked names in the first column of the document's tables below `heading` (up
    /// to the next heading of the same or a higher level); every table when `heading` is nil.
    static func documentedNames(under heading: String? = nil) throws -> Set<String> {
        let doc = try String(contentsOf: PackageRoot.url.appendingPathComponent("docs/page-data.md"), encoding: .utf8)
        var lines = doc.components(separatedBy: "\n")[...]
        if let heading {
            guard let start = lines.firstIndex(of: heading) else { return [] }
            let level = heading.prefix { $0 == "#" }.count
            lines = lines[(start + 1)...]
            if let end = lines.firstIndex(where: { $0.hasPrefix("#") && $0.prefix { $0 == "#" }.count <= level }) {
                lines = lines[..<end]
            }
        }
        var names: Set<String> = []
        for line in lines where line.hasPrefix("| `") {
            let cell = line.split(separator: "|").first ?? ""
            for (index, part) in cell.split(separator: "`", omittingEmptySubsequences: false).enumerated() where index % 2 == 1 {
                names.insert(String(part))
            }
        }
        return names
    }

    /// An article page formats only the UI strings with arguments that its template can show:
    /// the role page's `hero.title` ("Will AI replace {title}?") stays empty there.
    func testArticlePageFormatsOnlyTheStringsItsTemplateCanShow() throws {
        let templates = try TemplateSet(directory: PackageRoot.url.appendingPathComponent("templates"), displayPrefix: "templates")
        let articleKeys = try XCTUnwrap(StringUsage.templateKeys(templates, page: PagePlan.articleTemplate))
        XCTAssertTrue(articleKeys.contains("deepDive.link"))
        XCTAssertFalse(articleKeys.contains("hero.title"))
        XCTAssertNil(StringUsage.templateKeys(templates, page: "pages/role"), "role pages include their sections by name from the data")

        let fixture = try Self.fixture()
        func articleStrings(_ keys: Set<String>?) throws -> (heroTitle: TemplateValue?, deepDiveLink: TemplateValue?) {
            let model = try Self.model(fixture, articleStringKeys: keys)
            let page = try XCTUnwrap(PagePlan(model: model).pages.first { $0.template == PagePlan.articleTemplate })
            func lookup(_ path: [String], in value: TemplateValue) -> TemplateValue? {
                guard let key = path.first else { return value }
                guard case .object(let object) = value, let child = object[key] else { return nil }
                return lookup(Array(path.dropFirst()), in: child)
            }
            let data = try XCTUnwrap(page.data())
            return (lookup(["t", "hero", "title"], in: data), lookup(["t", "deepDive", "link"], in: data))
        }
        let all = try articleStrings(nil)
        XCTAssertEqual(all.heroTitle, .string("Will AI replace Backend Developers?"))
        let only = try articleStrings(articleKeys)
        XCTAssertEqual(only.heroTitle, .string(""))
        XCTAssertEqual(only.deepDiveLink, all.deepDiveLink)
    }

    func testEveryValueATemplateReceivesIsDocumented() throws {
        let fixture = try Self.fixture()
        let model = try Self.model(fixture)
        var produced: Set<String> = []
        for page in PagePlan(model: model).pages {
            produced.formUnion(Self.names(try XCTUnwrap(page.data())))
        }
        let documented = try Self.documentedNames()
        XCTAssertEqual(produced.subtracting(documented).sorted(), [], "given to templates but not in docs/page-data.md")
        XCTAssertEqual(documented.subtracting(produced).sorted(), [], "in docs/page-data.md but given to no template")
    }

    /// Each section's table lists exactly what its type adds to `role`.
    func testEachSectionsValuesAreDocumentedUnderItsName() throws {
        let fixture = try Self.fixture()
        let model = try Self.model(fixture)
        let role = try XCTUnwrap(model.rolesBySlug["backend"])
        let context = RolePage(model: model, role: role, locale: model.defaultLocale).context()
        for section in RolePageSections.standard {
            let values = TemplateValue.object(["role": .object(section.data(for: context))])
            let heading = "### `\(section.section.rawValue)` (`\(section.partial)`)"
            XCTAssertEqual(try Self.documentedNames(under: heading), Self.names(values).subtracting(["role"]), heading)
        }
    }

    /// The UI strings Swift formats are each declared by the page code or the section that
    /// formats them, and `UIStringKey` has no other.
    func testEveryFormattedUIStringIsDeclaredWhereItIsFormatted() {
        let declared = RolePage.uiStrings + SiteModel.uiStrings + RolePageSections.standard.flatMap(\.uiStrings)
        XCTAssertEqual(declared.map(\.rawValue).sorted(), UIStringKey.allCases.map(\.rawValue).sorted())
    }
}
