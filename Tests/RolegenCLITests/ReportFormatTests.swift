import Foundation
import TestSupport
import XCTest

/// The machine-readable forms of a run (`--format json`, GitHub Actions annotations), asserted
/// exactly on a copy of the i18n fixture site with known mistakes: two errors in one role file (one
/// with a suggestion, one whose message quotes `%`, `,`, `:` and a line break), a
/// missing field that follows from the typo, and a warning in a string table.
final class ReportFormatTests: XCTestCase {
    /// The site lives in `sites/careers,v2/` of a repository, so annotation paths need the
    /// folder's path in front and its comma escaped.
    private func brokenSite() throws -> (repository: URL, root: URL) {
        let (repository, root) = try RolegenProcess.siteCopy(at: "sites/careers,v2", testCase: self)
        let role = "content/roles/devops-engineer/role.json"
        try RolegenProcess.edit(root, role, replacing: #""riskScore": 33"#, with: #""riskScroe": 33"#)
        try RolegenProcess.edit(root, role, replacing: #""demandTrend": "growing""#, with: #""demandTrend": "grow,ing: 50%\n""#)
        try RolegenProcess.edit(root, "locales/fr.json", replacing: "{\n", with: "{\n  \"unusedNote\": \"jamais\",\n")
        return (repository, root)
    }

    private static let role = "content/roles/devops-engineer/role.json"

    func testJSONFormatPrintsOneObjectPerDiagnosticThenTheSummary() throws {
        let (_, root) = try brokenSite()
        let result = try RolegenProcess.run(["check", "--format", "json"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "")
        var lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.popLast(), "", "the stream ends with a line break")
        let summary = try XCTUnwrap(lines.popLast())
        XCTAssertEqual(lines, [
            #"{"type":"diagnostic","severity":"error","code":"RG120","file":"\#(Self.role)","line":4,"column":3,"end":null,"message":"unknown field `riskScroe` — did you mean `riskScore`?","suggestion":"riskScore"}"#,
            #"{"type":"diagnostic","severity":"error","code":"RG127","file":"\#(Self.role)","line":9,"column":18,"end":null,"message":"`demandTrend` must be one of `growing`, `stable`, `declining`, found `grow,ing: 50%\n`","suggestion":null}"#,
            #"{"type":"diagnostic","severity":"warning","code":"RG162","file":"locales/fr.json","line":2,"column":3,"end":null,"message":"string `unusedNote` is not in locales/en.json, so no page uses it","suggestion":null}"#,
        ])
        // Templates are rendered with the content that loaded, to find their mistakes too.
        let timings = #""seconds":\d+\.\d{3},"timings":\{"load":\d+\.\d{3},"check":\d+\.\d{3},"model":\d+\.\d{3},"render":\d+\.\d{3}\}\}$"#
        XCTAssertTrue(summary.hasPrefix(#"{"type":"summary","command":"check","succeeded":false,"pages":{"total":0,"perLocale":{},"other":0},"fallbacks":{"total":0,"perLocale":{}},"outdatedTranslations":{"total":0,"perLocale":{}},"errors":2,"warnings":1,"#), summary)
        XCTAssertNotNil(summary.range(of: timings, options: .regularExpression), summary)
        for line in lines + [summary] { try ReportSchema.check(line) }
    }

    func testJSONSummaryOfASuccessfulBuild() throws {
        let (_, root) = try RolegenProcess.siteCopy(testCase: self)
        let result = try RolegenProcess.run(["build", "--format", "json", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stdout)
        let pattern = #"^\{"type":"summary","command":"build","succeeded":true,"pages":\{"total":13,"perLocale":\{"en":6,"fr":5\},"other":2\},"fallbacks":\{"total":\d+,"perLocale":\{"fr":\d+\}\},"outdatedTranslations":\{"total":0,"perLocale":\{\}\},"errors":0,"warnings":0,"seconds":[0-9.]+,"timings":\{"load":[0-9.]+,"check":[0-9.]+,"model":[0-9.]+,"render":[0-9.]+,"write":[0-9.]+,"swap":[0-9.]+\}\}\n$"#
        XCTAssertNotNil(result.stdout.range(of: pattern, options: .regularExpression), result.stdout)
        try ReportSchema.check(String(result.stdout.dropLast()))
    }

    func testGitHubActionsAnnotationsUseRepositoryPathsAndEscaping() throws {
        let (repository, root) = try brokenSite()
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let expected = [
            "::error file=sites/careers%2Cv2/\(Self.role),line=4,col=3,title=rolegen RG120::unknown field `riskScroe` — did you mean `riskScore`?",
            "::error file=sites/careers%2Cv2/\(Self.role),line=9,col=18,title=rolegen RG127::`demandTrend` must be one of `growing`, `stable`, `declining`, found `grow,ing: 50%25%0A`",
            "::warning file=sites/careers%2Cv2/locales/fr.json,line=2,col=3,title=rolegen RG162::string `unusedNote` is not in locales/en.json, so no page uses it",
        ]
        let result = try RolegenProcess.run(["check"], in: root, environment: ["GITHUB_ACTIONS": "true"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, expected.joined(separator: "\n") + "\n")
        XCTAssertTrue(result.stderr.hasPrefix("\(Self.role):4:3: error: unknown field `riskScroe` — did you mean `riskScore`?\n"), "people still get the compiler form on stderr")

        // GITHUB_WORKSPACE names the repository when there is no .git folder to find.
        try FileManager.default.removeItem(at: repository.appendingPathComponent(".git"))
        let workspace = try RolegenProcess.run(["check", "--root", root.path], environment: ["GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": repository.path])
        XCTAssertEqual(workspace.stdout, expected.joined(separator: "\n") + "\n")

        let local = try RolegenProcess.run(["check"], in: root)
        XCTAssertEqual(local.stdout, "", "no workflow commands outside GitHub Actions")
    }

    func testWarningsAsErrorsFailsAndWritesNothing() throws {
        let (_, root) = try RolegenProcess.siteCopy(testCase: self)
        try RolegenProcess.edit(root, "locales/fr.json", replacing: "{\n", with: "{\n  \"unusedNote\": \"jamais\",\n")
        let lenient = try RolegenProcess.run(["build", "--root", root.path, "--output", root.appendingPathComponent("a").path])
        XCTAssertEqual(lenient.status, 0, lenient.stderr)
        XCTAssertTrue(lenient.stdout.contains(" · 1 warning · "), lenient.stdout)
        let strict = try RolegenProcess.run(["build", "--root", root.path, "--warnings-as-errors", "--output", root.appendingPathComponent("b").path])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.hasPrefix("locales/fr.json:2:3: error: string `unusedNote` is not in locales/en.json, so no page uses it\n"), strict.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("b").path))
    }
}

/// docs/schemas/report.schema.json applied to one line of the JSON stream: the line's members
/// are exactly the schema's properties for its `type`, each of an allowed JSON type.
enum ReportSchema {
    static func check(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) throws {
        let url = PackageRoot.url.appendingPathComponent("docs/schemas/report.schema.json")
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed) as? [String: Any], line)
        let type = try XCTUnwrap(object["type"] as? String)
        let definitions = try XCTUnwrap(schema["$defs"] as? [String: Any])
        let definition = try XCTUnwrap(definitions[type] as? [String: Any], "no schema for type \(type)")
        let properties = try XCTUnwrap(definition["properties"] as? [String: Any])
        XCTAssertEqual(Set(object.keys), Set(properties.keys), line, file: file, line: lineNumber)
        XCTAssertEqual(Set(definition["required"] as? [String] ?? []), Set(properties.keys), "every member is always present", file: file, line: lineNumber)
        for (key, value) in object {
            let property = try XCTUnwrap(properties[key] as? [String: Any])
            let allowed: [String] = (property["type"] as? [String]) ?? [(property["type"] as? String) ?? "object"]
            let found = jsonType(value)
            let fits = allowed.contains(found) || (found == "integer" && allowed.contains("number"))
            XCTAssertTrue(fits, "\(type).\(key): \(found) is not one of \(allowed)", file: file, line: lineNumber)
            if let pattern = property["pattern"] as? String, let text = value as? String {
                XCTAssertNotNil(text.range(of: pattern, options: .regularExpression), "\(key) `\(text)` matches \(pattern)", file: file, line: lineNumber)
            }
        }
    }

    private static func jsonType(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        // JSONSerialization gives NSNumbers; their Objective-C type tells a boolean (`c`) and
        // a floating-point number (`d`, `f`) from an integer.
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c": "boolean"
            case "d", "f": "number"
            default: "integer"
            }
        case is String: "string"
        case is [Any]: "array"
        default: "object"
        }
    }
}
