import Foundation
import XCTest

/// The `rolegen` binary, run as a user runs it: arguments in, exit status and output out.
public enum RolegenProcess {
    /// What one run printed and returned.
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// `rolegen` as built next to the test bundle (`.build/<triple>/debug/`), or a skip that says
    /// to build it first.
    public static var binary: URL {
        get throws {
            var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            for _ in 0..<3 {
                let candidate = folder.appendingPathComponent("rolegen")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder.deleteLastPathComponent()
            }
            throw XCTSkip("the rolegen binary was not found next to the tests; run `swift build --build-tests` first")
        }
    }

    /// Runs `rolegen` with `arguments` in `directory` and waits for it to finish.
    public static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // stderr is drained on another thread: a run that fills one pipe while the test reads
        // the other would otherwise never finish.
        let stderrData = LockedData()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { stderrData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let stderr = stderrData.get()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A site written into a fresh temporary folder, removed when the test ends.
public struct TemporarySite {
    public let root: URL

    /// Writes `files` (path relative to the site root → contents).
    public init(_ files: [String: String], testCase: XCTestCase) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let root = root
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files { try write(text, to: path) }
    }

    public func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}

/// Data handed from a reading thread to the test.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
