import Content
import Foundation
import Templates

/// The Mustache templates in `templates/`, read at build time so the look can change without Swift.
///
/// Every page template renders the page's `<main>` content; `layout` wraps it and receives the
/// same context plus `content`. Files under `templates/partials/` are partials, named by their
/// path: `{{> partials/report-list}}`.
public struct TemplateSet: Sendable {
    public static let pageTemplates = ["layout", "home", "report", "topics", "topic", "regions", "region", "search", "404", "list", "browse"]

    private let library: TemplateLibrary
    public let directory: URL
    /// Fixed ids written in the templates (`main`, `toc`, …): heading anchors in a body must not
    /// take them, or links to them would land on the wrong element.
    public let fixedIds: Set<String>
    /// Each page template's fingerprint: its text, the layout's and every partial either reaches
    /// (the report page's also the fixed ids), so a build re-renders only pages whose look changed.
    public let digests: [String: UInt64]
    /// The fingerprint of `templates/assets/` (names and bytes).
    public let assetsDigest: UInt64

    public init(directory: URL) throws(Diagnostics) {
        self.directory = directory
        var library = TemplateLibrary()
        var problems: [Diagnostic] = []
        var ids: Set<String> = []
        var broken: Set<String> = []
        var textDigests: [String: UInt64] = [:]
        let base = directory.standardizedFileURL.path
        let files = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }
            .sorted()
        for file in files {
            let display = "templates/\(file)"
            let name = String(file.dropLast(".mustache".count))
            guard let text = try? String(contentsOfFile: base + "/" + file, encoding: .utf8) else {
                problems.append(.error("cannot read the template", path: display))
                continue
            }
            textDigests[name] = StableHash.of(Array(text.utf8))
            ids.formUnion(HTMLAttributes.values(in: text, names: ["id"]).map(\.value).filter { !$0.contains("{{") })
            do {
                library.register(try Template(text), named: name)
            } catch {
                broken.insert(name)
                problems.append(.error(error.message, path: display, line: error.line, column: error.column))
            }
        }
        for name in Self.pageTemplates where library.template(named: name) == nil && !broken.contains(name) && !files.isEmpty {
            problems.append(.error("missing template \(name).mustache: every page kind needs one", path: "templates/\(name).mustache"))
        }
        for (name, template) in library.templates.sorted(by: { $0.key < $1.key }) {
            for partial in template.partialNames where library.template(named: partial) == nil && !broken.contains(partial) {
                problems.append(.error(
                    "the partial `\(partial)` does not exist: add templates/\(partial).mustache or fix the name",
                    path: "templates/\(name).mustache"))
            }
        }
        if files.isEmpty {
            problems.append(.error("no templates found: copy the repository's templates/ folder here", path: "templates"))
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        self.library = library
        self.fixedIds = ids
        var digests: [String: UInt64] = [:]
        for name in Self.pageTemplates {
            var reached: Set<String> = []
            var pending = ["layout", name]
            while let next = pending.popLast() {
                guard reached.insert(next).inserted else { continue }
                pending += library.template(named: next)?.partialNames ?? []
            }
            var hash = StableHash()
            for used in reached.sorted() {
                hash.combine(used)
                hash.combine(textDigests[used] ?? 0)
            }
            if name == "report" { for id in ids.sorted() { hash.combine(id) } }
            digests[name] = hash.value
        }
        self.digests = digests
        assetsDigest = Self.digest(ofFolder: directory.appendingPathComponent("assets"))
    }

    /// Names and bytes of every file under a folder, in name order.
    static func digest(ofFolder folder: URL) -> UInt64 {
        let base = folder.standardizedFileURL.path
        var hash = StableHash()
        for file in (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []).sorted() {
            guard let data = FileManager.default.contents(atPath: base + "/" + file) else { continue }
            hash.combine(file)
            hash.combine(bytes: data)
        }
        return hash.value
    }

    /// Renders a page template, then the layout around it. Every list `x` at the top of the
    /// context also gets a flag `hasX`, so templates can wrap a list in a heading only when it has entries.
    public func render(_ template: String, context: [String: Any]) -> String {
        String(decoding: renderBytes(template, context: context), as: UTF8.self)
    }

    /// `render` as UTF-8 bytes.
    public func renderBytes(_ template: String, context: [String: Any]) -> [UInt8] {
        var values: [String: TemplateValue] = [:]
        values.reserveCapacity(context.count * 2 + 1)
        var flags: [String: TemplateValue] = [:]
        for (key, value) in context {
            guard let converted = TemplateValue(value) else { continue }
            values[key] = converted
            if case .list(let items) = converted, let first = key.first {
                flags["has" + first.uppercased() + key.dropFirst()] = .bool(!items.isEmpty)
            }
        }
        values.merge(flags) { _, flag in flag }
        values["content"] = .html(library.renderBytes(template, context: TemplateObject(values)))
        return library.renderBytes("layout", context: TemplateObject(values))
    }
}
