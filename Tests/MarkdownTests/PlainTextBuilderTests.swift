@testable import Markdown
import Testing

/// The plain text is gathered on bytes; it must be what the rules give on `String`s, character
/// by character (the way it was made before), for any text, however its characters combine.
@Suite struct PlainTextBuilderTests {
    /// What the builder is fed while walking a document.
    enum Event {
        case text(String), softBreak, endLine, code(String)
    }

    /// The rules on `String`s, as `CMarkTree.plainText` applied them before the builder.
    static func reference(_ events: [Event]) -> String {
        var lines: [String] = []
        var line = ""
        var pendingBreak = false
        func append(_ text: String) {
            if pendingBreak, let last = line.last, let first = text.first, !(last.isASCII && first.isASCII) {
                line += text
            } else if pendingBreak && !line.isEmpty {
                line += " " + text
            } else {
                line += text
            }
            pendingBreak = false
        }
        func endLine() {
            let trimmed = line.trimmingSpaces()
            if !trimmed.isEmpty { lines.append(trimmed) }
            line = ""
            pendingBreak = false
        }
        for event in events {
            switch event {
            case .text(let text): append(text)
            case .softBreak: pendingBreak = true
            case .endLine: endLine()
            case .code(let text):
                endLine()
                for codeLine in text.split(separator: "\n") { append(String(codeLine)); endLine() }
            }
        }
        endLine()
        return lines.joined(separator: "\n")
    }

    static func built(_ events: [Event]) -> String {
        var builder = PlainTextBuilder()
        for event in events {
            switch event {
            case .text(var text): text.withUTF8 { builder.append($0) }
            case .softBreak: builder.softBreak()
            case .endLine: builder.endLine()
            case .code(var text): text.withUTF8 { builder.appendCode($0) }
            }
        }
        return builder.finish()
    }

    /// Pieces that are spaces, line ends, Chinese, ASCII, and characters that combine with what
    /// stands before or after them: a combining accent, a zero-width joiner, a prepended Arabic
    /// number sign, `\r` (one character with a following `\n`), fullwidth punctuation, kana with
    /// a combining voicing mark.
    static let pieces = [" ", "  ", "\t", "\n", "\r", "\r\n", "\u{3000}", "a", "Z9", "_", "发展", "新质生产力", "，",
                         "（", "\u{301}", "e\u{301}", "\u{200D}", "\u{600}", "\u{600}1", "か\u{3099}", "\u{3099}", "😀", ""]

    @Test func randomTextsGiveWhatTheStringRulesGive() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        func text() -> String { (0..<next(5)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined() }
        var differences: [String] = []
        for _ in 0..<20_000 {
            let events: [Event] = (0..<(1 + next(6))).map { _ in
                switch next(10) {
                case 0, 1: return .softBreak
                case 2: return .endLine
                case 3: return .code(text())
                default: return .text(text())
                }
            }
            let expected = Self.reference(events)
            let actual = Self.built(events)
            if expected != actual, differences.count < 5 { differences.append("\(events): \(expected.debugDescription) ≠ \(actual.debugDescription)") }
        }
        #expect(differences.isEmpty, "\(differences)")
    }

    @Test func chineseLinesJoinWithoutASpaceAndOthersWithOne() {
        #expect(Self.built([.text("新质"), .softBreak, .text("生产力"), .endLine, .text("a"), .softBreak, .text("b")])
            == "新质生产力\na b")
        #expect(Self.built([.text("\u{3000}\u{3000}一、总体要求 \t"), .endLine, .text("  "), .endLine, .code("x = 1\n\ny\n")])
            == "一、总体要求\nx = 1\ny")
    }
}
