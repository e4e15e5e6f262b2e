import Diagnostics
import Dispatch
import Foundation
import LibC
import Synchronization

/// Writes a build into a staging folder beside the output folder and, only when the whole build
/// succeeded, swaps it in with one atomic `renameat2(RENAME_EXCHANGE)`: readers and a build
/// killed at any instant see either the old tree or the new one, never a mix, and files of
/// removed roles disappear with the old tree.
///
/// rolegen deletes only what it wrote. Beside the output folder `NAME` it keeps a hidden record
/// folder `.NAME.rolegen/` (outside the published tree) holding
/// - `files`: every file of the tree it published last, so that the next build recognises that
///   tree as its own and may replace it;
/// - `lock`: `flock`ed for the whole of a build, so builds into one folder run one at a time;
/// - `staging-PID/`: the tree being built by process PID;
/// - `incremental` and `spare/`: what the last build read and wrote, and the tree it replaced,
///   for the next build to reuse (see `IncrementalBuild`); `incremental.PID`: that record as
///   process PID writes it (`BuildRecord.Draft`).
/// - `old-PID-N/`: a tree replaced by process PID, being removed.
///
/// Removing the replaced tree is not part of the build: the swap moves it aside under a name no
/// other build uses, the lock is released, and a background thread deletes it (a process that
/// exits first leaves the rest to the next build, which deletes it in the background too).
///
/// A folder that is neither absent, empty nor an earlier build's tree is replaced only when the
/// user says so (`--force`); the site root and its sources never are.
struct OutputFolder: Sendable {
    /// The output folder's real path (symbolic links resolved: a link's target is what is replaced).
    let output: String
    private let record: String
    let staging: String
    /// The `flock`ed descriptor of `record/lock`, released by `commit()` or `discard()`.
    private let lock: Int32
    /// The staging folder, open: pages are made and written by their paths relative to it, so
    /// the kernel does not walk the output's whole path again for each (closed with `lock`).
    private let stagingFolder: Int32
    /// The files of the tree in place, as recorded by the build that published it.
    private let previousFiles: Set<String>
    /// Reuses the published tree's unchanged files (see `IncrementalBuild`); nil for a clean build.
    let incremental: IncrementalBuild?
    /// Whether the staging folder started as the last build's spare tree, whose files may be
    /// links shared with the published tree: a page is then written as a new file, never into
    /// one of them. A new, empty staging folder has nothing to unlink first.
    private let stagedOverSpareTree: Bool

    /// Takes the output folder for one build: checks that it may be replaced, waits for any
    /// other build into it (calling `waiting` first), and prepares the staging folder: empty, or
    /// for an incremental build the tree the last build replaced, to be updated.
    init(output requested: URL, root: URL, force: Bool, waiting: (String) -> Void, incremental: IncrementalBuild? = nil) throws(OutputError) {
        let output = try Self.resolve(requested.standardizedFileURL.path)
        if let problem = Self.placementProblem(output: output, root: root) { throw problem }
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        try Self.checkNotMountPoint(output, parent: parent)
        try Self.makeFolders(parent)
        record = Self.recordFolder(parent: parent, name: name)
        try Self.makeFolders(record)

        let lockPath = record + "/lock"
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else { throw .cannotPrepare(lockPath, Self.lastError) }
        if !Self.flockRetrying(lock, LOCK_EX | LOCK_NB) {
            guard errno == EWOULDBLOCK else {
                let reason = Self.lastError
                close(lock)
                throw .cannotPrepare(lockPath, reason)
            }
            waiting(TerminalText.escaped("waiting for another rolegen build into \(output) to finish (it holds \(lockPath))"))
            guard Self.flockRetrying(lock, LOCK_EX) else {
                let reason = Self.lastError
                close(lock)
                throw .cannotPrepare(lockPath, reason)
            }
        }
        self.output = output
        self.lock = lock
        self.incremental = incremental
        do throws(OutputError) {
            previousFiles = Self.readRecord(record + "/files")
            try Self.checkReplaceable(output, recorded: previousFiles, force: force)
            Self.removeAbandonedStaging(in: record)
            staging = record + "/staging-\(getpid())"
            try? FileManager.default.removeItem(atPath: staging)
            // Incremental: the tree the last build replaced, updated, is staged instead of a new one.
            stagedOverSpareTree = incremental?.adopt(recordFolder: record, output: output, staging: staging) == true
            if !stagedOverSpareTree {
                try Self.makeFolders(staging)
            }
            stagingFolder = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard stagingFolder >= 0 else { throw .cannotPrepare(staging, Self.lastError) }
        } catch {
            close(lock)
            throw error
        }
    }

    /// Writes `bytes` at `relativePath` inside the staging folder, creating folders as needed.
    /// Safe to call from many threads at once.
    func write(_ bytes: UnsafeRawBufferPointer, to relativePath: String) throws(OutputError) {
        // Incremental: bytes the published file has already are linked, not written.
        let hash = incremental.map { _ in StableHash.of(bytes) }
        if let incremental, let hash, incremental.linkIfUnchanged(relativePath, hash: hash, into: self) { return }
        try makeFolder(of: relativePath)
        // Never through a link into the published tree: a staged name is a new file.
        if stagedOverSpareTree { unlinkat(stagingFolder, relativePath, 0) }
        let fd = openat(stagingFolder, relativePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(relativePath, Self.lastError) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let result = LibC.write(fd, bytes.baseAddress! + written, bytes.count - written)
            guard result > 0 else { throw .cannotWrite(relativePath, Self.lastError) }
            written += result
        }
        if let incremental, let hash {
            var status = stat()
            fstat(fd, &status)
            incremental.wrote(relativePath, hash: hash, status: status)
        }
    }

    /// The folder `path` is in: everything before its last `/` ("" for a bare name, "/" for a
    /// file at the root). Paths here are built from clean relative paths (no `//`, `.` or
    /// trailing `/`), so Foundation's normalization, 44,000 instructions a call and one call
    /// per page or recorded file, has nothing to do.
    static func parentFolder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// Hard-links the published tree's file at `relativePath` into the staging folder: the
    /// staged tree shares it with the published one (neither is ever written in place: a
    /// changed file is a new file), and the swap keeps it while the old tree goes.
    func link(_ relativePath: String) throws(OutputError) {
        try makeFolder(of: relativePath)
        unlinkat(stagingFolder, relativePath, 0)
        guard linkat(AT_FDCWD, output + "/" + relativePath, stagingFolder, relativePath, 0) == 0 else { throw .cannotWrite(relativePath, Self.lastError) }
    }

    /// Makes the staging folder's folder for the file at `relativePath`: one `mkdir` (each page
    /// has its own folder), and all of them only when its parent is missing too.
    private func makeFolder(of relativePath: String) throws(OutputError) {
        let directory = Self.parentFolder(of: relativePath)
        if !directory.isEmpty, mkdirat(stagingFolder, directory, 0o755) != 0 && errno != EEXIST {
            try Self.makeFolders(staging + "/" + directory)
        }
    }

    /// Puts the staged tree (holding `files`, in order, and `set`, the same as a set, made while
    /// the pages rendered) in place of the output folder, removes the old tree and releases the
    /// folder. The record lists the old and the new files while
    /// the swap happens, so that whichever tree a killed build leaves in place is recognised
    /// next time.
    func commit(files: [String], set newFiles: Set<String>) throws(OutputError) {
        // Afterwards `staging` holds the previous tree (or, when the swap failed, the new one):
        // either way it goes, moved aside and removed off the build's critical path.
        defer {
            if let aside = Self.moveAside(staging, in: record) { Self.removeInBackground(aside) }
            incremental?.abandonRecord()
            close(stagingFolder)
            close(lock)
        }
        // The incremental record describes the tree in place: gone while the tree changes.
        if let incremental {
            BuildRecord.remove(in: record)
            incremental.prune(keeping: newFiles)
        }
        // Usually the new files include the old (a clean build, or no page removed): then
        // the list of both is already the new one.
        let both = previousFiles.isSubset(of: newFiles) ? files : previousFiles.union(newFiles).sorted()
        try writeRecord(both)
        var status = stat()
        if lstat(output, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw .outputIsNotAFolder(output) }
            guard Self.exchange(staging, output) else {
                let code = errno
                if code == EBUSY || code == EXDEV { throw .mountPoint(output) }
                throw .cannotReplace(output, String(cString: strerror(code)))
            }
        } else if rename(staging, output) != 0 {
            throw .cannotReplace(output, Self.lastError)
        }
        if both.count != files.count { try? writeRecord(files) }
        incremental?.keepReplacedTree(recordFolder: record)
        incremental?.saveRecord(in: record, files: files)
    }

    /// Removes the staging folder and releases the output folder: after a failed build (the
    /// output folder was never touched), and by `commit()`.
    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
        incremental?.abandonRecord()
        close(stagingFolder)
        close(lock)
    }

    // MARK: Replacing files in place (a session)

    /// `inplace-PID/`: the new files of a session's edit, written before any is moved into the tree.
    private static let inPlacePrefix = "inplace-"

    /// The identity (inode, size, time) of `record/files`, the list of what the published tree
    /// holds: every build that publishes a tree writes it anew, so a session that finds it as it
    /// left it knows that no other build replaced the tree since.
    static func filesIdentity(in record: String) -> [Int]? {
        var status = stat()
        guard stat(record + "/files", &status) == 0 else { return nil }
        return [Int(status.st_ino), Int(status.st_size), Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec)]
    }

    /// Replaces a few files of the published tree in place, for a `BuildSession` (`rolegen
    /// serve`) whose edit changed them and nothing else: the set of files stays the same.
    ///
    /// Holding the lock, and only when `record/files` is still as `identity` says (no other
    /// build published a tree since; otherwise nil, and nothing is touched), every new file is
    /// written into `record/inplace-PID/` first: a failure there leaves the tree as it was.
    /// Then the incremental record, which no longer describes the tree, is removed, and each
    /// file is renamed over its published name: each rename is atomic (a reader sees the old
    /// file or the new one, and an inode shared with the spare tree is never written), and a
    /// failed rename puts back the files renamed before it. A process killed between two
    /// renames leaves a tree of old and new files, but no incremental record: the next build
    /// renders every page and replaces the whole tree.
    ///
    /// Returns the status of each file written (its time and inode, for a later record).
    static func replaceInPlace(
        _ files: [(path: String, bytes: [UInt8])], output: URL, expecting identity: [Int], waiting: (String) -> Void
    ) throws(OutputError) -> [String: stat]? {
        try withLock(output: output, expecting: identity, waiting: waiting) { (record, output) throws(OutputError) in
            try replace(files, output: output, record: record)
        }
    }

    private static func replace(_ files: [(path: String, bytes: [UInt8])], output: String, record: String) throws(OutputError) -> [String: stat] {
        let folder = record + "/" + inPlacePrefix + "\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        guard mkdir(folder, 0o755) == 0 else { throw .cannotPrepare(folder, lastError) }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var statuses: [String: stat] = [:]
        for (index, file) in files.enumerated() {
            let path = folder + "/\(index)"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw .cannotWrite(file.path, lastError) }
            defer { close(fd) }
            var written = 0
            while written < file.bytes.count {
                let result = file.bytes.withUnsafeBytes { LibC.write(fd, $0.baseAddress! + written, file.bytes.count - written) }
                guard result > 0 else { throw .cannotWrite(file.path, lastError) }
                written += result
            }
            var status = stat()
            fstat(fd, &status)
            statuses[file.path] = status
            // The published file, kept under a second name to be put back if a rename fails.
            guard LibC.link(output + "/" + file.path, path + ".old") == 0 || errno == ENOENT else { throw .cannotWrite(file.path, lastError) }
        }
        BuildRecord.remove(in: record)
        for (index, file) in files.enumerated() where rename(folder + "/\(index)", output + "/" + file.path) != 0 {
            let reason = lastError
            for earlier in 0..<index {
                let target = output + "/" + files[earlier].path
                if rename(folder + "/\(earlier).old", target) != 0 { unlink(target) }
            }
            throw .cannotReplace(output, reason)
        }
        return statuses
    }

    /// Runs `body` with the record folder and the output folder while holding the output
    /// folder's lock, when `record/files` is still as `identity` says (no other build published
    /// a tree since); nil otherwise.
    static func withLock<T>(
        output requested: URL, expecting identity: [Int], waiting: (String) -> Void, _ body: (String, String) throws(OutputError) -> T
    ) throws(OutputError) -> T? {
        let output = try resolve(requested.standardizedFileURL.path)
        let record = recordFolder(parent: (output as NSString).deletingLastPathComponent, name: (output as NSString).lastPathComponent)
        let lockPath = record + "/lock"
        let lock = open(lockPath, O_RDWR | O_CLOEXEC)
        guard lock >= 0 else { return nil }
        defer { close(lock) }
        if !flockRetrying(lock, LOCK_EX | LOCK_NB) {
            waiting(TerminalText.escaped("waiting for another rolegen build into \(output) to finish (it holds \(lockPath))"))
            guard flockRetrying(lock, LOCK_EX) else { throw .cannotPrepare(lockPath, lastError) }
        }
        guard filesIdentity(in: record) == identity else { return nil }
        return try body(record, output)
    }

    // MARK: Where the output may go

    /// `.NAME.rolegen` beside the output folder `NAME`: where the record, lock and staging folder live.
    private static func recordFolder(parent: String, name: String) -> String {
        parent + "/." + name + ".rolegen"
    }

    /// The record folder of the output folder `output` (resolved as a build resolves it), to
    /// look at the record before taking the lock; nil when the path cannot be resolved.
    static func recordFolder(for output: URL) -> String? {
        guard let resolved = try? resolve(output.standardizedFileURL.path) else { return nil }
        return recordFolder(parent: (resolved as NSString).deletingLastPathComponent, name: (resolved as NSString).lastPathComponent)
    }

    /// Why `output` must never be replaced, even with `--force`: it is the site root, holds it,
    /// or is (or lies inside) one of its sources. Paths are compared after resolving symbolic
    /// links, so neither `--output .` nor a link to `content/` gets through.
    static func placementProblem(output: URL, root: URL) -> OutputError? {
        guard let resolved = try? resolve(output.standardizedFileURL.path) else { return nil }
        return placementProblem(output: resolved, root: root)
    }

    private static func placementProblem(output: String, root: URL) -> OutputError? {
        let rootPath = (try? resolve(root.standardizedFileURL.path)) ?? root.standardizedFileURL.path
        if isInside(rootPath, output) { return .containsSiteRoot(output: output, root: rootPath) }
        for source in ["site.json", "content", "locales", "templates"] {
            let path = rootPath + "/" + source
            for candidate in Set([path, (try? resolve(path)) ?? path]) {
                if isInside(output, candidate) { return .insideSources(output: output, source: candidate) }
                if isInside(candidate, output) { return .containsSiteRoot(output: output, root: candidate) }
            }
        }
        return nil
    }

    /// Whether `path` is `folder` or lies below it.
    private static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }

    /// `path` with every symbolic link resolved; for a path that does not exist yet, its deepest
    /// existing folder resolved and the rest appended. A link whose target is missing is refused:
    /// replacing it would have to guess what was meant.
    private static func resolve(_ path: String) throws(OutputError) -> String {
        var status = stat()
        if lstat(path, &status) == 0 {
            guard let real = realPath(path) else {
                throw .danglingSymlink(path, (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
            }
            return real
        }
        var existing = path
        var rest: [String] = []
        while lstat(existing, &status) != 0, existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let real = realPath(existing) else { throw .danglingSymlink(existing, "?") }
        return ([real == "/" ? "" : real] + rest).joined(separator: "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// A mount point cannot be renamed (`EBUSY`), and its staging folder beside it would be on
    /// another file system: refused, with a folder inside it suggested instead.
    private static func checkNotMountPoint(_ output: String, parent: String) throws(OutputError) {
        var own = stat()
        var above = stat()
        guard stat(output, &own) == 0 else { return }
        if output == "/" || (stat(parent, &above) == 0 && own.st_dev != above.st_dev) || mountPoints().contains(output) {
            throw .mountPoint(output)
        }
    }

    /// The mount points of this process's mount namespace (`/proc/self/mountinfo`, fifth field,
    /// with its octal escapes undone): bind mounts keep their device number, so `st_dev` alone
    /// does not find them.
    private static func mountPoints() -> Set<String> {
        guard let data = FileManager.default.contents(atPath: "/proc/self/mountinfo") else { return [] }
        var points: Set<String> = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 4 else { continue }
            var point = String(fields[4])
            for (escape, character) in [("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")] {
                point = point.replacingOccurrences(of: escape, with: character)
            }
            points.insert(point)
        }
        return points
    }

    // MARK: What may be replaced

    /// Refuses to replace an existing folder that is not empty and holds anything the record of
    /// the last build does not list (a folder rolegen did not write, or files added by hand),
    /// unless `force`.
    private static func checkReplaceable(_ output: String, recorded: Set<String>, force: Bool) throws(OutputError) {
        var status = stat()
        guard lstat(output, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw .outputIsNotAFolder(output) }
        guard !force else { return }
        var recordedFolders: Set<String> = []
        for file in recorded {
            var folder = parentFolder(of: file)
            while !folder.isEmpty, recordedFolders.insert(folder).inserted {
                folder = parentFolder(of: folder)
            }
        }
        guard holdsUnexpected(output, relative: "", recorded: recorded, folders: recordedFolders) else { return }
        var unexpected: [String] = []
        collectUnexpected(in: output, relative: "", recorded: recorded, folders: recordedFolders, into: &unexpected)
        guard unexpected.isEmpty else { throw .notRolegenOutput(output, unexpected: unexpected.sorted()) }
    }

    /// Whether `collectUnexpected` would find anything: the same walk, in the order the folders
    /// list their entries, told by the entries' types where the listing gives them. Every
    /// rebuild walks the whole published tree before it may replace it, on one thread before
    /// any page is written; through `FileManager`, with names sorted and every entry looked
    /// at, that took 0.1 s of a 5,000-role rebuild. Only a tree that holds something
    /// unexpected is walked again in order, to name the first few.
    private static func holdsUnexpected(_ path: String, relative: String, recorded: Set<String>, folders: Set<String>) -> Bool {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return descriptor >= 0 && holdsUnexpected(descriptor, relative: relative, recorded: recorded, folders: folders)
    }

    /// The folder open as `descriptor` (closed here); its folders are opened by name in it,
    /// not by a path walked again from the root.
    private static func holdsUnexpected(_ descriptor: Int32, relative: String, recorded: Set<String>, folders: Set<String>) -> Bool {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return false
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != "." && name != ".." else { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            var isFolder = entry.pointee.d_type == DT_DIR
            if entry.pointee.d_type == DT_UNKNOWN {
                var status = stat()
                guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                isFolder = status.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder {
                guard folders.contains(child) else { return true }
                let folder = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if folder >= 0, holdsUnexpected(folder, relative: child, recorded: recorded, folders: folders) { return true }
            } else if !recorded.contains(child) {
                return true
            }
        }
        return false
    }

    /// Walks the tree without following links: every file must be recorded, every folder must
    /// hold recorded files. Stops after a few, which are enough to tell the user what is there.
    private static func collectUnexpected(in path: String, relative: String, recorded: Set<String>, folders: Set<String>, into unexpected: inout [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() where unexpected.count < 5 {
            let child = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(path + "/" + name, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                if folders.contains(child) {
                    collectUnexpected(in: path + "/" + name, relative: child, recorded: recorded, folders: folders, into: &unexpected)
                } else {
                    unexpected.append(child + "/")
                }
            } else if !recorded.contains(child) {
                unexpected.append(child)
            }
        }
    }

    /// Removes staging folders and unfinished incremental records (`incremental.PID`) of builds
    /// that were killed, and replaced trees whose removal a process left unfinished when it
    /// exited. Every build holds the lock while its staging folder and unfinished record exist,
    /// so one found under the lock has no live owner; a folder whose process still runs (a build
    /// that took no lock, or a server removing a tree it replaced) is left alone all the same.
    /// Replaced trees go in the background, as after a swap.
    private static func removeAbandonedStaging(in record: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: record)) ?? [] {
            let isUnfinishedRecord = name.hasPrefix(BuildRecord.Draft.temporaryPrefix)
            let isStaging = name.hasPrefix("staging-") || name.hasPrefix(Self.inPlacePrefix) || isUnfinishedRecord
            guard isStaging || name.hasPrefix("old-") else { continue }
            let owner = (isUnfinishedRecord ? name.dropFirst(BuildRecord.Draft.temporaryPrefix.count) : name.split(separator: "-").dropFirst().first)
                .flatMap { Int32($0) }
            if let pid = owner, pid == getpid() ? !isStaging : kill(pid, 0) == 0 || errno == EPERM {
                continue
            }
            if isStaging {
                try? FileManager.default.removeItem(atPath: record + "/" + name)
            } else {
                removeInBackground(record + "/" + name)
            }
        }
    }

    // MARK: Removing replaced trees

    /// Numbers the trees this process moves aside, so that each has a name of its own.
    private static let replacedTrees = Atomic<Int>(0)
    /// The background removals still running; `waitForRemovals()` waits for them.
    private static let removals = DispatchGroup()

    /// Renames `path` to `record/old-PID-N`, a name no build uses for anything else, so that
    /// deleting it can never touch the staging folder of a following build. Returns the new
    /// path; nil when there is nothing to remove (an incremental build kept the replaced tree
    /// as its spare) or when it cannot be renamed, in which case it is removed here, at once:
    /// a background removal under the staging name could race the next build of this process.
    private static func moveAside(_ path: String, in record: String) -> String? {
        let number = replacedTrees.add(1, ordering: .relaxed).newValue
        let aside = record + "/old-\(getpid())-\(number)"
        if rename(path, aside) == 0 { return aside }
        if errno != ENOENT { try? FileManager.default.removeItem(atPath: path) }
        return nil
    }

    /// Deletes `path` on a background thread.
    private static func removeInBackground(_ path: String) {
        removals.enter()
        DispatchQueue.global(qos: .utility).async {
            try? FileManager.default.removeItem(atPath: path)
            removals.leave()
        }
    }

    /// Waits until every tree this process moved aside is deleted: for tests, and for a
    /// caller that wants the disk space back before it goes on.
    static func waitForRemovals() {
        removals.wait()
    }

    // MARK: The record

    /// One relative path per line after a header line; `%`, and bytes below 0x20 (a newline in an
    /// asset's name) are written as `%XX`.
    private static let recordHeader = "rolegen output record 1"

    private static func readRecord(_ path: String) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        // Line by line from the bytes, and unescaped only where a line has a `%`: decoding the
        // whole file, then each line through Foundation's percent decoding, took 50 ms of a
        // 5,000-role rebuild, before any page was rendered.
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Set<String> in
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            guard let header = lines.first, header.elementsEqual(recordHeader.utf8) else { return [] }
            var files = Set<String>(minimumCapacity: lines.count - 1)
            for line in lines.dropFirst() {
                files.insert(BuildRecord.unescape(String(decoding: line, as: UTF8.self)))
            }
            return files
        }
    }

    /// `files` in order.
    private func writeRecord(_ files: [String]) throws(OutputError) {
        var text = Array((Self.recordHeader + "\n").utf8)
        text.reserveCapacity(files.reduce(text.count) { $0 + $1.utf8.count + 1 })
        for file in files {
            BuildRecord.appendEscaped(file, to: &text)
            text.append(UInt8(ascii: "\n"))
        }
        let path = record + "/files"
        let temporary = path + ".\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text)), rename(temporary, path) == 0 else {
            throw .cannotWrite(path, Self.lastError)
        }
    }

    // MARK: System calls

    private static var lastError: String { String(cString: strerror(errno)) }

    /// `mkdir -p`, with the system's reason when it fails.
    private static func makeFolders(_ path: String) throws(OutputError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw .cannotPrepare(path, "it is a file, not a folder") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if parent != path, !parent.isEmpty { try makeFolders(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw .cannotPrepare(path, lastError) }
    }

    private static func flockRetrying(_ fd: Int32, _ operation: Int32) -> Bool {
        while flock(fd, operation) != 0 {
            guard errno == EINTR else { return false }
        }
        return true
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

/// Why the output folder cannot be written or replaced: the disk and the folder, not the
/// content. Each message is a plain sentence that names the folder and says what to do.
public enum OutputError: Error, CustomStringConvertible {
    /// The output folder is the site root, or a folder that contains the root or one of its
    /// sources (`--output .`): replacing it would delete them. `--force` does not override this.
    case containsSiteRoot(output: String, root: String)
    /// The output folder is one of the site's sources or lies inside one (`--output content`).
    /// `--force` does not override this.
    case insideSources(output: String, source: String)
    /// The output folder exists, is not empty and holds files that no earlier rolegen build
    /// recorded (the first few are named): rolegen does not delete what it did not write.
    case notRolegenOutput(String, unexpected: [String])
    /// The output path exists and is a file.
    case outputIsNotAFolder(String)
    /// The output path is a symbolic link to nothing.
    case danglingSymlink(String, String)
    /// The output folder is a mount point, which cannot be swapped by a rename.
    case mountPoint(String)
    /// The record folder, lock or staging folder beside the output could not be created.
    case cannotPrepare(String, String)
    /// A file of the staged tree could not be written.
    case cannotWrite(String, String)
    /// The staged tree could not be swapped in.
    case cannotReplace(String, String)

    public var description: String {
        switch self {
        case let .containsSiteRoot(output, root):
            "the output folder \(output) is or contains the site root or its sources (\(root)): building there would delete them; choose another folder with --output, such as the default <root>/public (--force does not override this)"
        case let .insideSources(output, source):
            "the output folder \(output) is or lies inside the site's sources (\(source)): building there would delete them; choose another folder with --output, such as the default <root>/public (--force does not override this)"
        case let .notRolegenOutput(output, unexpected):
            "the output folder \(output) holds files rolegen did not write (\(unexpected.joined(separator: ", "))\(unexpected.count >= 5 ? ", …" : "")) and would be replaced; choose an empty or new folder with --output, or pass --force to replace it"
        case let .outputIsNotAFolder(path):
            "the output path \(path) is a file, not a folder; remove it or choose another folder with --output"
        case let .danglingSymlink(path, target):
            "the output path \(path) is a symbolic link to \(target), which does not exist; create the folder it points to or remove the link"
        case let .mountPoint(path):
            "the output folder \(path) is a mount point, which rolegen cannot replace atomically; build into a folder inside it (--output \(path)/site) or into a folder on the same file system as its parent"
        case let .cannotPrepare(path, reason):
            "cannot create \(path) beside the output folder: \(reason)"
        case let .cannotWrite(path, reason):
            "cannot write \(path): \(reason)"
        case let .cannotReplace(path, reason):
            "cannot replace the output folder \(path): \(reason)"
        }
    }
}
