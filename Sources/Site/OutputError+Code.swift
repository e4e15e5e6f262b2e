extension OutputError {
    /// The stable code of each output problem (RG41x), listed in docs/errors.md.
    public enum Code: String, Sendable, CaseIterable {
        case cannotWrite = "RG410"
        case outputIsNotAFolder = "RG411"
        case cannotReplace = "RG412"
    }

    public var code: Code {
        switch self {
        case .cannotWrite: .cannotWrite
        case .outputIsNotAFolder: .outputIsNotAFolder
        case .cannotReplace: .cannotReplace
        }
    }
}
