import FlyingFox
import FlyingSocks
import Foundation

/// Serves a built site on 127.0.0.1 with live reload. The caller rebuilds and reports each
/// result with `state.finished(failure:)`.
public final class PreviewServer: @unchecked Sendable {
    public let state = BuildState()
    private let server: HTTPServer
    private var task: Task<Void, any Error>?

    public init(folder: URL, port: UInt16) throws {
        let handler = PreviewHandler(files: SiteFiles(folder: folder), state: state)
        server = HTTPServer(
            address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port),
            timeout: 15,
            logger: .disabled,
            handler: handler)
    }

    /// Starts listening and returns the port (the one picked by the system when asked for 0).
    public func start() throws -> UInt16 {
        let server = self.server
        task = Task { try await server.run() }
        let result = Self.wait { () async throws -> UInt16 in
            try await server.waitUntilListening(timeout: 10)
            if case let .ip4(_, port) = await server.listeningAddress { return port }
            throw PreviewError(message: "the server listens on no IPv4 port")
        }
        return try result.get()
    }

    public func stop() {
        task?.cancel()
    }

    /// Runs async work from synchronous code (the command's main thread) and waits for it.
    private static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let semaphore = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<T, any Error> = .failure(PreviewError(message: "not started"))
        Task {
            do { result = .success(try await work()) } catch { result = .failure(error) }
            semaphore.signal()
        }
        semaphore.wait()
        return result
    }
}

public struct PreviewError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
