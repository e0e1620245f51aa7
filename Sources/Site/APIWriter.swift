import Content
import Foundation
import Taxonomy

/// `api/reports.json`, `api/topics.json` and `api/regions.json`: the site's metadata for machines
/// (schema in docs/api.md). Each file is a JSON array, one object a line, keys in a fixed order;
/// reports are streamed to the file in chunks, so 100,000 of them never make one giant String.
struct APIWriter {
    let model: SiteModel
    /// Objects made at a time (on every core) before they are gathered.
    var block = 4096
    /// Bytes gathered before they go to the file.
    static let chunkSize = 1 << 20


    /// `api/reports.json`, its objects made on every core a block at a time (not from inside
    /// another parallel job: there the blocks would be made on one core).
    func writeReports(to writer: SiteWriter) throws {
        try stream(to: writer, path: PageLocation.apiReports, count: model.reports.count, object: report)
    }

    /// Writing `api/topics.json` and `api/regions.json`, one job a file, for any thread.
    func jobs(writingTo writer: SiteWriter) -> [@Sendable () throws -> Void] {
        let api = self
        return [
            {
                let topics = api.model.vocabulary.topics
                try api.stream(to: writer, path: PageLocation.apiTopics, count: topics.count) { api.topic(topics[$0]) }
            },
            {
                let regions = api.model.regionsByCode.values.sorted { $0.code < $1.code }
                try api.stream(to: writer, path: PageLocation.apiRegions, count: regions.count) { api.region(regions[$0]) }
            },
        ]
    }

    // MARK: - Objects

    func report(_ id: Int) -> String {
        let report = model.reports[id]
        var fields: [(String, String)] = [
            ("slug", Self.string(report.slug)),
            ("url", Self.string(PageLocation.report(report.slug))),
            ("title", Self.string(report.title)),
            ("date", report.date.map { Self.string($0.description) } ?? "null"),
            ("genre", Self.optional(report.genre)),
            ("source", Self.optional(report.source)),
            ("author", Self.optional(report.author)),
        ]
        fields.append(("tags", Self.array(report.topics.map(Self.string))))
        fields.append(("regions", Self.array(report.regions.map { Self.string($0.name) })))
        fields.append(("summary", Self.string(report.summary)))
        return Self.object(fields)
    }

    func topic(_ topic: Topic) -> String {
        Self.object([
            ("name", Self.string(topic.name)),
            ("slug", Self.string(model.slug(of: topic))),
            ("description", Self.string(topic.description)),
            ("parent", Self.optional(topic.parent.flatMap { model.topicsByName[$0] != nil ? $0 : nil })),
            ("count", String(model.count(topic: topic.name))),
            ("url", Self.string(model.topicPath(topic.name))),
        ])
    }

    func region(_ region: Region) -> String {
        Self.object([
            ("code", Self.string(region.code)),
            ("name", Self.string(region.name)),
            ("level", String(region.level.rawValue)),
            ("parent", Self.optional(region.parentCode)),
            ("count", String(model.count(region: region.code))),
            ("url", Self.string(model.regionPath(region))),
            ("longitude", Self.number(region.longitude)),
            ("latitude", Self.number(region.latitude)),
        ])
    }

    // MARK: - Streaming

    private func stream(to writer: SiteWriter, path: String, count: Int, object: @escaping @Sendable (Int) -> String) throws {
        let file = try writer.create(path)
        defer { try? file.close() }
        var buffer = "[\n"
        // Objects made a block at a time on every core, written in order.
        for start in stride(from: 0, to: count, by: block) {
            let objects = Parallel.map(Array(start..<min(count, start + block)), chunksPerCore: 4, object)
            for (offset, text) in objects.enumerated() {
                buffer += text
                buffer += start + offset + 1 < count ? ",\n" : "\n"
                if buffer.utf8.count >= Self.chunkSize {
                    try file.write(contentsOf: Data(buffer.utf8))
                    buffer = ""
                }
            }
        }
        buffer += "]\n"
        try file.write(contentsOf: Data(buffer.utf8))
    }

    // MARK: - JSON text

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    static func optional(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "null" }
        return string(text)
    }

    /// Six decimal places, as the gazetteer writes them; trailing zeros dropped.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func string(_ text: String) -> String {
        Escape.jsonString(text)
    }
}
