import Foundation
import LibC
import TestSupport
import XCTest

/// The `rolegen` binary run as a user runs it: arguments and environment in, exit status and
/// output out; through pipes, or with stdout and stderr on a pseudo-terminal.
enum RolegenProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        get throws { try RolegenBinary.url }
    }

    /// The environment of the tests without what changes rolegen's output (a CI runner's
    /// `GITHUB_ACTIONS`, a developer's `NO_COLOR`), plus `extra`.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["GITHUB_ACTIONS", "GITHUB_WORKSPACE", "NO_COLOR", "CLICOLOR_FORCE", "ROLEGEN_PROGRESS_DELAY"] {
            environment[name] = nil
        }
        return environment.merging(extra) { $1 }
    }

    /// Runs with stdout and stderr on pipes.
    static func run(_ arguments: [String], in folder: URL? = nil, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = try binary
        process.arguments = arguments
        process.environment = environment(extra)
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // stderr is drained on another thread while stdout is read here: a run that fills one
        // pipe (hundreds of warnings) while the test waits on the other would never finish.
        let stderrReader = PipeReader(err)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = stderrReader.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs with stdout and stderr both on one pseudo-terminal (openpty), as in a terminal
    /// window: what rolegen writes there, byte for byte (the terminal turns `\n` into `\r\n`).
    static func runOnTerminal(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let run = try runOnTerminal(arguments, environment: extra, killWhen: { _ in false })
        return (run.status, run.output)
    }

    /// The same, reading the terminal as rolegen writes it, and killing the process (SIGKILL)
    /// the moment `killWhen` is true of the output so far: at a point of its run that the
    /// output names, not after a guessed delay. `killed` tells whether that happened.
    static func runOnTerminal(_ arguments: [String], environment extra: [String: String] = [:],
                              killWhen: (String) -> Bool) throws -> (status: Int32, output: String, killed: Bool) {
        var controller: Int32 = -1
        var device: Int32 = -1
        guard openpty(&controller, &device, nil, nil, nil) == 0 else { throw XCTSkip("no pseudo-terminal: \(String(cString: strerror(errno)))") }
        let terminal = FileHandle(fileDescriptor: device, closeOnDealloc: true)
        let process = Process()
        process.executableURL = try binary
        process.arguments = arguments
        process.environment = environment(extra.merging(["TERM": "xterm"]) { a, _ in a })
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
        try terminal.close()  // the child holds its own copies; EOF comes when it exits
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var killed = false
        while true {
            let count = read(controller, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }  // EIO once the child has closed the terminal
            bytes += buffer[0..<count]
            if !killed, killWhen(String(decoding: bytes, as: UTF8.self)) {
                kill(process.processIdentifier, SIGKILL)
                killed = true
            }
        }
        close(controller)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: bytes, as: UTF8.self), killed && process.terminationReason == .uncaughtSignal)
    }

    /// A copy of the i18n fixture site (Tests/Fixtures/i18n) in a temp folder (at `subfolder` of
    /// it), so tests can break it. Its path has every symbolic link resolved, as rolegen shows
    /// it in messages about the output folder.
    static func siteCopy(at subfolder: String = "", testCase: XCTestCase) throws -> (folder: URL, root: URL) {
        let temporary = URL(fileURLWithPath: FileManager.default.temporaryDirectory.path).resolvingSymlinksInPath()
        let folder = temporary.appendingPathComponent("rolegen-cli-\(UUID().uuidString)")
        let root = subfolder.isEmpty ? folder : folder.appendingPathComponent(subfolder)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FixtureSites.write("i18n", to: root)
        return (folder, root)
    }

    /// Adds `count` more roles to the site at `root` (copies of `devops-engineer`), so that a
    /// build takes long enough to overlap with something.
    static func addRoleCopies(to root: URL, count: Int) throws {
        let roles = root.appendingPathComponent("content/roles")
        let template = roles.appendingPathComponent("devops-engineer")
        for index in 0..<count {
            let copy = roles.appendingPathComponent("copy-\(index)")
            try FileManager.default.copyItem(at: template, to: copy)
            let facts = copy.appendingPathComponent("role.json")
            let text = try String(contentsOf: facts, encoding: .utf8)
                .replacingOccurrences(of: #""relatedRoles": ["backend-developer"]"#, with: #""relatedRoles": []"#)
            try Data(text.utf8).write(to: facts)
        }
    }

    /// Replaces the first `old` (which must occur) with `new` in the file at `path` under `root`.
    static func edit(_ root: URL, _ path: String, replacing old: String, with new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(path) contains \(old)", file: file, line: line)
        guard let range = text.range(of: old) else { return }
        try Data(text.replacingCharacters(in: range, with: new).utf8).write(to: url)
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// The pipe's whole contents, once the writer has closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}
