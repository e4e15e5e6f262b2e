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

    init(files: [String: FileFingerprint], takenAt: Int) {
        self.files = files
        self.takenAt = takenAt
    }

    /// Walks the site root's sources; reuses `previous` hashes where the status proves the file unchanged.
    init(root: String, previous: SourceFingerprints?) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        takenAt = Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
        let root = root.hasSuffix("/") ? root : root + "/"
        var found: [String: FileFingerprint] = [:]
        var visited: Set<UInt64> = []
        var files: [String] = []
        Self.add("site.json", root: root, into: &found, visited: &visited, files: &files)
        for folder in Self.sourceFolders {
            Self.add(folder, root: root, into: &found, visited: &visited, files: &files)
        }
        for (path, print) in zip(files, Self.fingerprints(of: files, root: root, previous: previous)) {
            if let print { found[path] = print }
        }
        self.files = found
    }

    /// The fingerprints of the files at `paths` (nil for one that is gone or is a folder now),
    /// taken on every core: reading and hashing a clean build's sources, and taking their
    /// status, is most of the walk, and all of it runs before the first page renders. Every
    /// file is still read before loading reads it, so a file edited during the build is never
    /// recorded with bytes newer than those it was built from.
    private static func fingerprints(of paths: [String], root: String, previous: SourceFingerprints?) -> [FileFingerprint?] {
        let shares = min(paths.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let prints = Mutex([FileFingerprint?](repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let range = (paths.count * share / shares)..<(paths.count * (share + 1) / shares)
            // One read buffer per share: a new zeroed 64 KiB per file cost more than hashing
            // the site's small files.
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let found = range.map { fingerprint(ofFile: paths[$0], root: root, previous: previous, buffer: &buffer) }
            prints.withLock { $0.replaceSubrange(range, with: found) }
        }
        return prints.withLock { $0 }
    }

    /// Reuses `previous`'s hash where the status proves the file unchanged.
    private static func fingerprint(ofFile path: String, root: String, previous: SourceFingerprints?, buffer: inout [UInt8]) -> FileFingerprint? {
        var status = stat()
        // Followed like SiteFolder follows them: a linked file counts as what it links to.
        guard stat(root + path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return nil }
        let modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        var print = FileFingerprint(size: Int(status.st_size), modified: modified, inode: UInt64(status.st_ino), hash: 0)
        if let previous, let earlier = previous.files[path], earlier.sameStatus(as: print), modified < previous.takenAt - racyWindow {
            print.hash = earlier.hash
        } else {
            print.hash = hashFile(root + path, buffer: &buffer) ?? 0
        }
        return print
    }

    /// Adds the folder `path` and every folder in it to `found`, and lists the files in them
    /// (and `path` when it is a file) in `files`, to be fingerprinted on every core: a folder's
    /// listing says which names are plain files, so only folders and links are looked at here.
    private static func add(_ path: String, root: String, into found: inout [String: FileFingerprint], visited: inout Set<UInt64>, files: inout [String]) {
        var status = stat()
        // Followed like SiteFolder follows them: a linked file or folder counts as what it links to.
        guard stat(root + path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            files.append(path)
            return
        }
        let modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        found[path + "/"] = FileFingerprint(size: 0, modified: modified, inode: UInt64(status.st_ino), hash: 0)
        // A link back up the tree is entered once.
        let identity = UInt64(status.st_dev) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(status.st_ino)
        guard visited.insert(identity).inserted, let directory = opendir(root + path) else { return }
        var entries: [(name: String, isFile: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { entries.append((name, Int(entry.pointee.d_type) == Int(DT_REG))) }
        }
        closedir(directory)
        for (name, isFile) in entries {
            if isFile {
                files.append(path + "/" + name)
            } else {
                add(path + "/" + name, root: root, into: &found, visited: &visited, files: &files)
            }
        }
    }

    private static func hashFile(_ path: String, buffer: inout [UInt8]) -> UInt64? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var hash = StableHash()
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            guard count > 0 else { return count == 0 ? hash.value : nil }
            buffer.withUnsafeBytes { hash.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
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
        for path in files.keys.filter({ Self.roleSlug(of: $0) == nil }).sorted() {
            hash.combine(path)
            hash.combine(files[path]!.hash)
        }
        return hash.value
    }

    /// Role slug → the hash of the files in its folder: what its own pages depend on.
    func roleKeys() -> [String: UInt64] {
        var byRole: [String: [String]] = [:]
        for path in files.keys {
            if let slug = Self.roleSlug(of: path) { byRole[slug, default: []].append(path) }
        }
        return byRole.mapValues(key(of:))
    }

    /// `roleKeys()[slug]` alone (a session after an edit of that role's files).
    func roleKey(_ slug: String) -> UInt64 {
        let prefix = "content/roles/" + slug + "/"
        return key(of: files.keys.filter { $0.hasPrefix(prefix) && $0.count > prefix.count })
    }

    private func key(of paths: [String]) -> UInt64 {
        var hash = StableHash()
        for path in paths.sorted() {
            hash.combine(path)
            hash.combine(files[path]!.hash)
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
        let modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        files[path] = FileFingerprint(
            size: Int(status.st_size), modified: modified, inode: UInt64(status.st_ino),
            hash: Self.hashFile(root + "/" + path, buffer: &buffer) ?? 0)
        return true
    }

    /// `backend` for `content/roles/backend/en.json`; nil for anything not inside a role folder
    /// (the folder `content/roles/backend/` itself belongs to the list of roles).
    static func roleSlug(of path: String) -> String? {
        // In UTF-8 bytes: a path's `/` is a byte, and walking a large site's 35,000 paths
        // character by character was a tenth of a second before loading could start.
        let bytes = path.utf8
        guard bytes.starts(with: Self.rolesPrefix) else { return nil }
        let rest = bytes.dropFirst(Self.rolesPrefix.count)
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")), rest.index(after: slash) < rest.endIndex else { return nil }
        return String(path[rest.startIndex..<slash])
    }

    private static let rolesPrefix = Array("content/roles/".utf8)
}
