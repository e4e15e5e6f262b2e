extension OutputError {
    /// The stable code of each output problem (RG41x), listed in docs/errors.md.
    public enum Code: String, Sendable, CaseIterable {
        case cannotWrite = "RG410"
        case outputIsNotAFolder = "RG411"
        case cannotReplace = "RG412"
        case containsSiteRoot = "RG413"
        case insideSources = "RG414"
        case notRolegenOutput = "RG415"
        case danglingSymlink = "RG416"
        case mountPoint = "RG417"
        case cannotPrepare = "RG418"
    }

    public var code: Code {
        switch self {
        case .cannotWrite: .cannotWrite
        case .outputIsNotAFolder: .outputIsNotAFolder
        case .cannotReplace: .cannotReplace
        case .containsSiteRoot: .containsSiteRoot
        case .insideSources: .insideSources
        case .notRolegenOutput: .notRolegenOutput
        case .danglingSymlink: .danglingSymlink
        case .mountPoint: .mountPoint
        case .cannotPrepare: .cannotPrepare
        }
    }
}
