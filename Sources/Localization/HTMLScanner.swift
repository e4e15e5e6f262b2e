/// The little HTML lexing typography needs, on UTF-8 bytes: where a tag, comment or character
/// reference ends, and what a tag is called. Enough for well-formed fragments such as
/// cmark-gfm's output; anything that does not look like markup is treated as text.
enum HTMLScanner {
    /// The index just past the tag, comment, doctype or processing instruction starting with the
    /// `<` at `start`, or nil when that `<` starts no markup (then it is text). A `>` inside a
    /// quoted attribute value does not end the tag. Markup the input ends inside of runs to the
    /// end: better to leave a broken fragment's tail alone than to space an attribute.
    static func endOfTag(in input: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard start + 1 < input.count else { return nil }
        let next = input[start + 1]
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            if input[(start + 1)...].starts(with: "!--".utf8) {
                return end(of: "-->", in: input, from: start + 4) ?? input.count
            }
            return end(of: ">", in: input, from: start + 2) ?? input.count
        }
        let nameStart = next == UInt8(ascii: "/") ? start + 2 : start + 1
        guard nameStart < input.count, isASCIILetter(input[nameStart]) else { return nil }
        var position = nameStart
        var quote: UInt8?
        while position < input.count {
            let byte = input[position]
            position += 1
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return position
            }
        }
        return input.count
    }

    /// The byte range of the name of the tag spanning `tagStart..<tagEnd` and whether it is a
    /// closing tag; nil for comments and other markup without a name.
    static func tagName(in input: UnsafeBufferPointer<UInt8>, tagStart: Int, tagEnd: Int) -> (name: Range<Int>, isClosing: Bool)? {
        let isClosing = tagStart + 1 < tagEnd && input[tagStart + 1] == UInt8(ascii: "/")
        let nameStart = tagStart + (isClosing ? 2 : 1)
        var nameEnd = nameStart
        while nameEnd < tagEnd, isASCIILetter(input[nameEnd]) || isASCIIDigit(input[nameEnd]) { nameEnd += 1 }
        guard nameEnd > nameStart else { return nil }
        return (nameStart..<nameEnd, isClosing)
    }

    /// Where the closing tag `</name` (any case) starts at or after `from`, or the end of the
    /// input: the extent of a `<script>` or `<style>` element's raw text.
    static func startOfClosingTag(_ name: [UInt8], in input: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var position = from
        while position + 2 + name.count <= input.count {
            if input[position] == UInt8(ascii: "<"), input[position + 1] == UInt8(ascii: "/"),
               matchesIgnoringCase(name, in: input, at: position + 2) {
                return position
            }
            position += 1
        }
        return input.count
    }

    /// The index just past the character reference (`&amp;`, `&#39;`, `&#x2F;`) starting with
    /// the `&` at `start`, or nil when that `&` starts none. Any `&letters;` counts, known to
    /// HTML or not: a well-formed fragment spells a lone `&` as `&amp;` anyway.
    static func endOfCharacterReference(in input: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var position = start + 1
        let isDigit: (UInt8) -> Bool
        if position < input.count, input[position] == UInt8(ascii: "#") {
            position += 1
            if position < input.count, input[position] | 0x20 == UInt8(ascii: "x") {
                position += 1
                isDigit = { isASCIIDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20) }
            } else {
                isDigit = isASCIIDigit
            }
        } else {
            guard position < input.count, isASCIILetter(input[position]) else { return nil }
            isDigit = { isASCIILetter($0) || isASCIIDigit($0) }
        }
        let digitsStart = position
        // The longest named reference, `&CounterClockwiseContourIntegral;`, has 31 letters.
        while position < input.count, position - digitsStart < 32, isDigit(input[position]) { position += 1 }
        guard position > digitsStart, position < input.count, input[position] == UInt8(ascii: ";") else { return nil }
        return position + 1
    }

    /// Whether `input` holds `lowercaseASCII` at `position`, ignoring the case of letters.
    /// Concrete types and a plain loop: this runs for every tag of every page.
    static func matchesIgnoringCase(_ lowercaseASCII: [UInt8], in input: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position + lowercaseASCII.count <= input.count else { return false }
        for offset in 0..<lowercaseASCII.count where lowercased(input[position + offset]) != lowercaseASCII[offset] {
            return false
        }
        return true
    }

    /// Whether `input` holds exactly `bytes` at `position`.
    static func matches(_ bytes: [UInt8], in input: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position + bytes.count <= input.count else { return false }
        for offset in 0..<bytes.count where input[position + offset] != bytes[offset] {
            return false
        }
        return true
    }

    private static func end(of terminator: String, in input: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let bytes = Array(terminator.utf8)
        var position = from
        while position + bytes.count <= input.count {
            if matches(bytes, in: input, at: position) { return position + bytes.count }
            position += 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        isASCIILetter(byte) ? byte | 0x20 : byte
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
