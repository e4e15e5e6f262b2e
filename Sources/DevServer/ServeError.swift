/// Why the server could not start. Each case is something the user can fix.
public enum ServeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another program (or another `rolegen serve`) listens on the port.
    case portInUse(UInt16)
    /// Ports below 1024 need privileges the user does not have.
    case portNotAllowed(UInt16)
    /// The socket could not be created, bound or listened on for another reason: the
    /// operation and the system's reason.
    case socketFailed(String, String)

    /// The stable code of each reason (RG5xx), listed in docs/errors.md.
    public enum Code: String, Sendable, CaseIterable {
        case portInUse = "RG501"
        case portNotAllowed = "RG502"
        case socketFailed = "RG503"
    }

    public var code: Code {
        switch self {
        case .portInUse: .portInUse
        case .portNotAllowed: .portNotAllowed
        case .socketFailed: .socketFailed
        }
    }

    public var description: String {
        switch self {
        case let .portInUse(port):
            "port \(port) on 127.0.0.1 is already in use — stop the other server, or pass --port 0 for any free port"
        case let .portNotAllowed(port):
            "port \(port) needs privileges — use a port from 1024 up, or --port 0 for any free port"
        case let .socketFailed(operation, reason):
            "cannot listen on 127.0.0.1: \(operation) failed: \(reason)"
        }
    }
}
