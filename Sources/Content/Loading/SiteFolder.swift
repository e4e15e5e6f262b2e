import Diagnostics
import LibC
import Synchronization

/// Read-only access to a site's files by paths relative to its root: the same relative paths
/// that diagnostics show. The one way rolegen reads a site (content, string tables, templates,
/// assets), so the one place that keeps it inside the site root: a path that resolves outside
/// the root (through a symbolic link, anywhere along it) or to something that is not a regular
/// file (a FIFO would block forever, a device could do anything) is refused before it is opened.
///
/// Plain POSIX calls rather than `FileManager` and `URL`: a large site is tens of thousands of
/// small files, and Foundation's path objects and `Data` copies cost more than reading them.
public struct SiteFolder: Sendable {
    /// The root folder's path, ending with `/`.
    let root: String
    /// The root with every symbolic link resolved, ending with `/`: what every file read must
    /// resolve under.
    private let realRoot: String
    /// Folder (relative to the root) → its real path, resolved once for all its files: `realpath`
    /// reads every component of a path as a link, and a site is tens of thousands of files in a
    /// few thousand folders. Kept for this value's life (one load or build), never across them.
    private let realFolders = RealFolders()

    public init(root: String) {
        self.root = root.hasSuffix("/") ? root : root + "/"
        let real = Self.realPath(self.root) ?? self.root
        realRoot = real.hasSuffix("/") ? real : real + "/"
    }

    public enum FileContents: Sendable {
        case bytes([UInt8])
        case missing
        /// The file exists but is not read, for this reason.
        case refused(ContentError)
    }

    public struct Entry: Equatable, Sendable {
        public var name: String
        public var isFolder: Bool
    }

    /// The bytes of the regular file at `path`, once it is known to be inside the root.
    public func contents(of path: String) -> FileContents {
        let full = root + path
        guard let (real, isRegularFile) = realPath(ofFile: path) else {
            var status = stat()
            return lstat(full, &status) != 0 && (errno == ENOENT || errno == ENOTDIR) ? .missing : .refused(.unreadableFile(path: path))
        }
        guard real.hasPrefix(realRoot) else { return .refused(.outsideSiteRoot(path: path, target: real)) }
        var status = stat()
        // A regular file that is not a link (as `realPath` saw it) needs no second look before
        // opening: the checks after opening see what was opened. One system call per file read.
        if !isRegularFile {
            guard stat(real, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return .refused(.unreadableFile(path: path)) }
            if let kind = Self.kindIfNotRegular(status.st_mode) { return .refused(.notARegularFile(path: path, kind: kind)) }
        }
        // O_NOFOLLOW and O_NONBLOCK: should the file be swapped for a link or a FIFO after the
        // checks above, opening fails or returns at once instead of following or blocking.
        let descriptor = open(real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .refused(.unreadableFile(path: path)) }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { return .refused(.unreadableFile(path: path)) }
        if let kind = Self.kindIfNotRegular(status.st_mode) { return .refused(.notARegularFile(path: path, kind: kind)) }
        let size = Int(status.st_size)
        var failed = false
        // Read into uninitialized room: zeroing it first would only be overwritten.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            while filled < size {
                let count = read(descriptor, buffer.baseAddress! + filled, size - filled)
                if count < 0 { failed = true; return }
                if count == 0 { break }
                filled += count
            }
        }
        return failed ? .refused(.unreadableFile(path: path)) : .bytes(bytes)
    }

    /// What a non-regular file is, for a message (`a FIFO (named pipe)`); nil for a regular file.
    private static func kindIfNotRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a file"
        }
    }

    /// `realpath` of the file at `path`: its folder's real path and its name when it is a regular
    /// file and not a link (what `realpath` would say; `isRegularFile` is then true), else
    /// `realpath` itself.
    private func realPath(ofFile path: String) -> (path: String, isRegularFile: Bool)? {
        var status = stat()
        // The last slash found among the bytes, not the characters: a search for a `Character`
        // from the end works out grapheme boundaries, and costs more than the file system calls.
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), lstat(root + path, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
            let folder = String(path[..<slash])
            if let realFolder = realFolders.path(of: folder, resolving: { Self.realPath(root + folder) }) {
                return (realFolder + path[slash...], true)
            }
        }
        return Self.realPath(root + path).map { ($0, false) }
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The entries of a folder, sorted by name, without hidden ones (`.DS_Store`, editor swap
    /// files), or nil when the folder does not exist (or resolves outside the root).
    public func entries(_ path: String) -> [Entry]? {
        let folderPath = root + path
        // Through the cache of folders' real paths: a role folder is listed again when its
        // pages are rendered (`RoleRereader`), and its files' reads resolve it anyway.
        guard let real = realFolders.path(of: path, resolving: { Self.realPath(folderPath) }), (real + "/").hasPrefix(realRoot) else { return nil }
        guard let directory = opendir(folderPath) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            let type = entry.pointee.d_type
            let isFolder = type == DT_UNKNOWN || type == DT_LNK ? isFolder("\(path)/\(name)") : type == DT_DIR
            entries.append(Entry(name: name, isFolder: isFolder))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// Whether `path` is a folder (following symbolic links); `""` is the root.
    public func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(root + path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// The paths of the files below the folder `path` (relative to the root, sorted), without
    /// hidden files and folders. A folder that resolves outside the root is not entered but
    /// added to `refused`; a linked folder is entered once (a link back up the tree would
    /// never end).
    public func files(under path: String, refused: inout [(path: String, error: ContentError)]) -> [String] {
        var files: [String] = []
        var visited: Set<String> = []
        collectFiles(under: path, visited: &visited, into: &files, refused: &refused)
        return files.sorted()
    }

    private func collectFiles(under path: String, visited: inout Set<String>, into files: inout [String], refused: inout [(path: String, error: ContentError)]) {
        guard let real = Self.realPath(root + path) else { return }
        guard (real + "/").hasPrefix(realRoot) else {
            refused.append((path, .outsideSiteRoot(path: path, target: real)))
            return
        }
        guard visited.insert(real).inserted, let entries = entries(path) else { return }
        for entry in entries {
            let child = path + "/" + entry.name
            if entry.isFolder {
                collectFiles(under: child, visited: &visited, into: &files, refused: &refused)
            } else {
                files.append(child)
            }
        }
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
        switch folder.contents(of: path) {
        case .bytes(let bytes):
            let check = FileCheck(path: path, bytes: bytes)
            checks.append(check)
            return check
        case .missing:
            if required { report(.missingFile(path: path, why: why), file: path) }
        case .refused(let error):
            report(error, file: path)
        }
        return nil
    }

    /// Reports a problem about a whole file (at its first line) or, without `file`, about no file.
    func report(_ error: ContentError, file: String? = nil) {
        other.append(error.diagnostic(file: file))
    }

    var diagnostics: [Diagnostic] { other + checks.flatMap(\.diagnostics) }

    /// The bytes of the files opened so far.
    var bytesRead: Int { checks.reduce(0) { $0 + $1.bytes.count } }

    /// A hash of the paths and bytes of the files opened so far: whether reading them again
    /// gives the same bytes. Eight bytes per step (a role's files are read twice in a build, so
    /// a byte-at-a-time hash would cost a visible share of it); not meant to resist a crafted
    /// collision, only to notice an edit.
    var contentsHash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        for check in checks {
            for byte in check.path.utf8 { mix(UInt64(byte)) }
            mix(UInt64(check.bytes.count))
            check.bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset + 8 <= raw.count {
                    mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    offset += 8
                }
                var tail: UInt64 = 0
                while offset < raw.count {
                    tail = tail << 8 | UInt64(raw[offset])
                    offset += 1
                }
                mix(tail)
            }
        }
        return hash
    }

    var hasErrors: Bool { diagnostics.hasErrors }

    /// Marks the files opened so far as trusted (`FileCheck.isTrusted`): the caller knows, from
    /// `contentsHash`, that they are bytes an earlier reading checked and found free of errors.
    func trustOpenedFiles() {
        for check in checks { check.isTrusted = true }
    }

    /// Reports each of `names` (entries of the folder at `path` that have no place there): as a
    /// file for an unconfigured locale when its name says so (`de.json`, `verdict.de.md`), else
    /// as unexpected, suggesting the closest of `expected`.
    func reportStray(in path: String, names: [String], expected: [String], locales: Locales) {
        for name in names {
            let file = "\(path)/\(name)"
            if let locale = localeOfPerLocaleFile(name), !locales.all.contains(locale) {
                report(.fileForUnconfiguredLocale(name: name, locale: locale), file: file)
            } else {
                report(.unexpectedFile(name: name, place: "`\(path)/`", suggestion: closestMatch(to: name, among: expected)), file: file)
            }
        }
    }
}

/// `de` for `de.json` or `verdict.de.md`: the locale of a per-locale file name, for any
/// well-formed locale code.
func localeOfPerLocaleFile(_ name: String) -> String? {
    let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    switch parts.count {
    case 2 where parts[1] == "json" && isLocaleCode(parts[0]):
        return parts[0]
    case 3 where parts[2] == "md" && MarkdownKind(rawValue: parts[0]) != nil && isLocaleCode(parts[1]):
        return parts[1]
    default:
        return nil
    }
}

/// The real paths of a site's folders, resolved once each (`SiteFolder.realPath(ofFile:)`).
private final class RealFolders: Sendable {
    private let paths = Mutex<[String: String]>([:])

    func path(of folder: String, resolving: () -> String?) -> String? {
        if let known = paths.withLock({ $0[folder] }) { return known }
        guard let resolved = resolving() else { return nil }
        paths.withLock { $0[folder] = resolved }
        return resolved
    }
}
