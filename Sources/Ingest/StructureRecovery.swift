/// Recovers headings and paragraphs from the lines of a report body, using the numbering of
/// Chinese official writing: 一、 → `##`, （一） → `###`, 1. / （1） → `####`, 第一章/第一节/第一条.
///
/// Numbering must run in sequence (一、 then 二、 …; （一） restarts under each 一、), which tells
/// a heading from a number that merely starts a sentence. A heading that runs on into its text
/// (一、聚力…发展。产业聚集区建设…) is cut at its first full stop or before an inline 一是. A report
/// whose line breaks were lost (one long line) is split again before each heading marker that
/// follows a full stop and comes next in sequence, and its paragraphs at 一是/二是 … or, failing
/// that, into groups of sentences. Every pass is linear in the length of the text.
public struct StructureRecovery: Sendable {
    /// Longest heading text that runs on into a paragraph (characters, marker excluded).
    public var runOnLimit = 50
    /// Longest heading that stands alone on its line.
    public var standaloneLimit = 80
    /// Tighter limits for 1. / （1） numbering, which also numbers ordinary list items.
    public var minorRunOnLimit = 25
    public var minorStandaloneLimit = 40
    /// Paragraph length above which a paragraph from a flattened report is cut into sentence groups.
    public var longParagraph = 1200

    public init() {}

    public func blocks(from lines: [SourceLine]) -> [Block] {
        let paragraphs = joinContinuations(lines)
        let flattened = paragraphs.count <= 3 && paragraphs.contains { $0.count > 2000 }
        var state = SequenceState()
        var blocks: [Block] = []
        for paragraph in paragraphs {
            let chars = CharacterArray(paragraph)
            let (pieces, split) = splitAndClassify(chars, state: &state)
            for piece in pieces {
                if case .paragraph(let text, _) = piece, split || flattened {
                    blocks.append(contentsOf: splitEnumerations(text, allowSentenceGroups: true))
                } else if case .paragraph(let text, _) = piece {
                    blocks.append(.paragraph(text: text, lead: Self.lead(of: text)))
                } else {
                    blocks.append(piece)
                }
            }
        }
        return blocks
    }

    // MARK: - Lines to paragraphs

    /// Every line is a paragraph, except a line that continues a sentence cut by a stray line
    /// break: the previous line ends in a comma, or in a semicolon when paragraphs are indented
    /// and this line is not.
    func joinContinuations(_ lines: [SourceLine]) -> [String] {
        let wrapWidth = Self.hardWrapWidth(lines)
        var paragraphs: [String] = []
        var previous: SourceLine?
        var blankSince = true
        for line in lines {
            if line.isBlank { blankSince = true; continue }
            // Text wrapped at a fixed width (copied from a PDF): a full-width line that does not
            // end a sentence continues on the next.
            let wrapped = wrapWidth.map { width in
                previous.map { $0.text.count >= width - 2 && !TextFeatures.endsSentence($0.text) } ?? false
            } ?? false
            if let prev = previous, !blankSince || wrapped, let last = paragraphs.last?.last,
               StructureMarker.parse(line.text) == nil,
               wrapped || "，,、".contains(last) || ("；;".contains(last) && prev.indented && !line.indented) {
                paragraphs[paragraphs.count - 1] += line.text
            } else {
                paragraphs.append(line.text)
            }
            previous = line
            blankSince = false
        }
        return paragraphs
    }

    /// The width lines were wrapped at, when most lines have the same length (±2) and do not
    /// end a sentence; nil for text with one paragraph a line.
    static func hardWrapWidth(_ lines: [SourceLine]) -> Int? {
        let lengths = lines.filter { !$0.isBlank && !TextFeatures.endsSentence($0.text) }
            .map { TextFeatures.characterCount($0.text) }.filter { $0 >= 20 }
        let total = lines.filter { !$0.isBlank }.count
        guard total >= 8, lengths.count * 2 >= total else { return nil }
        var counts: [Int: Int] = [:]
        for length in lengths { counts[length, default: 0] += 1 }
        guard let (mode, _) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else { return nil }
        let near = lengths.filter { abs($0 - mode) <= 2 }.count
        return near * 2 >= total ? mode : nil
    }

    // MARK: - Headings

    struct SequenceState {
        var last: [StructureMarker.Family: Int] = [:]

        func expected(_ family: StructureMarker.Family) -> Int { (last[family] ?? 0) + 1 }

        /// At the start of a paragraph a heading may follow its predecessor, skip one that the
        /// source lost, or restart at 1.
        func acceptsAtStart(_ m: StructureMarker) -> Bool {
            let e = expected(m.family)
            return m.number == e || m.number == e + 1 || m.number == 1
        }

        /// Inside running text only the very next number counts.
        func acceptsInline(_ m: StructureMarker) -> Bool { m.number == expected(m.family) }

        mutating func accept(_ m: StructureMarker) {
            last[m.family] = m.number
            // Lower levels restart under a new heading; articles run through the document.
            for family in StructureMarker.Family.allCases where family > m.family && family != .article {
                last[family] = nil
            }
        }
    }

    /// Splits a paragraph before inline headings and classifies each piece.
    func splitAndClassify(_ c: CharacterArray, state: inout SequenceState) -> (blocks: [Block], split: Bool) {
        var blocks: [Block] = []
        var cursor = 0
        var split = false
        var scanFrom = 0
        if let marker = StructureMarker.parse(c.window(at: 0), at: 0), marker.isHeadingFamily, state.acceptsAtStart(marker),
           let end = headingEnd(c, from: 0, marker: marker, state: state) {
            state.accept(marker)
            blocks.append(.heading(level: marker.family.headingLevel ?? 2, text: Self.normalizeHeading(c.text(0..<end.text))))
            cursor = end.resume
            scanFrom = cursor
        }
        var i = max(scanFrom, 1)
        while i < c.count {
            guard Self.mayStartMarker(c, at: i), Self.startsSentence(c, at: i),
                  let marker = StructureMarker.parse(c.window(at: i), at: 0), marker.isHeadingFamily,
                  state.acceptsInline(marker), let end = headingEnd(c, from: i, marker: marker, state: state) else {
                i += 1
                continue
            }
            let before = c.text(cursor..<i).trimmingSpaces
            if !before.isEmpty { blocks.append(.paragraph(text: before, lead: nil)) }
            state.accept(marker)
            blocks.append(.heading(level: marker.family.headingLevel ?? 2, text: Self.normalizeHeading(c.text(i..<end.text))))
            cursor = end.resume
            i = max(cursor, i + 1)
            split = true
        }
        let rest = cursor < c.count ? c.text(cursor..<c.count).trimmingSpaces : ""
        if !rest.isEmpty { blocks.append(.paragraph(text: rest, lead: nil)) }
        return (blocks, split)
    }

    /// Where the heading starting at `start` ends (`text`) and where the text after it resumes,
    /// or nil when the words after the marker are too long to be a heading.
    func headingEnd(_ c: CharacterArray, from start: Int, marker: StructureMarker, state: SequenceState) -> (text: Int, resume: Int)? {
        let minor = marker.family >= .arabic
        // （一） also numbers ordinary items, so its run-on headings must be shorter.
        let runOn = minor ? minorRunOnLimit : marker.family == .paren ? runOnLimit * 4 / 5 : runOnLimit
        let alone = minor ? minorStandaloneLimit : standaloneLimit
        let bodyStart = start + marker.length
        // 第一条 is a heading by itself; the article's sentences are its paragraph.
        if marker.family == .article {
            var resume = bodyStart
            while resume < c.count, c[resume] == " " || c[resume] == "　" { resume += 1 }
            return (bodyStart, resume)
        }
        var j = bodyStart
        let limit = min(c.count, bodyStart + alone + 1)
        while j < limit {
            let ch = c[j]
            if TextFeatures.sentenceEnders.contains(ch) {
                let length = j - bodyStart
                // A whole one-sentence paragraph may be a heading ending in 。, but not for 1.
                // numbering, where it is a list item.
                let wholeParagraph = j + 1 >= c.count || ((j + 1)..<c.count).allSatisfy { TextFeatures.closers.contains(c[$0]) || c[$0] == " " }
                // A paragraph that is one numbered sentence is a heading only when short.
                if wholeParagraph { guard length >= 2, length <= (minor ? runOn : 30) else { return nil } }
                guard length >= 2, length <= runOn else { return nil }
                var resume = j + 1
                while resume < c.count, TextFeatures.closers.contains(c[resume]) || c[resume] == " " { resume += 1 }
                return (j, resume)
            }
            if ch == "；" || ch == ";" { return nil }
            // 一、…“一盘棋”一是精准遴选: the heading stops where an enumeration or sub-heading starts.
            if j - bodyStart >= 4, Self.mayStartMarker(c, at: j), let inner = StructureMarker.parse(c.window(at: j), at: 0), inner.number == 1,
               inner.family == .shi || inner.family == .ordinal || (inner.isHeadingFamily && inner.family > marker.family) {
                guard j - bodyStart <= runOn else { return nil }
                return (j, j)
            }
            j += 1
        }
        // No full stop: a heading alone on its line.
        guard j >= c.count, j - bodyStart <= alone, j - bodyStart >= 1 else { return nil }
        if minor, (bodyStart..<j).contains(where: { "，,；;".contains(c[$0]) }) && j - bodyStart > runOn { return nil }
        return (j, j)
    }

    /// A marker inside running text starts a heading only after a sentence ends.
    static func startsSentence(_ c: CharacterArray, at i: Int) -> Bool {
        var i = i
        // 。 二、: spaces between the full stop and the marker do not matter.
        while i > 0, c.isScalar(i - 1, " ") { i -= 1 }
        guard i > 0 else { return true }
        if c.isIn(TextFeatures.sentenceEnders, i - 1) || c.isScalar(i - 1, "；") || c.isScalar(i - 1, ";") { return true }
        if c.isIn(TextFeatures.closers, i - 1), i >= 2, c.isIn(TextFeatures.sentenceEnders, i - 2) { return true }
        return false
    }

    /// False only where `StructureMarker.parse` surely finds nothing: every marker starts with
    /// 第, a Chinese numeral, an opening bracket or an ASCII digit. Checked first because most
    /// offsets of a paragraph are none of these.
    static func mayStartMarker(_ c: CharacterArray, at i: Int) -> Bool {
        let value = c.scalars[i]
        if value == CharacterArray.opaque { return true }
        switch value {
        case 0x30...0x39, 0x28, 0xFF08, 0x7B2C: return true  // 0-9 ( （ 第
        default: return ChineseNumber.isNumeral(value: value)
        }
    }

    /// (一) → （一）, so headings look the same whichever brackets the source used.
    static func normalizeHeading(_ text: String) -> String {
        var t = text.trimmingSpaces
        if t.hasPrefix("("), let close = t.firstIndex(of: ")"), t.distance(from: t.startIndex, to: close) <= 4 {
            let inner = t[t.index(after: t.startIndex)..<close]
            if inner.allSatisfy(ChineseNumber.isNumeral) {
                t = "（" + inner + "）" + t[t.index(after: close)...]
            }
        }
        return t
    }

    // MARK: - Enumerations

    /// The lead sentence of a paragraph that starts 一是… or 第一，…, shown in bold; nil when
    /// the paragraph has no short lead sentence.
    static func lead(of text: String) -> String? {
        guard let marker = StructureMarker.parse(text), marker.family == .shi || marker.family == .ordinal else { return nil }
        guard let end = text.prefix(42).firstIndex(where: { TextFeatures.sentenceEnders.contains($0) }) else { return nil }
        let lead = String(text[..<end])
        guard lead.count > marker.length + 1, text.index(after: end) != text.endIndex,
              let last = lead.last, !(last.isASCII && last.isPunctuation) else { return nil }
        return lead
    }

    /// Splits a paragraph of a flattened report before 一是, 二是 … (in sequence, after a full
    /// stop), or into groups of sentences when it is very long and has no enumeration.
    func splitEnumerations(_ text: String, allowSentenceGroups: Bool) -> [Block] {
        let c = CharacterArray(text)
        var cuts: [Int] = []
        var expected = 1
        var family: StructureMarker.Family?
        var found = 0
        if let m = StructureMarker.parse(c.window(at: 0), at: 0), m.family == .shi || m.family == .ordinal, m.number == 1 {
            expected = 2
            family = m.family
            found = 1
        }
        var i = 1
        while i < c.count {
            if Self.mayStartMarker(c, at: i), Self.startsSentence(c, at: i), let m = StructureMarker.parse(c.window(at: i), at: 0),
               m.family == .shi || m.family == .ordinal, family == nil || family == m.family {
                if m.number == expected || m.number == 1 {
                    cuts.append(i)
                    expected = m.number + 1
                    family = m.family
                    found += 1
                }
            }
            i += 1
        }
        if found < 2 { cuts = [] }
        var pieces: [String] = []
        var start = 0
        for cut in cuts where cut > start {
            pieces.append(c.text(start..<cut))
            start = cut
        }
        pieces.append(c.text(start..<c.count))
        var blocks: [Block] = []
        for piece in pieces {
            let trimmed = piece.trimmingSpaces
            guard !trimmed.isEmpty else { continue }
            if allowSentenceGroups && trimmed.count > longParagraph {
                blocks.append(contentsOf: sentenceGroups(trimmed).map { .paragraph(text: $0, lead: Self.lead(of: $0)) })
            } else {
                blocks.append(.paragraph(text: trimmed, lead: Self.lead(of: trimmed)))
            }
        }
        return blocks
    }

    /// Cuts a long text after full stops into paragraphs of about `longParagraph / 3` characters.
    func sentenceGroups(_ text: String) -> [String] {
        let target = max(200, longParagraph / 3)
        var groups: [String] = []
        var current = ""
        var count = 0
        var ended = false
        for ch in text {
            // Cut after the full stop and any closing quotes that follow it.
            if ended && !TextFeatures.closers.contains(ch) {
                groups.append(current)
                current = ""
                count = 0
                ended = false
            }
            current.append(ch)
            count += 1
            if count >= target, TextFeatures.sentenceEnders.contains(ch) { ended = true }
        }
        if !current.isEmpty {
            if count < target / 4, !groups.isEmpty { groups[groups.count - 1] += current } else { groups.append(current) }
        }
        return groups
    }
}
