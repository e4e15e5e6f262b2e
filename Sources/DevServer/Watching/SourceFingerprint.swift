import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the watcher compares on every poll: each file a build reads, with its size and
/// modification time, sorted by path. Cheap (one `stat` per file, nothing is read) and
/// deterministic, so two fingerprints of an unchanged tree are equal.
struct SourceFingerprint: Equatable, Sendable {
    struct File: Equatable, Sendable {
        /// Relative to the site root: `content/roles/backend-developer/en.json`.
        var path: String
        var size: Int64
        /// Nanoseconds since the epoch: an edit within the same second still shows.
        var modified: Int64
    }

    /// What a build reads (the output folder is not among them, so a build never triggers
    /// another).
    static let watched = ["site.json", "content", "locales", "templates"]

    /// Sorted by path.
    let files: [File]

    /// Hidden files and folders are left out, as the build leaves them out: an editor's swap
    /// file must not cause a rebuild. Symlinks are followed for files, not for folders (a link
    /// back up the tree would never end).
    init(root: URL) {
        var files: [File] = []
        for name in Self.watched {
            Self.collect(root.path + "/" + name, as: name, into: &files)
        }
        self.files = files.sorted { $0.path < $1.path }
    }

    /// Paths added, removed or changed since `earlier`, sorted.
    func changes(since earlier: SourceFingerprint) -> [String] {
        let before = Dictionary(earlier.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    private static func collect(_ path: String, as relative: String, into files: inout [File]) {
        var link = stat()
        guard lstat(path, &link) == 0 else { return }
        if link.st_mode & S_IFMT == S_IFDIR {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
                collect(path + "/" + name, as: relative + "/" + name, into: &files)
            }
            return
        }
        var info = link
        if link.st_mode & S_IFMT == S_IFLNK && stat(path, &info) != 0 {
            info = link  // A dangling link: its own change still counts.
        }
        files.append(File(path: relative, size: Int64(info.st_size),
                          modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)))
    }
}
