import Synchronization

/// The last few texts a renderer turned into HTML without rewriting a link, shared by every
/// copy of the renderer.
///
/// A role's pages are rendered one locale after the other, and where a translation is missing
/// each locale shows the default locale's Markdown: the same text, through the same renderer,
/// gives the same HTML, so it is parsed once, not once per locale. Only a text whose rendering
/// called no link rewrite is kept (its HTML cannot depend on the page it is rendered for), and
/// the key is the whole text, so an edited text is a new entry.
final class RecentRenders: Sendable {
    /// Enough for the documents of a role's pages on each of a few rendering threads.
    static let capacity = 8

    private struct Entry {
        var markdown: String
        var html: String
    }

    /// Newest last.
    private let entries = Mutex<[Entry]>([])
    /// Texts served from here, for tests.
    private let hitCount = Atomic<Int>(0)

    var hits: Int { hitCount.load(ordering: .relaxed) }

    func html(for markdown: String) -> String? {
        let found = entries.withLock { entries in entries.last { $0.markdown == markdown }?.html }
        if found != nil { hitCount.add(1, ordering: .relaxed) }
        return found
    }

    func remember(_ markdown: String, html: String) {
        entries.withLock { entries in
            if entries.count == Self.capacity { entries.removeFirst() }
            entries.append(Entry(markdown: markdown, html: html))
        }
    }
}
