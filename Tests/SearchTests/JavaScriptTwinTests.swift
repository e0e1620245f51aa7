import Foundation
import Testing
@testable import Search

/// The page's JavaScript (templates/assets/search.js) must tokenize and answer exactly as Swift does.
/// Runs it under node, which the machine's Swift image ships.
@Suite struct JavaScriptTwinTests {
    static let runner = SearchExactnessTests.repoRoot.appendingPathComponent("Tests/SearchTests/node/search-cli.js")

    static func node(_ arguments: [String], input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", runner.path] + arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return output
    }

    static let samples: [String] = {
        var samples = ["新质生产力", "ＡＢＣ　全角１２３", "GDP增长5.3%", "Ⅻ ① ㈠ ﬁ", "“四管”齐下", "Straße İstanbul", "〇二六年", "𠀀𠀁 ext-b", "a", " ", ""]
        for document in SearchExactnessTests.corpus.prefix(12) {
            samples.append(String(document.body.prefix(600)))
        }
        return samples
    }()

    @Test func tokensAgreeWithSwift() throws {
        let output = try Self.node(["tokens"], input: try JSONEncoder().encode(Self.samples))
        let javascript = try JSONSerialization.jsonObject(with: output) as? [[[String: Any]]] ?? []
        #expect(javascript.count == Self.samples.count)
        for (sample, jsTokens) in zip(Self.samples, javascript) {
            let swiftTokens = SearchTokenizer().tokens(sample)
            let js = jsTokens.map { "\($0["kind"] ?? "")|\($0["text"] ?? "")|\($0["position"] ?? "")" }
            let sw = swiftTokens.map { "\($0.kind.rawValue)|\($0.text)|\($0.position)" }
            #expect(js == sw, "tokens differ for \(sample.prefix(20))")
        }
    }

    @Test func everyCharacterNormalisesTheSameWay() throws {
        // All of the BMP's letters, digits and punctuation that policy text might hold.
        var text = ""
        for value in 0x20..<0x3000 where value != 0x7F {
            if let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned,
               scalar.properties.generalCategory != .surrogate, scalar.properties.generalCategory != .control {
                text.unicodeScalars.append(scalar)
                text.unicodeScalars.append(" ")
            }
        }
        for value in 0xFF00...0xFFEF { if let s = Unicode.Scalar(value) { text.unicodeScalars.append(s); text += " " } }
        let output = try Self.node(["tokens"], input: try JSONEncoder().encode([text]))
        let javascript = (try JSONSerialization.jsonObject(with: output) as? [[[String: Any]]])?.first ?? []
        let js = javascript.map { "\($0["kind"] ?? "")|\($0["text"] ?? "")|\($0["position"] ?? "")" }
        let sw = SearchTokenizer().tokens(text).map { "\($0.kind.rawValue)|\($0.text)|\($0.position)" }
        let firstDifference = zip(js, sw).first { $0 != $1 }
        #expect(js.count == sw.count && firstDifference == nil, "first difference: \(String(describing: firstDifference))")
    }

    @Test(arguments: [false, true])
    func resultsAgreeWithSwiftInTheSameOrder(split: Bool) throws {
        let index = try split ? SearchExactnessTests.splitIndex : SearchExactnessTests.index
        let queries: [[String: Any]] = [
            ["text": "新质生产力"], ["text": "为新质"], ["text": "营商环"], ["text": "发展", "limit": 25],
            ["text": "发展", "offset": 10, "limit": 10], ["text": "镇域 招商"], ["text": "县域经济", "tag": "营商环境"],
            ["text": "发展", "region": "江苏省", "limit": 30], ["text": "科技", "genre": "讲话发言", "year": "2021"],
            ["text": "没有这样的词"], ["text": "新"], ["text": SearchExactnessTests.corpus[3].title],
        ]
        let output = try Self.node(["search", index.path],
                                   input: try JSONSerialization.data(withJSONObject: queries))
        let javascript = try JSONSerialization.jsonObject(with: output) as? [[[String: Any]]] ?? []
        #expect(javascript.count == queries.count)
        let engine = try SearchEngine(directory: index)
        for (query, jsResults) in zip(queries, javascript) {
            let swiftQuery = SearchQuery(query["text"] as! String, tag: query["tag"] as? String, region: query["region"] as? String,
                                         genre: query["genre"] as? String, year: query["year"] as? String)
            let swift = try engine.search(swiftQuery, offset: query["offset"] as? Int ?? 0, limit: query["limit"] as? Int ?? 10).results
            #expect(jsResults.map { $0["id"] as? Int ?? -1 } == swift.map(\.id), "ids differ for \(query)")
            #expect(jsResults.map { Double($0["score"] as? String ?? "") } == swift.map { Optional($0.score) }, "scores differ for \(query)")
            let jsExcerpts = jsResults.map { (($0["excerpt"] as? [String: Any])?["text"] as? String) ?? "" }
            #expect(jsExcerpts == swift.map(\.excerpt.text), "excerpts differ for \(query)")
            let jsHighlights = jsResults.map { (($0["excerpt"] as? [String: Any])?["highlights"] as? [[Int]]) ?? [] }
            #expect(jsHighlights == swift.map(\.excerpt.highlights), "highlights differ for \(query)")
        }
    }
}
