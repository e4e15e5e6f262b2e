import Foundation
import XCTest

/// The edges of the command line: outside a site, a mistyped command, per-build overrides and
/// their validation, the exit codes (0 success, 1 errors in the site, 64 usage).
final class CommandLineEdgeTests: XCTestCase {
    private func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder.resolvingSymlinksInPath()
    }

    func testOutsideASiteSaysSoInOneLine() throws {
        let folder = try emptyFolder()
        let result = try RolegenProcess.run([], in: folder)
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "error: no site.json in \(folder.path) — run inside a site, or pass --root\n")
        for command in ["check", "serve"] {
            let other = try RolegenProcess.run([command, "--root", folder.path])
            XCTAssertEqual(other.status, 64, command)
            XCTAssertEqual(other.stderr, "error: no site.json in \(folder.path) — run inside a site, or pass --root\n", command)
        }
        let json = try RolegenProcess.run(["check", "--format", "json", "--root", folder.appendingPathComponent("nowhere").path])
        XCTAssertEqual(json.status, 64)
        XCTAssertEqual(json.stdout, #"{"type":"diagnostic","severity":"error","code":"RG101","file":null,"line":null,"column":null,"end":null,"message":"site folder `\#(folder.path)/nowhere` does not exist","suggestion":null}"# + "\n")
    }

    func testMistypedCommandGetsADidYouMean() throws {
        let result = try RolegenProcess.run(["buidl"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.hasPrefix("Error: unknown command `buidl` — did you mean `build`? (commands: build, check, serve, translations, new, init, schemas)\n"), result.stderr)
        let far = try RolegenProcess.run(["deploy"])
        XCTAssertEqual(far.status, 64)
        XCTAssertTrue(far.stderr.hasPrefix("Error: unknown command `deploy` (commands: build, check, serve, translations, new, init, schemas)\n"), far.stderr)
    }

    func testHelpDocumentsExitCodesAndTheNewOptions() throws {
        let help = try RolegenProcess.run(["--help"])
        XCTAssertEqual(help.status, 0)
        let text = help.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: #" +"#, with: " ", options: .regularExpression)
        XCTAssertTrue(text.contains("Exit status: 0 when there is no error; 1 when the site has errors"), text)
        XCTAssertTrue(text.contains("64 when the command line is wrong"), text)
        let build = try RolegenProcess.run(["build", "--help"])
        for option in ["--warnings-as-errors", "--format <format>", "--set <key=value>", "--base-url <url>"] {
            XCTAssertTrue(build.stdout.contains(option), "build --help mentions \(option)")
        }
    }

    /// Every command's help reads as text for its users: no Swift type shown as a default
    /// (`--strict` once showed `(default: StrictOption(value: Content.StrictTranslations.off))`)
    /// and no default given twice (`serve --host` once said it in its text and again after it).
    func testEveryHelpShowsDefaultsOnceAndNoSwiftTypes() throws {
        for command in ["build", "check", "serve", "translations", "new", "init", "schemas"] {
            let help = try RolegenProcess.run([command, "--help"])
            XCTAssertEqual(help.status, 0, command)
            let text = help.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: #" +"#, with: " ", options: .regularExpression)
            for typeName in ["StrictOption", "StrictTranslations", "Content.", "(value:"] {
                XCTAssertFalse(text.contains(typeName), "\(command) --help shows `\(typeName)`: \(text)")
            }
            // An option's entry: from its dashes to the next option's.
            for entry in text.components(separatedBy: " --").dropFirst() {
                let defaults = entry.components(separatedBy: "default:").count - 1
                XCTAssertLessThanOrEqual(defaults, 1, "\(command) --help gives a default twice: --\(entry)")
            }
        }
        let check = try RolegenProcess.run(["check", "--help"])
        XCTAssertTrue(check.stdout.contains("--strict <locales>"), check.stdout)
    }

    func testBaseURLIsValidatedAsAUsageError() throws {
        let root = try RolegenProcess.siteCopy(testCase: self).root
        let cases = [
            "example.org/careers": "does not start with http:// or https://",
            "https://example.org/careers/?x=1": "has a query (`?…`)",
            "https://example.org/careers#top": "has a fragment (`#…`)",
            "https://example.org/my careers/": "contains a space or a control character",
            "https:///careers/": "has no host",
        ]
        for (url, problem) in cases.sorted(by: { $0.key < $1.key }) {
            let result = try RolegenProcess.run(["check", "--root", root.path, "--base-url", url])
            XCTAssertEqual(result.status, 64, url)
            XCTAssertTrue(result.stderr.hasPrefix(
                "Error: `--base-url` must be an http:// or https:// URL with a host and no query or fragment: `\(url)` \(problem)\n"), result.stderr)
        }
        let output = root.appendingPathComponent("staging")
        let good = try RolegenProcess.run(["build", "--root", root.path, "--output", output.path, "--base-url", "https://staging.example/careers"])
        XCTAssertEqual(good.status, 0, good.stderr)
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        XCTAssertTrue(sitemap.contains("<loc>https://staging.example/careers/en/</loc>"), "trailing slash added: \(sitemap.prefix(600))")
    }

    func testSetOverridesSiteValuesForOneBuild() throws {
        let root = try RolegenProcess.siteCopy(testCase: self).root
        let page = "en/roles/backend-developer/index.html"
        let staging = root.appendingPathComponent("staging")
        let result = try RolegenProcess.run(["build", "--root", root.path, "--output", staging.path, "--set", "reportEndpoint=https://staging.example/api/report"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try String(contentsOf: staging.appendingPathComponent(page), encoding: .utf8)
        XCTAssertTrue(html.contains(#"action="https://staging.example/api/report""#))
        XCTAssertFalse(html.contains("https://willaireplace.example/api/report"), "production's endpoint is gone")

        let none = root.appendingPathComponent("none")
        XCTAssertEqual(try RolegenProcess.run(["build", "--root", root.path, "--output", none.path, "--set", "reportEndpoint="]).status, 0)
        XCTAssertFalse(try String(contentsOf: none.appendingPathComponent(page), encoding: .utf8).contains("<form"), "an empty endpoint removes the form")

        let mistakes = [
            ["--set", "reportEndpint=https://x.example/"]: "Error: unknown setting `reportEndpint` — did you mean `reportEndpoint`? (settable: baseURL, reportEndpoint, title, allowRawHTML)\n",
            ["--set", "reportEndpoint=ftp://x.example/"]: "Error: `reportEndpoint` must be an absolute http:// or https:// URL, found `ftp://x.example/`\n",
            ["--set", "allowRawHTML=yes"]: "Error: `allowRawHTML` must be `true` or `false`, found `yes`\n",
            ["--set", "reportEndpoint"]: "Error: --set takes KEY=VALUE, found `reportEndpoint`\n",
        ]
        for (arguments, message) in mistakes.sorted(by: { $0.key.joined() < $1.key.joined() }) {
            let mistake = try RolegenProcess.run(["check", "--root", root.path] + arguments)
            XCTAssertEqual(mistake.status, 64, "\(arguments)")
            XCTAssertTrue(mistake.stderr.hasPrefix(message), mistake.stderr)
        }
    }

    func testCheckSpeaksOfPagesChecked() throws {
        let root = try RolegenProcess.siteCopy(testCase: self).root
        let result = try RolegenProcess.run(["check", "--root", root.path, "--verbose"])
        XCTAssertEqual(result.status, 0)
        XCTAssertFalse(result.stdout.contains("wrote"), result.stdout)
        XCTAssertFalse(result.stdout.contains("built"), result.stdout)
        XCTAssertNotNil(result.stdout.range(of: #"\nchecked 13 pages \(en 6, fr 5, 2 other\) · "#, options: .regularExpression), result.stdout)
        XCTAssertNotNil(result.stdout.range(of: #"\nphase   seconds\nload  +\d+\.\d{3}\ncheck +\d+\.\d{3}\nmodel +\d+\.\d{3}\nrender +\d+\.\d{3}\ntotal +\d+\.\d{3}\n$"#, options: .regularExpression), result.stdout)

        let build = try RolegenProcess.run(["build", "--root", root.path, "--verbose"])
        XCTAssertNotNil(build.stdout.range(of: #"\nload  +\d+\.\d{3}\ncheck +\d+\.\d{3}\nmodel +\d+\.\d{3}\nrender +\d+\.\d{3}\nwrite +\d+\.\d{3}\nswap +\d+\.\d{3}\ntotal +\d+\.\d{3}\n$"#, options: .regularExpression), build.stdout)

        try RolegenProcess.edit(root, "content/roles/devops-engineer/role.json", replacing: #""riskScore": 33"#, with: #""riskScroe": 33"#)
        let failed = try RolegenProcess.run(["check", "--root", root.path])
        XCTAssertNotNil(failed.stderr.range(of: #"\ncheck failed: 1 error · 0 warnings · 0 fallbacks · \d+\.\d\d s\n$"#, options: .regularExpression), failed.stderr)
    }
}
