/// Writes blocks as Markdown whose rendering is exactly the text: every character Markdown
/// would read as syntax is escaped.
public enum MarkdownWriter {
    public static func markdown(_ blocks: [Block]) -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                parts.append(String(repeating: "#", count: max(1, min(6, level))) + " " + escape(text))
            case .paragraph(let text, let lead):
                if let lead, text.hasPrefix(lead), !lead.isEmpty {
                    // The closing ** goes before the full stop: CommonMark does not close
                    // emphasis between a punctuation mark and a following letter.
                    parts.append("**" + escape(lead) + "**" + escape(String(text.dropFirst(lead.count)), atStart: false))
                } else {
                    parts.append(escape(text))
                }
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The text as plain words, for tagging, summaries and duplicate detection.
    public static func plainText(_ blocks: [Block]) -> String {
        blocks.map(\.text).joined(separator: "\n")
    }

    static let escaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "~", "|", "$"]
    /// Indexed by ASCII byte: whether it takes a backslash.
    private static let escapedBytes: [Bool] = (0..<128).map { byte in escaped.contains { $0.asciiValue == UInt8(byte) } }

    /// Escapes Markdown syntax in one line of text.
    public static func escape(_ text: String, atStart: Bool = true) -> String {
        var out = ""
        var chars = text[...]
        if atStart {
            // Block syntax only matters at the start of a line: # headings, lists, quotes, rules.
            if let first = chars.first, "#+-=".contains(first) {
                out.append("\\")
                out.append(first)
                chars = chars.dropFirst()
            } else {
                let digits = chars.prefix(while: { $0.isASCII && $0.isNumber })
                if !digits.isEmpty, digits.count <= 9, let next = chars.dropFirst(digits.count).first, next == "." || next == ")" {
                    out.append(contentsOf: digits)
                    out.append("\\")
                    out.append(next)
                    chars = chars.dropFirst(digits.count + 1)
                }
            }
        }
        // By bytes: every character that needs a backslash is ASCII. Most lines have none, and
        // are then used as they are.
        let needsEscape: (UInt8) -> Bool = { $0 < 0x80 && escapedBytes[Int($0)] }
        let escapes = chars.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsEscape) } ?? chars.utf8.contains(where: needsEscape)
        guard escapes else {
            if out.isEmpty && chars.startIndex == text.startIndex { return text }
            out += chars
            return out
        }
        out.reserveCapacity(text.utf8.count + 8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(chars.utf8.count + 8)
        for byte in chars.utf8 {
            if byte < 0x80, escapedBytes[Int(byte)] { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        out += String(decoding: bytes, as: UTF8.self)
        return out
    }
}
