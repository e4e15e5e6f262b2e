import Foundation
import LibC

/// Tells which source files changed, as the kernel reports them (inotify), instead of polling
/// the tree. Watches `site.json`, `content/`, `locales/` and `templates/` — the files a build
/// reads — and every folder below them, including folders created after the start.
///
/// What an editor does on save is covered: writing in place (reported when the file is closed),
/// an atomic save (write a temporary file, rename it over the old one: the rename is the change;
/// a hidden temporary name is ignored) and deleting or renaming files and whole folders. Events
/// are collected until the tree has been quiet for the debounce interval, so a save that touches
/// several files starts one rebuild.
final class SourceWatcher: @unchecked Sendable {
    /// What a build reads (the output folder is not among them, so a build never triggers
    /// another).
    static let watched = ["site.json", "content", "locales", "templates"]

    private let root: String
    private let inotify: Int32
    /// A pipe: `wake()` writes to its second end to end a wait early; the wait polls the first.
    private let wakeup: (read: Int32, write: Int32)
    /// Watch descriptor → folder relative to the root (`""` for the root itself). Only the
    /// thread in `waitForChanges` touches it (and `init`, before that thread exists).
    private var folders: [Int32: String] = [:]
    /// Why the last watch could not be added (`ENOSPC`: the per-user limit), if one could not.
    private var watchError: Int32?

    /// Files written in place are reported when closed; anything created, deleted, moved or
    /// touched (`IN_ATTRIB`: a changed modification time) is reported at once.
    private static let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM)
        | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_ONLYDIR)

    init(root: URL) throws(ServeError) {
        self.root = root.path
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw .watchFailed(String(cString: strerror(errno))) }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            LibC.close(inotify)
            throw .watchFailed(String(cString: strerror(errno)))
        }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        wakeup = (ends[0], ends[1])
        add("")
        for name in Self.watched { _ = addTree(name) }
        if let watchError {
            // Closed by deinit: the instance is dropped with the error.
            throw .watchFailed(String(cString: strerror(watchError)))
        }
    }

    deinit {
        LibC.close(inotify)
        LibC.close(wakeup.read)
        LibC.close(wakeup.write)
    }

    /// Makes a `waitForChanges` that is waiting (or the next one) return nil.
    func wake() {
        var one: UInt8 = 1
        _ = write(wakeup.write, &one, 1)
    }

    /// Blocks until a watched file changes, then collects changes until none has come for
    /// `debounce` (at most `longest` in all, so a tool writing without pause still gets its
    /// rebuilds). Returns the changed paths relative to the root, sorted; nil once `wake()`
    /// was called.
    func waitForChanges(debounce: Duration, longest: Duration = .seconds(1)) -> [String]? {
        var changed: Set<String> = []
        var deadline: ContinuousClock.Instant?
        while true {
            var timeout: Int32 = -1
            if let deadline {
                let left = min(debounce, deadline - .now)
                timeout = Int32(max(0, left / .milliseconds(1)))
            }
            var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeup.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno == EINTR { continue }
            if fds[1].revents != 0 { return nil }
            if ready <= 0 || (deadline.map { .now >= $0 } ?? false) {
                if !changed.isEmpty { return changed.sorted() }
                deadline = nil
                continue
            }
            readEvents(into: &changed)
            if !changed.isEmpty && deadline == nil { deadline = .now + longest }
        }
    }

    // MARK: Events

    private func readEvents(into changed: inout Set<String>) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            var offset = 0
            while offset < count {
                let (descriptor, mask, name, length) = buffer.withUnsafeBytes { bytes in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = bytes[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
                    return (event.wd, event.mask, String(decoding: nameBytes, as: UTF8.self), Int(event.len))
                }
                offset += MemoryLayout<inotify_event>.size + length
                handle(descriptor: descriptor, mask: mask, name: name, into: &changed)
            }
        }
    }

    private func handle(descriptor: Int32, mask: UInt32, name: String, into changed: inout Set<String>) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: watch everything again and rebuild as if everything changed.
            for name in Self.watched { changed.formUnion(addTree(name)) }
            changed.formUnion(Self.watched)
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[descriptor] = nil  // the folder is gone; its parent reported the deletion
            return
        }
        guard let folder = folders[descriptor], !name.isEmpty, !name.hasPrefix(".") else { return }
        // At the root only the watched names matter (not NOTES.md, not public/).
        guard !folder.isEmpty || Self.watched.contains(name) else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        if isFolder && mask & (UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)) != 0 {
            forget(path)
        }
        if isFolder && mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
            // Files may have been written into it before its watch existed: report them too.
            changed.formUnion(addTree(path))
        }
        changed.insert(path)
    }

    // MARK: Watches

    @discardableResult
    private func add(_ folder: String) -> Bool {
        let descriptor = inotify_add_watch(inotify, folder.isEmpty ? root : root + "/" + folder, Self.mask)
        guard descriptor >= 0 else {
            // A folder that vanished in between is no failure; running out of watches is.
            if errno != ENOENT && errno != ENOTDIR { watchError = errno }
            return false
        }
        folders[descriptor] = folder
        return true
    }

    /// Watches `path` and every folder below it (hidden ones left out, as the build leaves them
    /// out); returns the files found, relative to the root. Symlinked folders are not entered.
    private func addTree(_ path: String) -> Set<String> {
        var info = stat()
        guard lstat(root + "/" + path, &info) == 0 else { return [] }
        guard info.st_mode & S_IFMT == S_IFDIR else { return [path] }
        guard add(path) else { return [] }
        var files: Set<String> = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + path)) ?? [] where !name.hasPrefix(".") {
            files.formUnion(addTree(path + "/" + name))
        }
        return files
    }

    /// Drops the watches of a folder that was moved away or deleted, and of those below it: a
    /// folder moved out of the tree would otherwise go on reporting under its old path.
    private func forget(_ path: String) {
        for (descriptor, folder) in folders where folder == path || folder.hasPrefix(path + "/") {
            inotify_rm_watch(inotify, descriptor)
            folders[descriptor] = nil
        }
    }
}
