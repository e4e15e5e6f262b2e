#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket listening on 127.0.0.1 and on nothing else: a preview shows unpublished
/// content, so it must not be reachable from the network, whatever the machine's firewall says.
final class LoopbackListener: Sendable {
    let descriptor: Int32
    /// The port actually bound (the kernel's choice when 0 was asked for).
    let port: UInt16

    /// 127.0.0.1 in network byte order.
    static let loopback = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)

    init(port requested: UInt16, backlog: Int32 = 128) throws(ServeError) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .socketFailed("socket", Self.lastError) }
        // Lets a restarted preview take its port back while old connections are in TIME_WAIT;
        // a port another program listens on still fails with EADDRINUSE.
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = requested.bigEndian
        address.sin_addr = Self.loopback
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if bound != 0 {
            let code = errno
            _ = Glibc.close(fd)
            switch code {
            case EADDRINUSE: throw .portInUse(requested)
            case EACCES: throw .portNotAllowed(requested)
            default: throw .socketFailed("bind", String(cString: strerror(code)))
            }
        }
        guard listen(fd, backlog) == 0, let local = Self.localAddress(of: fd) else {
            let reason = Self.lastError
            _ = Glibc.close(fd)
            throw .socketFailed("listen", reason)
        }
        descriptor = fd
        port = local.port
    }

    /// Waits up to `milliseconds` for a connection and accepts it; nil when none came, so the
    /// caller can check whether it should stop.
    func accept(waitingUpTo milliseconds: Int32) -> Int32? {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, milliseconds) > 0 else { return nil }
        let client = Glibc.accept(descriptor, nil, nil)
        guard client >= 0 else { return nil }
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        return client
    }

    func close() {
        _ = Glibc.close(descriptor)
    }

    /// The address a socket is bound to, as `getsockname(2)` reports it.
    static func localAddress(of fd: Int32) -> (host: String, port: UInt16)? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let found = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard found == 0, address.sin_family == sa_family_t(AF_INET) else { return nil }
        var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        guard inet_ntop(AF_INET, &address.sin_addr, &text, socklen_t(text.count)) != nil else { return nil }
        return (String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), UInt16(bigEndian: address.sin_port))
    }

    private static var lastError: String { String(cString: strerror(errno)) }
}
