import LibC

extension String {
    /// Whether `needle` occurs in the text, compared as UTF-8 bytes.
    ///
    /// Every role's Markdown is asked whether it holds a placeholder, and every page's rendered
    /// Markdown whether it has a table or a task checkbox; the answer is almost always no, and
    /// Foundation's `contains` answers it through UTF-16 and its locale-aware search, which
    /// cost more than the rendering it follows. For the ASCII searched for, bytes and
    /// characters agree. (`package`: Site asks it too.)
    package func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { (text: UnsafeBufferPointer<UInt8>) -> Bool in
            needle.withUTF8 { (pattern: UnsafeBufferPointer<UInt8>) -> Bool in
                Self.occurs(pattern, in: text)
            }
        }
    }

    /// memchr finds each candidate first byte, memcmp checks the rest (Glibc's Swift module
    /// does not import memmem).
    private static func occurs(_ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let patternStart = pattern.baseAddress, !pattern.isEmpty else { return true }
        guard let textStart = text.baseAddress, text.count >= pattern.count else { return false }
        let lastStart = text.count - pattern.count
        var offset = 0
        while offset <= lastStart {
            guard let found = memchr(textStart + offset, Int32(patternStart.pointee), lastStart - offset + 1) else { return false }
            let candidate: UnsafePointer<UInt8> = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            if memcmp(candidate, patternStart, pattern.count) == 0 { return true }
            offset = candidate - textStart + 1
        }
        return false
    }
}
