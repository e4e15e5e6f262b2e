import LibC

/// The output folder as the server sees it. A file is returned only when its real path —
/// every symlink resolved — lies inside the folder's real path, so neither a crafted URL nor a
/// symlink in the output can expose anything else on the machine.
struct OutputFiles: Sendable {
    /// What a path names inside the folder.
    enum Entry: Equatable, Sendable {
        case file([UInt8])
        case folder
        /// Nothing, something that is neither file nor folder, or something outside the folder.
        case missing
    }

    /// The output folder's path as configured. It is resolved on every lookup because a build
    /// swaps a new tree in at this path (and the first build may create it).
    let folder: String

    /// Looks up `segments`, which `RequestPath` has already checked: none is `.`, `..` or holds
    /// a `/`. Files are read whole: a preview's pages and assets are small.
    func entry(at segments: [String]) -> Entry {
        guard let realFolder = Self.realPath(folder),
              let real = Self.realPath(([folder] + segments).joined(separator: "/")),
              real == realFolder || real.hasPrefix(realFolder.hasSuffix("/") ? realFolder : realFolder + "/")
        else { return .missing }
        var info = stat()
        guard stat(real, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return Self.read(real).map(Entry.file) ?? .missing
        default: return .missing
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads a resolved path without following a symlink at its last component: if a rebuild
    /// put one there since `realpath`, the read fails rather than leaving the folder.
    private static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { LibC.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return Array(bytes.prefix(filled))
    }
}
