import Foundation
import TemplateEngine
import TestSupport
import XCTest

extension SharedSpec {
    /// The Mustache spec folder, or a skip (a failure when `CI=true`) that says where it was
    /// expected.
    static func mustache() throws -> URL {
        let url = folderURL("mustache")
        try require(url, otherwise: "Mustache spec files not found at \(url.path) (expected ../shared/spec/mustache beside the package)")
        return url
    }
}

/// One spec file: `{"overview": …, "tests": [{name, desc, data, partials?, template, expected}]}`.
struct SpecFile: Decodable {
    struct Test: Decodable {
        let name: String
        let desc: String
        let data: JSONValue
        let partials: [String: String]?
        let template: String
        let expected: String
    }

    let tests: [Test]
}

/// JSON decoded into a `TemplateValue`, keeping integers, decimals and booleans apart (the spec
/// prints `1.21` as `1.21` and `1` as `1`).
struct JSONValue: Decodable {
    let value: TemplateValue

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let bool = try? container.decode(Bool.self) {
            value = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            value = .int(int)
        } else if let double = try? container.decode(Double.self) {
            value = .double(double)
        } else if let string = try? container.decode(String.self) {
            value = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            value = .array(array.map(\.value))
        } else {
            value = .object(try container.decode([String: JSONValue].self).mapValues(\.value))
        }
    }
}
