/// Splits a raw file that holds several reports (【篇一】…【篇二】…, 篇一 / 第一篇 lines) into
/// its parts. The lines before the first part (the collection's title, page chrome) form the
/// preamble.
public struct ReportSplitter: Sendable {
    public struct Part: Equatable, Sendable {
        /// 1-based, as in `origin: raw/FILE#N`.
        public var number: Int
        /// The title written with the part marker, if any.
        public var title: String?
        /// The marker line's number in the file.
        public var line: Int
        public var lines: [SourceLine]
    }

    public struct Split: Equatable, Sendable {
        public var preamble: [SourceLine]
        /// Empty when the file holds a single report.
        public var parts: [Part]
    }

    public init() {}

    public func split(_ lines: [SourceLine]) -> Split {
        var markers: [(index: Int, number: Int, title: String)] = []
        for (index, line) in lines.enumerated() where !line.isBlank {
            guard let (number, title) = Self.partMarker(line.text) else { continue }
            // Parts run 1, 2, 3 …; anything else is text that happens to start with 篇.
            if number == markers.count + 1 { markers.append((index, number, title)) }
        }
        if markers.count < 2 { markers = numberedExcerpts(lines) }
        guard markers.count >= 2 else { return Split(preamble: lines, parts: []) }
        var parts: [Part] = []
        for (k, marker) in markers.enumerated() {
            let end = k + 1 < markers.count ? markers[k + 1].index : lines.count
            var body = Array(lines[(marker.index + 1)..<end])
            var title: String? = marker.title.isEmpty ? nil : marker.title
            if title == nil, let first = body.firstIndex(where: { !$0.isBlank }),
               body[first].text.hasAtMost(60), !body[first].text.contains("。") {
                title = body[first].text
                body.removeSubrange(...first)
            }
            parts.append(Part(number: marker.number, title: title, line: lines[marker.index].number, lines: body))
        }
        return Split(preamble: Array(lines[..<markers[0].index]), parts: parts)
    }

    /// A collection whose title counts its pieces (…（精选5篇）) and numbers them 1. 2. 3. (or
    /// 一、二、) on title lines of their own: the numbered title lines start the parts.
    func numberedExcerpts(_ lines: [SourceLine]) -> [(index: Int, number: Int, title: String)] {
        let nonBlank = lines.indices.filter { !lines[$0].isBlank }
        guard let titleIndex = nonBlank.prefix(6).first(where: { Self.countsPieces(lines[$0].text) }),
              let first = nonBlank.first(where: { $0 > titleIndex && StructureMarker.parse(lines[$0].text) != nil }),
              let family = StructureMarker.parse(lines[first].text)?.family,
              family == .arabic || family == .topLevel || family == .arabicParen
        else { return [] }
        var markers: [(index: Int, number: Int, title: String)] = []
        for index in nonBlank where index >= first {
            let text = lines[index].text
            guard let marker = StructureMarker.parse(text), marker.family == family,
                  marker.number == markers.count + 1 else { continue }
            let title = String(text.dropFirst(marker.length)).trimmingSpaces
            // A part's title line: short, no full stop, and text follows it.
            guard title.count >= 4, title.count <= 50, !title.contains("。") else { continue }
            markers.append((index, marker.number, title))
        }
        return markers
    }

    /// 开发区高质量发展发言范文(精选6篇), 心得体会5篇, 六篇.
    static func countsPieces(_ text: String) -> Bool {
        guard text.hasAtMost(60), let at = text.lastIndex(of: "篇"), at != text.startIndex else { return false }
        let before = text[..<at].last
        return before.map { $0.isNumber || ChineseNumber.isNumeral($0) } ?? false
    }

    /// `【篇一】标题`, `[第二篇] 标题`, `篇三：标题`, `篇四`, and a document mill's `标题 篇5`
    /// → (number, title).
    static func partMarker(_ text: String) -> (Int, String)? {
        // Every marker has 篇, or 范文 (范文一): most lines have neither, which their bytes tell quickly.
        guard text.containsBytes("篇") || text.containsBytes("范文") else { return nil }
        if let leading = leadingMarker(text) { return leading }
        // 标题 篇1 / 标题篇二: the marker closes a short title line.
        guard text.hasAtMost(60), !text.contains("。"), let at = text.lastIndex(of: "篇") else { return nil }
        let number = text[text.index(after: at)...]
        guard !number.isEmpty, number.count <= 3 else { return nil }
        let value = ChineseNumber.value(number) ?? (number.allSatisfy { $0.isASCII && $0.isNumber } ? Int(number) : nil)
        guard let value, value > 0 else { return nil }
        let title = String(text[..<at]).trimmingSpaces
        guard TextFeatures.cjkCount(title) >= 4 else { return nil }
        return (value, title)
    }

    static func leadingMarker(_ text: String) -> (Int, String)? {
        var rest = Substring(text)
        let opening: [Character: Character] = ["【": "】", "[": "]", "〔": "〕", "（": "）", "(": ")"]
        var closing: Character?
        if let first = rest.first, let close = opening[first] {
            closing = close
            rest = rest.dropFirst()
        }
        /// 一 or 1.
        func readNumber(_ s: Substring) -> (Int, Int)? {
            let chinese = s.prefix(while: ChineseNumber.isNumeral)
            if let n = ChineseNumber.value(chinese) { return (n, chinese.count) }
            let arabic = s.prefix(while: { $0.isASCII && $0.isNumber }).prefix(3)
            if let n = Int(arabic) { return (n, arabic.count) }
            return nil
        }
        let number: Int
        if rest.hasPrefix("篇") || rest.hasPrefix("范文") {
            let label = rest.hasPrefix("篇") ? 1 : 2
            guard let (n, length) = readNumber(rest.dropFirst(label)) else { return nil }
            number = n
            rest = rest.dropFirst(label + length)
        } else if rest.hasPrefix("第") {
            guard let (n, length) = readNumber(rest.dropFirst()), rest.dropFirst(1 + length).hasPrefix("篇") else { return nil }
            number = n
            rest = rest.dropFirst(2 + length)
        } else {
            return nil
        }
        if let closing {
            guard rest.first == closing else { return nil }
            rest = rest.dropFirst()
        } else if let next = rest.first, !":：、. ".contains(next) {
            return nil
        }
        let title = rest.drop(while: { ":：、. ".contains($0) }).trimmingSpaces
        return (number, title)
    }
}
