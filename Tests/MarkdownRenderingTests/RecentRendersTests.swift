import XCTest

@testable import MarkdownRendering

/// The same text rendered again (a translation missing in a second locale) is served from the
/// renderer's recent renders, unless its HTML could depend on where it is rendered.
final class RecentRendersTests: XCTestCase {
    func testTheSameTextWithoutLinksIsParsedOnce() {
        let renderer = MarkdownRenderer(headingOffset: 1)
        let analysis = "# Outlook\n\nBackend work *changes*; it does not vanish.\n\n| Task | Risk |\n| --- | --- |\n| CRUD | high |\n"
        let first = renderer.html(analysis) { _ in "/en/" }
        let second = renderer.html(analysis) { _ in "/fr/" }
        XCTAssertEqual(first, second)
        XCTAssertTrue(first.hasPrefix("<h2>Outlook</h2>\n"))
        XCTAssertEqual(renderer.recent.hits, 1)
    }

    func testATextWithLinksIsRenderedForEachPage() {
        let renderer = MarkdownRenderer()
        let verdict = "See [DevOps](role:devops-engineer)."
        XCTAssertEqual(renderer.html(verdict) { _ in "/en/roles/devops-engineer/" }, "<p>See <a href=\"/en/roles/devops-engineer/\">DevOps</a>.</p>\n")
        XCTAssertEqual(renderer.html(verdict) { _ in "/fr/metiers/devops-engineer/" }, "<p>See <a href=\"/fr/metiers/devops-engineer/\">DevOps</a>.</p>\n")
        XCTAssertEqual(renderer.recent.hits, 0)
    }

    func testRenderersWithOtherSettingsDoNotShareTexts() {
        let text = "# Title\n"
        XCTAssertEqual(MarkdownRenderer(headingOffset: 0).html(text), "<h1>Title</h1>\n")
        XCTAssertEqual(MarkdownRenderer(headingOffset: 2).html(text), "<h3>Title</h3>\n")
    }

    func testAnEditedTextIsANewEntryAndOldOnesAreForgotten() {
        let renderer = MarkdownRenderer()
        XCTAssertEqual(renderer.html("Version one."), "<p>Version one.</p>\n")
        XCTAssertEqual(renderer.html("Version two."), "<p>Version two.</p>\n")
        for index in 0..<RecentRenders.capacity { _ = renderer.html("Filler \(index).") }
        XCTAssertEqual(renderer.recent.hits, 0)
        XCTAssertEqual(renderer.html("Version one."), "<p>Version one.</p>\n")
        XCTAssertEqual(renderer.recent.hits, 0)
        XCTAssertEqual(renderer.html("Version one."), "<p>Version one.</p>\n")
        XCTAssertEqual(renderer.recent.hits, 1)
    }
}
