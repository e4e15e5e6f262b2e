import Foundation
import Site
import XCTest

/// Every text a page shows in a language other than its own carries `lang` of that language
/// and is typeset by that language's rules: UI strings that fell back, values filled into a
/// translated message, catalog names, role text and the site title (issue 11, item 3).
final class ForeignTextTests: XCTestCase {
    /// Every default-locale text of the fixture starts with this, so that a French page's
    /// English text nodes can be found without knowing where they come from.
    static let marker = "Zqx"

    /// The example's tables with every English string marked, and a French table that lacks
    /// a few strings (each falls back), over a role whose French text lacks its title.
    private func markedSite() throws -> FixtureSite {
        var files = Fixture.files(site: Fixture.site().replacingOccurrences(of: "Fixture Site", with: "\(Self.marker) Fixture Site"), roles: [])
        files["content/sectors.json"] = #"{ "sectors": [ { "id": "technology", "name": { "en": "Zqx Technology" } } ] }"#
        files["content/tools.json"] = """
            { "tools": [
              { "id": "copilot", "name": "Copilot", "url": "https://copilot.example/", "description": { "en": "Zqx Writes code.", "fr": "Écrit du code." } },
              { "id": "cursor", "name": "Cursor", "url": "https://cursor.example/", "description": { "en": "Zqx Edits code." } },
              { "id": "devin", "name": "Devin", "url": "https://devin.example/", "description": { "en": "Zqx Plans features." } }
            ] }
            """
        files["content/roles/backend/role.json"] = Fixture.roleFacts()
        files["content/roles/backend/en.json"] = """
            { "title": "Zqx Backend Developer", "titlePlural": "Zqx Backend Developers", "description": "Zqx About backends: a summary.",
              "tasks": { "crud": "Zqx Writing CRUD endpoints", "tests": "Zqx Writing unit tests", "debugging": "Zqx Debugging", "architecture": "Zqx Architecture" },
              "skills": { "design": "Zqx System design", "coding": "Zqx Boilerplate coding" },
              "toolReasons": { "copilot": "Zqx Saves typing.", "cursor": "Zqx Refactors quickly." },
              "roadmap": [ { "title": "Zqx Phase one", "timeframe": "Zqx 0–12 months", "steps": ["Zqx Learn the tools"] } ],
              "quickWins": ["Zqx Install Copilot: today.", "Zqx Review a pull request with AI."] }
            """
        files["content/roles/backend/analysis.en.md"] = "Zqx The analysis of backends.\n"
        files["content/roles/backend/verdict.en.md"] = "Zqx The verdict: backends stay.\n"
        // French: the description and one task, nothing else.
        files["content/roles/backend/fr.json"] = #"{ "description": "Tout sur le back-end.", "tasks": { "crud": "Écrire des endpoints CRUD" } }"#
        let site = try FixtureSite(files)
        let english = try JSONSerialization.jsonObject(with: Data(contentsOf: site.root.appendingPathComponent("locales/en.json")))
        try site.write(Self.json(Self.marked(english, key: nil)), to: "locales/en.json")
        var french = try JSONSerialization.jsonObject(with: Data(contentsOf: site.root.appendingPathComponent("locales/fr.json"))) as! [String: Any]
        var nav = french["nav"] as! [String: Any]
        nav["roles"] = nil  // falls back to the English "All roles" in the footer of every page
        french["nav"] = nav
        try site.write(Self.json(french), to: "locales/fr.json")
        return site
    }

    private static func marked(_ value: Any, key: String?) -> Any {
        switch value {
        case let object as [String: Any]:
            var result: [String: Any] = [:]
            for (key, child) in object { result[key] = marked(child, key: key) }
            return result
        case let text as String where key != "$schema" && key != "name":
            return "\(marker) \(text)"
        default:
            return value
        }
    }

    private static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    func testEveryDefaultLanguageTextOnAFrenchPageIsInsideLangEn() throws {
        let site = try markedSite()
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        var found = 0
        var unmarked: [String] = []
        for page in ["fr/metiers/backend/index.html", "fr/index.html", "fr/404.html"] {
            for node in TextNodes.of(try site.read(page)) where node.text.contains(Self.marker) {
                found += 1
                if node.lang != "en" { unmarked.append("\(page): \(node.text) (lang \(node.lang ?? "none"))") }
            }
        }
        XCTAssertEqual(unmarked, [])
        // The page is mostly fallback: the check has something to check.
        XCTAssertGreaterThan(found, 40)
    }

    func testFrenchTextIsNotMarkedAsEnglish() throws {
        let site = try markedSite()
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("fr/metiers/backend/index.html")
        let french = TextNodes.of(page).filter { $0.text.contains("Écrire des endpoints CRUD") || $0.text.contains("Tout sur le back-end") }
        // The description, the task, and the task in the FAQ's list of English tasks.
        XCTAssertEqual(french.map(\.lang), ["fr", "fr", "fr"])
    }

    /// A French message typesets its own punctuation (a narrow no-break space before `?`),
    /// and an English value inside it is typeset as English (no space before its colon).
    func testTypographyFollowsEachTextsLanguage() throws {
        let site = try markedSite()
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("fr/metiers/backend/index.html")
        XCTAssertContains(page, "<h1>L&#39;IA va-t-elle remplacer les <span lang=\"en\">Zqx Backend Developers</span>\u{202F}?</h1>")
        XCTAssertContains(page, "<span lang=\"en\">Zqx Install Copilot: today. Zqx Review a pull request with AI.</span>")
        XCTAssertNotContains(page, "Copilot\u{00A0}:")
        XCTAssertNotContains(page, "The verdict\u{00A0}:")
    }

    /// A role title or a UI string holding markup is text on every page: in element content,
    /// in attributes, in `<title>` and in JSON-LD.
    func testMarkupInUIStringsAndTitlesIsEscapedEverywhere() throws {
        var files = Fixture.files(roles: [Fixture.role("backend", title: "Back<script>alert(1)</script>end", plural: "Back<b>ends</b>")])
        files["content/roles/backend/fr.json"] = #"{ "description": "Tout sur le back-end." }"#
        let site = try FixtureSite(files)
        for table in ["locales/en.json", "locales/fr.json"] {
            let text = try String(contentsOf: site.root.appendingPathComponent(table), encoding: .utf8)
            let changed = text
                .replacingOccurrences(of: #""breadcrumb": ""#, with: #""breadcrumb": "<script>x()</script>"#)
                .replacingOccurrences(of: #""roles": ""#, with: #""roles": "<i>all</i> "#)
            XCTAssertNotEqual(changed, text)
            try site.write(changed, to: table)
        }
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        for page in ["en/roles/backend/index.html", "fr/metiers/backend/index.html", "en/index.html", "fr/index.html", "404.html"] {
            let html = try site.read(page)
            XCTAssertNotContains(html, "<script>alert")
            XCTAssertNotContains(html, "<script>x()")
            XCTAssertNotContains(html, "<b>ends")
            XCTAssertNotContains(html, "<i>all")
            XCTAssertContains(html, "&lt;i&gt;all&lt;/i&gt;")
        }
        for page in ["en/roles/backend/index.html", "fr/metiers/backend/index.html"] {
            XCTAssertContains(try site.read(page), #"aria-label="&lt;script&gt;x()&lt;/script&gt;"#)
        }
        XCTAssertContains(try site.read("fr/metiers/backend/index.html"), #"<span lang="en">Back&lt;b&gt;ends&lt;/b&gt;</span>"#)
    }

    func testEscapedMarkupFormIsAnErrorAtItsTag() throws {
        let site = try FixtureSite(Fixture.files(roles: [Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers")]))
        try site.write("<p>{{ t.notFound.title }}</p>\n<p title=\"{{{tText.notFound.body}}}\">{{{t.notFound.back}}} {{tText.notFound.back}}</p>\n", to: "templates/pages/404.html")
        let report = site.build()
        XCTAssertEqual(report.diagnostics.errors.map(\.code), ["RG440", "RG441"])
        XCTAssertEqual(report.diagnostics.errors.map(\.description), [
            "templates/pages/404.html:1:4: error: `{{t.notFound.title}}` escapes the markup of a UI string (its `<span lang>` would show as text): write `{{{t.notFound.title}}}` in element content, or `{{tText.notFound.title}}` in an attribute",
            "templates/pages/404.html:2:11: error: `tText.notFound.body` is plain text and must be escaped: write `{{tText.notFound.body}}`, or `{{{t.notFound.body}}}` for element content",
        ])
    }
}

/// The text nodes of a page's body, each with the `lang` of its nearest element that has one.
/// Enough HTML for rolegen's own output: void elements, comments, raw-text elements.
struct TextNodes {
    var text: String
    var lang: String?

    private static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    static func of(_ html: String) -> [TextNodes] {
        var nodes: [TextNodes] = []
        var stack: [(name: String, lang: String?)] = []
        var rest = html[...]
        while !rest.isEmpty {
            if rest.hasPrefix("<!--") {
                rest = rest[(rest.range(of: "-->")?.upperBound ?? rest.endIndex)...]
            } else if rest.hasPrefix("<") {
                let end = rest.firstIndex(of: ">") ?? rest.endIndex
                let tag = rest[rest.index(after: rest.startIndex)..<end]
                rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
                if tag.hasPrefix("!") { continue }
                if tag.hasPrefix("/") {
                    let name = tag.dropFirst().lowercased()
                    while let top = stack.popLast(), top.name != name {}
                    continue
                }
                let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
                if name == "script" || name == "style" {
                    rest = rest[(rest.range(of: "</\(name)>")?.upperBound ?? rest.endIndex)...]
                    continue
                }
                guard !voidElements.contains(name) else { continue }
                var lang: String?
                if let start = tag.range(of: #" lang=""#) {
                    lang = String(tag[start.upperBound...].prefix { $0 != "\"" })
                }
                stack.append((name, lang))
            } else {
                let end = rest.firstIndex(of: "<") ?? rest.endIndex
                let text = rest[..<end].trimmingCharacters(in: .whitespacesAndNewlines)
                rest = rest[end...]
                guard !text.isEmpty, stack.contains(where: { $0.name == "body" }), !stack.contains(where: { $0.name == "title" }) else { continue }
                nodes.append(TextNodes(text: text, lang: stack.last { $0.lang != nil }?.lang))
            }
        }
        return nodes
    }
}
