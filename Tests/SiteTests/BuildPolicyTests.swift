import Content
import Diagnostics
import Site
import XCTest

/// Per-build settings, the warnings policy, phase timings and progress, on the example site in
/// check mode (nothing is written).
final class BuildPolicyTests: XCTestCase {
    private func check(_ configure: (inout BuildOptions) -> Void = { _ in }) -> BuildReport {
        var options = BuildOptions(root: packageRoot, writeOutput: false)
        configure(&options)
        return SiteBuilder.build(options)
    }

    func testInvalidBaseURLIsADiagnosticWithTheContentCode() {
        let report = check { $0.baseURL = "https://example.org/careers?x=1" }
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
        let report = check { $0.overrides = [try! SiteSetting.title.override("Staging")] }
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
    }

    func testWarningsAsErrorsTurnsEveryWarningIntoAnError() throws {
        let site = try FixtureSite([:], exampleTemplates: true, exampleLocales: true)
        for item in ["site.json", "content"] {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(item), to: site.root.appendingPathComponent(item))
        }
        let table = site.root.appendingPathComponent("locales/en.json")
        let text = try String(contentsOf: table, encoding: .utf8).replacingOccurrences(of: "\"language\": {", with: "\"unused\": \"x\",\n  \"language\": {")
        try Data(text.utf8).write(to: table)
        let lenient = SiteBuilder.build(BuildOptions(root: site.root, writeOutput: false))
        XCTAssertEqual(lenient.diagnostics.map { "\($0.severity) \($0.code)" }, ["warning RG403"])
        XCTAssertTrue(lenient.succeeded)
        let strict = SiteBuilder.build(BuildOptions(root: site.root, warningsAsErrors: true))
        XCTAssertEqual(strict.diagnostics.map { "\($0.severity) \($0.code)" }, ["error RG403"])
        XCTAssertFalse(strict.succeeded)
        XCTAssertFalse(site.exists("index.html"), "a failed build writes nothing")
    }

    func testPhasesAreTimedInOrderAndProgressCountsEveryPage() {
        let progress = BuildProgress()
        let report = check { $0.progress = progress }
        XCTAssertEqual(report.timings.map(\.phase), [.load, .check, .model, .render], "check neither writes nor swaps")
        XCTAssertTrue(report.timings.allSatisfy { $0.seconds >= 0 })
        XCTAssertEqual(progress.pagesDone, report.pageCount)
        XCTAssertEqual(progress.pagesTotal, report.pageCount)
        XCTAssertEqual(progress.phase, .render)
        XCTAssertFalse(report.wroteOutput)
        XCTAssertTrue(report.summary.hasPrefix("checked 13 pages "), report.summary)
    }
}
