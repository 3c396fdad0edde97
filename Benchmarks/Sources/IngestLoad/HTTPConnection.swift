#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 client over one keep-alive TCP connection: enough to post remote-write
/// bodies and read the status, with no event loop or TLS between the load and the server.
///
/// Reads responses framed by `Content-Length` or chunked encoding (and bodiless 1xx/204/304),
/// reconnects when the server closes the connection. Only IPv4 literals and `localhost`.
final class HTTPConnection {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A parsed response.
    struct Response {
        var status: Int
        var body: [UInt8]
    }

    private let host: String
    private let port: UInt16
    private var socket: Int32 = -1
    private var buffer: [UInt8] = []
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)

    init(host: String, port: UInt16) {
        self.host = host == "localhost" ? "127.0.0.1" : host
        self.port = port
    }

    deinit {
        close()
    }

    func close() {
        if socket >= 0 {
            _ = Glibc.close(socket)
            socket = -1
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func connect() throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            _ = Glibc.close(fd)
            throw Failure(description: "not an IPv4 address: \(host)")
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            _ = Glibc.close(fd)
            throw Failure(description: "connect to \(host):\(port): errno \(code)")
        }
        socket = fd
    }

    /// Sends one request and waits for its response; retries once on a connection the server
    /// had closed (keep-alive timeout) before anything of the request was answered.
    func post(path: String, headers: [(String, String)], body: [UInt8]) throws -> Response {
        var head = "POST \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        let headBytes = Array(head.utf8)
        for attempt in 0..<2 {
            if socket < 0 { try connect() }
            do {
                try sendAll(headBytes)
                try sendAll(body)
                return try readResponse()
            } catch {
                close()
                if attempt == 1 { throw error }
            }
        }
        throw Failure(description: "unreachable")
    }

    private func sendAll(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(socket, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "send: errno \(errno)")
                }
                offset += sent
            }
        }
    }

    /// Reads more bytes into `buffer`; throws at end of stream.
    private func fill() throws {
        while true {
            let count = readBuffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: readBuffer[0..<count])
                return
            }
            if count < 0 && errno == EINTR { continue }
            throw Failure(description: count == 0 ? "connection closed by the server" : "recv: errno \(errno)")
        }
    }

    /// The index just past the first CRLF at or after `from`, filling as needed.
    private func line(from start: Int) throws -> (line: String, next: Int) {
        var index = start
        while true {
            while index + 1 < buffer.count {
                if buffer[index] == 13 && buffer[index + 1] == 10 {
                    return (String(decoding: buffer[start..<index], as: UTF8.self), index + 2)
                }
                index += 1
            }
            try fill()
        }
    }

    private func take(_ count: Int, from start: Int) throws -> [UInt8] {
        while buffer.count < start + count { try fill() }
        return Array(buffer[start..<start + count])
    }

    private func readResponse() throws -> Response {
        let (statusLine, afterStatus) = try line(from: 0)
        var position = afterStatus
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw Failure(description: "bad status line: \(statusLine)")
        }
        var contentLength: Int?
        var chunked = false
        var closeAfter = false
        while true {
            let (header, next) = try line(from: position)
            position = next
            if header.isEmpty { break }
            guard let colon = header.firstIndex(of: ":") else { continue }
            let name = header[..<colon].lowercased()
            let value = header[header.index(after: colon)...].trimmingCharacters(in: " \t").lowercased()
            switch name {
            case "content-length": contentLength = Int(value)
            case "transfer-encoding": chunked = value.contains("chunked")
            case "connection": closeAfter = value.contains("close")
            default: break
            }
        }
        var body: [UInt8] = []
        if status == 204 || status == 304 || (100..<200).contains(status) {
            // No body.
        } else if chunked {
            while true {
                let (sizeLine, next) = try line(from: position)
                position = next
                let size = Int(sizeLine.split(separator: ";")[0], radix: 16) ?? 0
                if size == 0 {
                    // Trailers end with an empty line.
                    while true {
                        let (trailer, after) = try line(from: position)
                        position = after
                        if trailer.isEmpty { break }
                    }
                    break
                }
                body += try take(size, from: position)
                position += size
                position = try line(from: position).next
            }
        } else if let contentLength {
            body = try take(contentLength, from: position)
            position += contentLength
        } else {
            closeAfter = true
        }
        buffer.removeFirst(position)
        if closeAfter { close() }
        return Response(status: status, body: body)
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
