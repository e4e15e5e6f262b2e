import Foundation
import TemplateEngine
import XCTest

/// The folders of shared test data that is not ours (`../shared/spec/` beside the package).
enum SharedSpec {
    /// The package root, found from this file's path: Tests/TemplateEngineTests/SpecFiles.swift.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let mustacheFolder = packageRoot.appendingPathComponent("../shared/spec/mustache").standardizedFileURL

    /// The Mustache spec folder, or a skip that says where it was expected.
    static func mustache() throws -> URL {
        guard FileManager.default.fileExists(atPath: mustacheFolder.path) else {
            throw XCTSkip("Mustache spec files not found at \(mustacheFolder.path) (expected ../shared/spec/mustache beside the package)")
        }
        return mustacheFolder
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
