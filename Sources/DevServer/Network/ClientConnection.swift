#if canImport(Glibc)
import Glibc
#endif

/// One accepted connection: one request head read against a deadline, one response written,
/// then closed. Because every read and write has a deadline, a slow or silent client costs its
/// own thread for at most that long and never delays anyone else.
struct ClientConnection: Sendable {
    let descriptor: Int32

    /// Reads until the blank line that ends the request head. The whole head must arrive
    /// within `timeout` (a client trickling a byte at a time gets no more) and fit in `limit`
    /// bytes.
    func readHead(limit: Int, timeout: Duration) -> Result<[UInt8], RequestError> {
        let deadline = ContinuousClock.now + timeout
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = RequestHead.endOfHead(in: buffer) { return .success(Array(buffer[..<end])) }
            guard buffer.count < limit else { return .failure(.headersTooLarge(limit: limit)) }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return .failure(.timedOut) }
            setTimeout(SO_RCVTIMEO, remaining)
            let wanted = min(chunk.count, limit - buffer.count)
            let count = recv(descriptor, &chunk, wanted, 0)
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 {
                return .failure(.closedEarly)
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                return .failure(.timedOut)
            } else if errno != EINTR {
                return .failure(.closedEarly)
            }
        }
    }

    /// Writes all of `bytes`, giving up after `timeout` without progress (a client that stops
    /// reading) or when the client has gone. MSG_NOSIGNAL: a vanished client must not SIGPIPE
    /// the whole server.
    func write(_ bytes: [UInt8], timeout: Duration) {
        setTimeout(SO_SNDTIMEO, timeout)
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// Ends the exchange gracefully: stop sending, then read and drop what the client still
    /// sends (a request body, for a refused POST) for at most `lingering`. Closing with unread
    /// bytes makes the kernel send a reset, and a reset can destroy the response before the
    /// client reads it. The descriptor stays open until `release()`.
    func finish(lingering: Duration = .seconds(1)) {
        shutdown(descriptor, Int32(SHUT_WR))
        let deadline = ContinuousClock.now + lingering
        var scratch = [UInt8](repeating: 0, count: 4096)
        while case let remaining = deadline - ContinuousClock.now, remaining > .zero {
            setTimeout(SO_RCVTIMEO, remaining)
            let count = recv(descriptor, &scratch, scratch.count, 0)
            guard count > 0 else { break }
        }
    }

    /// Wakes whatever waits on this connection (a read, a write, the linger): they return at
    /// once as if the client had gone. How `DevServer.stop()` ends open connections without
    /// waiting out their timeouts.
    func interrupt() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// Closes the descriptor.
    func release() {
        _ = Glibc.close(descriptor)
    }

    private func setTimeout(_ option: Int32, _ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        // A zero timeval means "no timeout" to the kernel: never ask for less than 1 µs.
        var value = timeval(tv_sec: Int(seconds), tv_usec: max(Int(attoseconds / 1_000_000_000_000), seconds == 0 ? 1 : 0))
        setsockopt(descriptor, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
    }
}
