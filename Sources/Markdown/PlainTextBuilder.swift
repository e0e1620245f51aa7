/// Gathers a document's plain text from its text nodes, in UTF-8, one block per line:
/// `CMarkTree.plainText`'s rules.
///
/// - A soft break becomes a space, except between two characters that are not both ASCII (a
///   line broken between two Chinese characters joins them, as the reader would).
/// - Each line is trimmed of spaces, tabs, line ends and the ideographic space; empty lines go.
/// - A code block gives one line per line of its text.
///
/// The rules speak of characters (grapheme clusters), as `String` sees them; the builder works on
/// bytes, which is what makes it quick, and asks `String` only where bytes cannot tell: where a
/// character that is not ASCII or a common Chinese character stands next to a break or a trimmed
/// space (it might combine with it), and where a carriage return is (`\r\n` is one character).
/// Every result is the one the same rules give on `String`s, character by character.
struct PlainTextBuilder {
    private var output: [UInt8] = []
    private var line: [UInt8] = []
    private var pendingBreak = false

    init() {
        output.reserveCapacity(16_384)
        line.reserveCapacity(1_024)
    }

    /// A text or inline code node's literal.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        if pendingBreak, !line.isEmpty, !text.isEmpty, !(Self.lastIsASCII(line) && Self.firstIsASCII(text)) {
            line.append(contentsOf: text)
        } else if pendingBreak && !line.isEmpty {
            line.append(0x20)
            line.append(contentsOf: text)
        } else {
            line.append(contentsOf: text)
        }
        pendingBreak = false
    }

    mutating func softBreak() {
        pendingBreak = true
    }

    /// Ends the current line: a block ends, or a hard line break.
    mutating func endLine() {
        if let range = Self.trimmed(line) {
            if !range.isEmpty {
                if !output.isEmpty { output.append(0x0A) }
                output.append(contentsOf: line[range])
            }
        } else {
            let trimmed = String(decoding: line, as: UTF8.self).trimmingSpaces()
            if !trimmed.isEmpty {
                if !output.isEmpty { output.append(0x0A) }
                output.append(contentsOf: trimmed.utf8)
            }
        }
        line.removeAll(keepingCapacity: true)
        pendingBreak = false
    }

    /// A code block's literal: a line of its own for each of its lines.
    mutating func appendCode(_ text: UnsafeBufferPointer<UInt8>) {
        endLine()
        if text.contains(0x0D) {
            // `\r\n` is one character, not a line end for `split(separator: "\n")`.
            for codeLine in String(decoding: text, as: UTF8.self).split(separator: "\n") {
                var codeLine = String(codeLine)
                codeLine.withUTF8 { append($0) }
                endLine()
            }
            return
        }
        var start = 0
        for index in 0...text.count where index == text.count || text[index] == 0x0A {
            if index > start {
                append(UnsafeBufferPointer(rebasing: text[start..<index]))
                endLine()
            }
            start = index + 1
        }
    }

    /// The lines, joined by line ends.
    consuming func finish() -> String {
        endLine()
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - Characters from bytes

    /// Whether a lead byte starts a common Chinese character (U+4000–U+9FFF): never combining,
    /// never combined with.
    @inline(__always)
    static func isChineseLead(_ byte: UInt8) -> Bool {
        byte >= 0xE4 && byte <= 0xE9
    }

    /// Whether the last character of `bytes` (not empty) is ASCII.
    static func lastIsASCII(_ bytes: [UInt8]) -> Bool {
        let last = bytes[bytes.count - 1]
        guard last < 0x80 else { return false }
        // An ASCII byte after another is its own character or `\r\n`: ASCII either way. After
        // anything else it might belong to the character before it.
        guard bytes.count >= 2, bytes[bytes.count - 2] >= 0x80 else { return true }
        return String(decoding: bytes, as: UTF8.self).last!.isASCII
    }

    /// Whether the first character of `bytes` (not empty) is ASCII.
    static func firstIsASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes[0] < 0x80 else { return false }
        guard bytes.count >= 2, bytes[1] >= 0x80 else { return true }
        return String(decoding: bytes, as: UTF8.self).first!.isASCII
    }

    /// `bytes` without leading and trailing spaces, tabs, line ends and ideographic spaces; nil
    /// when bytes cannot tell (see the type's notes).
    static func trimmed(_ bytes: [UInt8]) -> Range<Int>? {
        let count = bytes.count
        func spaceLength(at index: Int) -> Int {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A: return 1
            case 0xE3 where index + 2 < count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: return 3
            default: return 0
            }
        }
        var start = 0
        while start < count {
            if bytes[start] == 0x0D { return nil }
            let length = spaceLength(at: start)
            if length == 0 { break }
            start += length
        }
        if start == count { return 0..<0 }
        // A character after a trimmed space that might combine with it.
        if start > 0 && bytes[start] >= 0x80 && !isChineseLead(bytes[start]) { return nil }
        var end = count
        while end > start {
            let last = bytes[end - 1]
            if last == 0x0D { return nil }
            if last == 0x20 || last == 0x09 || last == 0x0A {
                end -= 1
            } else if last == 0x80 && end - 3 >= start && bytes[end - 3] == 0xE3 && bytes[end - 2] == 0x80 {
                end -= 3
            } else {
                break
            }
        }
        if end < count && bytes[end - 1] >= 0x80 {
            // The kept text ends in a character that is not ASCII: one that might take the
            // trimmed space into it (a prepended mark) unless it is Chinese.
            var lead = end - 1
            while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            if !isChineseLead(bytes[lead]) { return nil }
        }
        return start..<end
    }
}
