import Synchronization

/// Folders listed before the content is read, by their path relative to the site root (`content`,
/// `content/roles/backend-developer`): a build's walk of its sources lists every folder the
/// loader then reads, and `FolderReader` takes a folder's entries from here instead of listing it
/// again. Listing a folder on tmpfs is a few system calls and a walk of its entries in the
/// kernel; a large site has a folder per role.
///
/// A listing is what `SiteFolder.entries(_:)` would give at the time it was taken: the same
/// entries, hidden ones left out, links followed to tell a folder from a file; they are sorted,
/// and the regular files' names made a set, when the load takes them (a build with nothing to
/// do walks its sources too, and takes none).
/// A file added after it is not seen by this build (the next build's walk sees it and builds
/// again), as if it had been added after the build read the folder.
public final class FolderListings: Sendable {
    public struct Listing: Sendable {
        /// In the order listed, without hidden entries.
        public var entries: [SiteFolder.Entry]
        /// The names listed as regular files (not links): opened without a look first.
        public var regularFiles: [String]

        public init(entries: [SiteFolder.Entry], regularFiles: [String]) {
            self.entries = entries
            self.regularFiles = regularFiles
        }
    }

    /// Each is given once and then forgotten: a large site's listings are megabytes, held
    /// while the roles are read.
    private let byPath: Mutex<[String: Listing]>

    public init(_ byPath: [String: Listing]) {
        self.byPath = Mutex(byPath)
    }

    /// The listing of `path`, once: the folder is listed anew if asked for again.
    func take(_ path: String) -> Listing? {
        byPath.withLock { $0.removeValue(forKey: path) }
    }
}
