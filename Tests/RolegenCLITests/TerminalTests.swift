import Foundation
import XCTest

/// What a person at a terminal sees: colour and the progress line on a pseudo-terminal, and
/// none of either in a pipe unless asked for.
final class TerminalTests: XCTestCase {
    private static let red = "\u{1B}[1;31m"
    private static let green = "\u{1B}[1;32m"
    private static let reset = "\u{1B}[0m"
    private static let eraseLine = "\r\u{1B}[2K"

    /// A copy of the i18n fixture site with one typo.
    private func siteWithTypo() throws -> URL {
        let root = try RolegenProcess.siteCopy(testCase: self).root
        try RolegenProcess.edit(root, "content/roles/devops-engineer/role.json", replacing: #""riskScore": 33"#, with: #""riskScroe": 33"#)
        return root
    }

    func testColourOnATerminalForSeverityCaretAndSummary() throws {
        let root = try siteWithTypo()
        let (status, output) = try RolegenProcess.runOnTerminal(["check", "--root", root.path])
        XCTAssertEqual(status, 1)
        XCTAssertTrue(output.contains(
            "\u{1B}[1mcontent/roles/devops-engineer/role.json:4:3:\(Self.reset) \(Self.red)error:\(Self.reset) unknown field `riskScroe` — did you mean `riskScore`?\r\n"
            + "      \"riskScroe\": 33,\r\n      \(Self.green)^\(Self.reset)\r\n"), output)
        XCTAssertTrue(output.contains("\(Self.red)check failed:\(Self.reset) 1 error · "), output)

        let fine = try RolegenProcess.siteCopy(testCase: self).root
        let built = try RolegenProcess.runOnTerminal(["check", "--root", fine.path])
        XCTAssertEqual(built.status, 0)
        XCTAssertTrue(built.output.hasPrefix("\(Self.green)checked\(Self.reset) 13 pages "), built.output)
    }

    func testNoColourWithNO_COLOROrInAPipeAndColourWithCLICOLOR_FORCE() throws {
        let root = try siteWithTypo()
        let noColour = try RolegenProcess.runOnTerminal(["check", "--root", root.path], environment: ["NO_COLOR": "1"])
        XCTAssertFalse(noColour.output.contains("\u{1B}["), noColour.output)
        XCTAssertTrue(noColour.output.contains("content/roles/devops-engineer/role.json:4:3: error: unknown field"))

        let piped = try RolegenProcess.run(["check", "--root", root.path])
        XCTAssertFalse(piped.stderr.contains("\u{1B}["), piped.stderr)

        let forced = try RolegenProcess.run(["check", "--root", root.path], environment: ["CLICOLOR_FORCE": "1"])
        XCTAssertTrue(forced.stderr.contains("\(Self.red)error:\(Self.reset) unknown field"), forced.stderr)
        let both = try RolegenProcess.run(["check", "--root", root.path], environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": "1"])
        XCTAssertFalse(both.stderr.contains("\u{1B}["), "NO_COLOR wins")
    }

    /// The line is drawn in place (carriage return, erase line) and erased before the summary.
    /// ROLEGEN_PROGRESS_DELAY=0 shows it from the start, so the test does not depend on how
    /// long the build takes.
    func testProgressLineOnATerminalOnlyAndErasedBeforeTheSummary() throws {
        let root = try RolegenProcess.siteCopy(testCase: self).root
        let (status, output) = try RolegenProcess.runOnTerminal(
            ["build", "--root", root.path], environment: ["ROLEGEN_PROGRESS_DELAY": "0", "NO_COLOR": "1"])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.hasPrefix("\(Self.eraseLine)rolegen: "), output)
        XCTAssertTrue(output.contains("\(Self.eraseLine)built 13 pages "), "erased, then the summary: \(output)")
        let frames = output.components(separatedBy: Self.eraseLine).dropFirst().dropLast()
        XCTAssertTrue(frames.allSatisfy { $0.hasPrefix("rolegen: ") && !$0.contains("\n") }, "every frame is one line: \(frames)")

        let piped = try RolegenProcess.run(["build", "--root", root.path], environment: ["ROLEGEN_PROGRESS_DELAY": "0"])
        XCTAssertEqual(piped.stderr, "", "no progress into a pipe")
        let quiet = try RolegenProcess.runOnTerminal(["build", "--root", root.path, "--quiet"], environment: ["ROLEGEN_PROGRESS_DELAY": "0"])
        XCTAssertEqual(quiet.output, "", "--quiet prints nothing")
    }

    /// A build that ends before the delay shows nothing of the line (the default delay is a
    /// second; a long one here keeps the test independent of the machine's speed).
    func testBuildShorterThanTheDelayShowsNoProgress() throws {
        let root = try RolegenProcess.siteCopy(testCase: self).root
        let (status, output) = try RolegenProcess.runOnTerminal(
            ["check", "--root", root.path], environment: ["NO_COLOR": "1", "ROLEGEN_PROGRESS_DELAY": "600"])
        XCTAssertEqual(status, 0)
        XCTAssertTrue(output.hasPrefix("checked 13 pages "), output)
    }
}
