/// Which punctuation-spacing rules a locale follows.
enum TypographyStyle: Sendable {
    /// Text is left as written (English).
    case none
    /// No-break spaces around high punctuation and inside guillemets (`FrenchSpacing`).
    case french

    /// What the text is, which decides what may be changed.
    enum Format {
        /// Plain text: every character is text.
        case plainText
        /// An HTML fragment: only text between tags, outside code-like elements.
        case html
    }

    func apply(to text: String, format: Format) -> String {
        switch self {
        case .none:
            return text
        case .french:
            return FrenchSpacing.apply(to: text, format: format)
        }
    }
}
