import ArgumentParser
import Foundation
import Search

/// `policykb search`: answers from the index files in public/search/, as the page does.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the built site's index (public/search/) from the command line.",
        discussion: """
            Reads public/search/, written by `policykb build`; writes nothing. Gives the same results \
            in the same order as the site's search page. Words separated by spaces must all occur.
            """
    )

    @OptionGroup var options: SiteOptions

    @Argument(help: "What to look for, e.g. 新质生产力 or \"营商环境 昆山\".")
    var query: [String]

    @Option(help: "Only reports with this topic.") var tag: String?
    @Option(help: "Only reports about this region or a region under it (e.g. 江苏省).") var region: String?
    @Option(help: "Only reports of this genre (e.g. 调研报告).") var genre: String?
    @Option(help: "Only reports of this year (e.g. 2023).") var year: String?
    @Option(help: "How many results to show.") var limit: Int = 10
    @Option(help: "How many results to skip first.") var offset: Int = 0
    @Flag(help: "Print the results as JSON.") var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard offset >= 0 else { throw ValidationError("--offset cannot be negative") }
    }

    func run() throws {
        let directory = options.root.appendingPathComponent("public/search")
        let engine: SearchEngine
        do {
            engine = try SearchEngine(directory: directory)
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        let request = SearchQuery(query.joined(separator: " "), tag: tag, region: region, genre: genre, year: year)
        let page = try engine.search(request, offset: offset, limit: limit)
        let total = try engine.allResults(request).count
        if json {
            print(jsonText(request, page.results, total: total))
        } else {
            printText(page.results, total: total)
        }
    }

    // MARK: - Output

    private func printText(_ results: [SearchResult], total: Int) {
        if results.isEmpty {
            print(total == 0 ? "no report contains it" : "no more results (\(total) in all)")
            return
        }
        print("\(total) reports")
        for (index, result) in results.enumerated() {
            let facts = [result.date, result.genre, result.tags.joined(separator: "、")].filter { !$0.isEmpty }
            print("\(offset + index + 1). \(result.title)")
            if !facts.isEmpty { print("   \(facts.joined(separator: " · "))") }
            print("   \(result.url)")
            print("   \(marked(result.excerpt))")
        }
    }

    /// The excerpt with matches in 【】, since a terminal may have no colour.
    private func marked(_ excerpt: Excerpt) -> String {
        let scalars = Array(excerpt.text.unicodeScalars)
        var out = excerpt.truncatedBefore ? "…" : ""
        var position = 0
        for range in excerpt.highlights {
            out += String(String.UnicodeScalarView(scalars[position..<range[0]]))
            out += "【" + String(String.UnicodeScalarView(scalars[range[0]..<range[1]])) + "】"
            position = range[1]
        }
        out += String(String.UnicodeScalarView(scalars[position...]))
        return (out + (excerpt.truncatedAfter ? "…" : "")).replacingOccurrences(of: "\n", with: " ")
    }

    private func jsonText(_ request: SearchQuery, _ results: [SearchResult], total: Int) -> String {
        let items: [[String: Any]] = results.map { result in
            [
                "id": result.id, "url": result.url, "title": result.title, "date": result.date,
                "genre": result.genre, "tags": result.tags, "regions": result.regions, "score": result.score,
                "excerpt": [
                    "text": result.excerpt.text, "highlights": result.excerpt.highlights,
                    "truncatedBefore": result.excerpt.truncatedBefore, "truncatedAfter": result.excerpt.truncatedAfter,
                ] as [String: Any],
            ]
        }
        var object: [String: Any] = ["query": request.text, "total": total, "offset": offset, "results": items]
        var filters: [String: String] = [:]
        if let tag { filters["tag"] = tag }
        if let region { filters["region"] = region }
        if let genre { filters["genre"] = genre }
        if let year { filters["year"] = year }
        object["filters"] = filters
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
