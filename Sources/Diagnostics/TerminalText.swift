/// Text from the user's files made safe to print on one line of a terminal: every control
/// character (C0, DEL, C1) and every Unicode line or paragraph separator is written as
/// `\u{…}`, so that a file named `a⏎b.json` cannot start a forged diagnostic line and one
/// holding ESC cannot recolour or rewrite the terminal. The one place diagnostics escape text.
public enum TerminalText {
    /// `text` with its unsafe characters escaped. Tabs are kept when `keepingTabs` (a quoted
    /// source line, whose caret lines up under tabs); in names and messages they are escaped.
    public static func escaped(_ text: String, keepingTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingTabs: keepingTabs) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            result += escaped(scalar, keepingTabs: keepingTabs)
        }
        return result
    }

    /// One scalar as it is printed: itself, or `\u{1B}`.
    static func escaped(_ scalar: Unicode.Scalar, keepingTabs: Bool) -> String {
        needsEscape(scalar, keepingTabs: keepingTabs) ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, keepingTabs: Bool) -> Bool {
        switch scalar.value {
        case 0x09: !keepingTabs
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }
}
