import Diagnostics
import Foundation
import Site
import TestSupport
import XCTest

/// The fixture sites of `Tests/Fixtures/`: the valid ones build without a word, and each
/// invalid case reports exactly the diagnostics its `expected-diagnostics.txt` holds — every
/// one, in order, with code, position, quoted line and caret. `ROLEGEN_UPDATE_FIXTURES=1`
/// rewrites those files from what the build says (review the diff, never edit them by hand).
final class FixtureSiteTests: XCTestCase {
    func testTheValidSiteBuildsWithoutDiagnostics() throws {
        let root = try FixtureSites.copy("valid", testCase: self)
        let report = SiteBuilder.build(BuildOptions(root: root))
        XCTAssertEqual(Self.text(of: report, root: root), "")
        XCTAssertEqual(report.files.filter { $0.hasSuffix(".html") }, [
            "404.html",
            "en/404.html",
            "en/index.html",
            "en/roles/data-analyst/index.html",
            "en/roles/translator/full-analysis/index.html",
            "en/roles/translator/index.html",
            "index.html",
        ])
    }

    func testTheI18nSiteBuildsWithoutDiagnosticsInEveryLocale() throws {
        let root = try FixtureSites.copy("i18n", testCase: self)
        let report = SiteBuilder.build(BuildOptions(root: root))
        XCTAssertEqual(Self.text(of: report, root: root), "")
        XCTAssertEqual(report.pagesPerLocale.map(\.locale), ["en", "fr"])
        XCTAssertTrue(report.files.contains("fr/metiers/backend-developer/index.html"), "French URL segments")
        XCTAssertFalse(report.fallbacks.isEmpty, "the French translation is partial: some values fall back")
    }

    func testEveryInvalidCaseReportsExactlyItsExpectedDiagnostics() throws {
        let cases = try FixtureSites.invalidCases
        XCTAssertGreaterThanOrEqual(cases.count, 8, "the invalid cases under Tests/Fixtures/invalid/")
        let update = ProcessInfo.processInfo.environment["ROLEGEN_UPDATE_FIXTURES"] == "1"
        for name in cases {
            let root = try FixtureSites.copy(name, testCase: self)
            let report = SiteBuilder.build(BuildOptions(root: root))
            let actual = Self.text(of: report, root: root)
            let expectedFile = FixtureSites.folder.appendingPathComponent(name).appendingPathComponent(FixtureSites.expectedDiagnosticsFile)
            if update {
                try Data(actual.utf8).write(to: expectedFile)
                continue
            }
            guard let expected = try? String(contentsOf: expectedFile, encoding: .utf8) else {
                XCTFail("\(name): no \(FixtureSites.expectedDiagnosticsFile); the build says:\n\(actual)")
                continue
            }
            XCTAssertFalse(expected.isEmpty, "\(name): an invalid case must report something")
            if actual != expected {
                XCTFail("\(name): the diagnostics differ from \(FixtureSites.expectedDiagnosticsFile).\n--- expected\n\(expected)--- actual\n\(actual)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/index.html").path) && report.diagnostics.hasErrors,
                           "\(name): a build with errors writes nothing")
        }
    }

    /// The diagnostics as `rolegen check` prints them without colour, each preceded by its
    /// code, with the temporary site root written as `<root>`.
    static func text(of report: BuildReport, root: URL) -> String {
        report.diagnostics.map { "\($0.code) \($0.rendered)\n" }.joined()
            .replacingOccurrences(of: root.standardizedFileURL.path, with: "<root>")
    }
}
