import Foundation
import Site
import TestSupport
import XCTest

/// The example site's Backend Developer pages, byte for byte. A change to templates, content,
/// strings or rendering shows up here as a reviewable diff. Regenerate with `make golden`
/// (ROLEGEN_UPDATE_GOLDEN=1), never by hand.
final class GoldenTests: XCTestCase {
    static let pages = [
        ("en/roles/backend-developer/index.html", "backend-developer.en.html"),
        ("fr/metiers/backend-developer/index.html", "backend-developer.fr.html"),
        ("en/roles/backend-developer/full-analysis/index.html", "backend-developer-article.en.html"),
        ("en/index.html", "index.en.html"),
        ("sitemap.xml", "sitemap.xml"),
    ]

    func testExampleSiteMatchesGoldenFiles() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = SiteBuilder.build(BuildOptions(root: PackageRoot.url, output: output))
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertEqual(report.diagnostics.warnings.map(\.description), [], "the example site builds without warnings")
        let golden = PackageRoot.url.appendingPathComponent("Tests/SiteTests/Golden")
        let update = ProcessInfo.processInfo.environment["ROLEGEN_UPDATE_GOLDEN"] == "1"
        for (built, expected) in Self.pages {
            let actual = try String(contentsOf: output.appendingPathComponent(built), encoding: .utf8)
            let goldenFile = golden.appendingPathComponent(expected)
            if update {
                try Data(actual.utf8).write(to: goldenFile)
                continue
            }
            let expectedText = try String(contentsOf: goldenFile, encoding: .utf8)
            if actual != expectedText {
                let actualLines = actual.components(separatedBy: "\n")
                let expectedLines = expectedText.components(separatedBy: "\n")
                let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actualLines.count, expectedLines.count)
                XCTFail("""
                    \(built) differs from Golden/\(expected) at line \(first + 1):
                      golden: \(first < expectedLines.count ? expectedLines[first] : "<end of file>")
                      built:  \(first < actualLines.count ? actualLines[first] : "<end of file>")
                    Run `make golden` if the change is intended, and review the diff.
                    """)
            }
        }
    }

    /// The example site keeps the seeds' shape: French chrome, English role text where the
    /// French is missing, and UI strings that embed the role's name.
    func testExampleFrenchPageShowsFallbackLikeTheSeed() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-seed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = SiteBuilder.build(BuildOptions(root: PackageRoot.url, output: output))
        XCTAssertTrue(report.succeeded)
        let page = try String(contentsOf: output.appendingPathComponent("fr/metiers/backend-developer/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains(#"Quelles tâches quotidiennes d&#39;un(e) <span lang="en">Backend Developer</span> sont déjà automatisées"#))
        XCTAssertTrue(page.contains(#"<span lang="en">Get Your Full Risk Report</span>"#), "untranslated UI string falls back to English, marked")
        XCTAssertTrue(page.contains("API documentation generation"), "untranslated task falls back to English")
        XCTAssertTrue(page.contains("Écrire des endpoints d&#39;API CRUD simples"))
        let fields = Set(report.fallbacks.filter { $0.role == "backend-developer" && $0.locale == "fr" }.map(\.field))
        XCTAssertTrue(fields.isSuperset(of: ["title", "titlePlural", "tasks.api-docs", "article"]), "\(fields.sorted())")
    }
}
