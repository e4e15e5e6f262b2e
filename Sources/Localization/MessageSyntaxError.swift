/// A mistake in a UI string's message syntax, with the byte offset in the string where it is,
/// so that the caller can point at it (file:line:column of the string value plus the offset).
public struct MessageSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One case per mistake a translator can make.
    public enum Kind: Sendable, Equatable {
        /// A `{` that the message ends before closing: `"Hello {name"`.
        case unclosedArgument
        /// Braces with no name between them: `"{}"`, `"{ , plural, other {x}}"`.
        case emptyArgumentName
        /// A name that is not letters, digits and `_` starting with a letter or `_`:
        /// `"{first-name}"`, `"{1st}"`.
        case invalidArgumentName(String)
        /// Something other than `,` or `}` after a name: `"{count items}"`.
        case expectedCommaOrClosingBrace(argument: String)
        /// A comma with no argument type after it: `"{count,}"`.
        case missingFormat(argument: String)
        /// An argument type other than `plural`: `"{when, date}"`, `"{kind, select, …}"`.
        case unknownFormat(String)
        /// `plural` not followed by a comma and its branches: `"{count, plural one {#} …}"`.
        case expectedCommaAfterPlural(argument: String)
        /// A branch with no selector before its `{`: `"{count, plural, {#} other {#}}"`.
        case missingSelector(argument: String)
        /// A selector that is neither `=N` nor a CLDR category: `"{count, plural, single {…}}"`.
        case invalidSelector(String)
        /// The same selector twice in one plural: `"one {a} one {b}"`.
        case duplicateSelector(String, argument: String)
        /// A selector not followed by its branch in braces: `"{count, plural, one # role …}"`.
        case expectedBranch(selector: String)
        /// A branch whose `{` the message ends before closing.
        case unclosedBranch(selector: String)
        /// A plural without the `other` branch, which every language needs as its fallback.
        case missingOtherBranch(argument: String)
        /// A `}` that closes nothing: `"50%}"`. (Write `'}'` for a literal brace.)
        case unexpectedClosingBrace
        /// An apostrophe before `{`, `}` (or `#` in a plural branch) starts quoted literal text;
        /// this one is never closed by another apostrophe: `"l'{title}"`.
        case unclosedQuote
        /// Plurals nested more than `MessageParser.maximumNesting` deep.
        case nestingTooDeep
    }

    public let kind: Kind
    /// Byte offset in the message source (UTF-8) where the problem is.
    public let utf8Offset: Int

    public init(_ kind: Kind, utf8Offset: Int) {
        self.kind = kind
        self.utf8Offset = utf8Offset
    }

    /// One plain sentence, for a diagnostic.
    public var message: String {
        switch kind {
        case .unclosedArgument:
            "`{` is never closed: expected `}`"
        case .emptyArgumentName:
            "argument has no name between `{` and `}`"
        case .invalidArgumentName(let name):
            "invalid argument name `\(name)`: use letters, digits and `_`, starting with a letter or `_`"
        case .expectedCommaOrClosingBrace(let argument):
            "expected `,` or `}` after argument name `\(argument)`"
        case .missingFormat(let argument):
            "expected `plural` after `,` in argument `\(argument)`"
        case .unknownFormat(let format):
            "unsupported argument type `\(format)`: only `plural` is supported"
        case .expectedCommaAfterPlural(let argument):
            "expected `,` after `plural` in argument `\(argument)`"
        case .missingSelector(let argument):
            "expected a selector (=N, zero, one, two, few, many or other) before `{` in plural argument `\(argument)`"
        case .invalidSelector(let selector):
            "`\(selector)` is not a plural selector: use =N, zero, one, two, few, many or other"
        case .duplicateSelector(let selector, let argument):
            "plural argument `\(argument)` has two `\(selector)` branches"
        case .expectedBranch(let selector):
            "expected `{` after selector `\(selector)`"
        case .unclosedBranch(let selector):
            "branch `\(selector)` is never closed: expected `}`"
        case .missingOtherBranch(let argument):
            "plural argument `\(argument)` has no `other` branch"
        case .unexpectedClosingBrace:
            "unexpected `}` without a matching `{` (write `'}'`, the brace between apostrophes, for a literal brace)"
        case .unclosedQuote:
            "apostrophe starts quoted text that is never closed (write `''` for a literal apostrophe)"
        case .nestingTooDeep:
            "plurals are nested more than \(MessageParser.maximumNesting) deep"
        }
    }

    /// The message with its position: "offset 12: plural argument 'count' has no 'other' branch".
    public var description: String { "offset \(utf8Offset): \(message)" }
}
