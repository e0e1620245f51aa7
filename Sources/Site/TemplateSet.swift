import Content
import Foundation
import Mustache

/// The Mustache templates in `templates/`, read at build time so the look can change without Swift.
///
/// Every page template renders the page's `<main>` content; `layout` wraps it and receives the
/// same context plus `content`. Files under `templates/partials/` are partials, named by their
/// path: `{{> partials/report-list}}`.
public struct TemplateSet: Sendable {
    public static let pageTemplates = ["layout", "home", "report", "topics", "topic", "regions", "region", "search", "404", "list", "browse"]

    private let library: MustacheLibrary
    public let directory: URL
    /// Fixed ids written in the templates (`main`, `toc`, …): heading anchors in a body must not
    /// take them, or links to them would land on the wrong element.
    public let fixedIds: Set<String>

    public init(directory: URL) throws(Diagnostics) {
        self.directory = directory
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        var ids: Set<String> = []
        var broken: Set<String> = []
        let base = directory.standardizedFileURL.path
        let files = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }
            .sorted()
        for file in files {
            let display = "templates/\(file)"
            guard let text = try? String(contentsOfFile: base + "/" + file, encoding: .utf8) else {
                problems.append(.error("cannot read the template", path: display))
                continue
            }
            ids.formUnion(HTMLAttributes.values(in: text, names: ["id"]).map(\.value).filter { !$0.contains("{{") })
            do {
                library.register(try MustacheTemplate(string: text), named: String(file.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                broken.insert(String(file.dropLast(".mustache".count)))
                problems.append(.error(
                    Self.explain(error.error), path: display,
                    line: error.context.lineNumber, column: error.context.columnNumber))
            } catch {
                broken.insert(String(file.dropLast(".mustache".count)))
                problems.append(.error("template does not parse: \(error)", path: display))
            }
        }
        for name in Self.pageTemplates where library.getTemplate(named: name) == nil && !broken.contains(name) && !files.isEmpty {
            problems.append(.error("missing template \(name).mustache: every page kind needs one", path: "templates/\(name).mustache"))
        }
        if files.isEmpty {
            problems.append(.error("no templates found: copy the repository's templates/ folder here", path: "templates"))
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        self.library = library
        self.fixedIds = ids
    }

    /// What a Mustache parse error means for someone editing a template.
    static func explain(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "template does not parse: \(error)" }
        switch error {
        case .expectedSectionEnd:
            return "a section opened with `{{#name}}` or `{{^name}}` is not closed: add `{{/name}}`"
        case .sectionCloseNameIncorrect:
            return "`{{/…}}` closes a different section than the one open: the names must match"
        case .unfinishedName:
            return "a tag is not finished: close it with `}}`"
        default:
            return "template does not parse: \(error)"
        }
    }

    /// Renders a page template, then the layout around it. Every list `x` at the top of the
    /// context also gets a flag `hasX`, so templates can wrap a list in a heading only when it has entries.
    public func render(_ template: String, context: [String: Any]) -> String {
        var context = context
        for (key, value) in context {
            guard let list = value as? [Any], let first = key.first else { continue }
            context["has" + first.uppercased() + key.dropFirst()] = !list.isEmpty
        }
        context["content"] = library.render(context, withTemplate: template) ?? ""
        return library.render(context, withTemplate: "layout") ?? ""
    }
}
