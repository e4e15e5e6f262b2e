import Foundation
import TemplateEngine
import TestSupport
import XCTest

/// Runs the official Mustache spec (v1.4) in non-strict mode, one XCTest per spec file; each
/// failing spec test is reported by file and name. Run alone with
/// `swift test --filter MustacheSpec`.
final class MustacheSpecTests: XCTestCase {
    func testComments() throws { try runSpecFile("comments", expectedCount: 12) }
    func testDelimiters() throws { try runSpecFile("delimiters", expectedCount: 14) }
    func testInterpolation() throws { try runSpecFile("interpolation", expectedCount: 42) }
    func testInvertedSections() throws { try runSpecFile("inverted", expectedCount: 22) }
    func testPartials() throws { try runSpecFile("partials", expectedCount: 12) }
    func testSections() throws { try runSpecFile("sections", expectedCount: 34) }
    func testInheritance() throws { try runSpecFile("~inheritance", expectedCount: 27) }
    func testDynamicNames() throws { try runSpecFile("~dynamic-names", expectedCount: 21) }

    /// The name the template under test is registered as, next to the test's partials.
    private static let templateName = "spec test template"

    private func runSpecFile(_ file: String, expectedCount: Int) throws {
        let url = try SharedSpec.mustache().appendingPathComponent(file + ".json")
        let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        XCTAssertEqual(spec.tests.count, expectedCount, "\(file).json: unexpected number of tests")
        var passed = 0
        for test in spec.tests {
            let label = "\(file).json — \(test.name)"
            do {
                var sources = test.partials ?? [:]
                sources[Self.templateName] = test.template
                let templates = try TemplateSet(sources: sources, strict: false)
                let output = try templates.render(Self.templateName, test.data.value)
                if output == test.expected {
                    passed += 1
                } else {
                    XCTFail("\(label): \(test.desc)\n  expected: \(String(reflecting: test.expected))\n  actual:   \(String(reflecting: output))")
                }
            } catch {
                XCTFail("\(label): \(test.desc)\n  threw: \(error)")
            }
        }
        XCTAssertEqual(passed, expectedCount, "\(file).json: \(passed) of \(expectedCount) spec tests pass")
    }
}
