import Content
import Diagnostics
import Site
import TestSupport
import XCTest

/// Per-build settings, the warnings policy, phase timings and progress, on the i18n fixture
/// site in check mode (nothing is written).
final class BuildPolicyTests: XCTestCase {
    private func check(_ configure: (inout BuildOptions) -> Void = { _ in }) throws -> BuildReport {
        var options = BuildOptions(root: try FixtureSites.copy("i18n", testCase: self), writeOutput: false)
        configure(&options)
        return SiteBuilder.build(options)
    }

    func testInvalidBaseURLIsADiagnosticWithTheContentCode() throws {
        let report = try check { $0.baseURL = "https://example.org/careers?x=1" }
        XCTAssertEqual(report.diagnostics.map(\.rendered), [
            "error: `--base-url` must be an http:// or https:// URL with a host and no query or fragment: `https://example.org/careers?x=1` has a query (`?…`)",
        ])
        XCTAssertEqual(report.diagnostics.map(\.code), ["RG130"])
    }

    func testOverridesAreCheckedAsTheLoaderChecksThem() throws {
        XCTAssertEqual(try SiteSetting.baseURL.override("https://example.org/careers").value, "https://example.org/careers/")
        XCTAssertThrowsError(try SiteSetting.reportEndpoint.override("mailto:x@example.org")) { error in
            XCTAssertEqual((error as? ContentError)?.code, "RG126")
        }
        XCTAssertThrowsError(try SiteSetting.named("basURL")) { error in
            XCTAssertEqual((error as? ContentError)?.suggestion, "baseURL")
        }
        let report = try check { $0.overrides = [try! SiteSetting.title.override("Staging")] }
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
    }

    func testWarningsAsErrorsTurnsEveryWarningIntoAnError() throws {
        let root = try FixtureSites.copy("i18n", testCase: self)
        let table = root.appendingPathComponent("locales/en.json")
        let text = try String(contentsOf: table, encoding: .utf8).replacingOccurrences(of: "\"language\": {", with: "\"unused\": \"x\",\n  \"language\": {")
        try Data(text.utf8).write(to: table)
        let lenient = SiteBuilder.build(BuildOptions(root: root, writeOutput: false))
        XCTAssertEqual(lenient.diagnostics.map { "\($0.severity) \($0.code)" }, ["warning RG403"])
        XCTAssertTrue(lenient.succeeded)
        let strict = SiteBuilder.build(BuildOptions(root: root, warningsAsErrors: true))
        XCTAssertEqual(strict.diagnostics.map { "\($0.severity) \($0.code)" }, ["error RG403"])
        XCTAssertFalse(strict.succeeded)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/index.html").path), "a failed build writes nothing")
    }

    func testPhasesAreTimedInOrderAndProgressCountsEveryPage() throws {
        let progress = BuildProgress()
        let report = try check { $0.progress = progress }
        XCTAssertEqual(report.timings.map(\.phase), [.load, .check, .model, .render], "check neither writes nor swaps")
        XCTAssertTrue(report.timings.allSatisfy { $0.seconds >= 0 })
        XCTAssertEqual(progress.pagesDone, report.pageCount)
        XCTAssertEqual(progress.pagesTotal, report.pageCount)
        XCTAssertEqual(progress.phase, .render)
        XCTAssertFalse(report.wroteOutput)
        XCTAssertTrue(report.summary.hasPrefix("checked 13 pages "), report.summary)
    }
}
