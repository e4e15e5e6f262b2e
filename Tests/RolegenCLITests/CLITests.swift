import Foundation
import XCTest

/// The `rolegen` binary run as a user runs it: arguments in, exit status and output out.
final class CLITests: XCTestCase {
    private func run(_ arguments: [String]) throws -> RolegenProcess.Result {
        try RolegenProcess.run(arguments)
    }

    private var binary: URL {
        get throws { try RolegenProcess.binary }
    }

    private func siteCopy() throws -> URL {
        try RolegenProcess.siteCopy(testCase: self).root
    }

    func testVersionAndHelp() throws {
        let version = try run(["--version"])
        XCTAssertEqual(version.status, 0)
        // The built binary allocates with mimalloc (Sources/Allocator): a build that linked
        // without it, or linked it after the C library, says "the C library's malloc". A
        // release build from `make site` adds that it was compiled with the profile.
        let versionLine = #"^rolegen 0\.1\.0 \(cmark-gfm 0\.29\.[0-9a-z.]+, mimalloc \d+\.\d+\.\d+(, profile-guided)?\)\n$"#
        XCTAssertNotNil(version.stdout.range(of: versionLine, options: .regularExpression), version.stdout)
        let help = try run(["build", "--help"])
        XCTAssertEqual(help.status, 0)
        for option in ["--root", "--output", "--strict", "--base-url", "--quiet", "--verbose"] {
            XCTAssertTrue(help.stdout.contains(option), "build --help mentions \(option)")
        }
    }

    func testSuccessfulBuildPrintsOneSummaryLine() throws {
        let root = try siteCopy()
        let result = try run(["build", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let pattern = #"^built 13 pages \(en 6, fr 5, 2 other\) · \d+ fallbacks \(fr \d+; --verbose lists them\) · 0 warnings · \d+\.\d\d s\n$"#
        XCTAssertNotNil(result.stdout.range(of: pattern, options: .regularExpression), result.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/en/roles/backend-developer/index.html").path))
    }

    func testQuietPrintsNothingAndVerboseListsFallbacks() throws {
        let root = try siteCopy()
        let quiet = try run(["build", "--root", root.path, "--quiet"])
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stdout, "")
        let verbose = try run(["build", "--root", root.path, "--verbose"])
        XCTAssertEqual(verbose.status, 0)
        XCTAssertTrue(verbose.stdout.contains("fallback: fr: backend-developer: title\n"), verbose.stdout)
        XCTAssertTrue(verbose.stdout.contains("wrote sitemap.xml\n"))
        let both = try run(["build", "--root", root.path, "--quiet", "--verbose"])
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.stderr.contains("--quiet and --verbose cannot be used together"))
    }

    func testErrorsGoToStderrWithPositionsAndExitNonZero() throws {
        let root = try siteCopy()
        let role = root.appendingPathComponent("content/roles/devops-engineer/role.json")
        var text = try String(contentsOf: role, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"riskScore\": 33", with: "\"riskScroe\": 33")
        try Data(text.utf8).write(to: role)
        let before = try run(["build", "--root", root.path, "--output", root.appendingPathComponent("out").path])
        XCTAssertEqual(before.status, 1)
        XCTAssertEqual(before.stdout, "")
        let lines = before.stderr.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains("content/roles/devops-engineer/role.json:4:3: error: unknown field `riskScroe` — did you mean `riskScore`?"), before.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("build failed: ") && $0.hasSuffix("(output left untouched)") }, before.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
    }

    /// A FIFO in place of site.json used to hang `check` (and `build`) forever.
    func testCheckRefusesAFIFOInsteadOfHanging() throws {
        let root = try siteCopy()
        let site = root.appendingPathComponent("site.json").path
        try FileManager.default.removeItem(atPath: site)
        XCTAssertEqual(mkfifo(site, 0o644), 0)
        let result = try run(["check", "--root", root.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.components(separatedBy: "\n").first, "site.json:1:1: error: `site.json` is a FIFO (named pipe), not a regular file: rolegen reads only regular files and folders")
    }

    func testStrictFailsOnFallbacks() throws {
        let root = try siteCopy()
        let result = try run(["check", "--root", root.path, "--strict"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("content/roles/backend-developer/fr.json:1:1: error: no `fr` text for `title` of role `backend-developer`"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path), "check writes nothing")
    }

    /// `--strict` takes an optional value: alone (last, or before another option) it means every
    /// locale; a value names the locales.
    func testStrictTakesAnOptionalListOfLocales() throws {
        let root = try siteCopy()
        for arguments in [["--strict"], ["--strict", "--quiet"], ["--strict", "fr"], ["--strict=fr"], ["--strict", "fr", "--quiet"]] {
            let result = try run(["check", "--root", root.path] + arguments)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertTrue(result.stderr.contains("error: no `fr` text for `title` of role `backend-developer`"), "\(arguments): \(result.stderr)")
        }
        let typo = try run(["check", "--root", root.path, "--strict", "ft"])
        XCTAssertEqual(typo.status, 1)
        XCTAssertTrue(typo.stderr.hasPrefix("error: --strict names `ft`, which is not a locale the site translates into (`en` is the default) — did you mean `fr`?\n"), typo.stderr)
    }

    /// A build killed at any moment leaves the output folder either exactly as it was or
    /// exactly as a complete build writes it — never a mix, never missing. The build runs on a
    /// terminal with its progress line shown from the start, and is killed when that line
    /// reaches a given point: while loading, once pages are being written into the staging
    /// folder, and halfway through them.
    func testKilledBuildLeavesOutputWholeOldOrWholeNew() throws {
        let root = try siteCopy()
        // Enough roles that the progress line shows the render phase more than once.
        try RolegenProcess.addRoleCopies(to: root, count: 400)
        XCTAssertEqual(try run(["build", "--root", root.path, "--quiet"]).status, 0)
        let old = try snapshot(root.appendingPathComponent("public"))
        // Change every page, so that old and new trees differ everywhere.
        let site = root.appendingPathComponent("site.json")
        let config = try String(contentsOf: site, encoding: .utf8).replacingOccurrences(of: "Will AI Replace My Job?", with: "Will AI Replace Your Job?")
        try Data(config.utf8).write(to: site)
        let reference = root.appendingPathComponent("complete")
        XCTAssertEqual(try run(["build", "--root", root.path, "--output", reference.path, "--quiet"]).status, 0)
        let new = try snapshot(reference)
        XCTAssertNotEqual(new, old)
        /// `render 412/1010 pages`: the pages done and the total of the last progress line.
        func pages(_ output: String) -> (done: Int, total: Int)? {
            guard let line = output.components(separatedBy: "rolegen: render ").last, output.contains("rolegen: render "),
                  let slash = line.firstIndex(of: "/"), let done = Int(line[..<slash]),
                  let total = Int(line[line.index(after: slash)...].prefix { $0.isNumber })
            else { return nil }
            return (done, total)
        }
        let points: [(name: String, reached: (String) -> Bool)] = [
            ("while loading", { $0.contains("rolegen: load") || $0.contains("rolegen: check") }),
            ("once pages are written", { (pages($0)?.done ?? 0) > 0 }),
            ("halfway through the pages", { pages($0).map { $0.done * 2 >= $0.total } ?? false }),
        ]
        for point in points {
            let run = try RolegenProcess.runOnTerminal(["build", "--root", root.path], environment: ["ROLEGEN_PROGRESS_DELAY": "0"], killWhen: point.reached)
            XCTAssertTrue(run.killed, "\(point.name): the build ended before it was killed: \(run.output.suffix(300))")
            let now = try snapshot(root.appendingPathComponent("public"))
            XCTAssertTrue(now == old, "killed \(point.name), before the swap: the old tree, whole (\(now.count) files, \(old.count) before)")
        }
        // The next build cleans up whatever staging folder a killed build left, and swaps the new tree in.
        XCTAssertEqual(try run(["build", "--root", root.path, "--quiet"]).status, 0)
        XCTAssertTrue(try snapshot(root.appendingPathComponent("public")) == new, "the complete build's tree")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".public.rolegen").path).filter { $0.hasPrefix("staging-") }
        XCTAssertEqual(leftovers, [])
    }

    private func snapshot(_ folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted() {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[path] = path.hasSuffix(".html") ? try String(contentsOf: url, encoding: .utf8) : "\(try Data(contentsOf: url).count)"
        }
        return files
    }

    func testAFloodOfErrorsOnOneLinePrintsAtMostFiftyShortErrorsPerFile() throws {
        let root = try siteCopy()
        // 10,000 unclosed sections on one line: one nesting error. 10,000 stray closing tags on
        // one line: 50 errors quoting a window of the line, then a count.
        try Data(String(repeating: "{{#a}}", count: 10_000).utf8).write(to: root.appendingPathComponent("templates/partials/unclosed.html"))
        try Data(String(repeating: "{{/x}}", count: 10_000).utf8).write(to: root.appendingPathComponent("templates/partials/stray.html"))
        let result = try run(["check", "--root", root.path])
        XCTAssertEqual(result.status, 1)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.contains("templates/partials/unclosed.html:1:601: error: sections, blocks and parent tags are nested more than 100 levels deep"), result.stderr)
        XCTAssertTrue(lines.contains("and 9950 more errors in templates/partials/stray.html"), result.stderr)
        XCTAssertEqual(lines.filter { $0.hasPrefix("templates/partials/stray.html:") }.count, 50)
        XCTAssertLessThanOrEqual(lines.map(\.unicodeScalars.count).max() ?? 0, 200)
        XCTAssertTrue(result.stderr.contains("check failed: 10001 errors"), result.stderr)
        XCTAssertLessThan(result.stderr.utf8.count, 30_000)
    }
}
