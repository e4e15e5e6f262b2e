extension MessageSyntaxError.Kind {
    /// The stable code of each UI-string syntax mistake (RG3xx), listed in docs/errors.md.
    public enum Code: String, Sendable, CaseIterable {
        case unclosedArgument = "RG301"
        case emptyArgumentName = "RG302"
        case invalidArgumentName = "RG303"
        case expectedCommaOrClosingBrace = "RG304"
        case missingFormat = "RG305"
        case unknownFormat = "RG306"
        case expectedCommaAfterPlural = "RG307"
        case missingSelector = "RG308"
        case invalidSelector = "RG309"
        case duplicateSelector = "RG310"
        case expectedBranch = "RG311"
        case unclosedBranch = "RG312"
        case missingOtherBranch = "RG313"
        case unexpectedClosingBrace = "RG314"
        case unclosedQuote = "RG315"
        case nestingTooDeep = "RG316"
    }

    public var code: Code {
        switch self {
        case .unclosedArgument: .unclosedArgument
        case .emptyArgumentName: .emptyArgumentName
        case .invalidArgumentName: .invalidArgumentName
        case .expectedCommaOrClosingBrace: .expectedCommaOrClosingBrace
        case .missingFormat: .missingFormat
        case .unknownFormat: .unknownFormat
        case .expectedCommaAfterPlural: .expectedCommaAfterPlural
        case .missingSelector: .missingSelector
        case .invalidSelector: .invalidSelector
        case .duplicateSelector: .duplicateSelector
        case .expectedBranch: .expectedBranch
        case .unclosedBranch: .unclosedBranch
        case .missingOtherBranch: .missingOtherBranch
        case .unexpectedClosingBrace: .unexpectedClosingBrace
        case .unclosedQuote: .unclosedQuote
        case .nestingTooDeep: .nestingTooDeep
        }
    }
}
