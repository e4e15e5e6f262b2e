import XCTest

@testable import Content

/// A role read again for its pages reads bytes its load checked (`FileCheck.isTrusted`): checks
/// that could only report are skipped, what decides a value is not.
final class TrustedFileCheckTests: XCTestCase {
    func testATrustedFileSkipsWhatOnlyReportsAndDecidesValuesAlike() throws {
        let bytes = Array(#"{"title": "TODO: a title", "plural": "  ", "id": "Not Safe", "extra": 1, "title": "again"}"#.utf8)
        let checked = FileCheck(path: "a.json", bytes: bytes)
        let trusted = FileCheck(path: "a.json", bytes: bytes)
        trusted.isTrusted = true
        var values: [[String?]] = []
        for check in [checked, trusted] {
            let root = try XCTUnwrap(check.root(fields: ["title", "plural", "id"]))
            values.append([
                root.optional("title").flatMap { check.text($0, required: true) },
                root.optional("plural").flatMap { check.text($0, required: false) },
                root.optional("id").flatMap { check.segment($0, what: "id") },
            ])
        }
        XCTAssertEqual(
            checked.diagnostics.map(\.message),
            [
                "duplicate key `title` (first defined on line 1)", "unknown field `extra`",
                "`title` is still a placeholder (`TODO: …`): write its text",
                "id `Not Safe` is not a safe URL segment (use lowercase letters, digits and hyphens)",
            ])
        XCTAssertEqual(trusted.diagnostics, [])
        // A blank text is absent either way; only the unsafe id, an error, reads differently.
        XCTAssertEqual(values[0], ["TODO: a title", nil, nil])
        XCTAssertEqual(values[1], ["TODO: a title", nil, "Not Safe"])
    }
}
