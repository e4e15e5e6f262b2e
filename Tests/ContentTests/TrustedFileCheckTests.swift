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

/// Keys are usually written in the order of their object's fields, and looked for there first;
/// in any other order, with some left out or one unknown among them, the same keys are known.
final class FieldOrderTests: XCTestCase {
    func testKnownFieldsInAnyOrderAndOneUnknown() throws {
        for text in [#"{"a": 1, "b": 2, "c": 3, "d": 4}"#, #"{"d": 4, "b": 2, "zz": 0, "a": 1, "c": 3}"#, #"{"c": 3, "a": 1, "a2": 0}"#] {
            let check = FileCheck(path: "a.json", bytes: Array(text.utf8))
            let root = try XCTUnwrap(check.root(fields: ["a", "b", "c", "d"]))
            XCTAssertEqual(root.optional("a").flatMap { check.integer($0, in: 0...9) }, 1, text)
            XCTAssertEqual(root.optional("c").flatMap { check.integer($0, in: 0...9) }, 3, text)
            let unknown = text.contains("zz") ? ["unknown field `zz`"] : text.contains("a2") ? ["unknown field `a2` — did you mean `a`?"] : []
            XCTAssertEqual(check.diagnostics.map(\.message), unknown, text)
        }
    }

    /// Members are looked for where the last one read was found first: read in another order,
    /// or between the members of another object of the file, each is still found.
    func testMembersReadInAnyOrder() throws {
        let check = FileCheck(path: "a.json", bytes: Array(#"{"a": 1, "b": {"x": 5, "y": 6}, "c": 3, "d": 4}"#.utf8))
        let root = try XCTUnwrap(check.root(fields: ["a", "b", "c", "d"]))
        let inner = try XCTUnwrap(root.optional("b").flatMap { check.object($0, fields: ["x", "y"]) })
        let read = [
            root.optional("d"), inner.optional("y"), root.optional("c"), inner.optional("x"), root.optional("a"), root.optional("a"),
            root.optional("e"), inner.optional("a"),
        ]
        XCTAssertEqual(read.map { $0.flatMap { check.integer($0, in: 0...9) } }, [4, 6, 3, 5, 1, 1, nil, nil])
        XCTAssertEqual(check.diagnostics, [])
    }
}
