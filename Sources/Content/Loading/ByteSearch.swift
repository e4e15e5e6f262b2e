import LibC

extension String {
    /// The text's UTF-8 as one buffer, read in place: a native string has one (others are
    /// copied once). Not `withUTF8` on a copy, which is mutating: the copy retained and released
    /// the string's storage, for each of the hundreds of thousands of short texts a large site's
    /// JSON-LD, build record and hashes take in. (`package`: Site asks it too;
    /// inlinable, to be specialized there: a generic call across modules looked up metadata.)
    @inlinable
    package func withUTF8InPlace<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }

    /// Copies the text's UTF-8 into `buffer` at `offset` and says where it ends: for a string
    /// put together from pieces in one `String(unsafeUninitializedCapacity:)`, where `+` and
    /// `append` made a string for each step and checked where each piece joins (a few hundred
    /// instructions a piece). (`package`: Site puts URLs and UI strings together so.)
    @inlinable
    package func copyUTF8(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        withUTF8InPlace { bytes in
            // Checked in release builds too: a caller that sized the string wrongly stops here
            // rather than writing past it.
            precondition(offset + bytes.count <= buffer.count, "copyUTF8: the string was sized too small")
            UnsafeMutableRawBufferPointer(rebasing: buffer[offset...]).copyMemory(from: UnsafeRawBufferPointer(bytes))
            return offset + bytes.count
        }
    }

    /// Whether `needle` occurs in the text, compared as UTF-8 bytes.
    ///
    /// Every role's Markdown is asked whether it holds a placeholder, and every page's rendered
    /// Markdown whether it has a table or a task checkbox; the answer is almost always no, and
    /// Foundation's `contains` answers it through UTF-16 and its locale-aware search, which
    /// cost more than the rendering it follows. For the ASCII searched for, bytes and
    /// characters agree. (`package`: Site asks it too.)
    package func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        return haystack.withUTF8 { Self.firstOffset(of: needle, in: $0, from: 0) != nil }
    }

    /// The text with every occurrence of `needle` replaced by `replacement`, compared as UTF-8
    /// bytes. On Linux, Foundation's `replacingOccurrences` copies the text into UTF-16 and
    /// searches it with locale-aware comparison: for the HTML of one article with a table,
    /// millions of instructions. For an ASCII `needle` the result is the same.
    package func replacingBytes(_ needle: String, with replacement: String) -> String {
        var haystack = self
        return haystack.withUTF8 { text -> String in
            guard var found = Self.firstOffset(of: needle, in: text, from: 0) else { return self }
            let needleLength = needle.utf8.count
            var result: [UInt8] = []
            result.reserveCapacity(text.count + replacement.utf8.count * 4)
            var copied = 0
            while true {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<found]))
                result.append(contentsOf: replacement.utf8)
                copied = found + needleLength
                guard let next = Self.firstOffset(of: needle, in: text, from: copied) else { break }
                found = next
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The offset of the first occurrence of `needle` in `text` at or after `start`, as bytes.
    /// memchr finds each candidate first byte, memcmp checks the rest (Glibc's Swift module does
    /// not import memmem). (`package`: Site searches rendered HTML with it.)
    package static func firstOffset(of needle: String, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern -> Int? in
            guard let patternStart = pattern.baseAddress, !pattern.isEmpty else { return start <= text.count ? start : nil }
            guard let textStart = text.baseAddress, text.count >= pattern.count else { return nil }
            let lastStart = text.count - pattern.count
            var offset = start
            while offset <= lastStart {
                guard let found = memchr(textStart + offset, Int32(patternStart.pointee), lastStart - offset + 1) else { return nil }
                let candidate: UnsafePointer<UInt8> = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if memcmp(candidate, patternStart, pattern.count) == 0 { return candidate - textStart }
                offset = candidate - textStart + 1
            }
            return nil
        }
    }
}
