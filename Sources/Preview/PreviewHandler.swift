import FlyingFox
import Foundation

/// Answers every request: the build version for live reload, the error page while the build
/// fails, otherwise files from public/ with the reload script added to HTML.
struct PreviewHandler: HTTPHandler {
    let files: SiteFiles
    let state: BuildState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return text("only GET and HEAD\n", status: .methodNotAllowed)
        }
        let version = state.version
        if request.path == LiveReload.versionPath {
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                body: Data(String(version).utf8))
        }
        // The raw target: FlyingFox's `path` drops the trailing `/` a folder's relative links need.
        switch files.lookup(request.target.path(percentEncoded: true)) {
        case .refused:
            return text("refused: the path leaves the site\n", status: .forbidden)
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location]), body: Data())
        case .missing:
            if let failure = state.failure { return errorPage(failure, version: version) }
            let notFound = files.folder.appendingPathComponent("404.html")
            if let data = FileManager.default.contents(atPath: notFound.path) {
                return html(data, status: .notFound, version: version)
            }
            return text("not found\n", status: .notFound)
        case .file(let url):
            let isHTML = ["html", "htm"].contains(url.pathExtension.lowercased())
            if isHTML, let failure = state.failure { return errorPage(failure, version: version) }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return text("cannot read \(url.lastPathComponent)\n", status: .internalServerError)
            }
            if isHTML { return html(data, status: .ok, version: version) }
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: ContentType.forExtension(url.pathExtension), .cacheControl: "no-cache"],
                body: data)
        }
    }

    // MARK: - Responses

    private func html(_ data: Data, status: HTTPStatusCode, version: Int) -> HTTPResponse {
        let page = LiveReload.inject(into: String(decoding: data, as: UTF8.self), version: version)
        return HTTPResponse(
            statusCode: status,
            headers: [.contentType: ContentType.forExtension("html"), .cacheControl: "no-cache"],
            body: Data(page.utf8))
    }

    private func errorPage(_ failure: String, version: Int) -> HTTPResponse {
        HTTPResponse(
            statusCode: .internalServerError,
            headers: [.contentType: ContentType.forExtension("html"), .cacheControl: "no-store"],
            body: Data(LiveReload.errorPage(failure, version: version).utf8))
    }

    private func text(_ message: String, status: HTTPStatusCode) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data(message.utf8))
    }
}
