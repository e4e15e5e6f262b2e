import CCmarkGFM
import Synchronization

/// The process-wide state of cmark-gfm, in one place because the library has two pieces of
/// global state that its callers must manage: a registry of extensions and, during inline
/// parsing, process-global tables of special characters.
enum CmarkLibrary {
    /// Serialises the one step of cmark-gfm that is not thread-safe.
    ///
    /// Inline parsing, which runs inside `cmark_parser_finish`, switches the extensions' trigger
    /// characters (`~` for strikethrough, `:` and `w` for autolink) on and off in two
    /// process-global tables; a parser running at the same time on another thread then misses
    /// or invents strikethroughs and links (upstream github/cmark-gfm#176). Block parsing
    /// (`cmark_parser_feed`), the AST and the HTML renderer touch no global state, so only
    /// `cmark_parser_finish` runs under this lock.
    static let inlineParsingLock = Mutex(())

    /// Registers the core extensions (table, strikethrough, …) in cmark-gfm's global registry.
    ///
    /// `cmark_gfm_core_extensions_ensure_registered` guards itself with an unsynchronised static
    /// flag, so two threads calling it first could register everything twice. A Swift global's
    /// initialiser runs exactly once even under concurrent first use, which is the guarantee
    /// that call lacks.
    private static let coreExtensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// The registered syntax extensions, found once, in `MarkdownRenderer.Extension.allCases`
    /// order: every document attaches them to its parser, and finding one by name converts the
    /// name to a C string and searches the registry.
    ///
    /// `nonisolated(unsafe)`: the pointers are written once, here, and cmark-gfm only reads the
    /// extensions they point to.
    private nonisolated(unsafe) static let syntaxExtensions: [OpaquePointer] = {
        _ = coreExtensionsRegistered
        return MarkdownRenderer.Extension.allCases.map { syntaxExtension in
            guard let found = cmark_find_syntax_extension(syntaxExtension.rawValue) else {
                // The names come from `MarkdownRenderer.Extension`, all of which the library ships.
                preconditionFailure("cmark-gfm has no syntax extension named '\(syntaxExtension.rawValue)'")
            }
            return found
        }
    }()

    /// The registered `syntaxExtension`, registering the core ones on first use.
    static func syntaxExtension(_ syntaxExtension: MarkdownRenderer.Extension) -> OpaquePointer {
        syntaxExtensions[MarkdownRenderer.Extension.allCases.firstIndex(of: syntaxExtension)!]
    }

    /// Frees memory that cmark-gfm allocated (the rendered HTML), with the allocator it used.
    static func free(_ pointer: UnsafeMutableRawPointer) {
        cmark_get_default_mem_allocator().pointee.free(pointer)
    }
}
