import Foundation
import TestSupport
import XCTest

/// `rolegen serve` run as a user runs it: it builds, prints where it serves, answers, and
/// stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
final class CommandLineTests: XCTestCase {
    private var binary: URL {
        get throws { try RolegenBinary.url }
    }

    /// A running `rolegen serve`, with its output collected as it comes.
    private final class ServeProcess: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var collected = (stdout: "", stderr: "")

        init(binary: URL, arguments: [String]) throws {
            process.executableURL = binary
            process.arguments = arguments
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            out.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, error: false) }
            err.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, error: true) }
            try process.run()
        }

        private func append(_ data: Data, error: Bool) {
            lock.withLock {
                if error { collected.stderr += String(decoding: data, as: UTF8.self) } else { collected.stdout += String(decoding: data, as: UTF8.self) }
            }
        }

        var stdout: String { lock.withLock { collected.stdout } }
        var stderr: String { lock.withLock { collected.stderr } }

        /// The port of the `serving http://HOST:PORT/` line, once printed.
        var port: UInt16? {
            guard let range = stdout.range(of: #"serving http://[0-9.]+:\d+/ \(Ctrl-C to stop\)\n"#, options: .regularExpression) else { return nil }
            let address = stdout[range].dropFirst("serving http://".count)
            return UInt16(address.drop { $0 != ":" }.dropFirst().prefix { $0.isNumber })
        }

        /// Waits for the process to end (at most `seconds`), killing it if it does not.
        func waitForExit(seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            guard !process.isRunning else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return false
            }
            Thread.sleep(forTimeInterval: 0.1)  // the last output reaches the handlers
            return true
        }
    }

    private func serve(_ root: URL, _ extra: [String] = []) throws -> ServeProcess {
        let running = try ServeProcess(binary: try binary, arguments: ["serve", "--root", root.path, "--port", "0"] + extra)
        addTeardownBlock { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }
        waitUntil("the server prints its address (stderr: \(running.stderr))") { running.port != nil || !running.process.isRunning }
        return running
    }

    func testServePrintsTheSummaryThenItsAddressAndStopsOnSignals() throws {
        for signalNumber in [SIGINT, SIGTERM] {
            let root = try ExampleSite.copy(for: self)
            let running = try serve(root)
            let port = try XCTUnwrap(running.port, running.stderr)
            let lines = running.stdout.components(separatedBy: "\n")
            XCTAssertNotNil(lines[0].range(of: #"^built 13 pages \(en 6, fr 5, 2 other\) · \d+ fallbacks"#, options: .regularExpression), lines[0])
            XCTAssertEqual(lines[1], "serving http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
            XCTAssertEqual(try RawHTTP.get("/en/", port: port).status, 200)
            kill(running.process.processIdentifier, signalNumber)
            XCTAssertTrue(running.waitForExit(seconds: 10), "stopped on signal \(signalNumber)")
            XCTAssertEqual(running.process.terminationReason, .exit)
            XCTAssertEqual(running.process.terminationStatus, 0)
            XCTAssertTrue(running.stdout.hasSuffix("\nstopped\n"), running.stdout)
            XCTAssertEqual(running.stderr, "")
            XCTAssertThrowsError(try RawHTTP.connect(port: port), "the socket is closed")
        }
    }

    func testARebuildPrintsItsSummaryOrItsErrors() throws {
        let root = try ExampleSite.copy(for: self)
        let running = try serve(root, ["--quiet"])
        XCTAssertEqual(running.stdout.components(separatedBy: "\n").count, 2, "quiet: only the address")
        try ExampleSite.edit(root, "content/roles/devops-engineer/role.json", replacing: "\"riskScore\": 33", with: "\"riskScroe\": 33")
        waitUntil("the error is printed") { running.stderr.contains("build failed: ") }
        let lines = running.stderr.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains("content/roles/devops-engineer/role.json:4:3: error: unknown field `riskScroe` — did you mean `riskScore`?"), running.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("build failed: 1 error") && $0.hasSuffix("(output left untouched)") }, running.stderr)
        kill(running.process.processIdentifier, SIGTERM)
        XCTAssertTrue(running.waitForExit(seconds: 10))
        XCTAssertEqual(running.process.terminationStatus, 0)
    }

    func testVerboseLogsChangesAndRequests() throws {
        let root = try ExampleSite.copy(for: self)
        let running = try serve(root, ["--verbose"])
        let port = try XCTUnwrap(running.port)
        _ = try RawHTTP.get("/en", port: port)
        try ExampleSite.edit(root, "locales/en.json", replacing: "\"", with: "\"")
        waitUntil("the change is logged") { running.stdout.contains("changed: locales/en.json\n") }
        XCTAssertTrue(running.stdout.contains("301 GET /en\n"), running.stdout)
        kill(running.process.processIdentifier, SIGINT)
        XCTAssertTrue(running.waitForExit(seconds: 10))
    }

    func testANonLoopbackHostIsAnOptInWithAWarning() throws {
        let root = try ExampleSite.copy(for: self)
        // 0.0.0.0 listens on every interface; the test talks to it on loopback only.
        let running = try serve(root, ["--host", "0.0.0.0"])
        let port = try XCTUnwrap(running.port, running.stderr)
        XCTAssertEqual(running.stderr, "warning: serving on 0.0.0.0, not on loopback: other machines that can reach this address "
                       + "can read the preview (unpublished content); use it only on a network you trust\n")
        XCTAssertTrue(running.stdout.contains("serving http://0.0.0.0:\(port)/ (Ctrl-C to stop)\n"), running.stdout)
        XCTAssertEqual(try RawHTTP.get("/en/", port: port).status, 200)
        kill(running.process.processIdentifier, SIGTERM)
        XCTAssertTrue(running.waitForExit(seconds: 10))
        // A loopback address other than 127.0.0.1 needs no warning.
        let loopback = try serve(root, ["--host", "127.0.0.2"])
        XCTAssertNotNil(loopback.port, loopback.stderr)
        XCTAssertEqual(loopback.stderr, "")
        kill(loopback.process.processIdentifier, SIGTERM)
        XCTAssertTrue(loopback.waitForExit(seconds: 10))
    }

    func testNoBrowserErrorsKeepsErrorsInTheTerminal() throws {
        let root = try ExampleSite.copy(for: self)
        try ExampleSite.edit(root, "site.json", replacing: "\"defaultLocale\"", with: "\"defaultLocal\"")
        let withErrors = try serve(root)
        let port = try XCTUnwrap(withErrors.port, withErrors.stderr)
        XCTAssertEqual(try RawHTTP.get("/", port: port).status, 500, "the error page")
        kill(withErrors.process.processIdentifier, SIGTERM)
        XCTAssertTrue(withErrors.waitForExit(seconds: 10))
        let without = try serve(root, ["--no-browser-errors"])
        let quietPort = try XCTUnwrap(without.port, without.stderr)
        XCTAssertEqual(try RawHTTP.get("/", port: quietPort).status, 404, "no error page: the folder as it is")
        XCTAssertTrue(without.stderr.contains("unknown field `defaultLocal` — did you mean `defaultLocale`?"), without.stderr)
        kill(without.process.processIdentifier, SIGTERM)
        XCTAssertTrue(without.waitForExit(seconds: 10))
    }

    func testATakenPortFailsWithAMessage() throws {
        let root = try ExampleSite.copy(for: self)
        let first = try serve(root)
        let port = try XCTUnwrap(first.port)
        let second = try ServeProcess(binary: try binary, arguments: ["serve", "--root", root.path, "--port", "\(port)"])
        XCTAssertTrue(second.waitForExit(seconds: 10))
        XCTAssertEqual(second.process.terminationStatus, 1)
        XCTAssertEqual(second.stderr, "error: port \(port) on 127.0.0.1 is already in use — stop the other server, or pass --port 0 for any free port\n")
        kill(first.process.processIdentifier, SIGTERM)
        XCTAssertTrue(first.waitForExit(seconds: 10))
    }

    /// A FIFO in place of a source file used to hang the first build, and then SIGTERM.
    func testAFIFOIsAnErrorAndSIGTERMStillStopsTheServer() throws {
        let root = try ExampleSite.copy(for: self)
        let role = root.appendingPathComponent("content/roles/devops-engineer/role.json").path
        try FileManager.default.removeItem(atPath: role)
        XCTAssertEqual(mkfifo(role, 0o644), 0)
        let running = try serve(root)
        XCTAssertNotNil(running.port, running.stderr)
        XCTAssertTrue(running.stderr.hasPrefix("content/roles/devops-engineer/role.json:1:1: error: `content/roles/devops-engineer/role.json` is a FIFO (named pipe), not a regular file: rolegen reads only regular files and folders\n"), running.stderr)
        kill(running.process.processIdentifier, SIGTERM)
        XCTAssertTrue(running.waitForExit(seconds: 10), "stopped on SIGTERM")
        XCTAssertEqual(running.process.terminationStatus, 0)
    }

    /// A first build that cannot finish (it waits for another build's lock): the first signal
    /// asks for a clean stop, the second ends the process at once.
    func testASecondSignalStopsAServerWhoseBuildCannotFinish() throws {
        let root = try ExampleSite.copy(for: self)
        let record = root.appendingPathComponent(".public.rolegen")
        try FileManager.default.createDirectory(at: record, withIntermediateDirectories: true)
        let lock = open(record.appendingPathComponent("lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(lock) }
        XCTAssertEqual(flock(lock, LOCK_EX), 0)
        let running = try ServeProcess(binary: try binary, arguments: ["serve", "--root", root.path, "--port", "0"])
        addTeardownBlock { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }
        waitUntil("the build says it waits") { running.stderr.contains("waiting for another rolegen build") }
        kill(running.process.processIdentifier, SIGTERM)
        waitUntil("the server says it stops") { running.stdout.contains("stopping (press Ctrl-C again to stop at once)\n") }
        XCTAssertTrue(running.process.isRunning, "the build cannot finish")
        kill(running.process.processIdentifier, SIGTERM)
        XCTAssertTrue(running.waitForExit(seconds: 10), "stopped on the second SIGTERM")
        XCTAssertEqual(running.process.terminationStatus, 128 + SIGTERM)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }
}
