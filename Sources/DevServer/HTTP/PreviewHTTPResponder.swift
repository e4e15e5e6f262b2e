import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The bridge between Hummingbird and the preview: takes each request's method and raw target
/// (still percent-encoded, exactly as sent — rolegen's own `RequestPath` decides what is safe),
/// and turns the preview's answer into a Hummingbird response. `/__rolegen/events` is the live
/// reload's event stream.
struct PreviewHTTPResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let server: DevServer

    func respond(to request: Request, context: Context) async throws -> Response {
        let target = request.head.path ?? ""
        let method = request.method.rawValue
        if method == "GET", target.prefix(while: { $0 != "?" }) == ReloadClient.eventsPath {
            return eventStream(query: target.drop { $0 != "?" }.dropFirst())
        }
        let answer = server.answer(method: method, target: target)
        var headers = HTTPFields()
        for header in answer.headers + PreviewResponse.commonHeaders {
            if let name = HTTPField.Name(header.name) { headers.append(HTTPField(name: name, value: header.value)) }
        }
        headers[.contentLength] = "\(answer.body.count)"
        let body = method == "HEAD" ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        return Response(status: .init(code: answer.status.rawValue), headers: headers, body: body)
    }

    /// `?build=N&page=/en/`: Server-Sent Events for that page until the server stops or the
    /// page goes away. A comment line opens the stream, so a client knows it is listening.
    private func eventStream(query: Substring) -> Response {
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            parameters[String(parts[0])] = String(parts[1]).removingPercentEncoding
        }
        let events = server.listen(page: parameters["page"] ?? "/", generation: parameters["build"].flatMap { Int($0) } ?? 0)
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": rolegen serve: listening for builds\n\n"))
            for await event in events {
                try await writer.write(ByteBuffer(string: event.serialized))
            }
            try await writer.finish(nil)
        })
    }
}
