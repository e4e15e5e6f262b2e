import Foundation

/// One example from a cmark-gfm spec file (`spec.txt`, `extensions.txt`, …): Markdown and its
/// expected HTML between two 32-backtick fences, `example` (plus tags) after the opening one
/// and a line with a lone `.` between the two parts.
struct GFMSpecExample {
    /// 1-based position in its file: the number the GFM spec prints.
    var number: Int
    /// The nearest heading above the example.
    var section: String
    /// Words after `example` on the opening fence: extension names, `footnotes`, `disabled`.
    var tags: [String]
    var markdown: String
    var expectedHTML: String

    var isDisabled: Bool { tags.contains("disabled") }
    /// `<IGNORE>`: the example only checks that rendering does not crash.
    var checksOutput: Bool { expectedHTML != "<IGNORE>\n" }

    /// Every example in a spec file, read line by line on bytes (a `"\r\n"` would be one
    /// `Character` in a String) with `→` turned into the TAB it stands for.
    static func parse(_ bytes: [UInt8]) -> [GFMSpecExample] {
        let fence = [UInt8](repeating: UInt8(ascii: "`"), count: 32)
        let opening = fence + Array(" example".utf8)
        var examples: [GFMSpecExample] = []
        var section = ""
        var current: (tags: [String], input: [UInt8], output: [UInt8], inOutput: Bool)?
        for line in lines(of: bytes) {
            let content = line.last == UInt8(ascii: "\n") ? Array(line.dropLast()) : line
            if var example = current {
                if content == fence {
                    examples.append(GFMSpecExample(
                        number: examples.count + 1, section: section, tags: example.tags,
                        markdown: decode(example.input), expectedHTML: decode(example.output)))
                    current = nil
                } else if content == [UInt8(ascii: ".")] && !example.inOutput {
                    example.inOutput = true
                    current = example
                } else {
                    if example.inOutput { example.output += line } else { example.input += line }
                    current = example
                }
            } else if content.starts(with: opening) {
                let tags = String(decoding: content.dropFirst(opening.count), as: UTF8.self)
                    .split(separator: " ").map(String.init)
                current = (tags, [], [], false)
            } else if content.first == UInt8(ascii: "#") {
                section = String(decoding: content, as: UTF8.self)
                    .drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            }
        }
        return examples
    }

    /// The lines of `bytes`, each with its `\n` (the last one may lack it).
    private static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...])) }
        return lines
    }

    /// The text of `bytes` with each `→` (E2 86 92) replaced by a TAB.
    private static func decode(_ bytes: [UInt8]) -> String {
        let arrow: [UInt8] = [0xE2, 0x86, 0x92]
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: arrow) {
                result.append(UInt8(ascii: "\t"))
                index += arrow.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
