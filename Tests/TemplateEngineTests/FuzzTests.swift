import Foundation
import TemplateEngine
import TestSupport
import XCTest

/// Feeds the parser (and, when a template compiles, the renderer) random and truncated
/// templates. A crash would end the test run; runaway rendering (a partial that includes itself,
/// sections that multiply) would show as output out of all proportion to the data. The random
/// generator is seeded, so every run tries the same templates and a failure can be replayed; set
/// `FUZZ_SEED=<number>` in the environment to explore other templates.
final class FuzzTests: XCTestCase {
    /// Pieces random templates are made of: tag openers and closers of every kind, names,
    /// whitespace and line endings, set-delimiter tags and multi-byte text.
    private static let fragments = [
        "{{", "}}", "{{{", "}}}", "{{#", "{{^", "{{/", "{{>", "{{<", "{{$", "{{!", "{{&", "{{=", "=}}", "{{>*", "{{<*",
        "a", "b", "p", "x", "items", ".", "a.b", " ", "  ", "\n", "\r\n", "\t", "*", "=", "<% %>", "<%", "%>", "|", "é", "—",
        "{", "}", "#", "^", "/", ">", "<", "$", "!", "&", "{{a}}", "{{#a}}", "{{/a}}", "{{>p}}", "{{<p}}", "{{/p}}", "{{$b}}", "{{/b}}",
    ]

    private static let data: TemplateValue = [
        "a": ["b": "<&>", "items": [1, 2]], "b": true, "x": nil, "p": "p", "items": [["a": 1], ["a": "two"]],
    ]

    /// Well-formed templates, cut at every byte.
    private static let wellFormed = [
        "{{<p}}\n  {{$b}}\n    <li>{{#items}}{{a}}{{/items}}</li>\n  {{/b}}\n{{/p}}\n",
        "{{=<% %>=}}<%#a%>\r\n  <%{b}%> <%>p%>\r\n<%/a%><%={{ }}=%>{{! é — }}{{&x}}",
        "<ul>\n\t{{#items}}\n\t<li>{{> *p }} {{{ a.b }}}</li>\n\t{{/items}}\n</ul>\n{{^x}}none{{/x}}",
    ]

    func testRandomAndTruncatedTemplatesNeverCrashOrHang() throws {
        var generator = SplitMix64(seed: ProcessInfo.processInfo.environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED_2026)
        var templates: [String] = []
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...30, using: &generator)
            templates.append((0..<count).map { _ in Self.fragments.randomElement(using: &generator)! }.joined())
        }
        for _ in 0..<1_000 {
            templates.append(Self.balancedTemplate(depth: 3, using: &generator))
        }
        for source in Self.wellFormed {
            let bytes = Array(source.utf8)
            for cut in 0...bytes.count {
                templates.append(String(decoding: bytes[..<cut], as: UTF8.self))
            }
        }

        var compiled = 0
        for template in templates {
            for strict in [true, false] {
                do {
                    let set = try TemplateSet(sources: ["page": template, "p": template], strict: strict)
                    compiled += 1
                    // The data holds a handful of values and the engine bounds recursion, so no
                    // page of at most 30 fragments comes near a megabyte.
                    if let page = try? set.render("page", Self.data) {
                        XCTAssertLessThan(page.utf8.count, 1 << 20, "runaway output: \(String(reflecting: template))")
                    }
                } catch {
                    for error in error.errors {
                        XCTAssertGreaterThan(error.line, 0, "\(String(reflecting: template)): \(error)")
                        XCTAssertGreaterThan(error.column, 0, "\(String(reflecting: template)): \(error)")
                        _ = error.rendered
                    }
                }
            }
        }
        XCTAssertGreaterThan(compiled, 1_000, "the fuzzer should also reach the renderer")
    }

    /// A template whose sections, parents and blocks are balanced, so it usually compiles and
    /// exercises whitespace handling and rendering rather than only error reporting.
    private static func balancedTemplate(depth: Int, using generator: inout SplitMix64) -> String {
        let whitespace = ["", " ", "  ", "\n", "\r\n", "\n  ", "\t"]
        var parts: [String] = []
        for _ in 0..<Int.random(in: 0...5, using: &generator) {
            let pad = { (generator: inout SplitMix64) in whitespace.randomElement(using: &generator)! }
            let name = ["a", "b", "x", "items", "a.b", "."].randomElement(using: &generator)!
            let body = depth > 0 ? balancedTemplate(depth: depth - 1, using: &generator) : "t"
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: parts.append("text" + pad(&generator))
            case 1: parts.append("{{\(name)}}")
            case 2: parts.append("{{#\(name)}}\(pad(&generator))\(body)\(pad(&generator)){{/\(name)}}")
            case 3: parts.append("{{^\(name)}}\(pad(&generator))\(body){{/\(name)}}")
            case 4: parts.append(pad(&generator) + "{{>p}}" + pad(&generator))
            case 5: parts.append("{{<p}}\(pad(&generator)){{$b}}\(pad(&generator))\(body){{/b}}\(pad(&generator)){{/p}}")
            case 6: parts.append("{{$b}}\(pad(&generator))\(body)\(pad(&generator)){{/b}}")
            default: parts.append("{{! c }}" + pad(&generator))
            }
        }
        return parts.joined()
    }
}
