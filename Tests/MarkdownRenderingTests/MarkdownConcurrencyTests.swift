import MarkdownRendering
import XCTest

/// cmark-gfm switches global parser tables on and off during inline parsing; without the
/// renderer's process-wide lock, documents parsed at the same time lose or gain strikethroughs
/// and links. This test renders the same documents serially and from many tasks at once and
/// requires identical output. (Checked by hand: with the lock removed it fails, with dozens of
/// differing documents out of 300.)
final class MarkdownConcurrencyTests: XCTestCase {
    private static let documentCount = 300

    /// Documents dense in the characters the strikethrough (`~`) and autolink (`:`, `w`)
    /// extensions register as special, so that concurrent parses overlap on them.
    private static func document(_ number: Int) -> String {
        (0..<40).map { line in
            "Line \(line) of \(number): ~~struck \(line)~~ and ~one~, see www.example\(number).com, "
                + "https://example.org/\(line)?doc=\(number) or mail team\(line)@example.net; ~~end~~."
        }.joined(separator: "\n") + "\n\n| a | b |\n| - | - |\n| ~~x~~ | www.cell\(number).io |\n"
    }

    func testConcurrentRenderingMatchesSerialRendering() async {
        let renderer = MarkdownRenderer()
        let documents = (0..<Self.documentCount).map(Self.document)
        let serial = documents.map(renderer.html)
        XCTAssertTrue(serial[0].contains("<del>struck 0</del>"), "the documents exercise strikethrough")
        XCTAssertTrue(serial[0].contains("<a href=\"http://www.example0.com\">"), "and autolinks")

        let concurrent = await withTaskGroup(of: (Int, String).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, renderer.html(document)) }
            }
            var results = [String](repeating: "", count: documents.count)
            for await (index, html) in group { results[index] = html }
            return results
        }
        let differing = (0..<documents.count).filter { serial[$0] != concurrent[$0] }
        XCTAssertEqual(differing.count, 0,
                       "\(differing.count) of \(documents.count) documents rendered differently when concurrent, "
                           + "first: \(differing.prefix(5))")
    }
}
