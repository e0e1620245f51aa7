import Foundation
import Testing
import TestSupport
@testable import Search

/// A query returns exactly the reports whose title or body contains it: checked against a
/// brute-force scan of the same texts.
@Suite struct SearchExactnessTests {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The sample reports' raw texts, whole and cut into a few dozen documents of different lengths.
    static let corpus: [SearchDocument] = {
        let raw = URL(fileURLWithPath: "content/raw", relativeTo: repoRoot)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: raw.path))?.sorted() ?? []
        var documents: [SearchDocument] = []
        for file in files where file.hasSuffix(".txt") {
            let text = (try? String(contentsOf: raw.appendingPathComponent(file), encoding: .utf8)) ?? ""
            // The whole file too: long texts.
            documents.append(SearchDocument(url: "reports/\(documents.count)/index.html", title: file, body: text))
            let paragraphs = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            var index = 0
            var size = 3
            while index < paragraphs.count {
                let slice = paragraphs[index..<min(paragraphs.count, index + size)]
                let title = String(slice.first!.prefix(30))
                let body = slice.dropFirst().joined(separator: "\n")
                documents.append(SearchDocument(
                    url: "reports/\(documents.count)/index.html", title: title,
                    date: "20\(20 + documents.count % 5)-01-01", genre: documents.count % 2 == 0 ? "调研报告" : "讲话发言",
                    tags: documents.count % 3 == 0 ? ["营商环境"] : ["新质生产力"],
                    regions: documents.count % 4 == 0 ? ["江苏省", "苏州市", "昆山市"] : ["河南省"],
                    headings: [], body: body))
                index += size
                size = size % 7 + 2
            }
        }
        return documents
    }()

    /// Made once for the suite; a failure to make it fails the tests that read it (a `try!`
    /// here would end the whole test run, and with it every other suite's report).
    private static let madeIndex = Result { try makeIndex(ownFileBytes: SearchFormat.ownFileBytes) }
    /// The same corpus with most postings in files of their own, as in a large corpus.
    private static let madeSplitIndex = Result { try makeIndex(ownFileBytes: 40) }
    static var index: URL { get throws { try madeIndex.get() } }
    static var splitIndex: URL { get throws { try madeSplitIndex.get() } }

    static func makeIndex(ownFileBytes: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-search-\(UUID().uuidString)")
        var writer = try SearchIndexWriter(directory: folder, ownFileBytes: ownFileBytes)
        for document in corpus { try writer.add(document) }
        try writer.finish()
        return folder
    }

    static let normalizedTexts = corpus.map { SearchNormalizer().normalizedString($0.searchableText) }

    static func bruteForce(_ query: SearchQuery) -> Set<Int> {
        // A query with nothing to look up (only punctuation) finds nothing, by design.
        guard query.parts.contains(where: { !SearchQuery.terms(of: $0).isEmpty }) else { return [] }
        let parts = query.parts.map { String(String.UnicodeScalarView($0)) }
        var hits = Set<Int>()
        for (id, text) in normalizedTexts.enumerated() {
            if parts.allSatisfy({ text.contains($0) }) { hits.insert(id) }
        }
        return hits
    }

    @Test func theCorpusIsLargeEnoughToMeanSomething() {
        #expect(Self.corpus.count > 30)
        #expect(Self.corpus.contains { $0.body.unicodeScalars.count > 4_000 })
    }

    @Test func bothIndexLayoutsAreUsed() throws {
        let inline = try FileManager.default.contentsOfDirectory(atPath: Self.index.appendingPathComponent("p").path)
        let split = try FileManager.default.contentsOfDirectory(atPath: Self.splitIndex.appendingPathComponent("p").path)
        #expect(split.filter { $0.contains("-") }.count >= 20)
        #expect(inline.filter { $0.contains("-") }.count < split.filter { $0.contains("-") }.count)
    }

    @Test(arguments: ["新质生产力", "为新质", "营商环", "营商环境", "招商引资", "县域经济", "昆山", "2023", "【篇一】", "“新质", "镇域 招商", "。“", "发展。", "展，", "”。 新质", "科技创新 人才 乡村振兴", "GDP", "gdp"])
    func namedQueriesFindExactlyTheReportsThatContainThem(text: String) throws {
        for index in [try Self.index, try Self.splitIndex] {
            let engine = try SearchEngine(directory: index)
            let found = Set(try engine.allResults(SearchQuery(text)).map(\.id))
            #expect(found == Self.bruteForce(SearchQuery(text)))
        }
    }

    @Test(arguments: [false, true])
    func hundredsOfRandomSubstringsFindExactlyTheReportsThatContainThem(split: Bool) throws {
        let engine = try SearchEngine(directory: split ? Self.splitIndex : Self.index)
        var generator = SeededGenerator(seed: 20261124)
        var checked = 0
        while checked < 400 {
            let document = Self.corpus[Int.random(in: 0..<Self.corpus.count, using: &generator)]
            let text = Array(SearchNormalizer().normalizedString(document.body).unicodeScalars)
            guard text.count > 10 else { continue }
            let length = Int.random(in: 2...6, using: &generator)
            let start = Int.random(in: 0..<(text.count - length), using: &generator)
            let piece = Array(text[start..<(start + length)])
            guard !piece.contains(where: SearchNormalizer.isSpace) else { continue }
            let query = SearchQuery(String(String.UnicodeScalarView(piece)))
            let found = try engine.allResults(query)
            #expect(Set(found.map(\.id)) == Self.bruteForce(query), "query \(query.text)")
            #expect(found.count == Set(found.map(\.id)).count)
            checked += 1
        }
    }

    @Test func everyExcerptHighlightsTheQueryAtTheRightOffsets() throws {
        let engine = try SearchEngine(directory: Self.index)
        for text in ["新质生产力", "营商环境", "招商"] {
            for result in try engine.allResults(SearchQuery(text)) {
                #expect(!result.excerpt.highlights.isEmpty)
                let scalars = Array(result.excerpt.text.unicodeScalars)
                for range in result.excerpt.highlights {
                    let marked = String(String.UnicodeScalarView(scalars[range[0]..<range[1]]))
                    #expect(SearchNormalizer().normalizedString(marked).contains(text))
                }
            }
        }
    }

    @Test func pagingReachesEveryResultOnceInRankOrder() throws {
        let engine = try SearchEngine(directory: Self.index)
        let query = SearchQuery("发展")
        let all = try engine.allResults(query)
        var paged: [SearchResult] = []
        var offset = 0
        while true {
            let page = try engine.search(query, offset: offset, limit: 7).results
            if page.isEmpty { break }
            paged += page
            offset += page.count
        }
        #expect(paged.map(\.id) == all.map(\.id))
        #expect(Set(all.map(\.id)) == Self.bruteForce(query))
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func aReportsExactTitleRanksItFirst() throws {
        let engine = try SearchEngine(directory: Self.index)
        let titled = Self.corpus.enumerated().filter { $0.element.title.count >= 8 }.prefix(10)
        for (id, document) in titled {
            let results = try engine.search(SearchQuery(document.title), limit: 3).results
            #expect(results.first?.id == id || Self.corpus[results.first?.id ?? 0].title == document.title,
                    "\(document.title)")
        }
    }

    @Test func filtersKeepOnlyMatchingReportsAndRegionsRollUp() throws {
        let engine = try SearchEngine(directory: Self.index)
        let all = try engine.allResults(SearchQuery("发展"))
        let inJiangsu = try engine.allResults(SearchQuery("发展", region: "江苏省"))
        let inKunshan = try engine.allResults(SearchQuery("发展", region: "昆山市"))
        #expect(!inJiangsu.isEmpty)
        #expect(Set(inJiangsu.map(\.id)) == Set(all.filter { $0.regions.contains("江苏省") }.map(\.id)))
        #expect(Set(inKunshan.map(\.id)) == Set(inJiangsu.map(\.id)))
        let genre = try engine.allResults(SearchQuery("发展", genre: "讲话发言", year: "2021"))
        #expect(genre.allSatisfy { $0.genre == "讲话发言" && $0.date.hasPrefix("2021") })
        #expect(Set(genre.map(\.id)) == Set(all.filter { $0.genre == "讲话发言" && $0.date.hasPrefix("2021") }.map(\.id)))
    }
}

