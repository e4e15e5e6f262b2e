import Content

/// Changes to cmark-gfm's HTML that make rendered Markdown usable with assistive technology and
/// on narrow screens. They work on cmark-gfm's own output, whose shape is fixed (`<table>` with
/// no attributes, task items as `<li><input type="checkbox" … disabled="" /> text</li>`), and
/// leave everything else byte for byte.
enum AccessibleProse {
    /// Every table inside a horizontally scrolling region named `label`, which can take keyboard
    /// focus (so that it can be scrolled without a mouse): a wide table then scrolls inside the
    /// page at 320 px instead of widening it. `label` is HTML-escaped here.
    static func wrapTables(_ html: String, label: String) -> String {
        guard html.containsBytes("<table>") else { return html }
        let open = #"<div class="table-scroll" role="region" tabindex="0" aria-label="\#(escapeAttribute(label))"><table>"#
        return html.replacingOccurrences(of: "<table>", with: open).replacingOccurrences(of: "</table>", with: "</table></div>")
    }

    /// Each task-list checkbox inside a `<label>` with the item's text, so that it has an
    /// accessible name ("Unit tests are generated, checked"). The label ends where the item's
    /// own text does: at `</li>`, a nested list or the end of the item's paragraph.
    static func labelTaskCheckboxes(_ html: String) -> String {
        guard html.containsBytes(#"<input type="checkbox""#) else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let input = rest.range(of: #"<input type="checkbox""#) {
            guard let inputEnd = rest[input.upperBound...].range(of: "/>") else { break }
            let textStart = inputEnd.upperBound
            let ends = ["</li>", "<ul", "<ol", "</p>"].compactMap { rest[textStart...].range(of: $0)?.lowerBound }
            guard let textEnd = ends.min() else { break }
            result += rest[..<input.lowerBound]
            result += "<label>"
            result += rest[input.lowerBound..<textEnd]
            result += "</label>"
            rest = rest[textEnd...]
        }
        result += rest
        return result
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
