import Diagnostics
import Foundation

/// Read-only access to a site's files by paths relative to its root: the same relative paths
/// that diagnostics show.
struct SiteFolder: Sendable {
    let root: URL

    enum FileContents {
        case bytes([UInt8])
        case missing
        case unreadable
    }

    func read(_ path: String) -> FileContents {
        let absolute = root.appendingPathComponent(path).path
        if let data = FileManager.default.contents(atPath: absolute) {
            return .bytes([UInt8](data))
        }
        return FileManager.default.fileExists(atPath: absolute) ? .unreadable : .missing
    }

    /// The names in a folder, sorted, without hidden files (`.DS_Store`, editor swap files),
    /// or nil when the folder does not exist.
    func entries(_ path: String) -> [String]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(path).path) else {
            return nil
        }
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }
}

/// The files read for one part of the site (the site-wide files, or one role folder) and every
/// problem found in them. Each part has its own, so role folders can be read in parallel.
final class FileChecks {
    let folder: SiteFolder
    private var checks: [FileCheck] = []
    /// Problems that belong to no position in a file (a missing file).
    private var other: [Diagnostic] = []

    init(folder: SiteFolder) {
        self.folder = folder
    }

    /// The file at `path` ready to be checked, or nil when it is absent or unreadable. An
    /// absent file is reported when it is `required`, with `why` when that is not obvious.
    func open(_ path: String, required: Bool, why: String? = nil) -> FileCheck? {
        switch folder.read(path) {
        case .bytes(let bytes):
            let check = FileCheck(path: path, bytes: bytes)
            checks.append(check)
            return check
        case .missing:
            if required { report(.missingFile(path: path, why: why)) }
        case .unreadable:
            report(.unreadableFile(path: path), file: path)
        }
        return nil
    }

    /// Reports a problem about a whole file (at its first line) or, without `file`, about no file.
    func report(_ error: ContentError, file: String? = nil) {
        other.append(Diagnostic(error.severity, error.message, at: file.map { SourceLocation(file: $0, line: 1, column: 1) }))
    }

    var diagnostics: [Diagnostic] { other + checks.flatMap(\.diagnostics) }

    var hasErrors: Bool { diagnostics.hasErrors }

    /// Reports every entry of `folder` that `isExpected` rejects, suggesting the closest of `expected`.
    /// (`folder` is shown as the place, e.g. `content/`.)
    func reportUnexpected(in path: String, names: [String], expected: [String], isExpected: (String) -> Bool) {
        for name in names where !isExpected(name) {
            report(.unexpectedFile(name: name, place: "`\(path)/`", suggestion: closestMatch(to: name, among: expected)), file: "\(path)/\(name)")
        }
    }
}
