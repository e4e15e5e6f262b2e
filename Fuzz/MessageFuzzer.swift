/// libFuzzer target for the UI-string message parser (Sources/Localization, compiled into this
/// module by scripts/fuzz): parse any text; a message that parses is formatted in English and
/// French with every kind of argument and run through the locale's typography, as a build does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let message: Message
    do {
        message = try Message(parsing: source)
    } catch {
        precondition(error.utf8Offset >= 0 && error.utf8Offset <= source.utf8.count, "an error offset outside the message")
        _ = error.description
        return 0
    }
    for identifier in ["en", "fr"] {
        guard let rules = LocaleRules.builtIn(identifier) else { continue }
        for number in [0, 1, 2, 5, 1_000_000, -3] {
            var arguments: [String: MessageArgument] = [:]
            for (index, name) in message.argumentNames.enumerated() {
                arguments[name] = index % 3 == 2 ? .text("<b>x & y</b>") : .number(number)
            }
            let text = message.format(arguments, rules: rules)
            _ = rules.typography(text: text)
            _ = rules.typography(html: text)
        }
        _ = message.format([:], rules: rules)
    }
    return 0
}
