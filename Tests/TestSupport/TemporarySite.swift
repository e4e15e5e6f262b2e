import Foundation
import XCTest

/// A site written into a fresh temporary folder: the one way tests write a site of their own.
public struct TemporarySite {
    public let root: URL

    /// Writes `files` (path relative to the site root → contents). The folder is removed when
    /// `testCase` ends; without one, by `remove()` (and at once when writing fails).
    public init(_ files: [String: String], testCase: XCTestCase?) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let root = root
        testCase?.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        do {
            for (path, text) in files { try write(text, to: path) }
        } catch {
            if testCase == nil { remove() }
            throw error
        }
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    public func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}
