/// libFuzzer target for the JSON reader: compiled together with Sources/Content/JSON, the UTF-8
/// check and Sources/Diagnostics into one module (see scripts/fuzz), so it reaches the parser's
/// internals. Like the loader, it checks UTF-8 first, parses, then turns every problem into a
/// rendered diagnostic (positions, the quoted window of the line, the caret).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = SourceFile(path: "fuzz.json", bytes: bytes)
    if let bad = firstInvalidUTF8Offset(in: bytes) {
        _ = file.diagnostic(.error, "invalid UTF-8", code: "RG110", atByteOffset: bad).rendered
        return 0
    }
    let document = JSONParser.parse(bytes)
    precondition((document.root == nil) == (document.syntaxError != nil), "root and syntax error disagree")
    for duplicate in document.duplicateKeys {
        precondition(duplicate.firstOffset < duplicate.offset, "a duplicate key before its first occurrence")
        _ = file.diagnostic(.error, "duplicate key `\(duplicate.key)` (first on line \(file.location(ofByteOffset: duplicate.firstOffset).line))", code: "RG111", atByteOffset: duplicate.offset).rendered
    }
    if let error = document.syntaxError {
        precondition(error.offset <= bytes.count, "an error past the end")
        _ = file.diagnostic(.error, error.message, code: "RG1xx", atByteOffset: error.offset).rendered
    }
    if let root = document.root { visitStrings(root, bytes: bytes) }
    return 0
}

/// Every string value's decoded UTF-8 offsets map back inside its literal.
private func visitStrings(_ value: JSONValue, bytes: [UInt8]) {
    switch value.content {
    case .string(let text):
        let count = text.utf8.count
        for offset in [0, count / 2, count] {
            let source = JSONStringPositions.sourceOffset(ofDecodedOffset: offset, inStringAt: value.offset, of: bytes)
            precondition(source > value.offset && source < bytes.count, "a decoded offset outside its string literal")
        }
    case .array(let elements):
        for element in elements { visitStrings(element, bytes: bytes) }
    case .object(let object):
        for member in object.members { visitStrings(member.value, bytes: bytes) }
    default:
        break
    }
}
