import Foundation
import Yams

/// Finds where values sit in a report's front matter, so a diagnostic about a tag or a region
/// points at its own line. `ReportFile.parse` gives values only; this reads the same YAML for marks.
struct FrontMatterLocator {
    struct Location: Equatable {
        var line: Int
        var column: Int
    }

    private var keys: [String: Location] = [:]
    private var values: [String: Location] = [:]
    private var items: [String: [(value: String, location: Location)]] = [:]

    init(text: String) {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix("---") || first.hasPrefix("\u{FEFF}---") else { return }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" || $0 == "..." }),
              let node = try? Yams.compose(yaml: lines[..<end].joined(separator: "\n"), .default, .default, .utf8),
              let mapping = node.mapping
        else { return }
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            keys[key] = Self.location(of: keyNode)
            values[key] = Self.location(of: value)
            if let sequence = value.sequence {
                items[key] = sequence.compactMap { item in
                    item.string.map { ($0.trimmingCharacters(in: .whitespaces), Self.location(of: item)) }
                }
            }
        }
    }

    /// Where `key:` is written; line 1 when unknown.
    func location(ofKey key: String) -> Location {
        keys[key] ?? Location(line: 1, column: 1)
    }

    /// Where a key's value starts; the key's place when unknown.
    func location(ofValue key: String) -> Location {
        values[key] ?? location(ofKey: key)
    }

    /// Where a list entry is written (`tags`, `regions`); the key's line when not found.
    func location(of value: String, in key: String) -> Location {
        items[key]?.first(where: { $0.value == value })?.location ?? location(ofKey: key)
    }

    /// Front matter starts on the file's second line; Yams counts lines from 1 within it.
    private static func location(of node: Node) -> Location {
        Location(line: (node.mark?.line ?? 0) + 1, column: node.mark?.column ?? 1)
    }
}
