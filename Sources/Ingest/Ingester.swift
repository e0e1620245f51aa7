import Content
import Foundation
import Taxonomy

/// Turns the bytes of one raw file into reports: decode, normalise, split into parts, remove
/// chrome, find title and metadata, recover structure, tag.
public struct Ingester: Sendable {
    public var vocabulary: TopicVocabulary
    public var gazetteer: Gazetteer

    public init(vocabulary: TopicVocabulary = TopicVocabulary(topics: []), gazetteer: Gazetteer = Gazetteer(regions: [])) {
        self.vocabulary = vocabulary
        self.gazetteer = gazetteer
    }

    /// `path` names the file in diagnostics (content/raw/x.txt); `origin` is what the report's
    /// front matter records (raw/x.txt).
    public func ingest(_ data: Data, path: String, origin: String) -> IngestResult {
        switch TextDecoder().decode(data, path: path) {
        case .failure(let diagnostic):
            return IngestResult(reports: [], diagnostics: [diagnostic])
        case .success(let decoded):
            return ingest(text: decoded.text, encoding: decoded.encoding, path: path, origin: origin)
        }
    }

    public func ingest(text: String, encoding: TextDecoder.Encoding = .utf8, path: String, origin: String) -> IngestResult {
        let lines = TextNormalizer.lines(text)
        guard lines.contains(where: { !$0.isBlank }) else {
            return IngestResult(reports: [], diagnostics: [.error("empty file: it holds only white space; remove it or copy the report's text into it", path: path)])
        }
        let split = ReportSplitter().split(lines)
        let chrome = ChromeFilter()
        let preamble = chrome.filter(split.preamble)
        var diagnostics: [Diagnostic] = []
        var reports: [IngestedReport] = []

        if split.parts.isEmpty {
            let context = PartContext(path: path, origin: origin, encoding: encoding)
            switch makeReport(preamble, knownTitle: nil, context: context) {
            case .success(let report): reports.append(report)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
            diagnostics += reports.filter { $0.notes.contains(Self.noTitleNote) }.map {
                .warning("no title line found: the first sentence is the title (\($0.report.title)); put the title on the file's first line", path: path, line: 1)
            }
            return IngestResult(reports: reports, diagnostics: diagnostics)
        }

        let header = HeaderReader().read(preamble.lines, hints: preamble.hints, knownTitle: nil)
        let collection = header.title
        let titles = partTitles(split.parts, collection: collection)
        for (part, title) in zip(split.parts, titles) {
            var filtered = chrome.filter(part.lines)
            filtered.hints.merge(preamble.hints)
            filtered.hints.siteNames.append(contentsOf: header.siteNames)
            if part.number == 1 {
                filtered.droppedChrome += preamble.droppedChrome + header.droppedAbove
            }
            let context = PartContext(path: path, origin: "\(origin)#\(part.number)", encoding: encoding,
                                      collection: collection, markerLine: part.line)
            switch makeReport(filtered, knownTitle: title, context: context) {
            case .success(let report): reports.append(report)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return IngestResult(reports: reports, diagnostics: diagnostics)
    }

    // MARK: - Parts

    struct PartContext {
        var path: String
        var origin: String
        var encoding: TextDecoder.Encoding
        var collection: String?
        var markerLine: Int?
    }

    /// Titles for the parts of a collection, told apart with （篇一）… when they are the same.
    func partTitles(_ parts: [ReportSplitter.Part], collection: String?) -> [String] {
        let base = collection.map(Self.collectionBase) ?? "未命名"
        let titles = parts.map { $0.title ?? base }
        var counts: [String: Int] = [:]
        for title in titles { counts[title, default: 0] += 1 }
        return zip(parts, titles).map { part, title in
            guard counts[title, default: 0] > 1 else { return title }
            let numeral = Self.chineseNumeral(part.number)
            return "\(title)（篇\(numeral)）"
        }
    }

    /// 开发区高质量发展发言范文(精选6篇) → 开发区高质量发展发言.
    static func collectionBase(_ title: String) -> String {
        var t = title
        if let open = t.lastIndex(where: { $0 == "(" || $0 == "（" }), t[open...].contains("篇") {
            t = String(t[..<open])
        }
        for suffix in ["范文", "合集", "汇编", "精选"] where t.hasSuffix(suffix) && t.count > suffix.count + 4 {
            t = String(t.dropLast(suffix.count))
        }
        return t.trimmingSpaces
    }

    static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch n {
        case 0..<10: return digits[n]
        case 10: return "十"
        case 11..<20: return "十" + digits[n - 10]
        case 20..<100: return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10])
        default: return String(n)
        }
    }

    // MARK: - One report

    func makeReport(_ filtered: ChromeFilter.Output, knownTitle: String?, context: PartContext) -> Result<IngestedReport, Diagnostic> {
        var hints = filtered.hints
        var header = HeaderReader().read(filtered.lines, hints: hints, knownTitle: knownTitle)
        var notes: [String] = []
        var body = Self.trimTail(header.body)
        let tailDropped = header.body.filter { !$0.isBlank }.count - body.filter { !$0.isBlank }.count

        // Bylines at the top or bottom of the text give the author.
        var authors = header.authors + hints.authors
        body = Self.readBylines(body, authors: &authors)

        if Self.markTruncation(&body, previewEnded: hints.truncated) { hints.truncated = true }
        let blocks = StructureRecovery().blocks(from: body)
        let paragraphs = blocks.filter { if case .paragraph = $0 { return true } else { return false } }
        guard !paragraphs.isEmpty else {
            let what = context.origin.contains("#") ? "part \(context.origin.split(separator: "#").last ?? "")" : "the file"
            let why = header.title.map { "there is a title (\($0)) but no text under it" }
                ?? "every line looks like web-page chrome (menus, share and download prompts, copyright notices)"
            return .failure(.error(
                "no report text found in \(what): \(why); copy the report's own text into the file",
                path: context.path, line: context.markerLine))
        }

        var title = (header.title ?? "").trimmingSpaces
        if title.isEmpty {
            title = Self.fallbackTitle(paragraphs[0].text)
            header.title = title
            notes.append(Self.noTitleNote)
        }
        let headings = blocks.compactMap { if case .heading(_, let text) = $0 { return text } else { return nil } }
        let plain = MarkdownWriter.plainText(blocks)
        let paragraphText = paragraphs.map(\.text).joined(separator: "\n")

        var report = Report(title: title, body: MarkdownWriter.markdown(blocks))
        report.origin = context.origin
        report.collection = context.collection
        // The date the document states (a subtitle, a signature) before the page's timestamp.
        report.date = Self.dateInText(body) ?? hints.dates.first
        report.genre = GenreClassifier.genre(.init(
            title: title, label: header.genreLabel, sections: hints.sections,
            opening: paragraphs.prefix(2).map(\.text).joined(),
            hasArticles: blocks.contains { if case .heading(_, let t) = $0 { return t.hasPrefix("第") && t.hasSuffix("条") } else { return false } }))
        report.author = authors.first ?? paragraphs.first.flatMap { BylineReader.reporters(in: $0.text) }
        let sites = Self.unique(header.siteNames + hints.siteNames)
        let publisher = hints.sources.first ?? sites.first(where: { !Self.isDocumentMill($0) })
        report.source = publisher
        report.summary = Self.summary(of: paragraphs.map(\.text))
        report.tags = vocabulary.tags(title: title, headings: headings, body: paragraphText)
        let detection = gazetteer.detect(in: title + "\n" + plain)
        report.regions = detection.regions.map(\.name)
        report.places = detection.places
        if let editor = hints.editors.first { report.extra.append(("editor", .string(editor))) }
        if let mill = sites.first(where: Self.isDocumentMill) { report.extra.append(("site", .string(mill))) }
        if hints.truncated {
            report.extra.append(("truncated", .string("true")))
            notes.append("truncated preview")
        }

        let chromeCount = filtered.droppedChrome.count + header.droppedAbove.count + tailDropped
        return .success(IngestedReport(
            report: report, headings: headings, plainText: plain,
            droppedChromeLines: chromeCount, droppedMetadataLines: filtered.droppedMetadata.count,
            droppedTitleCopies: header.droppedDuplicates, encoding: context.encoding,
            contentHash: FNV1a.hashSkippingWhitespace(plain), notes: notes))
    }

    static let noTitleNote = "no title line: used the first sentence"

    // MARK: - Body edges

    /// Short lines without punctuation after the last sentence are page furniture, unless they
    /// sign the report (an office's name) or date it.
    static func trimTail(_ lines: [SourceLine]) -> [SourceLine] {
        var end = lines.count
        while end > 0 {
            let line = lines[end - 1]
            if line.isBlank { end -= 1; continue }
            let t = line.text
            let furniture = t.hasAtMost(20) && !TextFeatures.hasProsePunctuation(t) && StructureMarker.parse(t) == nil
                && DateFinder.firstDate(in: t) == nil && !isSignature(t)
            guard furniture else { break }
            end -= 1
        }
        return Array(lines[..<end])
    }

    static let officeSuffixes = ["政府", "委员会", "办公室", "办公厅", "局", "厅", "部", "中心", "党委", "党组", "公司", "协会", "学会", "研究院", "研究所", "学院", "大学", "支部", "街道", "调研组", "课题组", "人大", "政协", "管委会"]

    static func isSignature(_ text: String) -> Bool {
        officeSuffixes.contains { text.hasSuffix($0) }
    }

    /// Removes short byline lines (作者：张三) from the first and last lines, collecting the
    /// names. A byline with more (执笔人:秦微晰,江苏省委党校…,昆山市人民政府副市长) is kept in the text.
    static func readBylines(_ lines: [SourceLine], authors: inout [String]) -> [SourceLine] {
        let nonBlank = lines.indices.filter { !lines[$0].isBlank }
        let edges = Set(nonBlank.prefix(3) + nonBlank.suffix(5))
        var kept: [SourceLine] = []
        for (i, line) in lines.enumerated() {
            if edges.contains(i), let name = BylineReader.author(in: line.text) {
                authors.append(name)
                if line.text.count <= 30 { continue }
            }
            kept.append(line)
        }
        return kept
    }

    /// A preview cut off with "..." keeps its text; the dots become a Chinese ellipsis so the
    /// last sentence reads as cut, and the report is marked `truncated`.
    /// A preview that the page says ended mid-sentence gets the same ellipsis.
    static func markTruncation(_ lines: inout [SourceLine], previewEnded: Bool) -> Bool {
        guard let last = lines.lastIndex(where: { !$0.isBlank }) else { return false }
        var text = lines[last].text
        if text.hasSuffix("...") || text.hasSuffix("。。。") {
            while let c = text.last, c == "." || c == "。" { text.removeLast() }
            text += "……"
            lines[last].text = text
            return true
        }
        if previewEnded, !TextFeatures.endsSentence(text), StructureMarker.parse(text) == nil || text.count > 40 {
            while let c = text.last, "，,、；;：:".contains(c) { text.removeLast() }
            lines[last].text = text + "……"
        }
        return false
    }

    /// A date in a subtitle at the top ((2024年1月27日在…会议上)) or in a signature at the end.
    static func dateInText(_ lines: [SourceLine]) -> ReportDate? {
        let texts = lines.filter { !$0.isBlank }.map(\.text)
        for text in texts.prefix(3) where text.hasAtMost(80) {
            if let first = text.first, "（(—-".contains(first), let date = DateFinder.firstDate(in: text), date.day != nil { return date }
        }
        for text in texts.suffix(3) where text.hasAtMost(40) {
            if let date = DateFinder.firstDate(in: text), date.day != nil { return date }
        }
        return nil
    }

    // MARK: - Metadata helpers

    static let millWords = ["文秘", "秘书", "范文", "文库", "公文", "写作", "材料网", "资料", "豆丁", "原创力", "道客", "文档", "book118", "docin", "doc88", "taodocs", "写材料", "笔杆子"]

    /// Sites that republish documents for download (职场文秘网, 林秘书网): where the text was
    /// found, not who published it. They go to `site`, not `source`.
    static func isDocumentMill(_ name: String) -> Bool {
        let lower = name.lowercased()
        return millWords.contains { lower.contains($0) }
    }

    /// The first one or two sentences, at most about 120 characters.
    static func summary(of paragraphs: [String]) -> String? {
        for text in paragraphs {
            // Skip salutations (同志们：), fragments and bylines without a sentence.
            if text.count < 12 { continue }
            if text.count < 40, !text.contains(where: { TextFeatures.sentenceEnders.contains($0) }) { continue }
            var sentences: [String] = []
            var current = ""
            var ended = false
            for ch in text {
                // A closing quote after 。 belongs to the sentence it closes.
                if ended && !TextFeatures.closers.contains(ch) {
                    sentences.append(current)
                    current = ""
                    ended = false
                    if sentences.count == 2 { break }
                }
                current.append(ch)
                if TextFeatures.sentenceEnders.contains(ch) { ended = true }
            }
            if ended && sentences.count < 2 { sentences.append(current); current = "" }
            if sentences.isEmpty { sentences = [current] }
            var summary = sentences[0]
            if sentences.count > 1, summary.count < 60, summary.count + sentences[1].count <= 120 {
                summary += sentences[1]
            }
            if summary.count > 120 { summary = String(summary.prefix(119)) + "…" }
            return summary.trimmingSpaces
        }
        return nil
    }

    static func fallbackTitle(_ text: String) -> String {
        // Skip what a cut-off first sentence leaves: punctuation, closing quotes.
        let start = text.drop { !(TextFeatures.isCJK($0) || $0.isLetter || $0.isNumber) }
        let sentence = start.prefix { !TextFeatures.sentenceEnders.contains($0) && $0 != "，" && $0 != "," }
        let title = String(sentence.prefix(40)).trimmingSpaces
        if !title.isEmpty { return title }
        let any = String(start.prefix(20)).trimmingSpaces
        return any.isEmpty ? "未命名" : any
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
