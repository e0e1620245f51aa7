import Foundation

/// Reads the front matter policykb itself writes, without a YAML parser: `key: value` lines and
/// `- item` lists, values plain or in quotes without escapes. A build reads every report's front matter;
/// composing it with Yams cost about as much as rendering the report's page.
///
/// Anything outside that subset, and anything the full reader would report a problem in, gives
/// nil and the file goes through Yams and `FrontMatterReader` as before: a value this reads is
/// always the value YAML reads (tests compare the two on every kind of line).
enum PlainFrontMatter {
    /// The report, or nil when the full reader must read this front matter.
    static func read(_ yaml: String, body: String) -> Report? {
        var yaml = yaml
        return yaml.withUTF8 { read(bytes: $0, body: body) }
    }

    private static let listKeys: Set<String> = ["tags", "regions", "places"]

    private static func read(bytes: UnsafeBufferPointer<UInt8>, body: String) -> Report? {
        var report = Report(title: "", body: body)
        var seen: Set<String> = []
        var sawTitle = false
        var list: (key: String, items: [String], indent: Int?)?

        func finishList() {
            guard let (key, items, _) = list else { return }
            switch key {
            case "tags": report.tags = items
            case "regions": report.regions = items
            default: report.places = items
            }
            list = nil
        }

        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            if line.isEmpty { continue }
            guard line.allSatisfy(isPlainByte), isPrintable(line) else { return nil }

            // `- item` or `  - item`, in a list (every item at the same indentation).
            let indent = line.count >= 2 && line[0] == 0x20 && line[1] == 0x20 ? 2 : 0
            if line.count >= indent + 2, line[indent] == 0x2D, line[indent + 1] == 0x20 {
                guard list != nil, list!.indent == nil || list!.indent == indent,
                      let item = scalar(UnsafeBufferPointer(rebasing: line[(indent + 2)...])) else { return nil }
                let trimmed = item.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return nil }
                list!.items.append(trimmed)
                list!.indent = indent
                continue
            }
            finishList()

            // `key: value`, or `key:` opening a list.
            guard let colon = line.firstIndex(of: 0x3A), colon > 0, line[0] >= 0x61 && line[0] <= 0x7A,
                  line[..<colon].allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F })
            else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: line[..<colon]), as: UTF8.self)
            guard seen.insert(key).inserted else { return nil }
            if colon == line.count - 1 {
                guard listKeys.contains(key) else { return nil }
                list = (key, [], nil)
                continue
            }
            guard !listKeys.contains(key), line[colon + 1] == 0x20,
                  let value = scalar(UnsafeBufferPointer(rebasing: line[(colon + 2)...])) else { return nil }
            switch key {
            case "title":
                guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
                report.title = value
                sawTitle = true
            case "slug": report.slug = value
            case "date":
                guard let date = ReportDate(value) else { return nil }
                report.date = date
            case "genre": report.genre = value
            case "source": report.source = value
            case "author": report.author = value
            case "collection": report.collection = value
            case "origin": report.origin = value
            case "summary": report.summary = value
            default: report.extra.append((key, .string(value)))
            }
        }
        // A list key with no items is YAML's null: the full reader decides.
        if let list, list.items.isEmpty { return nil }
        finishList()
        return sawTitle ? report : nil
    }

    /// A value: `"text"` with no escapes, `'text'` (`''` for a quote), or plain text that YAML
    /// reads as exactly itself.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = bytes.first, let last = bytes.last else { return nil }
        if first == 0x22 {
            // Double quotes: no backslash (escapes) and no other quote inside.
            guard bytes.count >= 2, last == 0x22,
                  !bytes.dropFirst().dropLast().contains(where: { $0 == 0x22 || $0 == 0x5C }) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<(bytes.count - 1)]), as: UTF8.self)
        }
        if first == 0x27 {
            // Single quotes: `''` stands for one quote, and there are no other escapes.
            guard bytes.count >= 2, last == 0x27 else { return nil }
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count - 2)
            var index = 1
            while index < bytes.count - 1 {
                if bytes[index] == 0x27 {
                    guard index + 1 < bytes.count - 1, bytes[index + 1] == 0x27 else { return nil }
                    index += 1
                }
                text.append(bytes[index])
                index += 1
            }
            return String(decoding: text, as: UTF8.self)
        }
        // Plain: no indicator first, no space at either end, no `: ` or ` #` inside, no `:` last.
        guard !plainIndicators.contains(first), first != 0x20, last != 0x20, last != 0x3A else { return nil }
        for index in 1..<bytes.count {
            if bytes[index - 1] == 0x3A && bytes[index] == 0x20 { return nil }
            if bytes[index - 1] == 0x20 && bytes[index] == 0x23 { return nil }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // YAML's null (the basic resolver reads every other plain value as text).
        guard !["~", "null", "Null", "NULL"].contains(text) else { return nil }
        return text
    }

    /// `- ? : , [ ] { } # & * ! | > ' " % @` and the backquote: a plain value starting with one
    /// is something else in YAML (or reserved).
    private static let plainIndicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

    /// No tab, no control character, no DEL.
    private static func isPlainByte(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != 0x7F
    }

    /// No C1 control (NEL is a line break to YAML 1.1), no U+2028 or U+2029 (line breaks too),
    /// no byte-order mark, no U+FFFE or U+FFFF: YAML's printable set, as far as these lines go.
    private static func isPrintable(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < line.count {
            switch line[index] {
            case 0xC2 where index + 1 < line.count && (0x80...0x9F).contains(line[index + 1]):
                return false
            case 0xE2 where index + 2 < line.count && line[index + 1] == 0x80 && (line[index + 2] == 0xA8 || line[index + 2] == 0xA9):
                return false
            case 0xEF where index + 2 < line.count
                && ((line[index + 1] == 0xBB && line[index + 2] == 0xBF) || (line[index + 1] == 0xBF && line[index + 2] >= 0xBE)):
                return false
            default:
                break
            }
            index += 1
        }
        return true
    }
}
