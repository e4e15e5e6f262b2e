import XCTest

@testable import Content

/// A field's path is found from where its value starts (`FileCheck.path(to:)`): it must be the
/// way to the value, at any depth, in lists long enough to be bisected over many steps, and
/// with an empty key.
final class FieldPathTests: XCTestCase {
    func testEveryValueIsNamedByTheWayToIt() throws {
        let items = (0..<100).map { #"{"id": "item-\#($0)", "steps": ["a", {"deep": [1, 2, 3]}]}"# }
        let text = #"{"$schema": "x", "items": [\#(items.joined(separator: ", "))], "map": {"k": {"v": true}, "": 1}, "": [0]}"#
        let check = FileCheck(path: "a.json", bytes: Array(text.utf8))
        let root = try XCTUnwrap(check.parseJSON())
        // The paths the way down gives, as messages have always named them.
        var expected: [(value: JSONValue, path: String)] = []
        func walk(_ value: JSONValue, _ path: String) {
            expected.append((value, path))
            switch value.content {
            case .object(let object):
                for member in object.members { walk(member.value, path.isEmpty ? member.key : "\(path).\(member.key)") }
            case .array(let elements):
                for (index, element) in elements.enumerated() { walk(element, "\(path)[\(index)]") }
            default:
                break
            }
        }
        walk(root, "")
        XCTAssertGreaterThan(expected.count, 900)
        for (value, path) in expected {
            XCTAssertEqual(check.path(to: JSONField(value: value)), path)
        }
        XCTAssertTrue(expected.contains { $0.path == "items[99].steps[1].deep[2]" })
        XCTAssertEqual(check.path(to: JSONField(value: root), then: "missing"), "missing")
        XCTAssertEqual(check.path(to: JSONField(value: expected[3].value), then: "missing"), "\(expected[3].path).missing")
    }
}
