import Synchronization

/// Role folders as a process last read them, for a process that loads the same site again and
/// again (`rolegen serve`): a folder whose files have the same content key as then is not read
/// again. The key is the caller's (a hash of the folder's files' bytes); reading also depends
/// on the site-wide context (locales, sector and tool ids, the list of roles, the Markdown size
/// limit), so any change to that empties the cache.
public final class RoleReadingCache: Sendable {
    private struct Context: Equatable {
        var locales: [String]
        var defaultLocale: String
        var sectorIDs: Set<String>?
        var toolIDs: Set<String>?
        var roleSlugs: Set<String>
        var markdownSizeLimit: Int

        init(_ context: RoleContext) {
            locales = context.locales.all
            defaultLocale = context.locales.defaultLocale
            sectorIDs = context.sectorIDs
            toolIDs = context.toolIDs
            roleSlugs = context.roleSlugs
            markdownSizeLimit = context.markdownSizeLimit
        }
    }

    private struct State {
        var context: Context?
        var readings: [String: (key: UInt64, reading: RoleReading)] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Called before the role folders are read with `context`.
    func begin(_ context: RoleContext) {
        let context = Context(context)
        state.withLock { state in
            if state.context != context { state = State(context: context) }
        }
    }

    func reading(of slug: String, key: UInt64) -> RoleReading? {
        state.withLock { state in state.readings[slug].flatMap { $0.key == key ? $0.reading : nil } }
    }

    func store(_ reading: RoleReading, of slug: String, key: UInt64) {
        state.withLock { $0.readings[slug] = (key, reading) }
    }
}
