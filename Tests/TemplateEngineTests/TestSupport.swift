import TemplateEngine
import XCTest

/// Renders `template` (registered as "page", next to `partials`) with `data`.
func render(_ template: String, _ data: TemplateValue = [:], partials: [String: String] = [:], strict: Bool = true) throws -> String {
    var sources = partials
    sources["page"] = template
    return try TemplateSet(sources: sources, strict: strict).render("page", data)
}

/// The error rendering `template` throws, failing the test when it renders.
func renderError(
    _ template: String, _ data: TemplateValue = [:], partials: [String: String] = [:],
    file: StaticString = #filePath, line: UInt = #line
) throws -> TemplateError {
    var sources = partials
    sources["page"] = template
    let templates = try TemplateSet(sources: sources)
    do {
        let output = try templates.render("page", data)
        XCTFail("expected an error, got \(String(reflecting: output))", file: file, line: line)
    } catch {
        return error
    }
    throw XCTSkip("no error to check")
}

/// The errors loading `sources` reports, failing the test when they load.
func loadErrors(_ sources: [String: String], strict: Bool = true, file: StaticString = #filePath, line: UInt = #line) -> [TemplateError] {
    loadErrors(file: file, line: line) { () throws(TemplateLoadError) in try TemplateSet(sources: sources, strict: strict) }
}

/// The errors `load` reports, failing the test when it loads.
func loadErrors(file: StaticString = #filePath, line: UInt = #line, _ load: () throws(TemplateLoadError) -> TemplateSet) -> [TemplateError] {
    do {
        _ = try load()
        XCTFail("expected load errors", file: file, line: line)
        return []
    } catch {
        return error.errors
    }
}

/// Asserts an error's compiler-style line, e.g. `page:1:3: error: …`. Named like XCTest's own
/// assertions.
// swift-format-ignore: AlwaysUseLowerCamelCase
func XCTAssertError(_ error: TemplateError, _ description: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(error.description, description, file: file, line: line)
}
