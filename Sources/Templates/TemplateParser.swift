/// Reads a template's UTF-8 bytes into nodes, line by line, the way swift-mustache does, so that
/// whitespace around tags comes out the same.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parseAll() throws(TemplateError) -> [Template.Node] {
        try parse(section: nil, newLine: true)
    }

    // MARK: - Lines and tags

    /// Nodes up to the end of the text, or up to the `{{/name}}` closing `section`.
    private mutating func parse(section: (name: String, at: Int)?, newLine startsOnNewLine: Bool) throws(TemplateError) -> [Template.Node] {
        var nodes: [Template.Node] = []
        var newLine = startsOnNewLine
        var whitespace: [UInt8] = []
        func flushWhitespace() {
            if !whitespace.isEmpty { nodes.append(.text(whitespace)) }
            whitespace = []
        }
        while position < bytes.count {
            if newLine {
                let start = position
                while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
                whitespace = Array(bytes[start..<position])
            }
            let (text, foundTag) = readText()
            if let ending = lineEnding(at: position), !foundTag {
                nodes.append(.text(whitespace + text + bytes[position..<(position + ending)]))
                whitespace = []
                position += ending
                newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespace + text))
                whitespace = []
                newLine = false
            }
            guard foundTag, position < bytes.count else { break }
            let tagStart = position - open.count
            var standalone = false
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let name = try readName(tagStart)
                standalone = finishesLine(newLine)
                if !standalone { flushWhitespace() }
                let body = try parse(section: (name, tagStart), newLine: newLine && standalone)
                nodes.append(.section(path: Self.path(name), inverted: inverted, body: body))
            case UInt8(ascii: "/"):
                position += 1
                let nameStart = position
                let name = try readName(tagStart)
                guard let section, name == section.name else {
                    position = nameStart
                    if let section {
                        throw error("`{{/\(name)}}` closes a section that is not open: the open one is `\(section.name)`", at: tagStart)
                    }
                    throw error("`{{/\(name)}}` closes a section that is not open", at: tagStart)
                }
                if !finishesLine(newLine) { flushWhitespace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                guard let end = find(close, from: position) else {
                    throw error("a comment is not closed: end it with `\(String(decoding: close, as: UTF8.self))`", at: tagStart)
                }
                position = end + close.count
                standalone = finishesLine(newLine)
            case UInt8(ascii: "{"):
                flushWhitespace()
                position += 1
                let name = try readName(tagStart)
                guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                    throw error("a tag is not finished: close `{{{` with `}}}`", at: tagStart)
                }
                position += 1
                nodes.append(.variable(path: Self.path(name), escaped: false))
            case UInt8(ascii: "&"):
                flushWhitespace()
                position += 1
                nodes.append(.variable(path: Self.path(try readName(tagStart)), escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "*") {
                    throw error("dynamic partials (`{{>*name}}`) are not supported", at: tagStart)
                }
                let name = try readName(tagStart, partial: true)
                let indentation = whitespace
                flushWhitespace()
                standalone = finishesLine(newLine)
                nodes.append(.partial(name: name, indentation: standalone ? indentation : nil))
            case UInt8(ascii: "="):
                position += 1
                try setDelimiters(tagStart)
                standalone = finishesLine(newLine)
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw error("template inheritance (`{{<…}}`, `{{$…}}`) is not supported: use partials", at: tagStart)
            case UInt8(ascii: "%"):
                throw error("pragmas (`{{%…}}`) are not supported", at: tagStart)
            default:
                flushWhitespace()
                nodes.append(.variable(path: Self.path(try readName(tagStart)), escaped: true))
            }
            newLine = standalone
        }
        if let section {
            throw error("section `{{#\(section.name)}}` is not closed: add `{{/\(section.name)}}`", at: section.at)
        }
        return nodes
    }

    /// Text up to the next opening delimiter (consumed; `true`) or line ending (not consumed).
    private mutating func readText() -> (text: [UInt8], foundTag: Bool) {
        let start = position
        while position < bytes.count {
            if lineEnding(at: position) != nil {
                return (Array(bytes[start..<position]), false)
            }
            if matches(open, at: position) {
                let text = Array(bytes[start..<position])
                position += open.count
                return (text, true)
            }
            position += 1
        }
        return (Array(bytes[start..<position]), false)
    }

    /// The length of the line ending at `index` that ends text lines: `\n` or `\r\n`.
    private func lineEnding(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x0A { return 1 }
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { return 2 }
        return nil
    }

    /// A tag that began on a fresh line stands alone when only spaces or tabs follow it to the end
    /// of its line (or of the text); that rest of the line, ending included, is then consumed.
    private mutating func finishesLine(_ newLine: Bool) -> Bool {
        guard newLine else { return false }
        if position >= bytes.count { return true }
        var index = position
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard let ending = newlineLength(at: index) else { return false }
        position = index + ending
        return true
    }

    /// Any character Swift counts as a line break (`Character.isNewline`), for standalone tags.
    private func newlineLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case 0x0A, 0x0B, 0x0C: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return 2
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9): return 3
        default: return nil
        }
    }

    // MARK: - Names and delimiters

    private static let nameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*".utf8)

    /// A tag's name, then the closing delimiter.
    private mutating func readName(_ tagStart: Int, partial: Bool = false) throws(TemplateError) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.nameBytes.contains(bytes[position]) || partial && bytes[position] == UInt8(ascii: "/") {
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
            throw error("transforms such as `{{f(x)}}` are not supported: give the template the value itself", at: tagStart)
        }
        skipWhitespace()
        guard matches(close, at: position) else {
            throw error("a tag is not finished: close it with `\(String(decoding: close, as: UTF8.self))` (names are letters, digits and . - _ ? *)", at: tagStart)
        }
        position += close.count
        return name
    }

    /// `{{=<% %>=}}`: two delimiters separated by white space, then `=` and the current closing one.
    private mutating func setDelimiters(_ tagStart: Int) throws(TemplateError) {
        func word(until stop: (UInt8) -> Bool) -> [UInt8] {
            let start = position
            while position < bytes.count, !stop(bytes[position]) { position += 1 }
            return Array(bytes[start..<position])
        }
        skipWhitespace()
        let newOpen = word { Self.isWhitespace($0) }
        skipWhitespace()
        let newClose = word { Self.isWhitespace($0) || $0 == UInt8(ascii: "=") }
        skipWhitespace()
        guard !newOpen.isEmpty, !newClose.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "="),
              matches(close, at: position + 1)
        else {
            throw error("a delimiter change is written `{{=<% %>=}}`", at: tagStart)
        }
        position += 1 + close.count
        open = newOpen
        close = newClose
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private func matches(_ needle: [UInt8], at index: Int) -> Bool {
        guard index + needle.count <= bytes.count else { return false }
        for offset in needle.indices where bytes[index + offset] != needle[offset] { return false }
        return true
    }

    private func find(_ needle: [UInt8], from index: Int) -> Int? {
        var at = index
        while at + needle.count <= bytes.count {
            if matches(needle, at: at) { return at }
            at += 1
        }
        return nil
    }

    /// A name's parts: `a.b` → [a, b]; `.` is the current value; `.a` looks only in the current
    /// value (an empty first part).
    static func path(_ name: String) -> [String] {
        if name == "." { return ["."] }
        let parts = name.split(separator: ".").map(String.init)
        return name.hasPrefix(".") ? [""] + parts : parts
    }

    /// An error at the byte offset `index`: line and column (in characters) from 1.
    private func error(_ message: String, at index: Int) -> TemplateError {
        var line = 1
        var lineStart = 0
        for offset in 0..<min(index, bytes.count) where bytes[offset] == 0x0A {
            line += 1
            lineStart = offset + 1
        }
        let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
        return TemplateError(message: message, line: line, column: column)
    }
}
