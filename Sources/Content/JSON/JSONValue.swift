/// A parsed JSON value that remembers the byte offset where it starts in its file, so that every
/// complaint about it can point at `file:line:column` (Foundation's parsers keep no positions).
///
/// Integers and other numbers are kept apart because the content format cares: `38` is a risk
/// score, `38.5` is a mistake.
struct JSONValue: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        case object(JSONObject)
        case array([JSONValue])
        case string(String)
        /// A number written without fraction or exponent that fits in `Int`.
        case integer(Int)
        /// Any other number (`1.5`, `1e3`, `-0.0`).
        case number(Double)
        case bool(Bool)
        case null
    }

    var content: Content
    /// Byte offset of the value's first byte: the opening quote, bracket or brace, or the first
    /// character of a number or literal.
    var offset: Int

    /// How a type error names what was found: "`riskScore` must be an integer, found a string".
    var kindDescription: String {
        switch content {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .integer: "an integer"
        case .number(let number): "the non-integer number \(number)"
        case .bool(let flag): "`\(flag)`"
        case .null: "`null`"
        }
    }
}

/// A JSON object with its members in the order written (diagnostics and "order matters" lists
/// need that order; a dictionary would lose it).
struct JSONObject: Sendable, Equatable {
    struct Member: Sendable, Equatable {
        var key: String
        /// Byte offset of the key's opening quote.
        var keyOffset: Int
        var value: JSONValue
    }

    /// Keys are unique: the parser reports a repeated key and keeps only its first occurrence.
    var members: [Member]

    subscript(key: String) -> Member? {
        members.first { $0.key == key }
    }

    /// The index of the member `key`, looked for at `likely` first (readers ask for members in
    /// the order files write them, so comparing each with every member before it would be
    /// wasted); the answer is the same wherever it is looked for first, since keys are unique.
    func index(of key: String, likely: Int) -> Int? {
        if members.indices.contains(likely), members[likely].key == key { return likely }
        return members.firstIndex { $0.key == key }
    }
}
