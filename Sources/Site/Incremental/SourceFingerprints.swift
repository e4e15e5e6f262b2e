import Content
import Dispatch
import Foundation
import LibC
import Synchronization

/// What a source file was when a build read it: its size, modification time and inode (to
/// notice a change without reading the file) and the hash of its bytes (what decides).
struct FileFingerprint: Equatable, Sendable {
    var size: Int
    /// Nanoseconds since 1970.
    var modified: Int
    var inode: UInt64
    /// The bytes' `StableHash`; 0 for a folder, which is listed so that an added or removed
    /// folder (an empty role folder is an error) counts as a change.
    var hash: UInt64

    /// A file listed and not yet looked at (`SourceFingerprints.hashesPending`): no file has inode 0.
    static let pending = FileFingerprint(size: 0, modified: 0, inode: 0, hash: 0)

    /// Whether `other` is the same file without reading it: same size, time and inode.
    func sameStatus(as other: FileFingerprint) -> Bool {
        size == other.size && modified == other.modified && inode == other.inode
    }
}

/// Every file and folder a build reads: `site.json` and everything not hidden under `content/`,
/// `locales/`, `templates/` and `translations/` (the folders `SiteFolder` reads from), by path
/// relative to the site root, folders with a trailing `/`.
///
/// Taking them reads only files whose size, time or inode differ from the previous build's
/// record, and files modified within `racyWindow` of that record being taken: a file written
/// twice within the file system's clock tick keeps its time, so a recent time proves nothing.
struct SourceFingerprints: Equatable, Sendable {
    /// Folders whose files a build reads, besides `site.json`.
    static let sourceFolders = ["content", "locales", "templates", "translations"]
    /// Two seconds: coarser than any file system's time stamps.
    static let racyWindow = 2_000_000_000

    var files: [String: FileFingerprint]
    /// When they were taken (nanoseconds since 1970, wall clock: file times are wall clock).
    var takenAt: Int
    /// Whether files are still to be fingerprinted (`took(_:for:)`, `takePending(root:)`): until
    /// then a file's fingerprint is `FileFingerprint.pending` (folders have theirs).
    private(set) var hashesPending = false

    init(files: [String: FileFingerprint], takenAt: Int) {
        self.files = files
        self.takenAt = takenAt
    }

    /// Walks the site root's sources; reuses `previous` hashes where the status proves the file unchanged.
    ///
    /// Folder by folder, one level of the tree at a time, each level's folders on every core:
    /// reading and hashing a clean build's sources, and taking their status, is most of the
    /// walk, and all of it runs before the first page renders. A folder is opened once and its
    /// files are looked at and read by name relative to it (a path from the root per file would
    /// walk the whole path again in the kernel). Every file is still read before loading reads
    /// it, so a file edited during the build is never recorded with bytes newer than those it
    /// was built from.
    ///
    /// `readingFiles: false` (with no `previous`): files are only listed, their fingerprints
    /// left pending (`hashesPending`). For a build with no record, which has nothing to
    /// compare with before it loads: its load's reads supply them instead.
    init(root: String, previous: SourceFingerprints?, readingFiles: Bool = true) {
        var unused: [String: FolderListings.Listing]?
        self.init(root: root, previous: previous, readingFiles: readingFiles, listings: &unused)
    }

    /// `init(root:previous:readingFiles:)`, also putting the listing of each folder walked into
    /// `listings` when it is not nil: the load takes them (`FolderListings`) instead of listing
    /// the same folders again.
    init(root: String, previous: SourceFingerprints?, readingFiles: Bool, listings: inout [String: FolderListings.Listing]?) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        takenAt = Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
        let root = root.hasSuffix("/") ? root : root + "/"
        var found: [String: FileFingerprint] = [:]
        // The root is listed as the folder holding only the sources.
        hashesPending = !readingFiles && previous == nil
        let walk = Walk(root: root, previous: previous, readingFiles: !hashesPending, keepsListings: listings != nil)
        var level = Self.list(root: walk).map { [$0] } ?? []
        // A link back up the tree is listed as a folder but entered once: the first of the
        // paths that reach a folder, level by level and in order, enters it.
        var visited: Set<UInt64> = []
        while !level.isEmpty {
            var next: [String] = []
            // Room for the level's entries at once: grown by doubling instead, the table of a
            // large site's tens of thousands of paths was hashed again a dozen times.
            found.reserveCapacity(found.count + level.reduce(0) { $0 + $1.files.count + 1 })
            for folder in level {
                if let print = folder.print { found[folder.path + "/"] = print }
                guard visited.insert(folder.identity).inserted else { continue }
                if let listed = folder.listed { listings?[folder.path] = listed }
                for (path, print) in folder.files { found[path] = print }
                next += folder.folders
            }
            level = Self.list(next, walk: walk)
        }
        files = found
    }

    /// While fingerprints are pending: `print` for the walked file at `path`, taken on the
    /// descriptor the build read it from, of the bytes it read. In place (a site's worth of
    /// reads kept apart until the end would be memory the build holds only for this).
    mutating func took(_ print: FileFingerprint, for path: String) {
        guard hashesPending, let index = files.index(forKey: path) else { return }
        files.values[index] = print
    }

    /// Fills in the fingerprints still pending (of files the build did not read) by reading
    /// the files now; a file gone by then (or a folder now), which the build did not read
    /// either, is left out. With `took(_:for:)`, a file edited since the walk has the status
    /// and hash of the bytes the build used, so the next build sees any later edit.
    mutating func takePending(root: String) {
        guard hashesPending else { return }
        let root = root.hasSuffix("/") ? root : root + "/"
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var gone: [String] = []
        for index in files.indices where files.values[index] == .pending && !files.keys[index].hasSuffix("/") {
            let path = files.keys[index]
            if let print = Self.fingerprint(root + path, in: AT_FDCWD, previous: nil, previousTakenAt: 0, buffer: &buffer) {
                files.values[index] = print
            } else {
                gone.append(path)
            }
        }
        for path in gone { files[path] = nil }
        hashesPending = false
    }

    /// What every folder of one walk is listed with.
    private struct Walk {
        var root: String
        var previous: SourceFingerprints?
        /// False: files are only listed (`hashesPending`).
        var readingFiles: Bool
        /// Whether each folder's listing is kept for the load (`Listing.listed`).
        var keepsListings: Bool
    }

    /// What a folder holds: the fingerprints of its files, and its folders to be listed next.
    private struct Listing {
        var path: String
        /// The folder's own fingerprint (nil for the root, which is not recorded).
        var print: FileFingerprint?
        /// Device and inode, to enter a folder reached by two paths once.
        var identity: UInt64
        var files: [(path: String, print: FileFingerprint)] = []
        var folders: [String] = []
        /// The folder's listing as the load reads it (`Walk.keepsListings`).
        var listed: FolderListings.Listing?
    }

    /// The listings of `paths`, in order, on every core; a folder that cannot be listed is left out.
    private static func list(_ paths: [String], walk: Walk) -> [Listing] {
        let shares = min(paths.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard shares > 0 else { return [] }
        let listings = Mutex([Listing?](repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let range = (paths.count * share / shares)..<(paths.count * (share + 1) / shares)
            // One read buffer per share: a new zeroed 64 KiB per file cost more than hashing
            // the site's small files.
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let found = range.map { list(paths[$0], walk: walk, buffer: &buffer) }
            listings.withLock { $0.replaceSubrange(range, with: found) }
        }
        return listings.withLock { $0.compactMap { $0 } }
    }

    /// The root as a listing of the sources alone (`site.json` and the source folders).
    private static func list(root walk: Walk) -> Listing? {
        let descriptor = open(walk.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var listing = Listing(path: "", identity: 0)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        for name in ["site.json"] + sourceFolders {
            take(name, in: descriptor, kind: .unknown, into: &listing, walk: walk, buffer: &buffer)
        }
        return listing
    }

    /// The listing of the folder `path`: followed like SiteFolder follows them (a linked file
    /// or folder counts as what it links to), without hidden entries.
    private static func list(_ path: String, walk: Walk, buffer: inout [UInt8]) -> Listing? {
        guard let directory = opendir(walk.root + path) else { return nil }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        var listing = Listing(
            path: path, print: FileFingerprint(size: 0, modified: modified(status), inode: UInt64(status.st_ino), hash: 0),
            identity: UInt64(status.st_dev) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(status.st_ino))
        var entries: [SiteFolder.Entry] = []
        var regularFiles: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") {
                let kind: EntryKind = switch entry.pointee.d_type {
                case UInt8(DT_REG): .regularFile
                case UInt8(DT_DIR): .folder
                default: .unknown  // a link (followed), or a file system that does not say
                }
                let isFolder = take(name, in: descriptor, kind: kind, into: &listing, walk: walk, buffer: &buffer)
                if walk.keepsListings {
                    entries.append(SiteFolder.Entry(name: name, isFolder: isFolder))
                    if kind == .regularFile { regularFiles.append(name) }
                }
            }
        }
        if walk.keepsListings {
            listing.listed = FolderListings.Listing(entries: entries, regularFiles: regularFiles)
        }
        return listing
    }

    /// What a folder's listing says an entry is.
    private enum EntryKind {
        case regularFile, folder, unknown
    }

    /// Adds the entry `name` of the folder open as `descriptor` to `listing`: a folder to list
    /// next, or a file's fingerprint. Only an entry listed as neither a regular file nor a
    /// folder is looked at first, to know which it is (a large site's thousands of role folders
    /// are each one status taken less). Whether it is a folder (following a link, as
    /// `SiteFolder.entries(_:)` tells); false when it is gone.
    @discardableResult
    private static func take(
        _ name: String, in descriptor: Int32, kind: EntryKind, into listing: inout Listing, walk: Walk, buffer: inout [UInt8]
    ) -> Bool {
        let path = listing.path.isEmpty ? name : listing.path + "/" + name
        if kind == .folder {
            listing.folders.append(path)
            return true
        }
        if kind == .unknown {
            var status = stat()
            guard fstatat(descriptor, name, &status, 0) == 0 else { return false }
            if status.st_mode & S_IFMT == S_IFDIR {
                listing.folders.append(path)
                return true
            }
        }
        guard walk.readingFiles else {
            listing.files.append((path, .pending))
            return false
        }
        if let print = fingerprint(name, in: descriptor, previous: walk.previous?.files[path], previousTakenAt: walk.previous?.takenAt ?? 0, buffer: &buffer) {
            listing.files.append((path, print))
        }
        return false
    }

    /// The fingerprint of the file `name` in the folder open as `descriptor` (nil when it is
    /// gone or a folder now), with `earlier`'s hash when the status proves it unchanged. The
    /// status is always taken before the bytes are read.
    private static func fingerprint(
        _ name: String, in folder: Int32, previous earlier: FileFingerprint?, previousTakenAt: Int, buffer: inout [UInt8]
    ) -> FileFingerprint? {
        var status = stat()
        if let earlier {
            guard fstatat(folder, name, &status, 0) == 0, status.st_mode & S_IFMT != S_IFDIR else { return nil }
            var print = FileFingerprint(size: Int(status.st_size), modified: modified(status), inode: UInt64(status.st_ino), hash: 0)
            if earlier.sameStatus(as: print), print.modified < previousTakenAt - racyWindow {
                print.hash = earlier.hash
            } else {
                let descriptor = openat(folder, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
                defer { if descriptor >= 0 { close(descriptor) } }
                print.hash = descriptor >= 0 ? hash(descriptor, status: status, buffer: &buffer) ?? 0 : 0
            }
            return print
        }
        // Not recorded before, so read in any case: the status is taken on the open file.
        let descriptor = openat(folder, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            guard fstatat(folder, name, &status, 0) == 0, status.st_mode & S_IFMT != S_IFDIR else { return nil }
            return FileFingerprint(size: Int(status.st_size), modified: modified(status), inode: UInt64(status.st_ino), hash: 0)
        }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return nil }
        return FileFingerprint(
            size: Int(status.st_size), modified: modified(status), inode: UInt64(status.st_ino), hash: hash(descriptor, status: status, buffer: &buffer) ?? 0)
    }

    /// Nanoseconds since 1970.
    private static func modified(_ status: stat) -> Int {
        Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
    }

    /// The hash of the bytes of the file open as `descriptor`. A regular file is read up to its
    /// size in `status` and no further (no read only to find its end): bytes added after the
    /// status was taken change its size, which the next build notices.
    private static func hash(_ descriptor: Int32, status: stat, buffer: inout [UInt8]) -> UInt64? {
        var left = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : Int.max
        var hash = StableHash()
        while left > 0 {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, min($0.count, left)) }
            guard count > 0 else { return count == 0 ? hash.value : nil }
            buffer.withUnsafeBytes { hash.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            left -= count
        }
        return hash.value
    }

    /// Whether the two walks found the same files with the same bytes (times may differ).
    func sameContents(as other: SourceFingerprints) -> Bool {
        files.count == other.files.count && files.allSatisfy { other.files[$0.key]?.hash == $0.value.hash }
    }

    /// The hash of every file outside role folders (site.json, catalogs, string tables,
    /// templates, assets, translation records) and of the list of role folders: what every page
    /// depends on.
    func siteWideKey() -> UInt64 {
        var hash = StableHash()
        // Only the few site-wide paths are sorted, not the thousands in role folders.
        for path in files.keys.filter({ !Self.isInRoleFolder($0) }).sorted() {
            hash.combine(path)
            hash.combine(files[path]!.hash)
        }
        return hash.value
    }

    /// Role slug → the hash of the files in its folder: what its own pages depend on.
    func roleKeys() -> [String: UInt64] {
        // Each path with its hash, as the table holds them: not looked up again once sorted.
        var byRole: [String: [(path: String, hash: UInt64)]] = [:]
        for (path, print) in files {
            if let slug = Self.roleSlug(of: path) { byRole[slug, default: []].append((path, print.hash)) }
        }
        return byRole.mapValues(Self.key(of:))
    }

    /// The files in the order of their paths (what sorting them by path gives), for the build
    /// record. Sorted role folder by role folder: every path of a role folder starts with the
    /// folder's own path, so no other path falls between two of them, and each folder is one
    /// group placed by its first path. One sort of a large site's 35,000 paths compared their
    /// long shared beginnings 15 times each; this compares a few thousand groups' first paths and
    /// each group's few. Folders are told apart by a hash of their slug (no string made per
    /// path); two that hash alike would make one group that need not be in order, so the result
    /// is checked, and sorted in one piece if it is not.
    ///
    /// `slugHash`: how slugs are hashed (tests make them collide).
    func inPathOrder(slugHash hashing: (UnsafeRawBufferPointer) -> UInt64 = Self.slugHash) -> [(path: String, print: FileFingerprint)] {
        var groups: [[(path: String, print: FileFingerprint)]] = []
        var groupOfRole: [UInt64: Int] = [:]
        for (path, print) in files {
            let slugHash = path.withUTF8InPlace { bytes in
                Self.slugRange(in: bytes, folderItself: true).map { hashing(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[$0]))) }
            }
            if let slugHash, let group = groupOfRole[slugHash] {
                groups[group].append((path, print))
            } else {
                if let slugHash { groupOfRole[slugHash] = groups.count }
                groups.append([(path, print)])
            }
        }
        for index in groups.indices where groups[index].count > 1 {
            groups[index].sort { $0.path < $1.path }
        }
        groups.sort { $0[0].path < $1[0].path }
        var ordered = groups.flatMap { $0 }
        if zip(ordered, ordered.dropFirst()).contains(where: { !($0.path < $1.path) }) {
            ordered.sort { $0.path < $1.path }
        }
        return ordered
    }

    static func slugHash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = StableHash()
        hash.combine(bytes: bytes)
        return hash.value
    }

    /// `roleKeys()[slug]` alone (a session after an edit of that role's files).
    func roleKey(_ slug: String) -> UInt64 {
        let prefix = "content/roles/" + slug + "/"
        return Self.key(of: files.filter { $0.key.hasPrefix(prefix) && $0.key.count > prefix.count }.map { ($0.key, $0.value.hash) })
    }

    /// The files' paths and hashes, in path order.
    private static func key(of files: [(path: String, hash: UInt64)]) -> UInt64 {
        var hash = StableHash()
        for file in files.sorted(by: { $0.path < $1.path }) {
            hash.combine(file.path)
            hash.combine(file.hash)
        }
        return hash.value
    }

    /// Takes `path`'s fingerprint again (before it is read), or forgets it when it is gone: for
    /// a session told by the watcher which files changed. False when `path` is a folder, whose
    /// files the caller would have to walk (it builds in full instead).
    mutating func update(_ path: String, root: String) -> Bool {
        var status = stat()
        guard stat(root + "/" + path, &status) == 0 else {
            files[path] = nil
            return files[path + "/"] == nil
        }
        guard status.st_mode & S_IFMT != S_IFDIR else { return false }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let descriptor = open(root + "/" + path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        defer { if descriptor >= 0 { close(descriptor) } }
        files[path] = FileFingerprint(
            size: Int(status.st_size), modified: Self.modified(status), inode: UInt64(status.st_ino),
            hash: descriptor >= 0 ? Self.hash(descriptor, status: status, buffer: &buffer) ?? 0 : 0)
        return true
    }

    /// `backend` for `content/roles/backend/en.json`; nil for anything not inside a role folder
    /// (the folder `content/roles/backend/` itself belongs to the list of roles).
    static func roleSlug(of path: String) -> String? {
        path.withUTF8InPlace { bytes in
            slugRange(in: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// Whether `roleSlug(of: path)` is not nil, without making the slug (the site-wide key
    /// asks it of every source path).
    static func isInRoleFolder(_ path: String) -> Bool {
        path.withUTF8InPlace { slugRange(in: $0) != nil }
    }

    /// Where the slug is in a path's UTF-8 bytes. Over the contiguous bytes: a path's `/` is a
    /// byte, and walking a large site's 35,000 paths character by character was a tenth of a
    /// second before loading could start; through the UTF-8 views' generic `starts(with:)` and
    /// `firstIndex(of:)`, still a few hundred instructions a path, asked of every path twice.
    /// `folderItself`: the role folder's own path (`content/roles/backend/`) has a slug too.
    private static func slugRange(in bytes: UnsafeBufferPointer<UInt8>, folderItself: Bool = false) -> Range<Int>? {
        let prefix = rolesPrefix.count
        guard bytes.count > prefix, memcmp(bytes.baseAddress!, rolesPrefix, prefix) == 0 else { return nil }
        var slash = prefix
        while slash < bytes.count, bytes[slash] != UInt8(ascii: "/") { slash += 1 }
        guard slash + 1 < bytes.count || (folderItself && slash < bytes.count && slash > prefix) else { return nil }
        return prefix..<slash
    }

    private static let rolesPrefix = Array("content/roles/".utf8)
}
