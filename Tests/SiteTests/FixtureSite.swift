import Content
import Foundation
import Site
import TestSupport
import XCTest

/// A small site written into a temporary folder: the example templates and string tables
/// from the repository (unless a test replaces them) plus the files a test writes inline.
final class FixtureSite {
    let root: URL
    var output: URL { root.appendingPathComponent("public") }

    private let site: TemporarySite

    init(_ files: [String: String], exampleTemplates: Bool = true, exampleLocales: Bool = true) throws {
        site = try TemporarySite([:], testCase: nil)
        root = site.root
        if exampleTemplates {
            try FileManager.default.copyItem(at: PackageRoot.url.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        }
        if exampleLocales {
            try FileManager.default.copyItem(at: PackageRoot.url.appendingPathComponent("locales"), to: root.appendingPathComponent("locales"))
        }
        for (path, text) in files { try write(text, to: path) }
    }

    deinit {
        site.remove()
    }

    func write(_ text: String, to path: String) throws {
        try site.write(text, to: path)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func build(strict: StrictTranslations = .off, baseURL: String? = nil, clean: Bool = false) -> BuildReport {
        SiteBuilder.build(BuildOptions(root: root, strict: strict, baseURL: baseURL, clean: clean))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file under the output folder with its bytes, for before/after comparisons.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let relative = String(url.standardizedFileURL.path.dropFirst(output.standardizedFileURL.path.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }
}

/// A complete, valid site: one sector, three tools, and the roles given (English, and French
/// where a test passes it).
enum Fixture {
    static func site(reportEndpoint: String? = "https://forms.example/report", sections: [String]? = nil, urlSegments: String = #"{ "fr": { "roles": "metiers" } }"#) -> String {
        var fields = [
            #""title": "Fixture Site""#,
            #""baseURL": "https://fixture.example/""#,
            #""defaultLocale": "en""#,
            #""locales": ["en", "fr"]"#,
            #""urlSegments": \#(urlSegments)"#,
        ]
        if let reportEndpoint { fields.append(#""reportEndpoint": "\#(reportEndpoint)""#) }
        if let sections { fields.append(#""sections": [\#(sections.map { "\"\($0)\"" }.joined(separator: ", "))]"#) }
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }

    static let sectors = #"{ "sectors": [ { "id": "technology", "name": { "en": "Technology", "fr": "Technologie" } } ] }"#

    static let tools = """
        { "tools": [
          { "id": "copilot", "name": "Copilot", "url": "https://copilot.example/", "description": { "en": "Writes code.", "fr": "Écrit du code." } },
          { "id": "cursor", "name": "Cursor", "url": "https://cursor.example/", "description": { "en": "Edits code." } },
          { "id": "devin", "name": "Devin", "url": "https://devin.example/", "description": { "en": "Plans features." } }
        ] }
        """

    static func roleFacts(related: [String] = [], risk: Int = 40) -> String {
        """
        { "sector": "technology", "riskScore": \(risk), "automationPotential": 40, "saferPeersPercent": 30,
          "impactYears": { "from": 5, "to": 7 }, "salaryPremium": 18, "demandTrend": "growing",
          "tasks": [ { "id": "crud", "exposure": "automated" }, { "id": "tests", "exposure": "automated" },
                     { "id": "debugging", "exposure": "oversight" }, { "id": "architecture", "exposure": "safe" } ],
          "skills": [ { "id": "design", "resilience": 80 }, { "id": "coding", "resilience": 20 } ],
          "replacingTools": ["copilot", "devin"], "toolsToLearn": ["copilot", "cursor"],
          "relatedRoles": [\(related.map { "\"\($0)\"" }.joined(separator: ", "))], "lastReviewed": "2026-10-01" }
        """
    }

    static func roleText(title: String, plural: String) -> String {
        """
        { "title": "\(title)", "titlePlural": "\(plural)", "description": "About \(plural).",
          "tasks": { "crud": "Writing CRUD endpoints", "tests": "Writing unit tests", "debugging": "Debugging", "architecture": "Architecture" },
          "skills": { "design": "System design", "coding": "Boilerplate coding" },
          "toolReasons": { "copilot": "Saves typing.", "cursor": "Refactors quickly." },
          "roadmap": [ { "title": "Phase one", "timeframe": "0–12 months", "steps": ["Learn the tools"] } ],
          "quickWins": ["Install Copilot.", "Review a pull request with AI."] }
        """
    }

    /// A role folder's files: facts, English text and prose, plus any extra files.
    static func role(_ slug: String, title: String, plural: String, related: [String] = [], risk: Int = 40, extra: [String: String] = [:]) -> [String: String] {
        var files = [
            "content/roles/\(slug)/role.json": roleFacts(related: related, risk: risk),
            "content/roles/\(slug)/en.json": roleText(title: title, plural: plural),
            "content/roles/\(slug)/analysis.en.md": "The analysis of \(plural).\n",
            "content/roles/\(slug)/verdict.en.md": "The verdict on \(plural).\n",
        ]
        for (path, text) in extra { files["content/roles/\(slug)/\(path)"] = text }
        return files
    }

    /// site.json, catalogs and the given role files.
    static func files(site: String = Fixture.site(), roles: [[String: String]]) -> [String: String] {
        var files = ["site.json": site, "content/sectors.json": sectors, "content/tools.json": tools]
        for role in roles { files.merge(role) { _, new in new } }
        return files
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
// Named and called like XCTest's own assertions.
func XCTAssertContains(_ haystack: String, _ needle: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(haystack.contains(needle), "expected to find \(needle.debugDescription)", file: file, line: line)
}

// swift-format-ignore: AlwaysUseLowerCamelCase
func XCTAssertNotContains(_ haystack: String, _ needle: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertFalse(haystack.contains(needle), "did not expect \(needle.debugDescription)", file: file, line: line)
}
