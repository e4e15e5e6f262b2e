import Foundation
import XCTest

/// Test data that is not rolegen's own (the Mustache and GFM spec suites) lives in
/// `../shared/spec/` beside the package and is never copied into the project.
///
/// On a contributor's machine a missing folder skips the tests that need it, with a message
/// that says where it was expected. In CI (`CI=true`) the same absence is a failure: a CI run
/// that silently skipped the conformance suites would pass without having checked them.
public enum SharedSpec {
    /// `../shared/spec/<name>` beside the package root.
    public static func folderURL(_ name: String) -> URL {
        PackageRoot.url.appendingPathComponent("../shared/spec/\(name)").standardizedFileURL
    }

    /// The spec folder `name`, or a skip (a failure when `CI=true`) that names where it was
    /// expected.
    public static func folder(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = folderURL(name)
        try require(url, what: "\(name) spec data", file: file, line: line)
        return url
    }

    /// Skips, or fails when `CI=true`, unless `url` exists.
    public static func require(_ url: URL, what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        let message = "\(what) not found at \(url.path) (it lives outside the project, in ../shared/spec/ beside the package)"
        if isCI {
            XCTFail("\(message); CI=true, so a missing spec suite is a failure, not a skip", file: file, line: line)
            throw MissingSharedSpec(message: message)
        }
        throw XCTSkip(message)
    }

    /// Whether the tests run in CI, where skipping a suite would hide that it was not run.
    public static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }

    struct MissingSharedSpec: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// The package root, found from this file's path: Tests/TestSupport/SharedSpec.swift.
public enum PackageRoot {
    public static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
