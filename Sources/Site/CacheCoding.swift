#if canImport(Glibc)
import Glibc
#endif
import Content
import Foundation
import Taxonomy

/// Writes a file of `.policykb/` in one step: a temporary file renamed over the old one.
enum CacheFile {
    static func write(_ bytes: [UInt8], root: URL, path: String) throws {
        let full = root.path + "/" + path
        let temporary = full + ".tmp-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try OutputFile.write(bytes, to: temporary)
            guard rename(temporary, full) == 0 else { throw OutputFile.WriteError(path: full, code: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}

/// The build cache's byte format: varints and length-prefixed UTF-8, written and read in the
/// same order. Small and quick to read back, so a large site's cache loads in a few milliseconds.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func word(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8((value >> UInt64(shift)) & 0xFF)) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            int(buffer.count)
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func optional(_ text: String?) {
        bool(text != nil)
        if let text { string(text) }
    }

    mutating func strings(_ items: [String]) {
        int(items.count)
        for item in items { string(item) }
    }

    mutating func value(_ value: FrontMatterValue) {
        switch value {
        case .string(let text): int(0); string(text)
        case .list(let items): int(1); int(items.count); items.forEach { self.value($0) }
        case .map(let pairs):
            int(2); int(pairs.count)
            for key in pairs.keys.sorted() { string(key); self.value(pairs[key]!) }
        case .null: int(3)
        }
    }

    /// Everything of a report but where its body starts, which no page shows.
    mutating func report(_ report: SourceReport, withLocation: Bool = true) {
        string(report.path)
        string(report.slug)
        string(report.title)
        bool(report.date != nil)
        if let date = report.date { int(date.year); int(date.month ?? 0); int(date.day ?? 0) }
        optional(report.genre)
        optional(report.source)
        optional(report.author)
        optional(report.collection)
        optional(report.origin)
        string(report.summary)
        strings(report.topics)
        strings(report.regions.map(\.code))
        strings(report.places)
        int(report.extra.count)
        for (key, value) in report.extra { string(key); self.value(value) }
        guard withLocation else { return }
        bool(report.bodyLocation != nil)
        if let location = report.bodyLocation { int(location.offset); int(location.fileSize) }
    }
}

struct CacheReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset == bytes.count }

    mutating func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value))
    }

    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - offset else { throw Malformed() }
        return value
    }

    mutating func word() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Malformed() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
        offset += 8
        return value
    }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] != 0
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func optional() throws -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws -> [String] {
        try (0..<count()).map { _ in try string() }
    }

    mutating func value(depth: Int = 0) throws -> FrontMatterValue {
        guard depth < 64 else { throw Malformed() }
        switch try int() {
        case 0: return .string(try string())
        case 1: return .list(try (0..<count()).map { _ in try value(depth: depth + 1) })
        case 2:
            var pairs: [String: FrontMatterValue] = [:]
            for _ in 0..<(try count()) { pairs[try string()] = try value(depth: depth + 1) }
            return .map(pairs)
        case 3: return .null
        default: throw Malformed()
        }
    }

    /// A report written by `CacheWriter.report`; regions are looked up by code again.
    mutating func report(gazetteer: Gazetteer) throws -> SourceReport {
        let path = try string()
        let slug = try string()
        let title = try string()
        var date: ReportDate?
        if try bool() {
            let year = try int()
            let month = try int()
            let day = try int()
            date = ReportDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day)
            if date == nil { throw Malformed() }
        }
        let genre = try optional()
        let source = try optional()
        let author = try optional()
        let collection = try optional()
        let origin = try optional()
        let summary = try string()
        let topics = try strings()
        let regions = try strings().map { code -> Region in
            guard let region = gazetteer.region(code: code) else { throw Malformed() }
            return region
        }
        let places = try strings()
        var extra: [(key: String, value: FrontMatterValue)] = []
        for _ in 0..<(try count()) { extra.append((try string(), try value())) }
        var location: (offset: Int, fileSize: Int)?
        if try bool() { location = (try int(), try int()) }
        return SourceReport(
            path: path, slug: slug, title: title, date: date, genre: genre, source: source, author: author,
            collection: collection, origin: origin, summary: summary, topics: topics, regions: regions,
            places: places, extra: extra, bodyLocation: location)
    }
}
