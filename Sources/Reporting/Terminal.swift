import LibC

/// What the streams rolegen writes to can show: whether they are terminals, and whether to
/// colour them. Colour follows the common conventions: `NO_COLOR` (any non-empty value) turns
/// it off, `CLICOLOR_FORCE` (non-empty, not `0`) turns it on even into a pipe, and otherwise a
/// terminal gets colour and a pipe or a file does not.
public struct Terminal: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public static let standardOutput: Int32 = 1
    public static let standardError: Int32 = 2

    public func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// Whether to colour what is written to `descriptor`.
    public func colours(_ descriptor: Int32) -> Bool {
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        if let value = environment["CLICOLOR_FORCE"], !value.isEmpty, value != "0" { return true }
        return isTerminal(descriptor) && environment["TERM"] != "dumb"
    }

    /// Whether diagnostics should also be printed as GitHub Actions workflow commands: the
    /// runner sets `GITHUB_ACTIONS=true` in every step.
    public var isGitHubActions: Bool { environment["GITHUB_ACTIONS"] == "true" }
}

/// Writes text to a file descriptor at once (no buffering to lose or reorder: stdout and
/// stderr lines keep their order in a terminal, and a server's lines appear when they happen).
public struct Output: Sendable {
    public let descriptor: Int32

    public static let standardOutput = Output(descriptor: Terminal.standardOutput)
    public static let standardError = Output(descriptor: Terminal.standardError)

    public func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { LibC.write(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            bytes = bytes.dropFirst(count)
        }
    }

    public func line(_ text: String) {
        write(text + "\n")
    }
}
