import Content

/// Changes to cmark-gfm's HTML that make rendered Markdown usable with assistive technology and
/// on narrow screens. They work on cmark-gfm's own output, whose shape is fixed (`<table>` with
/// no attributes, task items as `<li><input type="checkbox" … disabled="" /> text</li>`), and
/// leave everything else byte for byte.
///
/// They search and splice the HTML as UTF-8 bytes (every tag looked for is ASCII): through
/// Foundation, which on Linux copies the text into UTF-16 for every search, one article with a
/// table cost more than all the rest of its build (docs/benchmarks.md).
enum AccessibleProse {
    /// Every table inside a horizontally scrolling region named `label`, which can take keyboard
    /// focus (so that it can be scrolled without a mouse): a wide table then scrolls inside the
    /// page at 320 px instead of widening it. `label` is HTML-escaped here.
    static func wrapTables(_ html: String, label: String) -> String {
        guard html.containsBytes("<table>") else { return html }
        let open = #"<div class="table-scroll" role="region" tabindex="0" aria-label="\#(escapeAttribute(label))"><table>"#
        return html.replacingBytes("<table>", with: open).replacingBytes("</table>", with: "</table></div>")
    }

    /// Each task-list checkbox inside a `<label>` with the item's text, so that it has an
    /// accessible name ("Unit tests are generated, checked"). The label ends where the item's
    /// own text does: at `</li>`, a nested list or the end of the item's paragraph.
    static func labelTaskCheckboxes(_ html: String) -> String {
        let checkbox = #"<input type="checkbox""#
        guard html.containsBytes(checkbox) else { return html }
        var html = html
        return html.withUTF8 { bytes -> String in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 256)
            // Where the bytes not yet copied start.
            var rest = 0
            while let input = String.firstOffset(of: checkbox, in: bytes, from: rest) {
                guard let inputEnd = String.firstOffset(of: "/>", in: bytes, from: input + checkbox.utf8.count) else { break }
                let textStart = inputEnd + 2
                let ends = ["</li>", "<ul", "<ol", "</p>"].compactMap { String.firstOffset(of: $0, in: bytes, from: textStart) }
                guard let textEnd = ends.min() else { break }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<input]))
                result.append(contentsOf: "<label>".utf8)
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[input..<textEnd]))
                result.append(contentsOf: "</label>".utf8)
                rest = textEnd
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    private static func escapeAttribute(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
