/// A UI string in the subset of ICU MessageFormat that translators' tools understand:
///
///     Will AI replace {titlePlural}?
///     {count, plural, =0 {no tools} one {# tool} other {# tools}}
///     Quelles tâches quotidiennes d'un(e) {title} sont déjà automatisées ?
///
/// - `{name}` inserts an argument: text as it is, a number formatted for the locale.
/// - `{name, plural, =0 {…} one {…} other {…}}` chooses a branch by the number: an exact
///   `=N` first, then the locale's plural category, then `other` (required). In a branch `#` is
///   the number, formatted; branches may hold arguments and further plurals.
/// - Apostrophes follow ICU's DOUBLE_OPTIONAL mode: `''` is an apostrophe, `'{'` and `'}'`
///   are literal braces, and any other apostrophe is itself ("d'un(e)" as written).
///
/// A message is parsed once into an immutable tree; `format` walks that tree, so formatting the
/// same message for thousands of pages costs only the appends.
public struct Message: Sendable, Equatable {
    let parts: [MessagePart]
    /// Every argument name the message uses, sorted, each once.
    public let argumentNames: [String]
    /// The names used as plural selectors, sorted, each once.
    public let pluralArgumentNames: [String]

    /// Parses `source`, or throws the first mistake with its UTF-8 offset.
    public init(parsing source: String) throws(MessageSyntaxError) {
        var parser = MessageParser(source)
        parts = try parser.parseMessage()
        argumentNames = parser.argumentNames.sorted()
        pluralArgumentNames = parser.pluralArgumentNames.sorted()
    }

    /// The message with `arguments` filled in by `rules`.
    ///
    /// An argument the message uses but `arguments` lacks comes out as `{name}`, visible on the
    /// page rather than silently empty (callers check `argumentNames` first). A text argument
    /// used as a plural selects the `other` branch, where `#` shows the text.
    public func format(_ arguments: [String: MessageArgument], rules: LocaleRules) -> String {
        var output = ""
        Self.append(parts, to: &output, pluralNumber: nil, arguments: arguments, rules: rules)
        return output
    }

    private static func append(_ parts: [MessagePart], to output: inout String, pluralNumber: String?,
                               arguments: [String: MessageArgument], rules: LocaleRules) {
        for part in parts {
            switch part {
            case .text(let text):
                output += text
            case .pluralNumber:
                output += pluralNumber ?? "#"
            case .argument(let name):
                switch arguments[name] {
                case .text(let text): output += text
                case .number(let n): output += rules.number(n)
                case nil: output += "{\(name)}"
                }
            case .plural(let choice):
                switch arguments[choice.argument] {
                case .number(let n):
                    append(choice.branch(for: n, rules: rules), to: &output, pluralNumber: rules.number(n),
                           arguments: arguments, rules: rules)
                case .text(let text):
                    append(choice.other, to: &output, pluralNumber: text, arguments: arguments, rules: rules)
                case nil:
                    output += "{\(choice.argument)}"
                }
            }
        }
    }
}
