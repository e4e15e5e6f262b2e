import Foundation
import TestSupport
import XCTest
@testable import MarkdownRendering

/// A text is parsed without the autolink extension when it holds nothing that extension could
/// link, and without footnotes when it holds no `[` (`MarkdownRenderer.parsingSettings`): the
/// HTML must be byte for byte what the renderer's full settings give.
final class ParsingSettingsTests: XCTestCase {
    /// The site's renderers: every extension, footnotes, with and without raw HTML.
    private let renderers = [MarkdownRenderer(), MarkdownRenderer(allowRawHTML: true)]

    private func assertSameAsFullSettings(_ markdown: String, _ message: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        for renderer in renderers {
            let full = CmarkDocument(parsing: markdown, extensions: renderer.extensions, options: renderer.options.rawValue).renderHTML()
            // Bytes, not String ==: String equality is canonical equivalence.
            XCTAssertTrue(renderer.html(markdown).utf8.elementsEqual(full.utf8), "\(message())\n--- markdown\n\(markdown)\n--- full settings\n\(full)", file: file, line: line)
        }
    }

    /// Every example of cmark-gfm's suites (the CommonMark spec, the extensions, the
    /// regressions), most of them without anything to autolink or a footnote.
    func testEverySpecExampleRendersAsWithFullSettings() throws {
        let folder = SharedSpec.folderURL("gfm")
        var texts = 0
        /// Texts that keep the autolink extension, and texts that keep footnotes.
        var (withAutolink, withFootnotes) = (0, 0)
        for name in ["spec.txt", "extensions.txt", "regression.txt"] {
            let url = folder.appendingPathComponent(name)
            try SharedSpec.require(url, otherwise: "GFM spec data not found at \(url.path) (it lives outside the project, in ../shared/spec/gfm)")
            for example in GFMSpecExample.parse(Array(try Data(contentsOf: url))) {
                assertSameAsFullSettings(example.markdown, "\(name), example \(example.number)")
                texts += 1
                let settings = renderers[0].parsingSettings(for: example.markdown)
                if settings.extensions.contains(.autolink) { withAutolink += 1 }
                if settings.options.contains(.footnotes) { withFootnotes += 1 }
            }
        }
        // Both kinds are there for each setting (the suites' files are those of one release).
        XCTAssertEqual(texts, 728)
        XCTAssertEqual(withAutolink, 46)
        XCTAssertEqual(withFootnotes, 181)
    }

    /// Texts made of pieces around what autolinks and footnotes start from, where a text node
    /// split at a `w` or a `:` meets emphasis, line ends and trailing spaces.
    func testPiecesAroundAutolinksRenderAsWithFullSettings() {
        let pieces = ["w", "ww.", "www.x.org", "W", ":", "://", "http", "@", "[^1]", "[^1]: note", "*", "_", "~", "  \n", "\n", " ", "é", "`", "\\", "e.org"]
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    assertSameAsFullSettings("a" + first + second + third + " b.c", "pieces")
                }
            }
        }
    }

    /// What decides: `://`, `@` and `www.` keep the autolink extension, `[` keeps footnotes.
    func testWhatKeepsEachSetting() {
        let renderer = MarkdownRenderer()
        for markdown in ["see https://example.org", "write to a@example.org", "WWW.EXAMPLE.ORG", "www.example.org"] {
            XCTAssertEqual(renderer.parsingSettings(for: markdown).extensions, renderer.extensions, markdown)
        }
        for markdown in ["Plain prose, with *emphasis* and **strong** words: twice.", "a:b//c", "ww.x", "mail at example dot org"] {
            XCTAssertEqual(renderer.parsingSettings(for: markdown).extensions, [.table, .strikethrough, .tagfilter, .tasklist], markdown)
        }
        XCTAssertTrue(renderer.parsingSettings(for: "a note[^1]").options.contains(.footnotes))
        XCTAssertFalse(renderer.parsingSettings(for: "no note here").options.contains(.footnotes))
    }
}
