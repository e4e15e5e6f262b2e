import XCTest
@testable import Content

/// Duplicate checks on large input report exactly the repeats (their speed is measured by
/// `make bench`, `large-role`, not here).
final class LargeInputTests: XCTestCase {
    func testDuplicateKeysInALargeObjectAreEachReportedAgainstTheirFirstOccurrence() {
        var text = "{"
        var offsets: [String: Int] = [:]
        var expected: [DuplicateKey] = []
        for index in 0..<20_000 {
            // Every 1,000th key repeats the key 7 before it.
            let key = index % 1_000 == 999 ? "k\(index - 7)" : "k\(index)"
            if index > 0 { text += "," }
            let offset = text.utf8.count
            if let first = offsets[key] {
                expected.append(DuplicateKey(key: key, offset: offset, firstOffset: first))
            } else {
                offsets[key] = offset
            }
            text += "\"\(key)\":\(index)"
        }
        text += "}"
        let document = JSONParser.parse(Array(text.utf8))
        XCTAssertNil(document.syntaxError)
        XCTAssertEqual(document.duplicateKeys.count, 20)
        XCTAssertEqual(document.duplicateKeys, expected)
        guard case .object(let object) = document.root?.content else { return XCTFail("not an object") }
        XCTAssertEqual(object.members.count, 19_980)
        XCTAssertEqual(object["k992"]?.value.content, .integer(992))
    }

    /// A short list is searched, a longer one hashed from its 25th id on: a repeat is found on
    /// either side of that, the second one against an id seen before the list was hashed.
    func testRepeatedIdsAroundTheLengthWhereTheyAreHashed() throws {
        let ids = (0..<30).map { $0 == 3 ? "task-1" : $0 == 27 ? "task-0" : "task-\($0)" }
        let site = Self.backendRole(taskIDs: ids, textsFor: (0..<30).filter { $0 != 3 && $0 != 27 })
        XCTAssertEqual(try site.diagnostics(), [
            "content/roles/backend-developer/role.json:14:13: error: duplicate task id `task-1` (first defined on line 12)",
            "content/roles/backend-developer/role.json:38:13: error: duplicate task id `task-0` (first defined on line 11)",
        ])
    }

    func testARoleWithManyTasksReportsItsRepeatedIdsAndMissingTexts() throws {
        let ids = (0..<5_000).map { $0 == 4_000 ? "task-10" : "task-\($0)" }
        let site = Self.backendRole(taskIDs: ids, textsFor: (0..<5_000).filter { $0 != 2_500 })
        XCTAssertEqual(try site.diagnostics(), [
            "content/roles/backend-developer/en.json:5:12: error: missing a text for task `task-2500`",
            "content/roles/backend-developer/en.json:6:101755: error: text for task `task-4000` that role `backend-developer` does not have — did you mean `task-1000`?",
            "content/roles/backend-developer/role.json:4011:13: error: duplicate task id `task-10` (first defined on line 21)",
        ])
    }

    /// The valid site with the backend role's tasks replaced by `taskIDs` (one a line, the first
    /// on line 11 of role.json) and its English texts by `task-<n>` for each of `textsFor`.
    private static func backendRole(taskIDs: [String], textsFor numbers: [Int]) -> TestSite {
        var site = TestSite.valid
        site.edit(TestSite.backendRole, replacing: """
            { "id": "crud-endpoints", "exposure": "automated" },
            { "id": "code-reviews", "exposure": "oversight" },
            { "id": "system-design", "exposure": "safe" }
        """, with: taskIDs.map { #"{ "id": "\#($0)", "exposure": "safe" }"# }.joined(separator: ",\n    "))
        site.edit(TestSite.backendEnglish, replacing: """
            "crud-endpoints": "Writing basic CRUD API endpoints",
            "code-reviews": "Code reviews",
            "system-design": "Architecting scalable systems"
        """, with: numbers.map { #""task-\#($0)": "Task \#($0)""# }.joined(separator: ", "))
        site.files["content/roles/backend-developer/fr.json"] = #"{ "title": "Développeur backend" }"#
        return site
    }
}

/// A Markdown file larger than site.json's `markdownSizeLimit` (default 256 KB) is an error at
/// the first byte past the limit, before cmark-gfm parses it.
final class MarkdownSizeLimitTests: XCTestCase {
    private static let analysis = "content/roles/backend-developer/analysis.en.md"

    func testAFileOverTheDefaultLimitIsAnErrorNamingTheLimitAndTheSetting() throws {
        var site = TestSite.valid
        let row = "| a | b |\n"
        site.files[Self.analysis] = "| x | y |\n|---|---|\n" + String(repeating: row, count: 30_000)
        XCTAssertEqual(try site.diagnostics(), [
            "content/roles/backend-developer/analysis.en.md:26215:5: error: Markdown file of 300020 bytes is over the limit of 262144 bytes (`markdownSizeLimit` in site.json)",
        ])
        site.files[Self.analysis] = String(repeating: "a", count: 262_144)
        XCTAssertEqual(try site.diagnostics(), [])
    }

    func testTheLimitIsSetInSiteJSON() throws {
        var site = TestSite.valid
        site.edit("site.json", replacing: #""reportEndpoint""#, with: #""markdownSizeLimit": 50, "reportEndpoint""#)
        site.files[Self.analysis] = "Backend development is *resilient*.\nIt is, mostly so."
        let message = "Markdown file of 53 bytes is over the limit of 50 bytes (`markdownSizeLimit` in site.json)"
        XCTAssertEqual(try site.diagnostics(), ["content/roles/backend-developer/analysis.en.md:2:15: error: \(message)"])
        XCTAssertEqual(try site.load().diagnostics.first?.rendered, """
            content/roles/backend-developer/analysis.en.md:2:15: error: \(message)
                It is, mostly so.
                              ^
            """)
        site.files[Self.analysis] = "Backend development is *resilient*.\nIt is, mostly"
        XCTAssertEqual(try site.load().site?.config.markdownSizeLimit, 50)
        site.edit("site.json", replacing: #""markdownSizeLimit": 50"#, with: #""markdownSizeLimit": 0"#)
        XCTAssertEqual(try site.diagnostics(), [
            "site.json:8:24: error: `markdownSizeLimit` must be between 1 and 67108864, found 0",
        ])
    }
}

/// Offsets in a decoded JSON string map back to the column where the user wrote them.
final class JSONStringPositionsTests: XCTestCase {
    func testEveryKindOfEscapeCountsWithItsWrittenLength() {
        let bytes = Array(#"{"k": "a\"b\n\u00e9\ud83d\ude00é}"}"#.utf8)
        let quote = 6
        // Decoded: a " b \n é(2 bytes) 😀(4) é(2) }, at decoded offsets 0 1 2 3 4 6 10 12; an
        // offset inside an escape's bytes is the escape's backslash; past the end, the closing quote.
        let expected = [(0, 7), (1, 8), (2, 10), (3, 11), (4, 13), (5, 13), (6, 19), (9, 19), (10, 31), (12, 33), (13, 34)]
        for (decoded, source) in expected {
            XCTAssertEqual(JSONStringPositions.sourceOffset(ofDecodedOffset: decoded, inStringAt: quote, of: bytes), source, "decoded offset \(decoded)")
        }
    }
}

/// Files saved with old Mac line endings (a CR alone) report the lines an editor shows.
final class CarriageReturnLineTests: XCTestCase {
    func testAnErrorInACROnlyFileIsOnItsLine() throws {
        var site = TestSite.valid
        let role = try XCTUnwrap(site.files[TestSite.backendRole])
        site.files[TestSite.backendRole] = role.replacingOccurrences(of: "\n", with: "\r")
            .replacingOccurrences(of: #""riskScore": 38"#, with: #""riskScore": "38""#)
        XCTAssertEqual(try site.diagnostics(), [
            "content/roles/backend-developer/role.json:4:16: error: `riskScore` must be an integer, found a string",
        ])
        XCTAssertEqual(try site.load().diagnostics.first?.quote?.text, #"  "riskScore": "38","#)
    }
}
