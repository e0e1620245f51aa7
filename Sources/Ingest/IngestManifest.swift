import Foundation

/// `content/reports/.ingest.json`: for each file ingest wrote, the raw origin it came from and
/// a hash of the bytes written. It lets a later run recognise a report the user edited (never
/// overwritten without --force) and keep an origin in the same file when its title changes.
public struct IngestManifest: Codable, Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public var origin: String
        /// FNV-1a 64 of the bytes ingest wrote, in hex.
        public var hash: String
    }

    public var version = 1
    /// File name in content/reports/ → entry.
    public var files: [String: Entry] = [:]

    public init() {}

    public static let fileName = ".ingest.json"

    /// Origin → file, built once for a run (the first file in sorted order wins).
    public func filesByOrigin() -> [String: String] {
        var index: [String: String] = [:]
        for (name, entry) in files.sorted(by: { $0.key < $1.key }) where index[entry.origin] == nil {
            index[entry.origin] = name
        }
        return index
    }

    public func file(forOrigin origin: String) -> String? {
        // Sorted, so that a (hand-edited) manifest naming an origin twice still gives one answer.
        files.filter { $0.value.origin == origin }.keys.sorted().first
    }

    /// Deterministic bytes: sorted keys, one entry a line.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }
}
