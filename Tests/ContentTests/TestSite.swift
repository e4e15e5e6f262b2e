import Content
import Diagnostics
import Foundation
import TestSupport
import XCTest

/// A content site written into a fresh temporary folder from `path → text`, for tests.
///
/// `TestSite.valid` is a small complete site (two roles, English and a partial French); tests
/// change one file of it and check what the loader says.
struct TestSite {
    var files: [String: String]

    /// Writes the files and loads them. The folder is removed afterwards.
    func load() throws -> LoadResult {
        let root = try write()
        defer { try? FileManager.default.removeItem(at: root) }
        return ContentLoader.load(root: root)
    }

    /// The diagnostics of a load, in their one-line form (`file:line:column: error: message`).
    func diagnostics() throws -> [String] {
        try load().diagnostics.map(\.description)
    }

    /// Writes the files into a new temporary folder (removed again if writing fails).
    func write() throws -> URL {
        try TemporarySite(files, testCase: nil).root
    }

    /// Replaces `old` (which must occur exactly once) in the file at `path`.
    mutating func edit(_ path: String, replacing old: String, with new: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let text = files[path], text.components(separatedBy: old).count == 2 else {
            XCTFail("`\(old)` does not occur exactly once in \(path)", file: file, line: line)
            return
        }
        files[path] = text.replacingOccurrences(of: old, with: new)
    }

    /// The diagnostics after one edit of the valid site.
    static func diagnostics(editing path: String, replacing old: String, with new: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        var site = TestSite.valid
        site.edit(path, replacing: old, with: new, file: file, line: line)
        return try site.diagnostics()
    }

    static let backendRole = "content/roles/backend-developer/role.json"
    static let backendEnglish = "content/roles/backend-developer/en.json"
    static let backendFrench = "content/roles/backend-developer/fr.json"

    static let valid = TestSite(files: [
        "site.json": """
        {
          "$schema": "docs/schemas/site.schema.json",
          "title": "Will AI Replace My Job?",
          "baseURL": "https://willaireplace.example",
          "defaultLocale": "en",
          "locales": ["en", "fr"],
          "urlSegments": { "fr": { "roles": "metiers" } },
          "reportEndpoint": "https://example.org/report"
        }
        """,
        "content/sectors.json": """
        {
          "sectors": [
            { "id": "technology", "name": { "en": "Technology", "fr": "Technologie" } },
            { "id": "finance", "name": { "en": "Finance" } }
          ]
        }
        """,
        "content/tools.json": """
        {
          "tools": [
            { "id": "github-copilot", "name": "GitHub Copilot", "url": "https://github.com/features/copilot",
              "description": { "en": "AI pair programmer.", "fr": "Programmeur en binôme IA." } },
            { "id": "cursor", "name": "Cursor", "description": { "en": "AI-first code editor." } }
          ]
        }
        """,
        backendRole: """
        {
          "$schema": "../../../docs/schemas/role.schema.json",
          "sector": "technology",
          "riskScore": 38,
          "automationPotential": 40,
          "saferPeersPercent": 62,
          "impactYears": { "from": 5, "to": 7 },
          "salaryPremium": 18,
          "demandTrend": "growing",
          "tasks": [
            { "id": "crud-endpoints", "exposure": "automated" },
            { "id": "code-reviews", "exposure": "oversight" },
            { "id": "system-design", "exposure": "safe" }
          ],
          "skills": [
            { "id": "system-design", "resilience": 85 },
            { "id": "boilerplate", "resilience": 20 }
          ],
          "replacingTools": ["github-copilot", "cursor"],
          "toolsToLearn": ["github-copilot"],
          "relatedRoles": ["frontend-developer"],
          "lastReviewed": "2026-10-01",
          "illustrative": ["riskScore"]
        }
        """,
        backendEnglish: """
        {
          "title": "Backend Developer",
          "titlePlural": "Backend Developers",
          "description": "Will AI replace backend developers?",
          "tasks": {
            "crud-endpoints": "Writing basic CRUD API endpoints",
            "code-reviews": "Code reviews",
            "system-design": "Architecting scalable systems"
          },
          "skills": { "system-design": "System design", "boilerplate": "Boilerplate" },
          "toolReasons": { "github-copilot": "Essential for API work" },
          "roadmap": [
            { "title": "AI-Augmented Developer", "timeframe": "0–12 months", "summary": "Master AI tools", "steps": ["Learn Copilot"] }
          ],
          "quickWins": ["Install GitHub Copilot"],
          "faq": [{ "question": "Will AI replace me?", "answer": "Not soon." }]
        }
        """,
        backendFrench: """
        {
          "title": "Développeur Backend",
          "tasks": { "crud-endpoints": "Écrire des endpoints CRUD" }
        }
        """,
        "content/roles/backend-developer/analysis.en.md": "Backend development is *resilient*.\n",
        "content/roles/backend-developer/verdict.en.md": "Relatively secure.\n",
        "content/roles/backend-developer/analysis.fr.md": "Le développement backend est *résilient*.\n",
        "content/roles/frontend-developer/role.json": """
        {
          "sector": "technology",
          "riskScore": 45,
          "automationPotential": 50,
          "saferPeersPercent": 55,
          "impactYears": { "from": 3, "to": 5 },
          "salaryPremium": 12,
          "demandTrend": "stable",
          "tasks": [],
          "skills": [],
          "replacingTools": [],
          "toolsToLearn": [],
          "relatedRoles": ["backend-developer"],
          "lastReviewed": "2024-02-29"
        }
        """,
        "content/roles/frontend-developer/en.json": """
        {
          "title": "Frontend Developer",
          "titlePlural": "Frontend Developers",
          "description": "Will AI replace frontend developers?",
          "roadmap": [],
          "quickWins": []
        }
        """,
        "content/roles/frontend-developer/analysis.en.md": "Analysis.\n",
        "content/roles/frontend-developer/verdict.en.md": "Verdict.\n",
        "content/roles/frontend-developer/article.en.md": "# Deep dive\n",
        "locales/en.json": """
        {
          "$schema": "../docs/schemas/strings.schema.json",
          "hero": { "title": "Will AI replace {titlePlural}?" },
          "report": { "button": "Get Your Full Risk Report" }
        }
        """,
        "locales/fr.json": """
        {
          "hero": { "title": "L'IA va-t-elle remplacer les {titlePlural} ?" }
        }
        """,
    ])
}
