/// The numbering at the start of a heading or an enumerated sentence in Chinese official
/// writing: 第一章, 一、, （一）, 1., （1）, and the inline 一是 / 第一，.
public struct StructureMarker: Equatable, Sendable {
    public enum Family: Int, Sendable, Comparable, CaseIterable {
        /// 第一章, 第一部分, 第一句话
        case chapter
        /// 第一节
        case section
        /// 一、
        case topLevel
        /// （一） or (一)
        case paren
        /// 1. 1、 1．
        case arabic
        /// （1） (1) 1）
        case arabicParen
        /// 第一条: numbered across the whole document.
        case article
        /// 一是: an inline enumeration, never a heading.
        case shi
        /// 第一，: an inline enumeration, never a heading.
        case ordinal

        public static func < (a: Family, b: Family) -> Bool { a.rawValue < b.rawValue }

        /// Markdown heading level (2 = `##`), or nil for inline enumerations.
        public var headingLevel: Int? {
            switch self {
            case .chapter, .topLevel: return 2
            case .section, .paren: return 3
            case .arabic, .arabicParen, .article: return 4
            case .shi, .ordinal: return nil
            }
        }
    }

    public var family: Family
    public var number: Int
    /// Characters the marker takes, punctuation included (一、 is 2, （一） is 3).
    public var length: Int

    public var isHeadingFamily: Bool { family.headingLevel != nil }

    /// The marker at the start of the text, if any.
    public static func parse(_ text: String) -> StructureMarker? {
        let chars = Array(text.prefix(12))
        return parse(chars, at: 0)
    }

    /// Whether the text starts with a heading or enumeration marker.
    static func startsWithMarker(_ text: String) -> Bool { parse(text) != nil }

    /// The marker starting at `i`, looking at most a dozen characters ahead.
    public static func parse(_ c: [Character], at i: Int) -> StructureMarker? {
        guard i < c.count else { return nil }
        func at(_ k: Int) -> Character? { k < c.count ? c[k] : nil }
        func numeral(from start: Int, max: Int = 3) -> (Int, Int)? {
            var j = start
            while j < c.count, j - start < max, ChineseNumber.isNumeral(c[j]) { j += 1 }
            guard j > start, let v = ChineseNumber.value(String(c[start..<j])), v > 0 else { return nil }
            return (v, j)
        }
        func digits(from start: Int) -> (Int, Int)? {
            var j = start
            var v = 0
            while j < c.count, j - start < 2, c[j].isASCII, let d = c[j].wholeNumberValue { v = v * 10 + d; j += 1 }
            if j < c.count, c[j].isASCII, c[j].isNumber { return nil }
            return j > start && v > 0 ? (v, j) : nil
        }
        let first = c[i]
        if first == "第", let (n, j) = numeral(from: i + 1) {
            let rest = String(c[j..<min(c.count, j + 2)])
            if rest.hasPrefix("章") { return .init(family: .chapter, number: n, length: j + 1 - i) }
            if rest.hasPrefix("节") { return .init(family: .section, number: n, length: j + 1 - i) }
            if rest.hasPrefix("条") { return .init(family: .article, number: n, length: j + 1 - i) }
            if rest == "部分" || rest == "句话" { return .init(family: .chapter, number: n, length: j + 2 - i) }
            if let p = at(j), "，,、：:".contains(p) { return .init(family: .ordinal, number: n, length: j + 1 - i) }
            return nil
        }
        if ChineseNumber.isNumeral(first), let (n, j) = numeral(from: i) {
            if let p = at(j), p == "、" || p == "．" { return .init(family: .topLevel, number: n, length: j + 1 - i) }
            if at(j) == "是", n <= 10 { return .init(family: .shi, number: n, length: j + 1 - i) }
            return nil
        }
        if first == "（" || first == "(" {
            if let (n, j) = numeral(from: i + 1), let p = at(j), p == "）" || p == ")" {
                return .init(family: .paren, number: n, length: j + 1 - i)
            }
            if let (n, j) = digits(from: i + 1), let p = at(j), p == "）" || p == ")" {
                return .init(family: .arabicParen, number: n, length: j + 1 - i)
            }
            return nil
        }
        if first.isASCII, first.isNumber, let (n, j) = digits(from: i), let p = at(j) {
            if p == "." || p == "．" || p == "、" {
                // 1.5亿 is a number, not a heading.
                if let next = at(j + 1), next.isNumber { return nil }
                return .init(family: .arabic, number: n, length: j + 1 - i)
            }
            if p == "）" || p == ")" { return .init(family: .arabicParen, number: n, length: j + 1 - i) }
        }
        return nil
    }
}
