import Foundation
import Site
import Synchronization

/// Builds the site on every change through one `BuildSession`: after an edit of roles' files
/// only, from what the last build left in memory, reading just the changed files and writing
/// just the changed pages in place; otherwise the way `rolegen build` does, incrementally (see
/// docs/serve.md and docs/outputs.md). Then finds which output files changed for the open pages. The build reports the files whose bytes
/// changed; only those are read again to update the digests, whose stylesheet masking decides
/// whether a page reloads or only swaps its stylesheet.
public final class SiteRebuilder: Rebuilder {
    private let options: BuildOptions
    private let session: BuildSession
    /// Digests of the last good build's files; nil before the first one.
    private let previous = Mutex<OutputDigests?>(nil)

    public init(options: BuildOptions) {
        // The server builds the same site again and again: unchanged role folders are not read again.
        self.options = options
        session = BuildSession(options: options)
    }

    /// `changedSources` as the watcher gave them; empty (the first build) builds everything.
    public func rebuild(changedSources: [String]) -> RebuildResult {
        let report = session.build(changedSources: changedSources.isEmpty ? nil : changedSources)
        guard report.succeeded else { return RebuildResult(report: report, changedOutputs: .none) }
        let changes = previous.withLock { previous in
            let digests = previous.map { $0.updating(folder: options.output, files: report.files, changed: report.changedFiles) }
                ?? OutputDigests(folder: options.output, files: report.files)
            defer { previous = digests }
            guard let previous else { return OutputChanges.everything }
            return .paths(digests.changes(since: previous))
        }
        return RebuildResult(report: report, changedOutputs: changes)
    }

    /// Writes the session's record of the tree, so that the next `rolegen build` reuses it.
    public func close() {
        session.close()
    }
}

/// A digest of every file of a built tree, by path. Pages are digested with the content-hashed
/// names of stylesheets masked, so that a stylesheet edit (which renames the stylesheet and so
/// rewrites its link in every page) shows as a change of the stylesheet alone.
struct OutputDigests: Equatable, Sendable {
    private(set) var byPath: [String: Int]

    /// `stylesheets`: the tree's files among which to find the stylesheets whose names are masked
    /// (`files` when nil).
    init(folder: URL, files: [String], stylesheets tree: [String]? = nil) {
        let stylesheets = (tree ?? files).filter { $0.hasSuffix(".css") }.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        byPath = [:]
        for file in files {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(file)) else { continue }
            byPath[file] = file.hasSuffix(".html") ? Self.digest(page: data, masking: stylesheets) : Self.digest(data)
        }
    }

    /// These digests after a build whose tree holds `files`, of which only `changed` (nil:
    /// unknown) differ from the files these digests were taken of: only those are read.
    func updating(folder: URL, files: [String], changed: Set<String>?) -> OutputDigests {
        guard let changed else { return OutputDigests(folder: folder, files: files) }
        let reread = OutputDigests(folder: folder, files: files.filter(changed.contains), stylesheets: files)
        var updated = self
        updated.byPath = [:]
        for file in files { updated.byPath[file] = reread.byPath[file] ?? byPath[file] }
        return updated
    }

    /// Paths added, removed or changed since `earlier`.
    func changes(since earlier: OutputDigests) -> Set<String> {
        Set(byPath.keys).union(earlier.byPath.keys).filter { byPath[$0] != earlier.byPath[$0] }
    }

    private static func digest(_ data: Data) -> Int {
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// The digest of a page with every stylesheet name in it (`style.3f2a9c1be07d4a51.css`)
    /// digested as its unhashed name (`style.css`). Works on the bytes: no decoding, one pass
    /// per stylesheet name over pages that are mostly without one.
    private static func digest(page data: Data, masking stylesheets: [String]) -> Int {
        var hasher = Hasher()
        data.withUnsafeBytes { (page: UnsafeRawBufferPointer) in
            var replacements: [(range: Range<Int>, with: [UInt8])] = []
            for name in stylesheets {
                let needle = Array(name.utf8)
                let unhashed = Array(Self.unhashed(name).utf8)
                var start = 0
                while let found = Self.find(needle, in: page, from: start) {
                    replacements.append((found..<(found + needle.count), unhashed))
                    start = found + needle.count
                }
            }
            var position = 0
            for replacement in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where replacement.range.lowerBound >= position {
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: page[position..<replacement.range.lowerBound]))
                replacement.with.withUnsafeBytes { hasher.combine(bytes: $0) }
                position = replacement.range.upperBound
            }
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: page[position...]))
        }
        return hasher.finalize()
    }

    private static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            guard let candidate = haystack[index...(haystack.count - needle.count)].firstIndex(of: first) else { return nil }
            if needle.indices.allSatisfy({ haystack[candidate + $0] == needle[$0] }) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// `style.3f2a9c1be07d4a51.css` → `style.css`.
    static func unhashed(_ name: String) -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return name }
        return (parts.dropLast(2) + [parts.last!]).joined(separator: ".")
    }
}
