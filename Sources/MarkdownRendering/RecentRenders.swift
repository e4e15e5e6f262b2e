import Synchronization

/// The last few texts a renderer parsed, shared by every copy of the renderer.
///
/// A role's pages are rendered one locale after the other, and where a translation is missing
/// each locale shows the default locale's Markdown: the same text, through the same renderer.
/// A text whose rendering rewrote no link gives the same HTML on every page, so its HTML is
/// kept. A text with links (`role:` links resolve to each locale's pages) is kept parsed
/// instead: the next page rewrites its links and renders it again, without parsing it again
/// (parsing is most of the work, and its inline step runs under cmark-gfm's process-wide lock).
/// The key is the whole text, so an edited text is a new entry.
final class RecentRenders: Sendable {
    /// Enough for the documents of a role's pages on each of a few rendering threads.
    static let capacity = 8

    /// What is kept of a text.
    enum Kept {
        /// The HTML of a text that has no link to rewrite.
        case html(String)
        /// A text with links, parsed: in use by one render at a time (`take(_:)` hands it out
        /// and `remember(_:document:)` takes it back).
        case document(CmarkDocument)
    }

    private struct Entry {
        var markdown: String
        var kept: Kept
    }

    /// Newest last.
    private let entries = Mutex<[Entry]>([])
    /// Texts served from here (their HTML, or their parse), for tests.
    private let hitCount = Atomic<Int>(0)

    var hits: Int { hitCount.load(ordering: .relaxed) }

    /// What is kept of `markdown`: its HTML, or its parsed document, which leaves the cache
    /// until it is remembered again (another thread rendering the same text meanwhile parses
    /// its own).
    func take(_ markdown: String) -> Kept? {
        let found = entries.withLock { entries -> Kept? in
            guard let index = entries.lastIndex(where: { $0.markdown == markdown }) else { return nil }
            let kept = entries[index].kept
            if case .document = kept { entries.remove(at: index) }
            return kept
        }
        if found != nil { hitCount.add(1, ordering: .relaxed) }
        return found
    }

    func remember(_ markdown: String, html: String) {
        add(Entry(markdown: markdown, kept: .html(html)))
    }

    func remember(_ markdown: String, document: CmarkDocument) {
        add(Entry(markdown: markdown, kept: .document(document)))
    }

    private func add(_ entry: Entry) {
        entries.withLock { entries in
            if entries.count == Self.capacity { entries.removeFirst() }
            entries.append(entry)
        }
    }
}
