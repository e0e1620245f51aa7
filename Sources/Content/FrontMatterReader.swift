import Yams

/// Turns a front-matter mapping into a `Report`, collecting a diagnostic for every bad value.
struct FrontMatterReader {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    mutating func read(_ mapping: Node.Mapping, body: String) -> Report? {
        var report = Report(title: "", body: body)
        var sawTitle = false
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                error("front matter keys must be text", at: keyNode)
                continue
            }
            switch key {
            case "title":
                if let title = string(value, key: key) {
                    if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        error("`title` is empty: give the report its title", at: value)
                    } else {
                        report.title = title
                        sawTitle = true
                    }
                }
            case "slug": report.slug = string(value, key: key)
            case "date":
                if let text = string(value, key: key) {
                    if let date = ReportDate(text) {
                        report.date = date
                    } else {
                        error("`date: \(text)` is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (for example 2023-12-28)", at: value)
                    }
                }
            case "genre": report.genre = string(value, key: key)
            case "source": report.source = string(value, key: key)
            case "author": report.author = string(value, key: key)
            case "collection": report.collection = string(value, key: key)
            case "origin": report.origin = string(value, key: key)
            case "summary": report.summary = string(value, key: key)
            case "tags": report.tags = list(value, key: key)
            case "regions": report.regions = list(value, key: key)
            case "places": report.places = list(value, key: key)
            default: report.extra.append((key, FrontMatterReader.value(of: value)))
            }
        }
        if !sawTitle && !diagnostics.contains(where: { $0.message.hasPrefix("`title`") }) {
            diagnostics.append(.error(
                "missing `title`: add a line such as `title: 关于乡镇培育新质生产力的调研报告` to the front matter",
                path: path, line: 1, column: 1))
        }
        return diagnostics.isEmpty ? report : nil
    }

    // MARK: - Values

    private mutating func string(_ node: Node, key: String) -> String? {
        switch node {
        case .scalar(let scalar):
            if FrontMatterReader.isNull(scalar) {
                return nil
            }
            return scalar.string
        case .sequence:
            error("`\(key)` must be a single value, not a list", at: node)
        case .mapping:
            error("`\(key)` must be a single value, not a mapping", at: node)
        case .alias:
            error("`\(key)` must be a single value", at: node)
        }
        return nil
    }

    private mutating func list(_ node: Node, key: String) -> [String] {
        switch node {
        case .sequence(let sequence):
            var items: [String] = []
            for item in sequence {
                if let text = item.scalar?.string {
                    let trimmed = text.trimmingCharacters(in: .whitespaces)
                    if !trimmed.isEmpty { items.append(trimmed) }
                } else {
                    error("each entry of `\(key)` must be a name", at: item)
                }
            }
            return items
        case .scalar(let scalar) where FrontMatterReader.isNull(scalar):
            return []
        case .scalar(let scalar):
            error("`\(key)` must be a list: write `\(key): [\(scalar.string)]` or one `- \(scalar.string)` per line", at: node)
        default:
            error("`\(key)` must be a list of names", at: node)
        }
        return []
    }

    private mutating func error(_ message: String, at node: Node) {
        let mark = node.mark
        diagnostics.append(.error(message, path: path, line: mark.map { $0.line + 1 }, column: mark?.column))
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func value(of node: Node) -> FrontMatterValue {
        switch node {
        case .scalar(let scalar):
            return isNull(scalar) ? .null : .string(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map(value(of:)))
        case .mapping(let mapping):
            var map: [String: FrontMatterValue] = [:]
            for (key, item) in mapping { map[key.string ?? ""] = value(of: item) }
            return .map(map)
        case .alias:
            return .null
        }
    }
}
