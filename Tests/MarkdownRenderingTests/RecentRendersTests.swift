import Dispatch
import Synchronization
import XCTest

@testable import MarkdownRendering

/// The same text rendered again (a translation missing in a second locale) is served from the
/// renderer's recent renders: its HTML, or, when its links depend on the page, its parse.
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

    func testATextWithLinksIsParsedOnceAndRenderedForEachPage() {
        let renderer = MarkdownRenderer()
        let verdict = "See [DevOps](role:devops-engineer)."
        XCTAssertEqual(renderer.html(verdict) { _ in "/en/roles/devops-engineer/" }, "<p>See <a href=\"/en/roles/devops-engineer/\">DevOps</a>.</p>\n")
        XCTAssertEqual(renderer.html(verdict) { _ in "/fr/metiers/devops-engineer/" }, "<p>See <a href=\"/fr/metiers/devops-engineer/\">DevOps</a>.</p>\n")
        XCTAssertEqual(renderer.recent.hits, 1)
    }

    /// Each render of a kept parse rewrites the destinations as the text writes them, not as
    /// the page before was given them, and a link the page leaves alone gets its own back.
    func testAKeptParseRewritesTheWrittenDestinations() {
        let renderer = MarkdownRenderer(headingOffset: 1)
        let analysis = "# Outlook\n\nAsk [a tester](role:qa-engineer), read [the report](https://example.com/r), see [DevOps](role:devops-engineer).\n"
        var asked: [[String]] = [[], [], []]
        let english = renderer.html(analysis) { destination in
            asked[0].append(destination)
            return destination.hasPrefix("role:") ? "/en/roles/\(destination.dropFirst(5))/" : nil
        }
        let french = renderer.html(analysis) { destination in
            asked[1].append(destination)
            return destination.hasPrefix("role:") ? "/fr/metiers/\(destination.dropFirst(5))/" : nil
        }
        let untouched = renderer.html(analysis) { destination in
            asked[2].append(destination)
            return nil
        }
        let written = ["role:qa-engineer", "https://example.com/r", "role:devops-engineer"]
        XCTAssertEqual(asked, [written, written, written])
        XCTAssertEqual(renderer.recent.hits, 2)
        let link = { (qa: String, devops: String) in
            "<h2>Outlook</h2>\n<p>Ask <a href=\"\(qa)\">a tester</a>, read <a href=\"https://example.com/r\">the report</a>, see <a href=\"\(devops)\">DevOps</a>.</p>\n"
        }
        XCTAssertEqual(english, link("/en/roles/qa-engineer/", "/en/roles/devops-engineer/"))
        XCTAssertEqual(french, link("/fr/metiers/qa-engineer/", "/fr/metiers/devops-engineer/"))
        XCTAssertEqual(untouched, link("role:qa-engineer", "role:devops-engineer"))
    }

    /// A kept parse is used by one render at a time: renders of one text on many threads at
    /// once each get their own page's links.
    func testRendersOfAKeptParseOnManyThreadsGetTheirOwnLinks() {
        let renderer = MarkdownRenderer()
        let text = "See [DevOps](role:devops-engineer) and [QA](role:qa-engineer)."
        let results = Mutex([String?](repeating: nil, count: 400))
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let html = renderer.html(text) { destination in "/p\(index)/\(destination.dropFirst(5))/" }
            results.withLock { $0[index] = html }
        }
        let rendered = results.withLock { $0 }
        for (index, html) in rendered.enumerated() {
            XCTAssertEqual(html, "<p>See <a href=\"/p\(index)/devops-engineer/\">DevOps</a> and <a href=\"/p\(index)/qa-engineer/\">QA</a>.</p>\n")
        }
        XCTAssertGreaterThan(renderer.recent.hits, 0)
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
