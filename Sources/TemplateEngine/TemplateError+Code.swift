extension TemplateError.Kind {
    /// The stable code of each template mistake (RG2xx). The engine owns its codes, as strings,
    /// so that it depends on nothing of rolegen; rolegen lists them in docs/errors.md.
    public enum Code: String, Sendable, CaseIterable {
        // Syntax
        case unterminatedTag = "RG201"
        case emptyTag = "RG202"
        case invalidName = "RG203"
        case invalidDelimiters = "RG204"
        case unclosedSection = "RG205"
        case mismatchedSectionClose = "RG206"
        case unexpectedSectionClose = "RG207"
        case tagInsideParent = "RG208"
        // Names of templates
        case unknownPartial = "RG210"
        case unknownParent = "RG211"
        case dynamicNameNotString = "RG212"
        case recursionTooDeep = "RG213"
        case unknownTemplate = "RG214"
        case unreadableFile = "RG215"
        // Data
        case unknownName = "RG220"
        case notAnObject = "RG221"
        case notInterpolatable = "RG222"
    }

    public var code: Code {
        switch self {
        case .unterminatedTag: .unterminatedTag
        case .emptyTag: .emptyTag
        case .invalidName: .invalidName
        case .invalidDelimiters: .invalidDelimiters
        case .unclosedSection: .unclosedSection
        case .mismatchedSectionClose: .mismatchedSectionClose
        case .unexpectedSectionClose: .unexpectedSectionClose
        case .tagInsideParent: .tagInsideParent
        case .unknownPartial: .unknownPartial
        case .unknownParent: .unknownParent
        case .dynamicNameNotString: .dynamicNameNotString
        case .recursionTooDeep: .recursionTooDeep
        case .unknownTemplate: .unknownTemplate
        case .unreadableFile: .unreadableFile
        case .unknownName: .unknownName
        case .notAnObject: .notAnObject
        case .notInterpolatable: .notInterpolatable
        }
    }

    /// The name the message suggests instead of the one written, when it suggests one.
    public var suggestion: String? {
        switch self {
        case .unknownPartial(_, let suggestion), .unknownParent(_, let suggestion),
             .unknownTemplate(_, let suggestion), .unknownName(_, let suggestion):
            suggestion
        default:
            nil
        }
    }
}
