import Content
import Testing
import Foundation
@testable import Taxonomy

/// The real taxonomy files and sample texts of the repository, loaded once per test process.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let gazetteer: Gazetteer = {
        do {
            return try Gazetteer.load(from: repositoryRoot.appendingPathComponent("content/taxonomy/regions.csv"))
        } catch {
            Issue.record("regions.csv does not load: \(error)")
            return Gazetteer(regions: [])
        }
    }()

    static let vocabulary: TopicVocabulary = {
        do {
            return try TopicVocabulary.load(from: repositoryRoot.appendingPathComponent("content/taxonomy/topics.yml"))
        } catch {
            Issue.record("topics.yml does not load: \(error)")
            return TopicVocabulary(topics: [])
        }
    }()

    /// A raw sample from `content/raw/` by its number (000…004).
    static func raw(_ number: String) throws -> String {
        let folder = repositoryRoot.appendingPathComponent("content/raw")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        guard let name = names.first(where: { $0.hasPrefix(number + "_") }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// Sample 003 holds several speeches; each starts on a line beginning with 【篇.
    static func parts(of text: String) -> [String] {
        var parts: [String] = []
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("【篇") {
                parts.append(line + "\n")
            } else if !parts.isEmpty {
                parts[parts.count - 1] += line + "\n"
            }
        }
        return parts
    }

    /// The 一、二、… headings of a sample: lines starting with a numeral and 、, or, in samples whose
    /// paragraphs ran together into one line (004), sentences starting that way.
    static func headings(of text: String) -> [String] {
        let numerals = "一二三四五六七八九十"
        return text.components(separatedBy: CharacterSet(charactersIn: "\n。"))
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { line in
                guard let first = line.first, numerals.contains(first) else { return false }
                return line.dropFirst().prefix(2).contains("、")
            }
            .map { String($0.prefix(40)) }
    }
}

/// A raw sample split the way ingest would hand it to the tagger: title line, 一、二、 headings, body.
struct TaggingSample {
    var title: String
    var headings: [String]
    var body: String

    init(text: String) {
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        // The title is the first line that reads like one: it names a report, speech or practice.
        let markers = ["报告", "发言", "发展", "做法", "讲话", "经济"]
        title = lines.first { line in line.count >= 8 && line.count <= 60 && markers.contains { line.contains($0) } && !line.contains(">") } ?? ""
        headings = Fixtures.headings(of: text)
        body = text
    }
}
