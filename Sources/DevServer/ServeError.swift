/// Why the server could not start. Each case is something the user can fix.
public enum ServeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another program (or another `rolegen serve`) listens on the port: host, port.
    case portInUse(String, UInt16)
    /// Ports below 1024 need privileges the user does not have.
    case portNotAllowed(UInt16)
    /// The address could not be listened on for another reason (a `--host` that is not an
    /// address of this machine, say): host, the reason.
    case socketFailed(String, String)
    /// The kernel refused to watch the sources (inotify): the system's reason. Usually the
    /// per-user limit on watches (`fs.inotify.max_user_watches`) or instances.
    case watchFailed(String)

    /// The stable code of each reason (RG5xx), listed in docs/errors.md.
    public enum Code: String, Sendable, CaseIterable {
        case portInUse = "RG501"
        case portNotAllowed = "RG502"
        case socketFailed = "RG503"
        case watchFailed = "RG504"
    }

    public var code: Code {
        switch self {
        case .portInUse: .portInUse
        case .portNotAllowed: .portNotAllowed
        case .socketFailed: .socketFailed
        case .watchFailed: .watchFailed
        }
    }

    public var description: String {
        switch self {
        case let .portInUse(host, port):
            "port \(port) on \(host) is already in use — stop the other server, or pass --port 0 for any free port"
        case let .portNotAllowed(port):
            "port \(port) needs privileges — use a port from 1024 up, or --port 0 for any free port"
        case let .socketFailed(host, reason):
            "cannot listen on \(host): \(reason)"
        case let .watchFailed(reason):
            "cannot watch the site's files for changes: \(reason) (raise fs.inotify.max_user_watches or max_user_instances)"
        }
    }
}
