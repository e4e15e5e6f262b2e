/// libFuzzer target for the template parser and renderer (Sources/TemplateEngine, compiled into
/// this module by scripts/fuzz). The input is up to four templates separated by NUL bytes:
/// `page`, `p`, `b` and `layouts/base`, so partials, parents and blocks between them are
/// reached. The set is compiled in strict and non-strict mode; what compiles is rendered with
/// data of every kind, and every error is rendered as a user would see it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let names = ["page", "p", "b", "layouts/base"]
    var files: [TemplateFile] = []
    for (index, part) in bytes.split(separator: 0, maxSplits: names.count - 1, omittingEmptySubsequences: false).enumerated() {
        files.append(TemplateFile(name: names[index], displayName: names[index], bytes: Array(part)))
    }
    for strict in [true, false] {
        do {
            let templates = try TemplateSet(files: files, strict: strict)
            for name in templates.names {
                do {
                    _ = try templates.renderBytes(name, fuzzData)
                } catch {
                    precondition(error.line == 0 || error.caretColumn >= 1, "a caret before its line")
                    _ = error.rendered
                }
            }
            _ = templates.references
        } catch {
            precondition(!error.errors.isEmpty, "a load error without errors")
            _ = error.description
        }
    }
    return 0
}

private let fuzzData: TemplateValue = [
    "a": ["b": "<&>\"'", "items": [1, 2.5, true], "p": "b"],
    "b": true, "x": nil, "p": "p", "n": 0, "s": "",
    "items": [["a": 1], ["a": "two", "items": []], ["b": false]],
    "list": [[["a": [["a": "deep"]]]]],
]
