import Foundation
import Yams

/// Reads and writes a report file: YAML front matter between `---` lines, then the Markdown body.
public enum ReportFile {
    /// The keys policykb interprets, in the order `serialize` writes them.
    public static let knownKeys = [
        "title", "slug", "date", "genre", "source", "author", "collection", "origin",
        "tags", "regions", "places", "summary",
    ]

    /// Parses a report file. Every problem in the file is collected and thrown together as
    /// `Diagnostics`, each with its line and column counted in the file (front matter included).
    public static func parse(_ text: String, path: String) throws(Diagnostics) -> Report {
        let split: (yaml: String, body: String)
        do {
            split = try splitFrontMatter(text, path: path)
        } catch {
            throw Diagnostics([error])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: split.yaml)
        } catch {
            throw Diagnostics([diagnostic(for: error, path: path)])
        }
        guard let mapping = root?.mapping else {
            let line = root?.mark.map { $0.line + 1 } ?? 2
            throw Diagnostics([.error(
                "front matter must be a mapping of keys to values (for example `title: 报告标题`)",
                path: path, line: line, column: 1)])
        }
        var reader = FrontMatterReader(path: path)
        let report = reader.read(mapping, body: split.body)
        guard let report, reader.diagnostics.isEmpty else {
            throw Diagnostics(reader.diagnostics)
        }
        return report
    }

    /// Writes a report as front matter and body. The output is deterministic: the same report
    /// always gives the same bytes, and `parse` reads it back to an equal report.
    public static func serialize(_ report: Report) -> String {
        var pairs: [(Node, Node)] = []
        func add(_ key: String, _ value: String?) {
            if let value { pairs.append((Node(key), scalar(value))) }
        }
        func add(_ key: String, _ values: [String]) {
            if !values.isEmpty {
                pairs.append((Node(key), Node.sequence(.init(values.map(scalar)))))
            }
        }
        add("title", report.title)
        add("slug", report.slug)
        if let date = report.date {
            // Unquoted, as people write dates by hand; `parse` reads it back as text.
            pairs.append((Node("date"), Node.scalar(.init(date.description, Tag(.str), .plain))))
        }
        add("genre", report.genre)
        add("source", report.source)
        add("author", report.author)
        add("collection", report.collection)
        add("origin", report.origin)
        add("tags", report.tags)
        add("regions", report.regions)
        add("places", report.places)
        add("summary", report.summary)
        for (key, value) in report.extra {
            pairs.append((Node(key), node(for: value)))
        }
        let yaml = (try? Yams.serialize(node: .mapping(.init(pairs)), width: -1, allowUnicode: true)) ?? ""
        var body = report.body
        if !body.hasSuffix("\n") { body += "\n" }
        return "---\n" + yaml + "---\n\n" + body
    }

    // MARK: - Splitting

    static func splitFrontMatter(_ text: String, path: String) throws(Diagnostic) -> (yaml: String, body: String) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            throw .error(
                "no front matter: a report starts with a line `---`, then YAML such as `title: 报告标题`, then `---`",
                path: path, line: 1, column: 1)
        }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" || $0 == "..." }) else {
            throw .error(
                "front matter is not closed: add a line `---` after the last key",
                path: path, line: 1, column: 1)
        }
        let yaml = lines[..<end].joined(separator: "\n")
        var bodyLines = lines[(end + 1)...]
        while let first = bodyLines.first, first.trimmingCharacters(in: .whitespaces).isEmpty {
            bodyLines.removeFirst()
        }
        return (yaml, bodyLines.joined(separator: "\n"))
    }

    // MARK: - Errors from YAML

    /// Front matter starts on the file's second line, so YAML's line numbers move down by one.
    static func diagnostic(for error: Error, path: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error("cannot read front matter: \(error)", path: path, line: 2)
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "invalid YAML in front matter: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + 1))" }
            message += "; check indentation and quotes"
            return .error(message, path: path, line: mark.line + 1, column: mark.column)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.joined(separator: ", ")
            return .error(
                "duplicate key in front matter: \(keys); keep one of them",
                path: path, line: context.mark.line + 1, column: context.mark.column)
        default:
            return .error("invalid YAML in front matter: \(yamlError)", path: path, line: 2)
        }
    }

    // MARK: - Nodes

    private static func scalar(_ value: String) -> Node {
        // Quote what YAML would otherwise read as a number, boolean, null or date.
        let typed = Resolver.default.resolveTag(of: Node(value)) != .str
        let style: Node.Scalar.Style = value.isEmpty || typed ? .doubleQuoted : .any
        return Node.scalar(.init(value, Tag(.str), style))
    }

    private static func node(for value: FrontMatterValue) -> Node {
        switch value {
        case .string(let s): return scalar(s)
        case .list(let items): return .sequence(.init(items.map(node(for:))))
        case .map(let map):
            return .mapping(.init(map.keys.sorted().map { (Node($0), node(for: map[$0]!)) }))
        case .null: return Node("null", Tag(.null))
        }
    }
}
