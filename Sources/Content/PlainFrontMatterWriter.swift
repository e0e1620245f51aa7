import Yams

/// Writes a report's front matter without YAML's emitter, byte for byte as `Yams.serialize` (libyaml)
/// would: `key: value` lines and block lists (`- item`), each value plain, in single quotes where
/// libyaml does not allow it plain, or in double quotes where YAML would read it as a number,
/// boolean, null or date. Ingest writes every report this way;
/// building the node tree and running libyaml's emitter was about 7 % of ingest's time.
///
/// A front matter with any value outside what this is sure of (a value libyaml would escape or
/// break, nested maps, empty lists, long keys) gives nil, and `ReportFile.serialize` uses Yams as
/// before: tests compare the two on every kind of value.
enum PlainFrontMatterWriter {
    /// The front matter's YAML (without the `---` lines), or nil when Yams must write it.
    static func yaml(_ report: Report) -> String? {
        var out = ""
        out.reserveCapacity(512 + report.title.utf8.count + (report.summary?.utf8.count ?? 0))
        func add(_ key: String, _ value: String?) -> Bool {
            guard let value else { return true }
            return entry(key, value, into: &out)
        }
        func add(_ key: String, _ values: [String]) -> Bool {
            values.isEmpty || list(key, values.map(FrontMatterValue.string), into: &out)
        }
        guard add("title", report.title), add("slug", report.slug) else { return nil }
        if let date = report.date {
            // Written plain whatever it looks like, as `serialize` asks of Yams.
            guard let text = plainOrSingleQuoted(date.description) else { return nil }
            out += "date: " + text + "\n"
        }
        guard add("genre", report.genre), add("source", report.source), add("author", report.author),
              add("collection", report.collection), add("origin", report.origin),
              add("tags", report.tags), add("regions", report.regions), add("places", report.places),
              add("summary", report.summary)
        else { return nil }
        for (key, value) in report.extra {
            switch value {
            case .string(let text):
                guard entry(key, text, into: &out) else { return nil }
            case .null:
                guard isPlainKey(key) else { return nil }
                out += key + ": null\n"
            case .list(let items) where !items.isEmpty:
                guard list(key, items, into: &out) else { return nil }
            default:
                return nil
            }
        }
        return out
    }

    // MARK: - Entries

    private static func entry(_ key: String, _ value: String, into out: inout String) -> Bool {
        guard isPlainKey(key), let written = scalar(value) else { return false }
        out += key + ": " + written + "\n"
        return true
    }

    /// A block list under its key, unindented, as libyaml writes a list in a mapping.
    private static func list(_ key: String, _ items: [FrontMatterValue], into out: inout String) -> Bool {
        guard isPlainKey(key) else { return false }
        out += key + ":\n"
        for item in items {
            switch item {
            case .string(let text):
                guard let written = scalar(text) else { return false }
                out += "- " + written + "\n"
            case .null:
                out += "- null\n"
            default:
                return false
            }
        }
        return true
    }

    /// A string value as libyaml writes it for `ReportFile`'s scalar nodes, or nil when unsure.
    static func scalar(_ value: String) -> String? {
        if value.isEmpty { return "\"\"" }
        if mayBeTyped(value), Resolver.default.resolveTag(of: Node(value)) != .str {
            // Double quotes, which need no escape for printable ASCII other than `"` and `\`.
            guard value.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E && $0 != 0x22 && $0 != 0x5C }) else { return nil }
            return "\"" + value + "\""
        }
        return plainOrSingleQuoted(value)
    }

    /// Keys are written plain: a key libyaml takes as a simple key (at most 128 bytes) and writes plain.
    private static func isPlainKey(_ key: String) -> Bool {
        key.utf8.count <= 128 && plainAllowed(key) == true
    }

    /// False only when no rule of YAML's default resolver (bool, int, float, merge, null,
    /// timestamp, value) can match: text with a scalar outside ASCII, text starting with a
    /// character none of them starts with, or a letter and six characters or more (the longest
    /// boolean or null word has five).
    static func mayBeTyped(_ value: String) -> Bool {
        guard ReportFile.mayResolveAsNonString(value), let first = value.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
            return true
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return value.utf8.count < 6
        default:
            return false
        }
    }

    /// Whether libyaml writes this text plain in a block mapping or list (its scalar analysis):
    /// true, false (it writes it in single quotes), or nil when the text holds what it escapes or
    /// breaks lines at (a scalar it does not count printable, or a line break).
    static func plainAllowed(_ value: String) -> Bool? {
        let scalars = Array(value.unicodeScalars)
        guard !scalars.isEmpty, scalars.allSatisfy(isPrintable) else { return nil }
        var allowed = !(value.hasPrefix("---") || value.hasPrefix("..."))
        // The text's end counts as white space after its last scalar.
        func followedBySpace(_ k: Int) -> Bool { k + 1 == scalars.count || scalars[k + 1] == " " }
        for (k, scalar) in scalars.enumerated() {
            if k == 0 {
                if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(scalar) { allowed = false }
                if "?:-".unicodeScalars.contains(scalar) && followedBySpace(k) { allowed = false }
            } else {
                if scalar == ":" && followedBySpace(k) { allowed = false }
                if scalar == "#" && scalars[k - 1] == " " { allowed = false }
            }
        }
        if scalars.first == " " || scalars.last == " " { allowed = false }
        return allowed
    }

    /// Plain where libyaml allows it, else in single quotes (a quote doubled), as libyaml writes
    /// printable text without line breaks; nil for anything else.
    static func plainOrSingleQuoted(_ value: String) -> String? {
        guard let plain = plainAllowed(value) else { return nil }
        return plain ? value : "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// libyaml's IS_PRINTABLE, line breaks excluded: U+0020–U+007E, U+00A0–U+D7FF but U+2028 and
    /// U+2029, U+E000–U+FFFD but U+FEFF. (Tabs, U+0085 and scalars beyond U+FFFF are not.)
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0xA0...0xD7FF: return scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        default: return false
        }
    }
}
