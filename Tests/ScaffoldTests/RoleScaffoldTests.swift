import Content
import Foundation
import Scaffold
import TestSupport
import XCTest

/// A scaffolded role is a valid role in every respect but its placeholders: the build refuses
/// exactly those, and accepts the role once an editor has replaced them.
final class RoleScaffoldTests: XCTestCase {
    private static let site: [String: String] = [
        "site.json": #"{ "title": "T", "baseURL": "https://t.example/", "defaultLocale": "en", "locales": ["en", "fr"] }"#,
        "content/sectors.json": #"{ "sectors": [ { "id": "tech", "name": { "en": "Technology" } } ] }"#,
        "content/tools.json": #"{ "tools": [ { "id": "copilot", "name": "Copilot", "description": { "en": "Writes code." } } ] }"#,
        "content/roles/dev/role.json": """
            { "sector": "tech", "riskScore": 40, "automationPotential": 40, "saferPeersPercent": 30,
              "impactYears": { "from": 5, "to": 7 }, "salaryPremium": 18, "demandTrend": "growing",
              "tasks": [ { "id": "crud", "exposure": "automated" } ], "skills": [ { "id": "sql", "resilience": 30 } ],
              "replacingTools": ["copilot"], "toolsToLearn": ["copilot"], "relatedRoles": [], "lastReviewed": "2026-10-01" }
            """,
        "content/roles/dev/en.json": """
            { "title": "Developer", "titlePlural": "Developers", "description": "About developers.",
              "tasks": { "crud": "Writing CRUD endpoints" }, "skills": { "sql": "SQL" }, "toolReasons": { "copilot": "Saves typing." },
              "roadmap": [ { "title": "Start", "timeframe": "0–12 months", "steps": ["Learn"] } ], "quickWins": ["Try Copilot"],
              "faq": [ { "question": "Is it worth it?", "answer": "Yes." } ] }
            """,
        "content/roles/dev/analysis.en.md": "Analysis.\n",
        "content/roles/dev/verdict.en.md": "Verdict.\n",
        "content/roles/dev/article.en.md": "# Deep dive\n",
        "locales/en.json": #"{ "hero": { "title": "Will AI replace {titlePlural}?" } }"#,
    ]

    private func scaffold(_ slug: String, from source: String?) throws -> TemporarySite {
        let site = try TemporarySite(Self.site, testCase: self)
        let content = try XCTUnwrap(ContentLoader.load(root: site.root).site)
        let files = RoleScaffold.files(
            slug: slug, from: source.flatMap(content.role), site: content, schemaFolder: "schemas", today: Day(year: 2026, month: 12, day: 1)!)
        for file in files { try site.write(file.contents, to: file.path) }
        return site
    }

    private func messages(_ site: TemporarySite) -> [String] {
        ContentLoader.load(root: site.root).diagnostics.map(\.description)
    }

    func testNewRoleIsRefusedForItsPlaceholdersOnly() throws {
        let site = try scaffold("data-engineer", from: nil)
        let messages = messages(site)
        XCTAssertEqual(messages.filter { !$0.contains("is still a placeholder") && !$0.contains("not reviewed yet") }, [])
        XCTAssertEqual(messages.first, "content/roles/data-engineer/analysis.en.md:1:1: error: the file is still a placeholder (`TODO: …`): write its text")
        XCTAssertTrue(messages.contains("content/roles/data-engineer/en.json:3:12: error: `title` is still a placeholder (`TODO: …`): write its text"))
        XCTAssertTrue(messages.contains("content/roles/data-engineer/role.json:3:11: error: the role's figures are not reviewed yet (`todo`: New role: replace every figure below with a sourced value.): check every figure, then delete the `todo` field"))
        XCTAssertTrue(try site.read("content/roles/data-engineer/role.json").contains(#""$schema": "../../../schemas/role.schema.json""#))
    }

    func testFilledInScaffoldLoadsWithoutErrors() throws {
        let site = try scaffold("data-engineer", from: nil)
        for path in ["role.json", "en.json", "analysis.en.md", "verdict.en.md"].map({ "content/roles/data-engineer/\($0)" }) {
            var text = try site.read(path)
            text = text.replacingOccurrences(of: "TODO: ", with: "")
            text = text.components(separatedBy: "\n").filter { !$0.contains(#""todo""#) }.joined(separator: "\n")
            try site.write(text, to: path)
        }
        XCTAssertEqual(messages(site), [])
    }

    /// A copy keeps the source's structure (tasks, skills, tools, article) so the editor rewrites
    /// rather than retypes, but nothing of it can be published unchanged.
    func testCopyFromAnotherRoleIsRefusedUntilRewritten() throws {
        let site = try scaffold("data-engineer", from: "dev")
        let messages = messages(site)
        XCTAssertEqual(messages.filter { !$0.contains("is still a placeholder") && !$0.contains("not reviewed yet") }, [])
        XCTAssertTrue(messages.contains("content/roles/data-engineer/article.en.md:1:1: error: the file is still a placeholder (`TODO: …`): write its text"))
        XCTAssertTrue(messages.contains { $0.hasPrefix("content/roles/data-engineer/en.json") && $0.contains("`faq[0].answer` is still a placeholder") })
        let facts = try site.read("content/roles/data-engineer/role.json")
        XCTAssertTrue(facts.contains(#""todo": "Copied from dev: replace every figure with this role's own, sourced value.","#))
        XCTAssertTrue(facts.contains(#""relatedRoles": ["dev"],"#), "the copy is related to its source")
        XCTAssertTrue(try site.read("content/roles/data-engineer/en.json").contains(#""title": "TODO: Developer","#))
        XCTAssertTrue(try site.read("content/roles/data-engineer/article.en.md").hasSuffix("\n\n# Deep dive\n"))
    }

    /// Removing only the markers leaves a second "Developer": the build says so.
    func testUnrewrittenCopyIsADuplicateTitle() throws {
        let site = try scaffold("data-engineer", from: "dev")
        for path in ["role.json", "en.json", "analysis.en.md", "verdict.en.md", "article.en.md"].map({ "content/roles/data-engineer/\($0)" }) {
            var text = try site.read(path)
            text = text.replacingOccurrences(of: "TODO: ", with: "")
            text = text.components(separatedBy: "\n").filter { !$0.contains(#""todo""#) && !$0.hasPrefix("write the") }.joined(separator: "\n")
            try site.write(text, to: path)
        }
        XCTAssertEqual(messages(site), [
            // Roles are read in slug order: the warning is at the later slug's title.
            "content/roles/dev/en.json:1:12: warning: another role is already titled `Developer` (content/roles/data-engineer/en.json): readers cannot tell the two pages apart",
        ])
    }
}
