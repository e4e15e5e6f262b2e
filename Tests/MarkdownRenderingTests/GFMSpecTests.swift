import Foundation
import MarkdownRendering
import TestSupport
import XCTest

/// Runs cmark-gfm's own conformance suites (GFM spec, extensions, regressions, smart
/// punctuation, full info strings, style-attribute tables) through `MarkdownRenderer`, each with
/// the extensions and options its file assumes, and compares the HTML byte for byte.
/// Proves that the wrapper feeds, configures, renders and frees the library as upstream does.
final class GFMSpecTests: XCTestCase {
    func testSpec() throws {
        try check("spec.txt", enabledExamples: 671, extensions: [], options: .unsafe)
    }

    func testExtensions() throws {
        try check("extensions.txt", enabledExamples: 30,
                  extensions: [.table, .strikethrough, .autolink, .tagfilter, .tasklist],
                  options: [.unsafe, .footnotes])
    }

    func testRegressions() throws {
        try check("regression.txt", enabledExamples: 25, extensions: [], options: .unsafe)
    }

    func testSmartPunctuation() throws {
        try check("smart_punct.txt", enabledExamples: 16, extensions: [], options: [.unsafe, .smart])
    }

    func testFullInfoString() throws {
        try check("extensions-full-info-string.txt", enabledExamples: 4, extensions: [],
                  options: [.unsafe, .fullInfoString])
    }

    func testTablePreferStyleAttributes() throws {
        try check("extensions-table-prefer-style-attributes.txt", enabledExamples: 1,
                  extensions: MarkdownRenderer.Extension.allCases,
                  options: [.unsafe, .footnotes, .tablePreferStyleAttributes])
    }

    /// The `gfm` suite of the shared spec data (see `SharedSpec`).
    private static let specFolder = SharedSpec.folderURL("gfm")

    /// Renders every enabled example of `fileName` with the file's extensions and options plus
    /// the ones the example names, and reports each difference by file, section and number.
    private func check(_ fileName: String, enabledExamples: Int,
                       extensions: [MarkdownRenderer.Extension], options: MarkdownRenderer.Options) throws {
        let url = Self.specFolder.appendingPathComponent(fileName)
        try SharedSpec.require(url, otherwise: "GFM spec data not found at \(url.path) (it lives outside the project, in ../shared/spec/gfm)")
        let examples = GFMSpecExample.parse(Array(try Data(contentsOf: url))).filter { !$0.isDisabled }
        XCTAssertEqual(examples.count, enabledExamples, "\(fileName): number of enabled examples")
        var failures = 0
        for example in examples {
            let renderer = try renderer(for: example, extensions: extensions, options: options)
            let html = renderer.html(example.markdown)
            // Bytes, not String ==: String equality is canonical equivalence, the spec is exact.
            guard example.checksOutput, !html.utf8.elementsEqual(example.expectedHTML.utf8) else { continue }
            failures += 1
            XCTFail("""
                \(fileName), section "\(example.section)", example \(example.number):
                --- markdown
                \(example.markdown)--- expected
                \(example.expectedHTML)--- got
                \(html)
                """)
        }
        XCTAssertEqual(failures, 0, "\(fileName): \(failures) of \(examples.count) examples differ")
    }

    private func renderer(for example: GFMSpecExample, extensions: [MarkdownRenderer.Extension],
                          options: MarkdownRenderer.Options) throws -> MarkdownRenderer {
        var extensions = extensions
        var options = options
        for tag in example.tags {
            if tag == "footnotes" {
                options.insert(.footnotes)
            } else if let named = MarkdownRenderer.Extension(rawValue: tag) {
                extensions.append(named)
            } else {
                XCTFail("example \(example.number): unknown tag '\(tag)'")
            }
        }
        return MarkdownRenderer(extensions: extensions, options: options)
    }
}
