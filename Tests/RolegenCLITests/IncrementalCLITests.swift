import Foundation
import XCTest

/// `rolegen build` is incremental by default; `--clean` renders and swaps everything.
final class IncrementalCLITests: XCTestCase {
    private func inode(_ url: URL) -> UInt64 {
        var status = stat()
        return lstat(url.path, &status) == 0 ? UInt64(status.st_ino) : 0
    }

    func testAnUnchangedBuildLeavesTheOutputAloneAndCleanRebuildsIt() throws {
        let root = try RolegenProcess.siteCopy(testCase: self).root
        let output = root.appendingPathComponent("public")
        let first = try RolegenProcess.run(["build", "--root", root.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        let folder = inode(output)
        let again = try RolegenProcess.run(["build", "--root", root.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(inode(output), folder, "an unchanged build swapped the output folder")
        // The same summary, but for the time.
        let withoutTime = { (text: String) in text.replacingOccurrences(of: #" · [0-9.]+ s"#, with: "", options: .regularExpression) }
        XCTAssertEqual(withoutTime(again.stdout), withoutTime(first.stdout))
        let clean = try RolegenProcess.run(["build", "--root", root.path, "--clean"])
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertNotEqual(inode(output), folder, "--clean did not build a new tree")
        XCTAssertTrue(try RolegenProcess.run(["build", "--help"]).stdout.contains("--clean"))
    }
}
