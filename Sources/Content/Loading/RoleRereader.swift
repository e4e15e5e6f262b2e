import Synchronization

/// Reads the folders of roles loaded without their texts (`ContentLoader.load(keepingTexts:
/// false)`, past the roles its budget keeps whole) again, for their own pages: a role's full
/// text then exists only while its pages are rendered, not for the whole build.
///
/// A role's pages stand together in the page plan and the build renders them as one job, on one
/// thread (`SiteBuilder.renderJobs`); the last few roles read are kept as well, so that pages of
/// a role rendered apart (an incremental build's list of pages to render again) still read its
/// folder about once. A folder whose files
/// are no longer the bytes the build loaded and checked (edited during the build) gives no
/// role: it is listed in `changedRoles`, for the build to report instead of publishing pages
/// that its checks never saw.
public final class RoleRereader: Sendable, Equatable {
    /// A role being read or read: the first thread to ask reads it, any other waits for that.
    private final class Entry: Sendable {
        let slug: String
        /// Nil until read; then the role, or nil in it when the folder changed.
        let role = Mutex<Role??>(nil)

        init(slug: String) {
            self.slug = slug
        }
    }

    private let folder: SiteFolder
    private let context: RoleContext
    /// The roles asked for last, newest at the end (a few per rendering thread).
    private let recent = Mutex<[Entry]>([])
    private let changed = Mutex<Set<String>>([])
    private static let recentLimit = 8

    init(folder: SiteFolder, context: RoleContext) {
        self.folder = folder
        self.context = context
    }

    /// `role` with its texts: itself when it holds them, else read again from its folder. Nil
    /// when the folder changed since `role` was loaded (an edit, or an error now).
    public func withTexts(_ role: Role) -> Role? {
        guard let fingerprint = role.textsLeftInFiles else { return role }
        let entry = recent.withLock { recent in
            if let entry = recent.last(where: { $0.slug == role.slug }) { return entry }
            let entry = Entry(slug: role.slug)
            recent.append(entry)
            if recent.count > Self.recentLimit { recent.removeFirst() }
            return entry
        }
        return entry.role.withLock { read in
            if let read { return read }
            let full = RoleReader.read(slug: role.slug, folder: folder, context: context, checkedAs: fingerprint).role
            if full == nil { changed.withLock { _ = $0.insert(role.slug) } }
            read = .some(full)
            return full
        }
    }

    /// One load's reader is only itself (what it read depends on when).
    public static func == (a: RoleRereader, b: RoleRereader) -> Bool {
        a === b
    }

    /// The slugs of the roles whose folders changed since they were loaded, sorted.
    public var changedRoles: [String] {
        changed.withLock { $0.sorted() }
    }
}
