import Foundation
import Testing
import TestSupport
@testable import Search

/// The same exactness check on reports from the benchmark corpus generator
/// (scripts/bench/generate-corpus.py): long bodies whose sentences recur across reports, so that
/// every bigram of a query is in many reports that do not contain the query itself.
@Suite struct BenchmarkCorpusExactnessTests {
    static let count = 200

    static let corpus: [SearchDocument] = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-bench-\(UUID().uuidString)")
        let script = SearchExactnessTests.repoRoot.appendingPathComponent("scripts/bench/generate-corpus.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--count", "\(count)", "--out", folder.path, "--site", SearchExactnessTests.repoRoot.path]
        process.standardOutput = FileHandle.nullDevice
        // When the script cannot run there are no reports, and theGeneratorGaveTheReports fails.
        if (try? process.run()) != nil { process.waitUntilExit() }
        let reports = folder.appendingPathComponent("content/reports")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        defer { try? FileManager.default.removeItem(at: folder) }
        return files.map { file in
            let text = (try? String(contentsOf: reports.appendingPathComponent(file), encoding: .utf8)) ?? ""
            let pieces = text.components(separatedBy: "\n---\n")
            let title = pieces[0].split(separator: "\n").first { $0.hasPrefix("title: ") }
                .map { String($0.dropFirst("title: ".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } ?? file
            let tags = pieces[0].split(separator: "\n").filter { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
            let body = pieces.dropFirst().joined(separator: "\n---\n").replacingOccurrences(of: "## ", with: "")
            return SearchDocument(url: "reports/\(file)/", title: title, date: "2024-01-01", tags: tags, body: body)
        }
    }()

    /// Made once for the suite; a failure fails the tests that read it, not the whole run.
    private static let madeIndex = Result { () throws -> URL in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-bench-index-\(UUID().uuidString)")
        var writer = try SearchIndexWriter(directory: folder)
        for document in corpus { try writer.add(document) }
        try writer.finish()
        return folder
    }
    static var index: URL { get throws { try madeIndex.get() } }

    static let texts = corpus.map { SearchNormalizer().normalizedString($0.searchableText) }

    static func bruteForce(_ text: String) -> Set<Int> {
        let parts = SearchQuery(text).parts.map { String(String.UnicodeScalarView($0)) }
        return Set(texts.indices.filter { id in parts.allSatisfy { texts[id].contains($0) } })
    }

    @Test func theGeneratorGaveTheReports() {
        #expect(Self.corpus.count == Self.count)
        #expect(Self.corpus.allSatisfy { $0.body.utf8.count > 6_000 })
    }

    @Test(arguments: ["新质生产力", "为新质", "营商环", "营商环境", "招商引资", "县域经济", "高质量发展", "产业链", "生产力方面", "中的核心"])
    func namedQueriesFindExactlyTheReportsThatContainThem(text: String) throws {
        let engine = try SearchEngine(directory: Self.index)
        let found = try engine.allResults(SearchQuery(text))
        #expect(Set(found.map(\.id)) == Self.bruteForce(text))
        #expect(found.count == Set(found.map(\.id)).count)
    }

    @Test func hundredsOfRandomSubstringsFindExactlyTheReportsThatContainThem() throws {
        let engine = try SearchEngine(directory: Self.index)
        var generator = SeededGenerator(seed: 20261201)
        var checked = 0
        var crossing = 0
        while checked < 300 {
            let text = Array(Self.texts[Int.random(in: 0..<Self.texts.count, using: &generator)].unicodeScalars)
            let length = Int.random(in: 2...6, using: &generator)
            let start = Int.random(in: 0..<(text.count - length), using: &generator)
            let piece = Array(text[start..<(start + length)])
            guard piece.allSatisfy(SearchNormalizer.isHan) else { continue }
            let query = String(String.UnicodeScalarView(piece))
            let found = try engine.allResults(SearchQuery(query))
            let truth = Self.bruteForce(query)
            #expect(Set(found.map(\.id)) == truth, "query \(query)")
            // Most such substrings are in fewer reports than some of their bigrams: the query
            // cuts across words, and candidates must be checked against the text.
            let candidates = try engine.candidates(for: SearchQuery(query)).count
            if candidates > truth.count { crossing += 1 }
            checked += 1
        }
        #expect(crossing > 0)
    }

    @Test func thePagesScriptAnswersAsSwiftDoesOnTheseReportsToo() throws {
        var queries: [[String: Any]] = ["新质生产力", "为新质", "营商环", "产力培育", "中的核心", "生产力方面", "发展"].map { ["text": $0] }
        queries.append(["text": "为新质", "offset": 10, "limit": 10])
        queries.append(["text": Self.corpus[7].title])
        var generator = SeededGenerator(seed: 7)
        while queries.count < 30 {
            let text = Array(Self.texts[Int.random(in: 0..<Self.texts.count, using: &generator)].unicodeScalars)
            let length = Int.random(in: 2...6, using: &generator)
            let start = Int.random(in: 0..<(text.count - length), using: &generator)
            let piece = Array(text[start..<(start + length)])
            if piece.allSatisfy(SearchNormalizer.isHan) { queries.append(["text": String(String.UnicodeScalarView(piece))]) }
        }
        let output = try JavaScriptTwinTests.node(["search", Self.index.path], input: try JSONSerialization.data(withJSONObject: queries))
        let javascript = try JSONSerialization.jsonObject(with: output) as? [[[String: Any]]] ?? []
        #expect(javascript.count == queries.count)
        let engine = try SearchEngine(directory: Self.index)
        for (query, jsResults) in zip(queries, javascript) {
            let swift = try engine.search(SearchQuery(query["text"] as! String), offset: query["offset"] as? Int ?? 0,
                                          limit: query["limit"] as? Int ?? 10).results
            #expect(jsResults.map { $0["id"] as? Int ?? -1 } == swift.map(\.id), "ids differ for \(query)")
            #expect(jsResults.map { Double($0["score"] as? String ?? "") } == swift.map { Optional($0.score) }, "scores differ for \(query)")
            #expect(jsResults.map { (($0["excerpt"] as? [String: Any])?["text"] as? String) ?? "" } == swift.map(\.excerpt.text),
                    "excerpts differ for \(query)")
        }
    }

    @Test func pagingThroughAFrequentQueryReachesEveryReportOnce() throws {
        let engine = try SearchEngine(directory: Self.index)
        var seen: [Int] = []
        while true {
            let page = try engine.search(SearchQuery("为新质"), offset: seen.count, limit: 10).results
            if page.isEmpty { break }
            seen += page.map(\.id)
        }
        #expect(seen.count == Set(seen).count)
        #expect(Set(seen) == Self.bruteForce("为新质"))
        #expect(!seen.isEmpty)
    }
}
