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

    /// Skips with `message` unless `url` exists; when `CI=true` the test fails with it instead.
    public static func require(_ url: URL, otherwise message: String, inCI: Bool = isCI) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        if inCI {
            throw MissingSharedSpec(message: "\(message); CI=true, so a missing spec suite fails instead of skipping")
        }
        throw XCTSkip(message)
    }

    /// Whether the tests run in CI, where skipping a suite would hide that it was not run.
    public static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// Thrown instead of a skip in CI, so that the test fails with the skip's message.
    public struct MissingSharedSpec: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}

/// The package root, found from this file's path: Tests/TestSupport/SharedSpec.swift.
public enum PackageRoot {
    public static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
