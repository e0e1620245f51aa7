import Content
import Foundation

/// Checks a finished site: every relative `href`/`src` must name a file in it, and every
/// `#anchor` an `id` on the target page. Absolute URLs (`https:`, `mailto:`, …) are skipped.
public struct LinkChecker: Sendable {
    /// The site's folder (`public/`).
    public var folder: URL
    /// How pages are named in diagnostics: `public` gives `public/reports/x/index.html`.
    public var displayName: String

    public init(folder: URL, displayName: String = "public") {
        self.folder = folder
        self.displayName = displayName
    }

    /// One diagnostic per broken link, in page order then link order.
    public func check() throws(SiteError) -> [Diagnostic] {
        let files = try allFiles()
        let fileSet = Set(files)
        let pages = files.filter { $0.hasSuffix(".html") }
        let base = folder
        // Pass 1: the ids of every page. Pass 2 reads each page again for its links, so only
        // ids (not every link of every page) are held at once.
        let idLists = Parallel.map(pages) { page in
            HTMLAttributes.values(in: Self.read(base, page), names: ["id"]).map(\.value)
        }
        var ids: [String: Set<String>] = [:]
        for (page, list) in zip(pages, idLists) { ids[page] = Set(list) }
        let frozenIds = ids
        let problems = Parallel.map(pages) { page -> [Diagnostic] in
            let html = Self.read(base, page)
            return HTMLAttributes.values(in: html, names: ["href", "src"]).compactMap { attribute in
                guard let reason = Self.problem(with: attribute.value, on: page, files: fileSet, ids: frozenIds) else { return nil }
                return .error("broken link \(attribute.value) (\(reason))", path: "\(displayName)/\(page)")
            }
        }
        return problems.flatMap { $0 }
    }

    // MARK: - Resolving one link

    /// Why a link from `page` does not resolve, or nil when it does (or is not ours to check).
    static func problem(with link: String, on page: String, files: Set<String>, ids: [String: Set<String>]) -> String? {
        if link.isEmpty || link.hasPrefix("//") || hasScheme(link) { return nil }
        var rest = Substring(link)
        var fragment: Substring = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        let target: String
        if rest.isEmpty {
            target = page
        } else {
            guard let decoded = String(rest).removingPercentEncoding,
                  let resolved = resolve(decoded, from: page) else {
                return "it leads outside the site"
            }
            target = resolved
        }
        guard files.contains(target) else {
            if files.contains(target.isEmpty ? "index.html" : target + "/index.html") || files.contains(target + "index.html") {
                return "it names a folder; link \(target.hasSuffix("/") || target.isEmpty ? target : target + "/")index.html so the site works from disk"
            }
            return "no file \(target)"
        }
        let anchor = String(fragment).removingPercentEncoding ?? String(fragment)
        if !anchor.isEmpty, target.hasSuffix(".html"), !(ids[target]?.contains(anchor) ?? false) {
            return "no id \"\(anchor)\" in \(target)"
        }
        return nil
    }

    /// `../../topics/x/index.html` from `reports/y/index.html` → `topics/x/index.html`; nil above the root.
    static func resolve(_ link: String, from page: String) -> String? {
        var parts: [Substring] = link.hasPrefix("/") ? [] : page.split(separator: "/").dropLast()
        for component in link.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/") + (link.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }

    static func hasScheme(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        return !scheme.isEmpty && !scheme.contains("/") && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    // MARK: - Files

    private func allFiles() throws(SiteError) -> [String] {
        let base = folder.standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isFolder), isFolder.boolValue,
              let entries = FileManager.default.enumerator(atPath: base)?.allObjects as? [String]
        else {
            throw SiteError(path: displayName, message: "no site to check: run `policykb build` first")
        }
        return entries.filter { entry in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + "/" + entry, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    private static func read(_ folder: URL, _ page: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)) ?? ""
    }
}
