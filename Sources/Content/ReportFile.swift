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
        try parse(text, path: path, withBody: true).report
    }

    /// The front matter alone (the report's body left empty), and where the body starts in the
    /// text's UTF-8 when the file needed no rewriting (no byte-order mark, no `\r\n`). A build
    /// reads every report's front matter but renders the body later, from the file.
    public static func parseFrontMatter(_ text: String, path: String) throws(Diagnostics) -> (report: Report, bodyOffset: Int?) {
        try parse(text, path: path, withBody: false)
    }

    /// `plainFirst` false reads every front matter with Yams (tests compare the two readers).
    static func parse(_ text: String, path: String, withBody: Bool, plainFirst: Bool = true) throws(Diagnostics)
        -> (report: Report, bodyOffset: Int?)
    {
        let split: (yaml: String, body: String, bodyOffset: Int?)
        do {
            split = try frontMatterParts(text, path: path, withBody: withBody)
        } catch {
            throw Diagnostics([error])
        }
        // The front matter policykb writes is read without YAML's machinery; anything else, and
        // anything with a problem, goes through Yams below.
        if plainFirst, let report = PlainFrontMatter.read(split.yaml, body: split.body) { return (report, split.bodyOffset) }
        let root: Node?
        do {
            // Every value is read as text (dates too), so no scalar needs its type resolved: the
            // basic resolver spares a regular expression per key when duplicates are checked.
            root = try Yams.compose(yaml: split.yaml, .basic, .default, .utf8)
        } catch {
            throw Diagnostics([diagnostic(for: error, path: path, yaml: split.yaml)])
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
        return (report, split.bodyOffset)
    }

    /// Writes a report as front matter and body. The output is deterministic: the same report
    /// always gives the same bytes, and `parse` reads it back to an equal report.
    public static func serialize(_ report: Report) -> String {
        let yaml = PlainFrontMatterWriter.yaml(report) ?? yamsFrontMatter(report)
        var body = report.body
        if !body.hasSuffix("\n") { body += "\n" }
        return "---\n" + yaml + "---\n\n" + body
    }

    /// The front matter as Yams writes it: what `PlainFrontMatterWriter` must match.
    static func yamsFrontMatter(_ report: Report) -> String {
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
        return (try? Yams.serialize(node: .mapping(.init(pairs)), width: -1, allowUnicode: true)) ?? ""
    }

    // MARK: - Splitting

    /// The YAML between the `---` lines and the body after them (blank lines at its start dropped),
    /// with a byte-order mark removed and Windows line endings made `\n`. Works on the UTF-8
    /// bytes: a report is read on every build.
    static func splitFrontMatter(_ text: String, path: String) throws(Diagnostic) -> (yaml: String, body: String) {
        let parts = try frontMatterParts(text, path: path, withBody: true)
        return (parts.yaml, parts.body)
    }

    /// The YAML, the body (empty unless `withBody`), and the body's offset in `text`'s UTF-8
    /// when the text was not rewritten.
    private static func frontMatterParts(_ text: String, path: String, withBody: Bool) throws(Diagnostic)
        -> (yaml: String, body: String, bodyOffset: Int?)
    {
        var text = text
        var rewritten = false
        if text.hasPrefix("\u{FEFF}") {
            text.removeFirst()
            rewritten = true
        }
        text.makeContiguousUTF8()
        if text.utf8.withContiguousStorageIfAvailable({ !$0.isEmpty && memchr($0.baseAddress!, 0x0D, $0.count) != nil }) == true {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
            text.makeContiguousUTF8()
            rewritten = true
        }
        let result = text.utf8.withContiguousStorageIfAvailable { bytes in
            Result { () throws(Diagnostic) in
                let (yaml, bodyStart) = try split(bytes, path: path)
                let body = withBody ? String(decoding: UnsafeBufferPointer(rebasing: bytes[bodyStart...]), as: UTF8.self) : ""
                return (yaml, body, rewritten ? nil : bodyStart)
            }
        }
        return try result!.get()
    }

    /// The YAML and where the body starts.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(Diagnostic) -> (yaml: String, bodyStart: Int) {
        // Lines as byte ranges, without their `\n`.
        func lineEnd(from start: Int) -> Int {
            var index = start
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            return index
        }
        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        func hasNonASCII(_ start: Int, _ end: Int) -> Bool {
            (start..<end).contains { bytes[$0] >= 0x80 }
        }
        /// White space only, as `trimmingCharacters(in: .whitespaces)` sees it (ideographic spaces too).
        func isBlank(_ start: Int, _ end: Int) -> Bool {
            var index = start
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            if index == end { return true }
            // Other white space starts with one of these lead bytes (U+00A0, U+1680, U+2000…, U+3000).
            guard [0xC2, 0xE1, 0xE2, 0xE3].contains(bytes[index]) else { return false }
            return string(start, end).trimmingCharacters(in: .whitespaces).isEmpty
        }
        func isFence(_ start: Int, _ end: Int, allowDots: Bool) -> Bool {
            var s = start
            var e = end
            while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
            while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
            if e - s == 3, bytes[s] == 0x2D, bytes[s + 1] == 0x2D, bytes[s + 2] == 0x2D { return true }
            if allowDots && end - start == 3 && bytes[start] == 0x2E && bytes[start + 1] == 0x2E && bytes[start + 2] == 0x2E { return true }
            // `---` between other white space (ideographic spaces): rare, so checked the slow way,
            // and only for a line whose bytes hold `---` (a `String`'s `contains` goes through
            // Foundation's string search, which cost more than the rest of the split).
            guard e - s < 64, hasNonASCII(s, e), (s..<max(s, e - 2)).contains(where: {
                bytes[$0] == 0x2D && bytes[$0 + 1] == 0x2D && bytes[$0 + 2] == 0x2D
            }) else { return false }
            return string(start, end).trimmingCharacters(in: .whitespaces) == "---"
        }
        let firstEnd = lineEnd(from: 0)
        guard isFence(0, firstEnd, allowDots: false) else {
            throw .error(
                "no front matter: a report starts with a line `---`, then YAML such as `title: 报告标题`, then `---`",
                path: path, line: 1, column: 1)
        }
        let yamlStart = min(bytes.count, firstEnd + 1)
        var start = yamlStart
        while true {
            guard start < bytes.count else {
                throw .error("front matter is not closed: add a line `---` after the last key", path: path, line: 1, column: 1)
            }
            let end = lineEnd(from: start)
            if isFence(start, end, allowDots: true) {
                let yaml = start > yamlStart ? string(yamlStart, start - 1) : ""
                // Blank (white-space only) lines after the fence are not part of the body.
                var bodyStart = min(bytes.count, end + 1)
                while bodyStart < bytes.count {
                    let lineEndIndex = lineEnd(from: bodyStart)
                    guard isBlank(bodyStart, lineEndIndex) else { break }
                    bodyStart = min(bytes.count, lineEndIndex + 1)
                }
                return (yaml, bodyStart)
            }
            start = end + 1
        }
    }

    // MARK: - Errors from YAML

    /// Front matter starts on the file's second line, so YAML's line numbers move down by one.
    static func diagnostic(for error: Error, path: String, yaml: String = "") -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error("cannot read front matter: \(error)", path: path, line: 2)
        }
        switch yamlError {
        case let .scanner(context?, problem, _, _) where problem.contains("end of stream") && context.text.contains("quoted scalar"):
            // Where the quote opens, not where the file ends.
            return .error(
                "a quoted value is not closed: end it with the same quote mark on its line",
                path: path, line: context.mark.line + 1, column: context.mark.column)
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "invalid YAML in front matter: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + 1))" }
            message += "; check indentation and quotes"
            return .error(message, path: path, line: mark.line + 1, column: mark.column)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.joined(separator: ", ")
            // At the key written a second time, when it is a top-level key of the front matter.
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let repeats = lines.indices.filter { index in
                duplicates.contains { lines[index].hasPrefix($0 + ":") || lines[index].hasPrefix("\"\($0)\":") }
            }
            let line = repeats.count >= 2 ? repeats[1] + 2 : context.mark.line + 1
            return .error(
                "duplicate key in front matter: \(keys); keep one of them",
                path: path, line: line, column: repeats.count >= 2 ? 1 : context.mark.column)
        default:
            return .error("invalid YAML in front matter: \(yamlError)", path: path, line: 2)
        }
    }

    // MARK: - Nodes

    private static func scalar(_ value: String) -> Node {
        // Quote what YAML would otherwise read as a number, boolean, null or date.
        let typed = mayResolveAsNonString(value) && Resolver.default.resolveTag(of: Node(value)) != .str
        let style: Node.Scalar.Style = value.isEmpty || typed ? .doubleQuoted : .any
        return Node.scalar(.init(value, Tag(.str), style))
    }

    /// False when no rule of YAML's default resolver can match: each is an anchored pattern of
    /// ASCII characters whose `$` may stand before one final line break, so text with any other
    /// scalar (all Chinese text) is a string without running the seven regular expressions.
    static func mayResolveAsNonString(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { $0.isASCII || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
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
