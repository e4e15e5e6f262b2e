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
    /// The folders above those read (`content`, `content/roles`), opened once for this value's
    /// life: a role folder is then opened by its name alone (see `FolderReader`).
    private let ancestors = OpenAncestors()
    /// Told of every file read, with its status and bytes (see `ReadObserver`).
    private let observer: ReadObserver?
    /// Folders listed already (by the build's walk of its sources): not listed again.
    let listings: FolderListings?

    /// Told of each file read (relative path, its status and bytes, both taken on the
    /// descriptor read from): for a build to take what it records of its sources from the
    /// bytes it used, instead of reading every file once more.
    public typealias ReadObserver = @Sendable (_ path: String, _ status: stat, _ bytes: [UInt8]) -> Void

    public init(root: String, observingReads observer: ReadObserver? = nil, listings: FolderListings? = nil) {
        self.observer = observer
        self.listings = listings
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

        public init(name: String, isFolder: Bool) {
            self.name = name
            self.isFolder = isFolder
        }
    }

    /// The bytes of the regular file at `path`, once it is known to be inside the root.
    public func contents(of path: String) -> FileContents {
        FolderReader(self).contents(of: path)
    }

    /// `contents(of:)` the slow way, for a file that `FolderReader` cannot open by name in a
    /// folder opened without links (the file, or a folder along its path, is a link, or
    /// something changed while it looked): every link resolved with `realpath`, the result
    /// checked against the root, the file opened by that path.
    fileprivate func resolvedContents(of path: String) -> FileContents {
        let full = root + path
        guard let (real, isRegularFile) = realPath(ofFile: path) else {
            var status = stat()
            return lstat(full, &status) != 0 && (errno == ENOENT || errno == ENOTDIR) ? .missing : .refused(.unreadableFile(path: path))
        }
        guard real.hasPrefix(realRoot) else { return .refused(.outsideSiteRoot(path: path, target: real)) }
        var status = stat()
        // A regular file that is not a link (as `realPath` saw it) needs no second look before
        // opening: the checks after opening see what was opened.
        if !isRegularFile {
            guard stat(real, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return .refused(.unreadableFile(path: path)) }
            if let kind = Self.kindIfNotRegular(status.st_mode) { return .refused(.notARegularFile(path: path, kind: kind)) }
        }
        // O_NOFOLLOW and O_NONBLOCK: should the file be swapped for a link or a FIFO after the
        // checks above, opening fails or returns at once instead of following or blocking.
        let descriptor = open(real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .refused(.unreadableFile(path: path)) }
        defer { close(descriptor) }
        return read(descriptor, path: path)
    }

    /// The bytes of the file open as `descriptor` (`path` for messages), when what was opened
    /// is a regular file: checked on the descriptor, so a swap after any earlier look is seen.
    fileprivate func read(_ descriptor: Int32, path: String) -> FileContents {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return .refused(.unreadableFile(path: path)) }
        if let kind = Self.kindIfNotRegular(status.st_mode) { return .refused(.notARegularFile(path: path, kind: kind)) }
        guard let bytes = Self.readBytes(descriptor, size: Int(status.st_size)) else { return .refused(.unreadableFile(path: path)) }
        observer?(path, status, bytes)
        return .bytes(bytes)
    }

    /// The bytes of the file open as `descriptor`, `size` long as its status says (fewer if it
    /// shrank meanwhile); nil when reading fails. Read into uninitialized room: zeroing it
    /// first would only be overwritten. (`package`: Site reads its build record so.)
    package static func readBytes(_ descriptor: Int32, size: Int) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            while filled < size {
                let count = LibC.read(descriptor, buffer.baseAddress! + filled, size - filled)
                if count < 0 { failed = true; return }
                if count == 0 { break }
                filled += count
            }
        }
        return failed ? nil : bytes
    }

    /// The folder at `path` opened by descriptor, reached from the root without following a
    /// link, or through a link only when it resolves inside the root (then by its real path);
    /// nil when it cannot be (the caller takes the slow path, which reports what it finds). The
    /// caller closes it.
    fileprivate func openFolder(_ path: String) -> Int32? {
        guard !path.isEmpty else {
            let descriptor = open(realRoot, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            return descriptor >= 0 ? descriptor : nil
        }
        guard Self.isPlain(path) else { return nil }
        let (parent, name) = Self.split(path)
        guard let parentDescriptor = ancestors.descriptor(of: parent, opening: { openFolder(parent) }) else { return nil }
        let descriptor = openat(parentDescriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor >= 0 { return descriptor }
        // A link (which O_NOFOLLOW refuses as not a folder): followed, as `realpath` resolves
        // it, when that stays inside the root.
        guard errno == ENOTDIR || errno == ELOOP, let real = realFolders.path(of: path, resolving: { Self.realPath(root + path) }),
              (real + "/").hasPrefix(realRoot) else { return nil }
        let resolved = open(real, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        return resolved >= 0 ? resolved : nil
    }

    /// Whether `path` is relative and names each part plainly (none empty, `.` or `..`): then a
    /// walk from the root by descriptor, part by part, meets every link along it.
    private static func isPlain(_ path: String) -> Bool {
        path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && !(part.count <= 2 && part.allSatisfy { $0 == UInt8(ascii: ".") })
        }
    }

    /// The folder and the name of `path` (`""` for a file in the root). Split at the last slash
    /// among the bytes: a search for a `Character` works out grapheme boundaries.
    fileprivate static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
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
        FolderReader(self).entries(path)
    }

    /// `entries(_:)` the slow way (see `resolvedContents(of:)`).
    fileprivate func resolvedEntries(_ path: String) -> [Entry]? {
        let folderPath = root + path
        guard let real = realFolders.path(of: path, resolving: { Self.realPath(folderPath) }), (real + "/").hasPrefix(realRoot) else { return nil }
        guard let directory = opendir(folderPath) else { return nil }
        defer { closedir(directory) }
        var regularFiles: Set<String> = []
        return Self.entries(of: directory, regularFiles: &regularFiles) { name in isFolder("\(path)/\(name)") }
    }

    /// The entries `directory` lists, sorted, without hidden ones; `isFolder` decides for a
    /// link or an entry of unknown type. Adds the names listed as regular files (not links) to
    /// `regularFiles`.
    fileprivate static func entries(of directory: OpaquePointer, regularFiles: inout Set<String>, isFolder: (String) -> Bool) -> [Entry] {
        /// Room for a role folder's files from the start (its facts, and a text and three Markdown
        /// files for each of a few locales): most folders listed are role folders, and growing
        /// from one entry by doubling cost more than the rest of their listing.
        let usualCount = 16
        var entries: [Entry] = []
        entries.reserveCapacity(usualCount)
        /// Added to `regularFiles` at the end, with room for all of them: inserted one at a time,
        /// the set was hashed again at each doubling (more than the rest of a role folder's listing).
        var regular: [String] = []
        regular.reserveCapacity(usualCount)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            let type = entry.pointee.d_type
            if type == DT_REG { regular.append(name) }
            entries.append(Entry(name: name, isFolder: type == DT_UNKNOWN || type == DT_LNK ? isFolder(name) : type == DT_DIR))
        }
        regularFiles.reserveCapacity(regularFiles.count + regular.count)
        for name in regular { regularFiles.insert(name) }
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

/// Reads a site's files and listings by name, relative to their folder opened once: a role
/// folder is listed, then its files are read one after another, and each read by its path
/// would walk the whole path again (and resolving it would read every part as a link). Keeps
/// the last folder it used open until it is asked for another or released; one per part of
/// the site read on one thread (`FileChecks`).
///
/// What it reads is what `SiteFolder` would: the folder is reached without following a link
/// (or through one `realpath` resolves inside the root), the file is opened with O_NOFOLLOW
/// and O_NONBLOCK and checked on its descriptor. Anything else (a link, something not a
/// regular file, a file that changed between looks) takes `SiteFolder`'s slow path, which
/// refuses or follows it exactly as before.
final class FolderReader {
    let site: SiteFolder
    private var current: OpenFolder?

    init(_ site: SiteFolder) {
        self.site = site
    }

    func contents(of path: String) -> SiteFolder.FileContents {
        let (folder, name) = SiteFolder.split(path)
        return contents(of: name, in: folder, path: path)
    }

    /// The file `name` of `folder`, whose path is `path` (`folder/name`), for a caller that has
    /// the two apart: splitting the path again (two new strings) cost more than opening the file.
    func contents(of name: String, in folder: String, path: String) -> SiteFolder.FileContents {
        guard let opened = self.folder(folder) else { return site.resolvedContents(of: path) }
        // A name the folder's listing showed as a regular file is opened at once; any other is
        // looked at first, without following it, so that a FIFO or device is never opened.
        if !opened.regularFiles.contains(name) {
            var status = stat()
            guard fstatat(opened.descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0, status.st_mode & S_IFMT == S_IFREG else {
                return site.resolvedContents(of: path)
            }
        }
        let descriptor = openat(opened.descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return site.resolvedContents(of: path) }
        defer { close(descriptor) }
        return site.read(descriptor, path: path)
    }

    /// `SiteFolder.entries(_:)`, listed through the folder's descriptor, which then reads its files.
    func entries(_ path: String) -> [SiteFolder.Entry]? {
        guard let opened = folder(path) else { return site.resolvedEntries(path) }
        if let listed = site.listings?.take(path) {
            opened.regularFiles = Set(listed.regularFiles)
            return listed.entries.sorted { $0.name < $1.name }
        }
        guard let directory = opened.stream() else { return site.resolvedEntries(path) }
        let descriptor = opened.descriptor
        return SiteFolder.entries(of: directory, regularFiles: &opened.regularFiles) { name in
            var status = stat()
            return fstatat(descriptor, name, &status, 0) == 0 && status.st_mode & S_IFMT == S_IFDIR
        }
    }

    private func folder(_ path: String) -> OpenFolder? {
        if let current, current.path == path { return current }
        current = nil
        guard let descriptor = site.openFolder(path) else { return nil }
        let opened = OpenFolder(path: path, descriptor: descriptor)
        current = opened
        return opened
    }
}

/// A folder open for `FolderReader`: its descriptor, and once listed, its stream and the names
/// the listing showed as regular files.
private final class OpenFolder {
    let path: String
    let descriptor: Int32
    private var directory: OpaquePointer?
    var regularFiles: Set<String> = []

    init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// The folder's listing, from its start. Shares the descriptor (`closedir` closes it).
    func stream() -> OpaquePointer? {
        if let directory {
            rewinddir(directory)
            return directory
        }
        directory = fdopendir(descriptor)
        return directory
    }

    deinit {
        if let directory { closedir(directory) } else { close(descriptor) }
    }
}

/// The files read for one part of the site (the site-wide files, or one role folder) and every
/// problem found in them. Each part has its own, so role folders can be read in parallel.
final class FileChecks {
    let folder: SiteFolder
    private let reader: FolderReader
    private var checks: [FileCheck] = []
    /// Problems that belong to no position in a file (a missing file).
    private var other: [Diagnostic] = []

    init(folder: SiteFolder) {
        self.folder = folder
        reader = FolderReader(folder)
    }

    /// `SiteFolder.entries(_:)`, through this part's reader: the files of a folder listed here
    /// are then read relative to it.
    func entries(_ path: String) -> [SiteFolder.Entry]? {
        reader.entries(path)
    }

    /// The file at `path` ready to be checked, or nil when it is absent or unreadable. An
    /// absent file is reported when it is `required`, with `why` when that is not obvious.
    func open(_ path: String, required: Bool, why: String? = nil) -> FileCheck? {
        check(reader.contents(of: path), path: path, required: required, why: why)
    }

    /// `open(_:required:why:)` for the file `name` of `folder` (a role folder's files, opened by
    /// name): read in the folder as given, where a path would be split into the two again.
    func open(_ name: String, in folder: String, required: Bool) -> FileCheck? {
        let path = "\(folder)/\(name)"
        return check(reader.contents(of: name, in: folder, path: path), path: path, required: required, why: nil)
    }

    private func check(_ contents: SiteFolder.FileContents, path: String, required: Bool, why: String?) -> FileCheck? {
        switch contents {
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

/// Descriptors of the folders above those a site's readers open (`SiteFolder.openFolder`),
/// opened once each and closed with the `SiteFolder`; -1 for one that could not be opened.
private final class OpenAncestors: Sendable {
    private let descriptors = Mutex<[String: Int32]>([:])

    func descriptor(of folder: String, opening: () -> Int32?) -> Int32? {
        if let known = descriptors.withLock({ $0[folder] }) { return known >= 0 ? known : nil }
        let opened = opening() ?? -1
        let kept = descriptors.withLock { descriptors in
            // Another thread may have opened it meanwhile: the first one stays.
            if let known = descriptors[folder] { return known }
            descriptors[folder] = opened
            return opened
        }
        if kept != opened, opened >= 0 { close(opened) }
        return kept >= 0 ? kept : nil
    }

    deinit {
        for descriptor in descriptors.withLock({ Array($0.values) }) where descriptor >= 0 { close(descriptor) }
    }
}
