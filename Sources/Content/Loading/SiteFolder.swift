import Diagnostics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only access to a site's files by paths relative to its root: the same relative paths
/// that diagnostics show.
///
/// Plain POSIX calls rather than `FileManager` and `URL`: a large site is tens of thousands of
/// small files, and Foundation's path objects and `Data` copies cost more than reading them.
struct SiteFolder: Sendable {
    /// The root folder's path, ending with `/`.
    let root: String

    init(root: String) {
        self.root = root.hasSuffix("/") ? root : root + "/"
    }

    enum FileContents {
        case bytes([UInt8])
        case missing
        case unreadable
    }

    struct Entry: Equatable {
        var name: String
        var isFolder: Bool
    }

    func contents(of path: String) -> FileContents {
        let descriptor = open(root + path, O_RDONLY)
        guard descriptor >= 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .unreadable }
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, size - filled) }
            if count < 0 { return .unreadable }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(size - filled)
        return .bytes(bytes)
    }

    /// The entries of a folder, sorted by name, without hidden ones (`.DS_Store`, editor swap
    /// files), or nil when the folder does not exist.
    func entries(_ path: String) -> [Entry]? {
        let folderPath = root + path
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
    func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(root + path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
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
        case .unreadable:
            report(.unreadableFile(path: path), file: path)
        }
        return nil
    }

    /// Reports a problem about a whole file (at its first line) or, without `file`, about no file.
    func report(_ error: ContentError, file: String? = nil) {
        other.append(error.diagnostic(at: file.map { SourceLocation(file: $0, line: 1, column: 1) }))
    }

    var diagnostics: [Diagnostic] { other + checks.flatMap(\.diagnostics) }

    var hasErrors: Bool { diagnostics.hasErrors }

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
