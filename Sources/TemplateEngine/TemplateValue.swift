/// The data a template sees: a JSON-like tree, typed so that rendering needs neither `Any` nor
/// reflection.
///
/// Optional data is written as `.null` rather than left out: in strict mode a key that is present
/// with `.null` is falsey and interpolates as nothing, while an absent key is an error (most
/// likely a typo in the template or a forgotten field in the model).
public enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([TemplateValue])
    case object(TemplateObject)
}

extension TemplateValue {
    /// An object with `dictionary`'s members: builders that collect members in a dictionary
    /// write `.object(members)` as before. Disfavoured, so that `.object(["key": value])`
    /// builds a `TemplateObject` from the literal directly, not a dictionary first.
    @_disfavoredOverload
    public static func object(_ dictionary: [String: TemplateValue]) -> TemplateValue {
        .object(TemplateObject(dictionary))
    }
}

extension TemplateValue {
    /// Whether a section renders (`{{#x}}`) or an inverted section is skipped (`{{^x}}`).
    ///
    /// Only `null`, `false` and the empty array are falsey. Empty strings, zero and empty objects
    /// are truthy, as in the Mustache spec's reference implementation: a model says "nothing
    /// here" with `null`, never with a sentinel value.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .array(let items): !items.isEmpty
        case .int, .double, .string, .object: true
        }
    }

    /// The kind of value, as error messages name it ("an array", "a string", ...).
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) { self = .array(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// A later duplicate key replaces an earlier one, as in a JSON object.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var object = TemplateObject(minimumCapacity: elements.count)
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}

extension TemplateValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}
