import Foundation
import TestSupport
import XCTest

/// `rolegen new role` through the binary: what it writes and what it refuses.
final class NewRoleCLITests: XCTestCase {
    func testWritesTheRoleFolder() throws {
        let site = try TemporarySite(TranslationsCLITests.files, testCase: self)
        let result = try RolegenProcess.run(["new", "role", "data-engineer", "--root", site.root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            wrote content/roles/data-engineer/role.json
            wrote content/roles/data-engineer/en.json
            wrote content/roles/data-engineer/analysis.en.md
            wrote content/roles/data-engineer/verdict.en.md
            Replace every `TODO:` text and the `todo` note in role.json; `rolegen check` lists what is left.

            """)
        XCTAssertTrue(try site.read("content/roles/data-engineer/role.json").contains(#""sector": "tech","#))
    }

    func testRefusals() throws {
        let site = try TemporarySite(TranslationsCLITests.files, testCase: self)
        let existing = try RolegenProcess.run(["new", "role", "dev", "--root", site.root.path])
        XCTAssertEqual(existing.status, 64)
        XCTAssertTrue(existing.stderr.contains("content/roles/dev/ already exists: choose another slug, or edit that role"), existing.stderr)
        let badSlug = try RolegenProcess.run(["new", "role", "Data_Engineer", "--root", site.root.path])
        XCTAssertEqual(badSlug.status, 64)
        XCTAssertTrue(badSlug.stderr.contains("`Data_Engineer` is not a valid slug: use lowercase letters, digits and single hyphens (data-engineer)"), badSlug.stderr)
        let typo = try RolegenProcess.run(["new", "role", "data-engineer", "--from", "deve", "--root", site.root.path])
        XCTAssertEqual(typo.status, 64)
        XCTAssertTrue(typo.stderr.contains("no role `deve` to start from — did you mean `dev`?"), typo.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/roles/data-engineer").path))
    }
}
