import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into a hidden staging folder beside the output folder and, only when the
/// whole build succeeded, swaps it in with one atomic `renameat2(RENAME_EXCHANGE)`: readers and
/// a build killed at any instant see either the old tree or the new one, never a mix, and
/// files of removed roles disappear with the old tree.
struct OutputFolder: Sendable {
    let output: URL
    let staging: URL

    init(output: URL) throws {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        // Staging folders left by killed builds are removed first.
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where leftover.hasPrefix(".\(name).staging-") {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(leftover))
        }
        staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `bytes` at `relativePath` inside the staging folder, creating folders as needed.
    /// Safe to call from many threads at once.
    func write(_ bytes: [UInt8], to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        let directory = url.deletingLastPathComponent().path
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.cannotWrite(relativePath, String(cString: strerror(errno))) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            guard result > 0 else { throw OutputError.cannotWrite(relativePath, String(cString: strerror(errno))) }
            written += result
        }
    }

    /// Puts the staged tree in place of the output folder and removes the old tree.
    func commit() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError.outputIsNotAFolder(output.path) }
            guard Self.exchange(staging.path, output.path) else {
                throw OutputError.cannotReplace(output.path, String(cString: strerror(errno)))
            }
        } else if rename(staging.path, output.path) != 0 {
            throw OutputError.cannotReplace(output.path, String(cString: strerror(errno)))
        }
        // `staging` now holds the previous tree (or nothing).
        try? FileManager.default.removeItem(at: staging)
    }

    /// Removes the staging folder after a failed build; the output folder was never touched.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// renameat2(2) with RENAME_EXCHANGE, looked up at run time: Swift's Glibc module does not
    /// import it, and it is the only way to swap two folders atomically.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}

/// Problems writing the output tree (the disk, not the content).
public enum OutputError: Error, CustomStringConvertible {
    /// A file of the staged tree could not be written.
    case cannotWrite(String, String)
    /// The output path exists and is a file.
    case outputIsNotAFolder(String)
    /// The staged tree could not be swapped in.
    case cannotReplace(String, String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
        case let .outputIsNotAFolder(path): "output path \(path) exists and is not a folder"
        case let .cannotReplace(path, reason): "cannot replace \(path): \(reason)"
        }
    }
}
