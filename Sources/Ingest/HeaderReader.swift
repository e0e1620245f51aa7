import Foundation

/// Finds a report's own title among the first lines and removes the header around it: chrome
/// above the title, repeated copies of the title, short bylines.
struct HeaderReader: Sendable {
    struct Header: Sendable {
        var title: String?
        /// A genre label that stood before the title (经验做法：…).
        var genreLabel: String?
        var body: [SourceLine]
        /// Lines above the title: site name, menus, breadcrumbs the vocabulary did not know.
        var droppedAbove: [SourceLine] = []
        var droppedDuplicates = 0
        var siteNames: [String] = []
        var authors: [String] = []
    }

    /// How far down the title may be (non-blank lines).
    var searchDepth = 80

    func read(_ lines: [SourceLine], hints: PageHints, knownTitle: String?) -> Header {
        if let knownTitle {
            var header = Header(title: knownTitle, body: lines)
            dropCopies(of: knownTitle, in: &header)
            return finish(header)
        }
        let candidates = lines.enumerated().filter { !$0.element.isBlank }.prefix(searchDepth)
        // A title the chrome named (breadcrumb, document thumbnail) wins; it may be glued to the text.
        for hint in hints.titleHints where hint.count >= 6 {
            for (index, line) in candidates {
                if TextFeatures.sameTitle(line.text, hint) {
                    return finish(take(lines, titleAt: index, title: line.text, remainder: nil))
                }
                if line.text.hasPrefix(hint), line.text.count > hint.count {
                    let remainder = String(line.text.dropFirst(hint.count)).trimmingSpaces
                    return finish(take(lines, titleAt: index, title: hint, remainder: remainder))
                }
            }
        }
        // Otherwise the best title-like line above the first sentence of the text.
        var best: (index: Int, score: Int)?
        let header = candidates.prefix { Self.isHeaderLike($0.element.text) }
        for (index, line) in header where Self.isTitleLike(line.text) {
            let score = Self.titleScore(line.text, among: header.map(\.element.text))
            // On a tie the later line wins: menus and lists stand above a page's own title, which
            // sits just over its text. A later copy of the chosen title does not count.
            if let current = best {
                let copy = TextFeatures.sameTitle(lines[current.index].text, line.text)
                if score > current.score || (score == current.score && !copy) { best = (index, score) }
            } else {
                best = (index, score)
            }
        }
        if let best {
            return finish(take(lines, titleAt: best.index, title: lines[best.index].text, remainder: nil))
        }
        return Header(title: nil, body: lines)
    }

    // MARK: - Steps

    private func take(_ lines: [SourceLine], titleAt index: Int, title: String, remainder: String?) -> Header {
        var title = title
        var bodyStart = index + 1
        // A title broken over two lines: 关于印发《…实施方案》 / 的通知.
        if remainder == nil, let next = lines[bodyStart...].firstIndex(where: { !$0.isBlank }),
           Self.continuesTitle(lines[next].text) {
            title += lines[next].text
            bodyStart = next + 1
        }
        var header = Header(title: title, body: Array(lines[bodyStart...]))
        for line in lines[..<index] where !line.isBlank {
            header.droppedAbove.append(line)
            if Self.isSiteName(line.text) { header.siteNames.append(line.text) }
        }
        if let remainder, !remainder.isEmpty {
            header.body.insert(SourceLine(number: lines[index].number, text: remainder, indented: false), at: 0)
        }
        dropCopies(of: title, in: &header)
        return header
    }

    /// Removes repeated titles and short bylines just below the title.
    private func dropCopies(of title: String, in header: inout Header) {
        var seen = 0
        var i = 0
        while i < header.body.count, seen < 6 {
            let line = header.body[i]
            if line.isBlank { i += 1; continue }
            seen += 1
            if TextFeatures.sameTitle(line.text, title) {
                header.body.remove(at: i)
                header.droppedDuplicates += 1
                continue
            }
            if line.text.hasAtMost(30), let author = BylineReader.author(in: line.text) {
                header.authors.append(author)
                header.body.remove(at: i)
                continue
            }
            // The speaker stays in the text (an office is part of the record) and is the author.
            if let speaker = BylineReader.speaker(in: line.text) { header.authors.append(speaker) }
            i += 1
        }
    }

    private func finish(_ header: Header) -> Header {
        var header = header
        guard var title = header.title else { return header }
        title = title.trimmingSpaces
        for ext in [".docx", ".doc", ".pdf", ".wps", ".txt"] where title.lowercased().hasSuffix(ext) {
            title = String(title.dropLast(ext.count))
        }
        // 关于…的调研报告_第一范文网 / … - 新华报业网: a page title ends with its site's name.
        for separator in ["_", " - ", " — ", "－", " | "] {
            if let range = title.range(of: separator, options: .backwards) {
                let site = title[range.upperBound...].trimmingSpaces
                let rest = String(title[..<range.lowerBound]).trimmingSpaces
                if Self.isSiteName(site), rest.count >= 4 {
                    header.siteNames.append(site)
                    title = rest
                }
            }
        }
        // 【篇一】标题 in a file that holds only one part.
        if let (_, unmarked) = ReportSplitter.leadingMarker(title), unmarked.count >= 4 { title = unmarked }
        let (label, rest) = Self.splitGenreLabel(title)
        header.genreLabel = label
        header.title = rest
        return header
    }

    // MARK: - Line shapes

    /// The short tail of a title that did not fit on its line: 的通知, 的实施意见.
    static func continuesTitle(_ text: String) -> Bool {
        guard text.count <= 12, !TextFeatures.hasProsePunctuation(text) else { return false }
        let tails = ["通知", "意见", "方案", "办法", "规定", "报告", "决定", "讲话", "发言", "细则", "规划", "措施", "批复", "通报"]
        return (text.hasPrefix("的") || text.hasPrefix("之")) && tails.contains(where: text.hasSuffix)
    }

    static let genreLabels: Set<String> = [
        "经验做法", "典型经验", "经验交流", "经验材料", "典型案例", "调研报告", "调查报告", "调研文章", "讲话",
        "讲话稿", "发言", "发言稿", "研讨发言", "交流发言", "工作报告", "工作总结", "政策解读", "评论",
        "理论", "时评", "新闻", "范文", "心得体会", "党课", "述职报告", "汇报材料", "信息",
    ]

    /// `经验做法：“四管”齐下…` → (经验做法, “四管”齐下…).
    static func splitGenreLabel(_ title: String) -> (String?, String) {
        if title.hasPrefix("【"), let close = title.firstIndex(of: "】") {
            let label = String(title[title.index(after: title.startIndex)..<close])
            let rest = String(title[title.index(after: close)...]).trimmingSpaces
            if genreLabels.contains(label), rest.count >= 4 { return (label, rest) }
        }
        guard let colon = title.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return (nil, title) }
        let label = String(title[..<colon]).trimmingSpaces
        let rest = String(title[title.index(after: colon)...]).trimmingSpaces
        guard genreLabels.contains(label), rest.count >= 4 else { return (nil, title) }
        return (label, rest)
    }

    /// A line that can be a title: short, without a full stop, not numbered, not a site name or date.
    static func isTitleLike(_ text: String) -> Bool {
        let count = text.count
        guard (5...90).contains(count), TextFeatures.cjkCount(text) >= 4, !text.contains("。") else { return false }
        if let last = text.last, "，,：:；;、".contains(last) { return false }
        // ——2024年1月10日在…会议上 and (草案) are subtitles, not titles.
        if let first = text.first, "—-（(".contains(first) { return false }
        if StructureMarker.parse(text) != nil { return false }
        if isSiteName(text) || DateFinder.isDateLine(text) { return false }
        // Breadcrumbs and menus, whatever their words.
        if text.contains(">") || text.contains("›") || text.contains("»") || text.contains("|") { return false }
        if BylineReader.author(in: text) != nil || BylineReader.speaker(in: text) != nil { return false }
        return true
    }

    /// A line that may stand above a title: short, without sentences, not a salutation or a
    /// numbered heading (those start the text).
    static func isHeaderLike(_ text: String) -> Bool {
        text.hasAtMost(90) && !text.contains("。") && !text.hasSuffix("：") && !text.hasSuffix(":")
            && StructureMarker.parse(text) == nil
    }

    static let titleWords = ["关于", "报告", "讲话", "发言", "通知", "意见", "方案", "调研", "经验", "做法", "工作", "发展",
                             "建设", "推进", "实施", "措施", "办法", "决定", "规划", "高质量", "经济", "改革", "创新", "强调"]

    /// How much a line looks like the page's title: long enough, with title words, written
    /// twice (page heading and article heading), not an office's name or a byline.
    static func titleScore(_ text: String, among header: [String]) -> Int {
        var score = 0
        if text.count >= 8 { score += 1 }
        if text.count <= 5 { score -= 1 }
        if titleWords.contains(where: text.contains) { score += 1 }
        if header.filter({ TextFeatures.sameTitle($0, text) }).count >= 2 { score += 2 }
        if Ingester.isSignature(text) { score -= 2 }
        return score
    }

    static let siteSuffixes = ["网", "网站", "在线", "门户", "之窗", "日报", "晚报", "时报", "文库", "频道", "官网", "政府网", "人民政府"]

    static func isSiteName(_ text: String) -> Bool {
        text.hasAtMost(16) && !TextFeatures.hasProsePunctuation(text) && siteSuffixes.contains { text.hasSuffix($0) }
    }
}
