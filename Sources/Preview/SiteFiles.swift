import Foundation

/// Maps a request path to a file inside the built site, and never to one outside it.
public struct SiteFiles: Sendable {
    public let folder: URL

    public enum Lookup: Equatable, Sendable {
        case file(URL)
        /// A folder asked for without its trailing `/`: relative links need it.
        case redirect(String)
        case missing
        /// The path tries to leave the site (`..`), or is not valid.
        case refused
    }

    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    public func lookup(_ requestPath: String) -> Lookup {
        let rawPath = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard let path = rawPath.removingPercentEncoding, !path.contains("\0") else { return .refused }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        if components.contains(where: { $0 == ".." || $0 == "." || $0.contains("\\") }) { return .refused }
        var url = folder
        for component in components { url.appendPathComponent(String(component)) }
        // Symbolic links could still point outside; the resolved path must stay under the folder.
        let resolved = url.resolvingSymlinksInPath().path
        let base = folder.resolvingSymlinksInPath().path
        guard resolved == base || resolved.hasPrefix(base + "/") else { return .refused }

        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return .missing }
        if isFolder.boolValue {
            if !path.hasSuffix("/") && !path.isEmpty { return .redirect(path + "/") }
            let index = url.appendingPathComponent("index.html")
            return FileManager.default.fileExists(atPath: index.path) ? .file(index) : .missing
        }
        return .file(url)
    }
}
