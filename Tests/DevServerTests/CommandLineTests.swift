import Foundation
import TestSupport
import XCTest

/// `rolegen serve` run as a user runs it: it builds, prints where it serves, answers, and
/// stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
final class CommandLineTests: XCTestCase {
    private var binary: URL {
        get throws { try RolegenBinary.url }
    }

    /// A running `rolegen serve`, with its output collected as it comes. A test waits for what
    /// it expects with `waitUntil`, woken by each piece of output and by the exit.
    private final class ServeProcess: Sendable {
        /// What the process has done so far.
        struct State {
            var stdout = ""
            var stderr = ""
            /// Each stream reached its end (the process closed it, or ended).
            var stdoutClosed = false
            var stderrClosed = false
            var exited = false

            /// The port of the `serving http://HOST:PORT/` line, once printed.
            var port: UInt16? {
                guard let range = stdout.range(of: #"serving http://[0-9.]+:\d+/ \(Ctrl-C to stop\)\n"#, options: .regularExpression) else { return nil }
                let address = stdout[range].dropFirst("serving http://".count)
                return UInt16(address.drop { $0 != ":" }.dropFirst().prefix { $0.isNumber })
            }
        }

        let process = Process()
        private let state = Observed(State())

        init(binary: URL, arguments: [String]) throws {
            process.executableURL = binary
            process.arguments = arguments
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            let state = state
            out.fileHandleForReading.readabilityHandler = { handle in Self.read(handle, into: state, error: false) }
            err.fileHandleForReading.readabilityHandler = { handle in Self.read(handle, into: state, error: true) }
            process.terminationHandler = { _ in state.update { $0.exited = true } }
            try process.run()
        }

        /// Appends what a stream has; an empty read is its end.
        private static func read(_ handle: FileHandle, into state: Observed<State>, error: Bool) {
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            let text = String(decoding: data, as: UTF8.self)
            state.update { state in
                switch (error, data.isEmpty) {
                case (false, false): state.stdout += text
                case (true, false): state.stderr += text
                case (false, true): state.stdoutClosed = true
                case (true, true): state.stderrClosed = true
                }
            }
        }

        var stdout: String { state.current.stdout }
        var stderr: String { state.current.stderr }
        var port: UInt16? { state.current.port }

        /// Blocks until `condition` holds of what the process did, checked again at each change;
        /// false when it still does not after `seconds` (a guard against a hang).
        func waitUntil(seconds: Double = 30, _ condition: (State) -> Bool) -> Bool {
            state.wait(seconds: seconds, until: condition)
        }

        /// Waits until the process has ended and all its output has been read (at most
        /// `seconds`), killing it if it does not end.
        func waitForExit(seconds: Double = 30) -> Bool {
            guard waitUntil(seconds: seconds, { $0.exited }) else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return false
            }
            process.waitUntilExit()
            return waitUntil(seconds: seconds) { $0.stdoutClosed && $0.stderrClosed }
        }
    }

    private func serve(_ root: URL, _ extra: [String] = []) throws -> ServeProcess {
        let running = try ServeProcess(binary: try binary, arguments: ["serve", "--root", root.path, "--port", "0"] + extra)
        addTeardownBlock { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }
        XCTAssertTrue(running.waitUntil { $0.port != nil || $0.exited }, "the server prints its address (stderr: \(running.stderr))")
        return running
    }

    func testServePrintsTheSummaryThenItsAddressAndStopsOnSignals() throws {
        for signalNumber in [SIGINT, SIGTERM] {
            let root = try ServedSite.copy(for: self)
            let running = try serve(root)
            let port = try XCTUnwrap(running.port, running.stderr)
            let lines = running.stdout.components(separatedBy: "\n")
            XCTAssertNotNil(lines[0].range(of: #"^built 13 pages \(en 6, fr 5, 2 other\) · \d+ fallbacks"#, options: .regularExpression), lines[0])
            XCTAssertEqual(lines[1], "serving http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
            XCTAssertEqual(try RawHTTP.get("/en/", port: port).status, 200)
            kill(running.process.processIdentifier, signalNumber)
            XCTAssertTrue(running.waitForExit(), "stopped on signal \(signalNumber)")
            XCTAssertEqual(running.process.terminationReason, .exit)
            XCTAssertEqual(running.process.terminationStatus, 0)
            XCTAssertTrue(running.stdout.hasSuffix("\nstopped\n"), running.stdout)
            XCTAssertEqual(running.stderr, "")
            XCTAssertThrowsError(try RawHTTP.connect(port: port), "the socket is closed")
        }
    }

    func testARebuildPrintsItsSummaryOrItsErrors() throws {
        let root = try ServedSite.copy(for: self)
        let running = try serve(root, ["--quiet"])
        XCTAssertEqual(running.stdout.components(separatedBy: "\n").count, 2, "quiet: only the address")
        try ServedSite.edit(root, "content/roles/devops-engineer/role.json", replacing: "\"riskScore\": 33", with: "\"riskScroe\": 33")
        XCTAssertTrue(running.waitUntil { $0.stderr.contains("build failed: ") }, "the error is printed")
        let lines = running.stderr.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains("content/roles/devops-engineer/role.json:4:3: error: unknown field `riskScroe` — did you mean `riskScore`?"), running.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("build failed: 1 error") && $0.hasSuffix("(output left untouched)") }, running.stderr)
        kill(running.process.processIdentifier, SIGTERM)
        XCTAssertTrue(running.waitForExit())
        XCTAssertEqual(running.process.terminationStatus, 0)
    }

    func testVerboseLogsChangesAndRequests() throws {
        let root = try ServedSite.copy(for: self)
        let running = try serve(root, ["--verbose"])
        let port = try XCTUnwrap(running.port)
        _ = try RawHTTP.get("/en", port: port)
        try ServedSite.edit(root, "locales/en.json", replacing: "\"", with: "\"")
        XCTAssertTrue(running.waitUntil { $0.stdout.contains("changed: locales/en.json\n") }, "the change is logged")
        XCTAssertTrue(running.stdout.contains("301 GET /en\n"), running.stdout)
        kill(running.process.processIdentifier, SIGINT)
        XCTAssertTrue(running.waitForExit())
    }

    func testANonLoopbackHostIsAnOptInWithAWarning() throws {
        let root = try ServedSite.copy(for: self)
        // 0.0.0.0 listens on every interface; the test talks to it on loopback only.
        let running = try serve(root, ["--host", "0.0.0.0"])
        let port = try XCTUnwrap(running.port, running.stderr)
        XCTAssertEqual(running.stderr, "warning: serving on 0.0.0.0, not on loopback: other machines that can reach this address "
                       + "can read the preview (unpublished content); use it only on a network you trust\n")
        XCTAssertTrue(running.stdout.contains("serving http://0.0.0.0:\(port)/ (Ctrl-C to stop)\n"), running.stdout)
        XCTAssertEqual(try RawHTTP.get("/en/", port: port).status, 200)
        kill(running.process.processIdentifier, SIGTERM)
        XCTAssertTrue(running.waitForExit())
        // A loopback address other than 127.0.0.1 needs no warning.
        let loopback = try serve(root, ["--host", "127.0.0.2"])
        XCTAssertNotNil(loopback.port, loopback.stderr)
        XCTAssertEqual(loopback.stderr, "")
        kill(loopback.process.processIdentifier, SIGTERM)
        XCTAssertTrue(loopback.waitForExit())
    }

    func testNoBrowserErrorsKeepsErrorsInTheTerminal() throws {
        let root = try ServedSite.copy(for: self)
        try ServedSite.edit(root, "site.json", replacing: "\"defaultLocale\"", with: "\"defaultLocal\"")
        let withErrors = try serve(root)
        let port = try XCTUnwrap(withErrors.port, withErrors.stderr)
        XCTAssertEqual(try RawHTTP.get("/", port: port).status, 500, "the error page")
        kill(withErrors.process.processIdentifier, SIGTERM)
        XCTAssertTrue(withErrors.waitForExit())
        let without = try serve(root, ["--no-browser-errors"])
        let quietPort = try XCTUnwrap(without.port, without.stderr)
        XCTAssertEqual(try RawHTTP.get("/", port: quietPort).status, 404, "no error page: the folder as it is")
        XCTAssertTrue(without.stderr.contains("unknown field `defaultLocal` — did you mean `defaultLocale`?"), without.stderr)
        kill(without.process.processIdentifier, SIGTERM)
        XCTAssertTrue(without.waitForExit())
    }

    func testATakenPortFailsWithAMessage() throws {
        let root = try ServedSite.copy(for: self)
        let first = try serve(root)
        let port = try XCTUnwrap(first.port)
        let second = try ServeProcess(binary: try binary, arguments: ["serve", "--root", root.path, "--port", "\(port)"])
        XCTAssertTrue(second.waitForExit())
        XCTAssertEqual(second.process.terminationStatus, 1)
        XCTAssertEqual(second.stderr, "error: port \(port) on 127.0.0.1 is already in use — stop the other server, or pass --port 0 for any free port\n")
        kill(first.process.processIdentifier, SIGTERM)
        XCTAssertTrue(first.waitForExit())
    }

    /// A FIFO in place of a source file used to hang the first build, and then SIGTERM.
    func testAFIFOIsAnErrorAndSIGTERMStillStopsTheServer() throws {
        let root = try ServedSite.copy(for: self)
        let role = root.appendingPathComponent("content/roles/devops-engineer/role.json").path
        try FileManager.default.removeItem(atPath: role)
        XCTAssertEqual(mkfifo(role, 0o644), 0)
        let running = try serve(root)
        XCTAssertNotNil(running.port, running.stderr)
        // The address (stdout) and the diagnostics (stderr) come through two pipes: wait for both.
        XCTAssertTrue(running.waitUntil { $0.stderr.contains("FIFO") || $0.exited }, running.stderr)
        XCTAssertTrue(running.stderr.hasPrefix("content/roles/devops-engineer/role.json:1:1: error: `content/roles/devops-engineer/role.json` is a FIFO (named pipe), not a regular file: rolegen reads only regular files and folders\n"), running.stderr)
        kill(running.process.processIdentifier, SIGTERM)
        XCTAssertTrue(running.waitForExit(), "stopped on SIGTERM")
        XCTAssertEqual(running.process.terminationStatus, 0)
    }

    /// A first build that cannot finish (it waits for another build's lock): the first signal
    /// asks for a clean stop, the second ends the process at once.
    func testASecondSignalStopsAServerWhoseBuildCannotFinish() throws {
        let root = try ServedSite.copy(for: self)
        let record = root.appendingPathComponent(".public.rolegen")
        try FileManager.default.createDirectory(at: record, withIntermediateDirectories: true)
        let lock = open(record.appendingPathComponent("lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(lock) }
        XCTAssertEqual(flock(lock, LOCK_EX), 0)
        let running = try ServeProcess(binary: try binary, arguments: ["serve", "--root", root.path, "--port", "0"])
        addTeardownBlock { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }
        XCTAssertTrue(running.waitUntil { $0.stderr.contains("waiting for another rolegen build") }, "the build says it waits")
        kill(running.process.processIdentifier, SIGTERM)
        XCTAssertTrue(running.waitUntil { $0.stdout.contains("stopping (press Ctrl-C again to stop at once)\n") }, "the server says it stops")
        XCTAssertTrue(running.process.isRunning, "the build cannot finish")
        kill(running.process.processIdentifier, SIGTERM)
        XCTAssertTrue(running.waitForExit(), "stopped on the second SIGTERM")
        XCTAssertEqual(running.process.terminationStatus, 128 + SIGTERM)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }
}
