import Foundation
import Synchronization
import TestSupport
import XCTest

/// The `rolegen` binary run as a user runs it, and copies of the example site to run it on.
extension XCTestCase {
    var binary: URL {
        get throws { try RolegenBinary.url }
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `rolegen arguments` to the end.
    func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // stderr is read on another thread: a process that fills one pipe while the test waits
        // on the other would never end.
        let stderr = ReadToEnd(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr.data, as: UTF8.self))
    }

    /// A copy of the example site in a temp folder, so tests can break it. Its path has every
    /// symbolic link resolved, as rolegen shows it in messages about the output folder.
    func exampleCopy() throws -> URL {
        let temporary = URL(fileURLWithPath: FileManager.default.temporaryDirectory.path).resolvingSymlinksInPath()
        let root = temporary.appendingPathComponent("rolegen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["site.json", "content", "locales", "templates"] {
            try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
    }

    /// `count` more roles (copies of `devops-engineer`), so that a build takes long enough to
    /// overlap with something.
    func addRoleCopies(to root: URL, count: Int) throws {
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
}

/// A pipe read to its end on a thread of its own.
final class ReadToEnd: Sendable {
    private let result = Mutex<Data?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            let data = handle.readDataToEndOfFile()
            result.withLock { $0 = data }
            done.signal()
        }.start()
    }

    /// Waits for the end of the pipe.
    var data: Data {
        done.wait()
        done.signal()
        return result.withLock { $0 ?? Data() }
    }
}
