import Foundation
import TestSupport
import XCTest
@testable import Content

/// The JSON Schemas in docs/schemas give editors completion; these tests keep them in step with
/// what the loader accepts, so the two cannot drift apart.
final class SchemaTests: XCTestCase {
    private static let folder = PackageRoot.url.appendingPathComponent("docs/schemas")

    private func schema(_ name: String) throws -> JSONValue {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let document = JSONParser.parse(bytes)
        XCTAssertNil(document.syntaxError, name)
        XCTAssertEqual(document.duplicateKeys, [], name)
        return try XCTUnwrap(document.root, name)
    }

    /// The value at a path of object keys (`["$defs", "task"]`).
    private func value(_ root: JSONValue, at path: [String], file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        var current = root
        for key in path {
            guard case .object(let object) = current.content, let member = object[key] else {
                XCTFail("no `\(path.joined(separator: "/"))`", file: file, line: line)
                throw XCTSkip()
            }
            current = member.value
        }
        return current
    }

    private func keys(_ value: JSONValue) -> Set<String> {
        guard case .object(let object) = value.content else { return [] }
        return Set(object.members.map(\.key))
    }

    private func strings(_ value: JSONValue) -> [String] {
        guard case .array(let elements) = value.content else { return [] }
        return elements.compactMap { if case .string(let text) = $0.content { text } else { nil } }
    }

    func testEveryAcceptedFieldIsInTheSchemaAndViceVersa() throws {
        let objects: [(file: String, path: [String], fields: [String])] = [
            ("site.schema.json", [], FieldNames.site),
            ("sectors.schema.json", [], FieldNames.sectorsFile),
            ("sectors.schema.json", ["$defs", "sector"], FieldNames.sector),
            ("tools.schema.json", [], FieldNames.toolsFile),
            ("tools.schema.json", ["$defs", "tool"], FieldNames.tool),
            ("role.schema.json", [], FieldNames.role),
            ("role.schema.json", ["properties", "impactYears"], FieldNames.impactYears),
            ("role.schema.json", ["$defs", "task"], FieldNames.task),
            ("role.schema.json", ["$defs", "skill"], FieldNames.skill),
            ("role-text.schema.json", [], FieldNames.roleText),
            ("role-text.schema.json", ["$defs", "roadmapPhase"], FieldNames.roadmapPhase),
            ("role-text.schema.json", ["$defs", "faqEntry"], FieldNames.faqEntry),
            ("strings.schema.json", [], ["$schema"]),
            ("translations.schema.json", [], FieldNames.translationsFile),
            ("site.schema.json", ["$defs", "image"], FieldNames.image),
            ("role.schema.json", ["$defs", "image"], FieldNames.image),
            ("site.schema.json", ["properties", "urlSegments", "additionalProperties"], URLSegment.allCases.map(\.rawValue)),
        ]
        for (file, path, fields) in objects {
            let object = try value(try schema(file), at: path)
            let place = ([file] + path).joined(separator: " ")
            XCTAssertEqual(keys(try value(object, at: ["properties"])), Set(fields), place)
            XCTAssertEqual(try value(object, at: ["additionalProperties"]).content, .bool(false), "\(place) must be strict like the loader")
        }
    }

    func testEnumerationsMatchTheModel() throws {
        let site = try schema("site.schema.json")
        let role = try schema("role.schema.json")
        XCTAssertEqual(strings(try value(site, at: ["properties", "sections", "items", "enum"])), Section.standard.map(\.rawValue))
        XCTAssertEqual(strings(try value(role, at: ["properties", "demandTrend", "enum"])), DemandTrend.allCases.map(\.rawValue))
        XCTAssertEqual(strings(try value(role, at: ["$defs", "task", "properties", "exposure", "enum"])), Exposure.allCases.map(\.rawValue))
        XCTAssertEqual(strings(try value(role, at: ["properties", "illustrative", "items", "enum"])), Role.illustrativeFigures)
    }

    /// Each schema pattern accepts exactly what the loader's check accepts, on samples chosen
    /// at the edges of the rules.
    func testPatternsAgreeWithTheLoader() throws {
        func pattern(_ file: String, _ path: [String]) throws -> String {
            guard case .string(let text) = try value(try schema(file), at: path).content else { throw XCTSkip("not a string") }
            return text
        }
        let checks: [(pattern: String, rule: (String) -> Bool, samples: [String])] = [
            (try pattern("site.schema.json", ["$defs", "locale", "pattern"]), isLocaleCode,
             ["en", "fra", "pt-BR", "e", "engl", "EN", "fr_FR", "fr-fr", "fr-FRA", "fr-", "-FR", ""]),
            (try pattern("site.schema.json", ["$defs", "segment", "pattern"]), isSafeURLSegment,
             ["metiers", "a", "a-b", "a1-2b", "-a", "a-", "a--b", "A", "mé", "a b", "a_b", ""]),
            (try pattern("role.schema.json", ["$defs", "id", "pattern"]), isSafeURLSegment,
             ["crud-endpoints", "x9", "Crud", "crud endpoints", "crud--x", ""]),
            (try pattern("translations.schema.json", ["properties", "translatedFrom", "additionalProperties", "pattern"]),
             TranslationRecords.isFingerprint,
             ["0123456789abcdef", TranslationRecords.fingerprint("Backend Developer"), "0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0", ""]),
            (try pattern("site.schema.json", ["$defs", "httpURL", "pattern"]), isAbsoluteHTTPURL,
             ["https://example.org/", "http://a", "https://a.b/c?d#e", "ftp://a", "https://", "https:///x", "https://a b",
              "example.org", "HTTPS://A", "https://:80", "https://@host"]),
        ]
        for (pattern, rule, samples) in checks {
            let regex = try Regex(pattern)
            for sample in samples {
                XCTAssertEqual(sample.firstMatch(of: regex) != nil, rule(sample), "`\(sample)` against \(pattern)")
            }
        }
        let strings = try schema("strings.schema.json")
        let keyPattern = try XCTUnwrap(keys(try value(strings, at: ["patternProperties"])).first)
        let keyRegex = try Regex(keyPattern)
        for sample in ["hero", "Hero_2", "a", "2nd", "_x", "hero-title", "héros", ""] {
            XCTAssertEqual(sample.firstMatch(of: keyRegex) != nil, isStringKeySegment(sample), "`\(sample)` against \(keyPattern)")
        }
    }
}
